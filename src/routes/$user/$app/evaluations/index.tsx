import { useState } from 'react'
import { createFileRoute, Link } from '@tanstack/react-router'
import { useQueries } from '@tanstack/react-query'
import { evaluationQueries } from '@/api/queries/evaluations.ts'
import { modelQueries } from '@/api/queries/models.ts'
import { prefetch } from '@/api/load.ts'
import { listForm } from '@/api/list-page.ts'
import { ORDER_KEY, SORT_KEY, type FormValues } from '@/api/param-form.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { ListHeader, listPage } from '@/components/ListPage.tsx'
import { ariaSortOf, SortHeader } from '@/components/SortHeader.tsx'
import { StatusBadge, statusLabel } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { formatMetric } from '@/lib/format.ts'
import {
  DETECTOR_TYPE_ID,
  effectiveSort,
  evaluationName,
  KIND_METRICS,
  kindOfTypeFilter,
  LEADERBOARD_METRICS,
  leaderboardRow,
  nextSort,
  rankRows,
  shortId,
  type LeaderboardKind,
  type LeaderboardRow,
  type SortState,
} from '@/lib/leaderboard.ts'
import { DatasetLink, EvaluationLink, ModelLink } from '@/features/resource-links/links.tsx'
import { ModelTypeFilter, TYPE_KEY, typeFilterOf, useModelTypeNames } from '@/features/models/model-types.tsx'


type Row = LeaderboardRow & { rank: number | undefined }

const SORT_KEYS = LEADERBOARD_METRICS.map((m) => `sort_by_${m.sort}`)

/** The URL's sort when it is one of the kind's metrics, else the kind's ranking metric, best first. */
function sortOf(values: FormValues): SortState {
  const type = values[TYPE_KEY]
  return effectiveSort(kindOfTypeFilter(typeof type === 'string' ? type : undefined), values[SORT_KEY], values[ORDER_KEY])
}

const list = listPage({
  // The model type is a select of the app's types by name and the sort is the column headers:
  // both drawn outside the form.
  form: listForm('ListEvaluations', { separate: [TYPE_KEY, SORT_KEY, ORDER_KEY] }),
  // A deep link without a sort is ranked anyway: by ROC AUC (classifiers) or mAP (detectors).
  query: ({ user, app }: { user: string; app: string }, query) => {
    const kind = kindOfTypeFilter(query.model_type_id)
    const named = SORT_KEYS.find((key) => (query as Record<string, unknown>)[key] === true)?.slice('sort_by_'.length)
    const sort = effectiveSort(kind, named, query.sort_ascending ? 'asc' : 'desc')
    const rest = Object.fromEntries(Object.entries(query).filter(([key]) => !key.startsWith('sort_by_') && key !== 'sort_ascending'))
    return evaluationQueries.list(user, app, { ...rest, [`sort_by_${sort.sort}`]: true, ...(sort.isAscending ? { sort_ascending: true } : {}) })
  },
  rows: (data, state, { user, app }): Row[] => {
    const kind = kindOfTypeFilter(state.query.model_type_id)
    const by = LEADERBOARD_METRICS.find((m) => m.sort === sortOf(state.values).sort)?.key ?? KIND_METRICS[kind][0] ?? 'rocAuc'
    const rows = (data.eval_metrics ?? []).map((e, i) => leaderboardRow(e, { userId: user, appId: app }, i))
    return rankRows(rows, kind, by, (state.page - 1) * state.perPage)
  },
  rowKey: (row) => row.id,
  noun: 'evaluations',
  columns: (_params, state) => leaderboardColumns({ kind: kindOfTypeFilter(state.query.model_type_id), sort: sortOf(state.values), sortLink: () => ({}), typeNames: new Map(), versionDates: new Map(), selected: [], onSelect: () => {} }),
  csvName: ({ user, app }) => `${user}-${app}-evaluations`,
})

export const Route = createFileRoute('/$user/$app/evaluations/')({
  validateSearch: list.validateSearch,
  loaderDeps: list.loaderDeps,
  loader: async (ctx) => {
    // One wave: the leaderboard is the page; the model types only feed the type filter.
    prefetch(ctx.context.queryClient, modelQueries.types(ctx.params.user, ctx.params.app))
    await list.load(ctx)
  },
  component: LeaderboardPage,
})

