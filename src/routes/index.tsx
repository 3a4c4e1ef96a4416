import { createFileRoute } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { appQueries } from '../api/queries/apps.ts'
import { userQueries } from '../api/queries/users.ts'
import { getSession } from '../api/session.ts'
import { useSession } from '../api/use-session.ts'
import { formatDate } from '../lib/format.ts'

const HOME_APPS = { per_page: 50, sort_by_modified_at: true } as const

export const Route = createFileRoute('/')({
  loader: async ({ context: { queryClient } }) => {
    const userId = getSession()?.userId ?? 'me'
    await Promise.all([
      queryClient.ensureQueryData(userQueries.detail(userId)),
      queryClient.ensureQueryData(appQueries.list(userId, HOME_APPS)),
    ])
  },
  component: HomePage,
})

function HomePage() {
  const userId = useSession()?.userId ?? 'me'
  const { data: userData } = useSuspenseQuery(userQueries.detail(userId))
  const { data: appsData } = useSuspenseQuery(appQueries.list(userId, HOME_APPS))
  const user = userData?.user
  const apps = appsData?.apps ?? []
  const name = [user?.first_name, user?.last_name].filter(Boolean).join(' ') || user?.id || userId
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Welcome, {name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Signed in as <span className="font-mono">{user?.id ?? userId}</span>
        </p>
      </div>
      <section aria-labelledby="apps-heading">
        <h2 id="apps-heading" className="text-lg font-semibold">
          Apps
        </h2>
        {apps.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Nothing here yet: this user has no apps.</p>
        ) : (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {apps.map((app) => (
              <li key={app.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
                <div className="font-medium">{app.id}</div>
                {app.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">{app.description}</p>}
                {app.modified_at && (
                  <p className="mt-2 text-xs text-slate-500" title={app.modified_at}>
                    Updated {formatDate(app.modified_at)}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
