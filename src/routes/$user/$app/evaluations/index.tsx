import { createFileRoute, Link } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { evaluationQueries } from '@/api/queries/evaluations.ts'
import { modelQueries } from '@/api/queries/models.ts'
import { ensure } from '@/api/load.ts'
import { listForm } from '@/api/list-page.ts'
import { ORDER_KEY, SORT_KEY } from '@/api/param-form.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { ListHeader, listPage } from '@/components/ListPage.tsx'
import { StatusBadge, statusLabel } from '@/components/StatusBadge.tsx'
import { formatCount, formatMetric } from '@/lib/format.ts'
import { LEADERBOARD_METRICS, leaderboardRow, sortedMetric, type LeaderboardMetric, type LeaderboardRow } from '@/lib/leaderboard.ts'
import { DatasetLink, EvaluationLink, ModelLink } from '@/features/resource-links/links.tsx'
import { ModelTypeSelect } from '@/features/models/ModelTypeSelect.tsx'

const TYPE_KEY = 'model_type_id'

type Row = LeaderboardRow & { rank: number }

const list = listPage({
  // The model type is a select of the app's types by name, drawn above the form.
  form: listForm('ListEvaluations', { separate: [TYPE_KEY] }),
  query: ({ user, app }: { user: string; app: string }, query) => evaluationQueries.list(user, app, query),
  rows: (data, state, { user, app }): Row[] => {
    const offset = (state.page - 1) * state.perPage
    return (data.eval_metrics ?? []).map((e, i) => ({ ...leaderboardRow(e, { userId: user, appId: app }, i), rank: offset + i + 1 }))
  },
  rowKey: (row) => row.id,
  noun: 'evaluations',
  columns: (_params, state, rows) =>
    leaderboardColumns(
      sortedMetric(state.values[SORT_KEY]),
      state.values[ORDER_KEY] === 'asc',
      rows.some((row) => row.conceptCount !== undefined),
    ),
  csvName: ({ user, app }) => `${user}-${app}-evaluations`,
})

export const Route = createFileRoute('/$user/$app/evaluations/')({
  validateSearch: list.validateSearch,
  loaderDeps: list.loaderDeps,
  loader: async (ctx) => {
    // The leaderboard and the model types (for the type filter) are independent: one wave.
    await Promise.all([list.load(ctx), ensure(ctx.context.queryClient, modelQueries.types(ctx.params.user, ctx.params.app))])
  },
  component: LeaderboardPage,
})

function LeaderboardPage() {
  const params = Route.useParams()
  const { user, app } = params
  const view = list.useList(params, Route.useSearch())
  const { data: typesData } = useSuspenseQuery(modelQueries.types(user, app))
  const { values } = view.state
  const typeValue = values[TYPE_KEY]
  const typeId = typeof typeValue === 'string' ? typeValue : undefined
  const sort = values[SORT_KEY]
  const handleType = (next: string) => view.go({ ...values, [TYPE_KEY]: next || undefined })

  return (
    <div className="space-y-5">
      <Breadcrumbs items={[...appCrumbs(user, app), { label: 'evaluations' }]} />
      <ListHeader
        title="Evaluation leaderboard"
        lead="Every evaluation of this app's models, ranked by the metric you choose."
        actions={
          <Link to="/$user/$app/models" params={{ user, app }} className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
            Models →
          </Link>
        }
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Rank by" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">Rank by</span>
          {LEADERBOARD_METRICS.map((metric) => {
            const isCurrent = metric.sort === sort
            return (
              // The router marks the link of the current sort with aria-current="page".
              <Link
                key={metric.sort}
                to="/$user/$app/evaluations"
                params={{ user, app }}
                search={list.form.search({ ...values, [SORT_KEY]: metric.sort, [ORDER_KEY]: undefined })}
                className={`rounded-full border px-3 py-1 ${
                  isCurrent
                    ? 'border-blue-600 bg-blue-600 text-white'
                    : 'border-slate-300 hover:border-blue-400 hover:bg-blue-50 dark:border-slate-700 dark:hover:bg-blue-950/30'
                }`}
              >
                {metric.label}
              </Link>
            )
          })}
        </nav>
        <ModelTypeSelect types={typesData.model_types ?? []} value={typeId} onChange={handleType} param={TYPE_KEY} />
      </div>
      <list.Body list={view} label="Filter evaluations" separate={{ [TYPE_KEY]: typeId }} />
    </div>
  )
}

function leaderboardColumns(highlighted: LeaderboardMetric | undefined, isAscending: boolean, hasConceptCounts: boolean): Column<Row>[] {
  const metricColumns = LEADERBOARD_METRICS.map(
    (metric): Column<Row> => ({
      id: metric.key,
      header: metric.key === highlighted ? `${metric.label} ${isAscending ? '↑' : '↓'}` : metric.label,
      cell: (row) => <span className={metric.key === highlighted ? 'font-semibold' : undefined}>{formatMetric(row[metric.key])}</span>,
      csv: (row) => row[metric.key],
      className: `text-right tabular-nums ${metric.key === highlighted ? 'bg-blue-50/60 dark:bg-blue-950/30' : ''}`,
    }),
  )
  return [
    { id: 'rank', header: '#', cell: (row) => row.rank, csv: (row) => row.rank, className: 'text-right tabular-nums text-slate-500' },
    {
      id: 'id',
      header: 'Evaluation',
      cell: (row) => (row.id.startsWith('(') ? <span className="text-slate-400">{row.id}</span> : <EvaluationLink user={row.userId} app={row.appId} evaluation={row.id} />),
      csv: (row) => row.id,
    },
    { id: 'model', header: 'Model', cell: (row) => <ModelLink model={row.model} />, csv: (row) => (row.model ? `${row.model.id}${row.model.versionId ? `@${row.model.versionId}` : ''}` : undefined) },
    { id: 'type', header: 'Type', cell: (row) => <span className="whitespace-nowrap font-mono text-xs">{row.model?.typeId ?? '—'}</span>, csv: (row) => row.model?.typeId },
    {
      id: 'ground_truth',
      header: 'Ground truth',
      cell: (row) => <DatasetLink dataset={row.groundTruth} />,
      csv: (row) => (row.groundTruth ? `${row.groundTruth.id}${row.groundTruth.versionId ? `@${row.groundTruth.versionId}` : ''}` : undefined),
    },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} />, csv: (row) => statusLabel(row.status?.code) },
    ...metricColumns,
    ...(hasConceptCounts
      ? [{ id: 'concepts', header: 'Concepts', cell: (row: Row) => formatCount(row.conceptCount), csv: (row: Row) => row.conceptCount, className: 'text-right tabular-nums' }]
      : []),
  ]
}