function LeaderboardPage() {
  const params = Route.useParams()
  const { user, app } = params
  const view = list.useList(params, Route.useSearch())
  const typeNames = useModelTypeNames(user, app)
  const { values } = view.state
  const typeId = typeFilterOf(values)
  const kind = kindOfTypeFilter(typeId)
  const sort = sortOf(values)
  const separate = { [TYPE_KEY]: typeId, [SORT_KEY]: values[SORT_KEY], [ORDER_KEY]: values[ORDER_KEY] }
  const handleType = (next: string) => view.go({ ...values, [TYPE_KEY]: next || undefined, [SORT_KEY]: undefined, [ORDER_KEY]: undefined })
  const kindSearch = (next: LeaderboardKind) => list.form.search({ ...values, [TYPE_KEY]: next === 'detection' ? DETECTOR_TYPE_ID : undefined, [SORT_KEY]: undefined, [ORDER_KEY]: undefined })
  const sortLink = (column: string) => {
    const next = nextSort(sort, column)
    return { to: '/$user/$app/evaluations' as const, params: { user, app }, search: list.form.search({ ...values, [SORT_KEY]: next.sort, [ORDER_KEY]: next.isAscending ? 'asc' : undefined }) }
  }
  const [selected, setSelected] = useState<string[]>([])
  const handleSelect = (id: string, isOn: boolean) => setSelected((current) => (isOn ? [...current.filter((x) => x !== id), id].slice(-2) : current.filter((x) => x !== id)))
  const versionDates = useVersionDates(view.rows)
  const columns = leaderboardColumns({ kind, sort, sortLink, typeNames, versionDates, selected, onSelect: handleSelect })
  const [first, second] = selected

  return (
    <div className="space-y-5">
      <Breadcrumbs items={[...appCrumbs(user, app), { label: 'evaluations' }]} />
      <ListHeader
        title="Evaluation leaderboard"
        lead={kind === 'detection' ? 'Detectors, ranked by mAP at IoU 0.5. Click a column header to rank by it.' : 'Classifiers, ranked by ROC AUC. Click a column header to rank by it.'}
        actions={
          <Link to="/$user/$app/models" params={{ user, app }} className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
            Models →
          </Link>
        }
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        {/* Classifiers and detectors are measured differently: each has its own ranking. */}
        <nav aria-label="Model kind" className="flex rounded-md border border-slate-300 text-sm dark:border-slate-700">
          {(['classification', 'detection'] as const).map((option) => (
            <Link
              key={option}
              to="/$user/$app/evaluations"
              params={{ user, app }}
              search={kindSearch(option)}
              aria-current={option === kind ? 'page' : undefined}
              activeOptions={{ includeSearch: false }}
              className={`px-3 py-1 first:rounded-l-md last:rounded-r-md ${option === kind ? 'bg-blue-700 text-white' : 'hover:bg-slate-50 dark:hover:bg-slate-900'}`}
            >
              {option === 'classification' ? 'Classifiers' : 'Detectors'}
            </Link>
          ))}
        </nav>
        <ModelTypeFilter user={user} app={app} value={typeId} onChange={handleType} />
      </div>
      <div aria-live="polite" className="flex min-h-9 flex-wrap items-center gap-3 text-sm">
        {first && second ? (
          <>
            <Link
              to="/$user/$app/evaluations/$evaluation"
              params={{ user, app, evaluation: first }}
              search={{ compare: second }}
              className="rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800"
            >
              Compare {shortId(first)} with {shortId(second)}
            </Link>
            <button type="button" onClick={() => setSelected([])} className="text-slate-600 hover:underline dark:text-slate-400">
              Clear selection
            </button>
          </>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">{first ? 'Select one more evaluation to compare with.' : 'Select two evaluations to compare them.'}</span>
        )}
      </div>
      <list.Body list={view} label="Filter evaluations" separate={separate} columns={columns} />
    </div>
  )
}

/**
 * Evaluations carry no date in the API. The nearest honest date is when the evaluated model
 * version was created: one GetModelVersion per version on the page, after the list names them.
 */
function useVersionDates(rows: readonly Row[]): Map<string, string | undefined> {
  const versions = [...new Map(rows.filter((r) => r.model?.versionId).map((r) => [`${r.model?.appId}/${r.model?.id}/${r.model?.versionId}`, r.model])).values()]
  return useQueries({
    queries: versions.map((m) => ({ ...modelQueries.version(m?.userId ?? '', m?.appId ?? '', m?.id ?? '', m?.versionId ?? ''), retry: false })),
    combine: (results) => new Map(results.map((r, i) => [versions[i]?.versionId ?? '', r.data?.model_version?.created_at])),
  })
}

