import { createFileRoute, Link } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { appQueries } from '@/api/queries/apps.ts'
import { ensure } from '@/api/load.ts'
import { Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import { Markdown } from '@/components/Markdown.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { formatCount, visibilityLabel } from '@/lib/format.ts'

export const Route = createFileRoute('/$user/$app/')({
  loader: async ({ context: { queryClient }, params: { user, app } }) => {
    await Promise.all([
      ensure(queryClient, appQueries.detail(user, app)),
      ensure(queryClient, appQueries.resourceCounts(user, app)),
    ])
  },
  component: AppOverview,
})

function AppOverview() {
  const { user, app: appId } = Route.useParams()
  const appRequest = appQueries.detail(user, appId)
  const { data: appData } = useSuspenseQuery(appRequest)
  const { data: counts } = useSuspenseQuery(appQueries.resourceCounts(user, appId))
  const app = appData.app
  const notes = app?.notes
  // The API omits zero counts: an absent count is 0. Evaluations and tasks have no count endpoint.
  // Inputs, workflows and modules have no page of their own: they open the explorer's list operation.
  const explore = (operation: string) => ({ operation, search: { 'user_app_id.user_id': user, 'user_app_id.app_id': appId } })
  const resources: Array<{ label: string; count?: string; to?: '/$user/$app/models' | '/$user/$app/datasets' | '/$user/$app/evaluations' | '/$user/$app/tasks'; explore?: ReturnType<typeof explore> }> = [
    { label: 'Models', count: counts.models ?? '0', to: '/$user/$app/models' },
    { label: 'Datasets', count: counts.datasets ?? '0', to: '/$user/$app/datasets' },
    { label: 'Evaluations', to: '/$user/$app/evaluations' },
    { label: 'Tasks', to: '/$user/$app/tasks' },
    { label: 'Inputs', count: counts.inputs ?? '0', explore: explore('ListInputs') },
    { label: 'Workflows', count: counts.workflows ?? '0', explore: explore('ListWorkflows') },
    { label: 'Modules', count: counts.modules ?? '0', explore: explore('ListModules') },
  ]
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ label: user, link: { to: '/$user', params: { user } } }, { label: appId }]} />
      <header>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold">{app?.name || appId}</h1>
          <div className="flex gap-2">
            <RequestTools queryKey={appRequest.queryKey} />
          </div>
        </div>
        {app?.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{app.description}</p>}
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
          <span>
            ID <span className="font-mono">{appId}</span>
          </span>
          {visibilityLabel(app?.visibility?.gettable) && <span>{visibilityLabel(app?.visibility?.gettable)}</span>}
          {app?.default_workflow_id && (
            <span>
              Default workflow <span className="font-mono">{app.default_workflow_id}</span>
            </span>
          )}
          <span>
            Created <RelativeTime value={app?.created_at} />
          </span>
          <span>
            Updated <RelativeTime value={app?.modified_at} />
          </span>
        </p>
      </header>
      <section aria-labelledby="resources-heading">
        <h2 id="resources-heading" className="sr-only">
          Resources
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {resources.map(({ label, count, to, explore: target }) => {
            const body = (
              <>
                <span className="block text-xs uppercase tracking-wide text-slate-500">{label}</span>
                <span className="mt-1 block text-xl font-semibold tabular-nums">{count === undefined ? '→' : formatCount(count)}</span>
              </>
            )
            const card = 'block rounded-lg border border-slate-200 p-3 hover:border-blue-400 hover:bg-blue-50/40 dark:border-slate-800 dark:hover:bg-blue-950/30'
            return (
              <li key={label}>
                {to ? (
                  <Link to={to} params={{ user, app: appId }} className={card}>
                    {body}
                  </Link>
                ) : target ? (
                  <Link to="/explore/$operation" params={{ operation: target.operation }} search={target.search} className={card} title={`${target.operation} in the API explorer`}>
                    {body}
                  </Link>
                ) : null}
              </li>
            )
          })}
        </ul>
      </section>
      <section aria-labelledby="notes-heading" className="max-w-3xl">
        <h2 id="notes-heading" className="text-lg font-semibold">
          Notes
        </h2>
        {notes ? <Markdown text={notes} /> : <p className="mt-1 text-sm text-slate-500">This app has no notes.</p>}
      </section>
    </div>
  )
}
