import { createFileRoute, Link } from '@tanstack/react-router'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { evaluationQueries } from '@/api/queries/evaluations.ts'
import { ensure, prefetch } from '@/api/load.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import { downloadBlob } from '@/components/DataTable.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { StatusBadge } from '@/components/StatusBadge.tsx'
import { ComparePicker } from '@/features/evaluation-viewer/ComparePicker.tsx'
import { EvaluationViewer } from '@/features/evaluation-viewer/EvaluationViewer.tsx'
import { ResourceLinks } from '@/features/evaluation-viewer/ResourceLinks.tsx'
import { correctionNotes, PICKER_QUERY, validateEvalSearch } from '@/features/evaluation-viewer/search.ts'
import type { CompareState, OnSearch, ViewerMetrics } from '@/features/evaluation-viewer/types.ts'

export const Route = createFileRoute('/$user/$app/evaluations/$evaluation')({
  validateSearch: validateEvalSearch,
  // Only what the loader reads: the threshold, mode and the rest change the view, never a request.
  loaderDeps: ({ search: { compare } }) => ({ compare }),
  loader: async ({ context: { queryClient }, params: { user, app, evaluation }, deps: { compare } }) => {
    // One wave: the evaluation is the page; evaluation B (when comparing) and the picker's list
    // are parts, started without awaiting them: B failing shows in its panel with Retry. Both
    // evaluations are parsed and prepared in workers, each its own.
    prefetch(queryClient, evaluationQueries.list(user, app, PICKER_QUERY))
    if (compare && compare !== evaluation) void queryClient.prefetchQuery(evaluationQueries.prepared(user, app, compare))
    await ensure(queryClient, evaluationQueries.prepared(user, app, evaluation))
  },
  component: EvaluationPage,
})

function EvaluationPage() {
  const { user, app, evaluation } = Route.useParams()
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  const urlNotes = correctionNotes(search)
  const detail = evaluationQueries.detail(user, app, evaluation)
  const { data } = useSuspenseQuery(evaluationQueries.prepared(user, app, evaluation))
  const metrics = data.metrics as ViewerMetrics
  const compareId = search.compare && search.compare !== evaluation ? search.compare : undefined
  const compareQuery = useQuery({ ...evaluationQueries.prepared(user, app, compareId ?? ''), enabled: compareId !== undefined, retryOnMount: false })
  const compareLimit = compareQuery.data?.limit
  const notes = search.compare === evaluation ? [...urlNotes, 'compare names this evaluation itself; not comparing'] : urlNotes

  const onSearch: OnSearch = (patch, options) => {
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: options?.replace, resetScroll: false })
  }
  const compare: CompareState | undefined = compareId
    ? {
        id: compareId,
        // B over the concept limit cannot be compared: its panel says why.
        status: compareLimit ? 'error' : compareQuery.status,
        evaluation: compareQuery.data,
        error: compareLimit ?? compareQuery.error,
        onRetry: () => void compareQuery.refetch(),
      }
    : undefined

  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          ...appCrumbs(user, app),
          { label: 'evaluations', link: { to: '/$user/$app/evaluations', params: { user, app } } },
          { label: evaluation.slice(0, 8) },
        ]}
      />
      <header className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
            <span>
              Evaluation <span className="font-mono">{evaluation.slice(0, 8)}</span>
            </span>
            <StatusBadge status={metrics.status ?? undefined} />
          </h1>
          <div className="flex flex-wrap gap-2">
            <RequestTools queryKey={detail.queryKey} rawBody={data.raw} />
            <button
              type="button"
              className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
              onClick={() => data.raw && downloadBlob(`evaluation-${evaluation}.json`, data.raw)}
            >
              Download JSON
            </button>
            <Link to="/evaluation-file" className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
              Open a file…
            </Link>
          </div>
        </div>
        <p className="text-xs text-slate-500">
          ID <span className="font-mono">{evaluation}</span>
        </p>
        <ResourceLinks metrics={metrics} user={user} app={app} />
      </header>
      <EvaluationViewer
        evaluation={data}
        search={search}
        notes={notes}
        onSearch={onSearch}
        fileBase={`evaluation-${evaluation.slice(0, 8)}`}
        compare={compare}
        comparePicker={<ComparePicker user={user} app={app} current={evaluation} value={compareId} onChange={(id) => onSearch({ compare: id })} />}
      />
    </div>
  )
}