interface ColumnOptions {
  kind: LeaderboardKind
  sort: SortState
  sortLink: (column: string) => object
  typeNames: ReadonlyMap<string, string>
  versionDates: ReadonlyMap<string, string | undefined>
  selected: readonly string[]
  onSelect: (id: string, isOn: boolean) => void
}

function leaderboardColumns({ kind, sort, sortLink, typeNames, versionDates, selected, onSelect }: ColumnOptions): Column<Row>[] {
  const metricColumns = KIND_METRICS[kind].map((key): Column<Row> => {
    const metric = LEADERBOARD_METRICS.find((m) => m.key === key) ?? { key, label: key, sort: key }
    const isSorted = metric.sort === sort.sort
    const direction = isSorted ? (sort.isAscending ? 'ascending' : 'descending') : undefined
    return {
      id: metric.key,
      header: metric.label,
      ariaSort: ariaSortOf(direction),
      headerContent: (
        <SortHeader
          label={metric.label}
          direction={direction}
          verb="rank by it"
          render={(content, className) => (
            <Link {...(sortLink(metric.sort) as Parameters<typeof Link>[0])} className={className}>
              {content}
            </Link>
          )}
        />
      ),
      cell: (row) => <span className={isSorted ? 'font-semibold' : undefined}>{formatMetric(row[metric.key])}</span>,
      csv: (row) => row[metric.key],
      className: `text-right tabular-nums ${isSorted ? 'bg-blue-50/60 dark:bg-blue-950/30' : ''}`,
    }
  })
  return [
    {
      id: 'select',
      header: 'Compare',
      cell: (row) =>
        row.id.startsWith('(') ? null : (
          <input
            type="checkbox"
            checked={selected.includes(row.id)}
            onChange={(event) => onSelect(row.id, event.target.checked)}
            aria-label={`Compare ${row.model?.id ?? 'evaluation'} ${shortId(row.id)}`}
            className="h-4 w-4"
          />
        ),
    },
    { id: 'rank', header: '#', cell: (row) => row.rank ?? '—', csv: (row) => row.rank, className: 'text-right tabular-nums text-slate-500' },
    {
      id: 'id',
      header: 'Evaluation',
      // Evaluations have only an id: named by what was evaluated on what, the id beside it.
      cell: (row) =>
        row.id.startsWith('(') ? (
          <span className="text-slate-400">{row.id}</span>
        ) : (
          <EvaluationLink user={row.userId} app={row.appId} evaluation={row.id} className="text-blue-700 hover:underline dark:text-blue-400">
            {evaluationName(row)} <span className="font-mono text-xs text-slate-500">{shortId(row.id)}</span>
          </EvaluationLink>
        ),
      csv: (row) => row.id,
    },
    { id: 'model', header: 'Model version', cell: (row) => <ModelLink model={row.model} />, csv: (row) => (row.model ? `${row.model.id}${row.model.versionId ? `@${row.model.versionId}` : ''}` : undefined) },
    {
      id: 'type',
      header: 'Type',
      cell: (row) => <span className="whitespace-nowrap text-xs">{row.model?.typeId ? (typeNames.get(row.model.typeId) ?? row.model.typeId) : '—'}</span>,
      csv: (row) => row.model?.typeId,
    },
    {
      id: 'ground_truth',
      header: 'Ground truth',
      cell: (row) => <DatasetLink dataset={row.groundTruth} />,
      csv: (row) => (row.groundTruth ? `${row.groundTruth.id}${row.groundTruth.versionId ? `@${row.groundTruth.versionId}` : ''}` : undefined),
    },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} />, csv: (row) => statusLabel(row.status?.code) },
    ...metricColumns,
    {
      id: 'version_created',
      header: 'Version created',
      headerContent: <span title="Evaluations carry no date in the API: this is when the evaluated model version was created.">Version created</span>,
      cell: (row) => <RelativeTime value={versionDates.get(row.model?.versionId ?? '')} />,
      csv: (row) => versionDates.get(row.model?.versionId ?? ''),
    },
  ]
}
