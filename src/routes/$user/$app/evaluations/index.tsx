import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { evaluationQueries, type ListEvaluationsQuery } from '@/api/queries/evaluations.ts'
import { modelQueries } from '@/api/queries/models.ts'
import { ensure } from '@/api/load.ts'
import { listFormModel, readListSearch } from '@/api/list-page.ts'
import { formValuesToSearch, ORDER_KEY, PAGE_KEY, SORT_KEY, type FormValues } from '@/api/param-form.ts'
import { pageOperations } from '@/api/page-operations.gen.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { ParamForm } from '@/components/ParamForm.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { ResourceList } from '@/components/ResourceList.tsx'
import { StatusBadge, statusLabel } from '@/components/StatusBadge.tsx'
import { formatCount, formatMetric } from '@/lib/format.ts'
import { LEADERBOARD_METRICS, leaderboardRow, sortedMetric, type LeaderboardMetric, type LeaderboardRow } from '@/lib/leaderboard.ts'
import type { SearchRecord } from '@/lib/search-params.ts'
import { hasFormFilters, withoutFields } from '@/api/list-form.ts'
import { DatasetLink, EvaluationLink, ModelLink } from '@/features/resource-links/links.tsx'
import { ModelTypeSelect } from '@/features/models/ModelTypeSelect.tsx'

const TYPE_KEY = 'model_type_id'
const form = listFormModel(pageOperations.ListEvaluations)
// The model type is a select of the app's types by name, drawn above the form.
const shownForm = withoutFields(form, [TYPE_KEY])

function listQuery(user: string, app: string, search: SearchRecord) {
  const state = readListSearch(form, search)
  return { state, options: evaluationQueries.list(user, app, state.query as ListEvaluationsQuery) }
}

export const Route = createFileRoute('/$user/$app/evaluations/')({
  // Lenient: the form engine reads and corrects the filters and the sort, with notes on the page.
  validateSearch: (search: Record<string, unknown>) => search as SearchRecord,
  loaderDeps: ({ search }) => ({ search }),
  loader: async ({ context: { queryClient }, params: { user, app }, deps: { search } }) => {
    // The leaderboard and the model types (for the type filter) are independent: one wave.
    await Promise.all([ensure(queryClient, listQuery(user, app, search).options), ensure(queryClient, modelQueries.types(user, app))])
  },
  component: LeaderboardPage,
})

type Row = LeaderboardRow & { rank: number }

function LeaderboardPage() {
  const { user, app } = Route.useParams()
  const search = Route.useSearch()
  const navigate = useNavigate({ from: Route.fullPath })
  const { state, options } = listQuery(user, app, search)
  const { data } = useSuspenseQuery(options)
  const { data: typesData } = useSuspenseQuery(modelQueries.types(user, app))
  const typeId = typeof state.values[TYPE_KEY] === 'string' ? state.values[TYPE_KEY] : undefined
  const sort = state.values[SORT_KEY]
  const isAscending = state.values[ORDER_KEY] === 'asc'
  const highlighted = sortedMetric(sort)
  const offset = (state.page - 1) * state.perPage
  const rows: Row[] = (data.eval_metrics ?? []).map((e, i) => ({ ...leaderboardRow(e, { userId: user, appId: app }, i), rank: offset + i + 1 }))
  const hasConceptCounts = rows.some((row) => row.conceptCount !== undefined)

  const go = (values: FormValues) => {
    void navigate({ search: formValuesToSearch(form, { ...values, [PAGE_KEY]: undefined }) })
  }
  const handleSubmit = (values: FormValues) => go({ ...values, [TYPE_KEY]: typeId })
  const handleType = (next: string) => go({ ...state.values, [TYPE_KEY]: next || undefined })
  // The type has its own select: the form opens for its own filters and for notes about the link.
  const isFormOpen = state.notes.length > 0 || hasFormFilters(shownForm, state.values)

  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[...appCrumbs(user, app), { label: 'evaluations' }]}
      />
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Evaluation leaderboard</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Every evaluation of this app's models, ranked by the metric you choose.</p>
        </div>
        <Link to="/$user/$app/models" params={{ user, app }} className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
          Models →
        </Link>
      </header>
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
                search={formValuesToSearch(form, { ...state.values, [SORT_KEY]: metric.sort, [ORDER_KEY]: undefined, [PAGE_KEY]: undefined })}
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
      <ResourceList
        noun="evaluations"
        columns={leaderboardColumns(highlighted, isAscending, hasConceptCounts)}
        rows={rows}
        rowKey={(row) => row.id}
        page={state.page}
        perPage={state.perPage}
        isFiltered={state.isFiltered}
        clearFilters={{ to: '/$user/$app/evaluations', params: { user, app }, search: {} }}
        pageLink={(page) => ({ to: '/$user/$app/evaluations', params: { user, app }, search: { ...search, page: String(page) } })}
        filters={<ParamForm model={shownForm} values={state.values} notes={state.notes} onSubmit={handleSubmit} label="Filter evaluations" />}
        isFilterOpen={isFormOpen}
        tools={<RequestTools queryKey={options.queryKey} />}
        csvName={`${user}-${app}-evaluations`}
      />
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
