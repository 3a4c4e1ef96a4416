import { createFileRoute, Link } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { appQueries } from '@/api/queries/apps.ts'
import { ensure, prefetch } from '@/api/load.ts'
import type { QueryData } from '@/api/query-data.ts'
import { Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import { FactsGrid, lifecycleFacts } from '@/components/FactsGrid.tsx'
import { Markdown } from '@/components/Markdown.tsx'
import { QueryPanel } from '@/components/QueryPanel.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { formatCount } from '@/lib/format.ts'

export const Route = createFileRoute('/$user/$app/')({
  loader: async ({ context: { queryClient }, params: { user, app } }) => {
    // One wave: the app is the page; its counts are a part with their own states.
    prefetch(queryClient, appQueries.resourceCounts(user, app))
    await ensure(queryClient, appQueries.detail(user, app))
  },
  component: AppOverview,
})

function AppOverview() {
  const { user, app: appId } = Route.useParams()
  const appRequest = appQueries.detail(user, appId)
  const { data: appData } = useSuspenseQuery(appRequest)
  const app = appData.app
  const notes = app?.notes

  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ label: user, link: { to: '/$user', params: { user } } }, { label: appId }]} />
      <header>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold">{app?.name || appId}</h1>
          <div className="flex flex-wrap items-center gap-2">
            <RequestTools queryKey={appRequest.queryKey} />
          </div>
        </div>
        {app?.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{app.description}</p>}
        <div className="mt-2">
          <FactsGrid
            layout="line"
            facts={[
              ['ID', <span className="font-mono">{appId}</span>],
              app?.default_workflow_id && ['Default workflow', <span className="font-mono">{app.default_workflow_id}</span>],
              ...lifecycleFacts(app),
            ]}
          />
        </div>
      </header>
      <section aria-labelledby="resources-heading">
        <h2 id="resources-heading" className="sr-only">
          Resources
        </h2>
        <QueryPanel query={appQueries.resourceCounts(user, appId)} name="Resource counts" skeleton={<ResourceGrid user={user} app={appId} />}>
          {(counts) => <ResourceGrid user={user} app={appId} counts={counts} />}
        </QueryPanel>
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

type Counts = QueryData<typeof appQueries.resourceCounts>

/** The app's resources with their counts (none while they load), and links to where they are listed. */
function ResourceGrid({ user, app: appId, counts }: { user: string; app: string; counts?: Counts }) {
  // The API omits zero counts: an absent count is 0. Evaluations and tasks have no count endpoint.
  // Inputs, workflows and modules have no page of their own: they open the explorer's list operation.
  const count = (value: string | undefined) => (counts ? (value ?? '0') : undefined)
  const explore = (operation: string) => ({ operation, search: { 'user_app_id.user_id': user, 'user_app_id.app_id': appId } })
  const resources: Array<{ label: string; count?: string; to?: '/$user/$app/models' | '/$user/$app/datasets' | '/$user/$app/evaluations' | '/$user/$app/tasks'; explore?: ReturnType<typeof explore> }> = [
    { label: 'Models', count: count(counts?.models), to: '/$user/$app/models' },
    { label: 'Datasets', count: count(counts?.datasets), to: '/$user/$app/datasets' },
    { label: 'Evaluations', to: '/$user/$app/evaluations' },
    { label: 'Tasks', to: '/$user/$app/tasks' },
    { label: 'Inputs', count: count(counts?.inputs), explore: explore('ListInputs') },
    { label: 'Workflows', count: count(counts?.workflows), explore: explore('ListWorkflows') },
    { label: 'Modules', count: count(counts?.modules), explore: explore('ListModules') },
  ]
  const card = 'block rounded-lg border border-slate-200 p-3 hover:border-blue-400 hover:bg-blue-50/40 dark:border-slate-800 dark:hover:bg-blue-950/30'
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
      {resources.map(({ label, count, to, explore: target }) => {
        const body = (
          <>
            <span className="block text-xs uppercase tracking-wide text-slate-500">{label}</span>
            <span className="mt-1 block text-xl font-semibold tabular-nums">{count === undefined ? '→' : formatCount(count)}</span>
          </>
        )
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
  )
}
