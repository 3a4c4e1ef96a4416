import { useState, type FormEvent } from 'react'
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { appQueries } from '@/api/queries/apps.ts'
import { userQueries } from '@/api/queries/users.ts'
import { getSession } from '@/api/session.ts'
import { useSession } from '@/api/use-session.ts'
import { RecentPlaces } from '@/components/RecentPlaces.tsx'
import { formatDate } from '@/lib/format.ts'
import { parsePortalUrl, portalUrlProblem } from '@/lib/portal-url.ts'

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
      <OpenLink />
      <RecentPlaces />
      <section aria-labelledby="apps-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="apps-heading" className="text-lg font-semibold">
            Apps
          </h2>
          <Link to="/$user" params={{ user: user?.id ?? userId }} className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
            All apps, models, datasets and evaluations →
          </Link>
        </div>
        {apps.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Nothing here yet: this user has no apps.</p>
        ) : (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {apps.map((app, index) => (
              <li key={app.id || `#${index}`}>
                <Link
                  to="/$user/$app"
                  params={{ user: app.user_id ?? user?.id ?? userId, app: app.id ?? '' }}
                  className="block h-full rounded-lg border border-slate-200 p-4 hover:border-blue-400 hover:bg-blue-50/40 dark:border-slate-800 dark:hover:bg-blue-950/30"
                >
                <div className="font-medium">{app.name || app.id}</div>
                <div className="font-mono text-xs text-slate-500">{app.id}</div>
                {app.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">{app.description}</p>}
                {app.modified_at && (
                  <p className="mt-2 text-xs text-slate-500" title={app.modified_at}>
                    Updated {formatDate(app.modified_at)}
                  </p>
                )}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

/** Paste a clarifai.com portal address to open the same resource here. */
function OpenLink() {
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const options = { consoleOrigin: window.location.origin }
    const target = parsePortalUrl(text, options)
    if (!target) {
      setError(portalUrlProblem(text, options) ?? 'That is not the address of a Clarifai user, app or resource.')
      return
    }
    void navigate({ href: target.path })
  }
  return (
    <form onSubmit={handleSubmit} className="max-w-2xl">
      <label htmlFor="open-link" className="block text-sm font-medium">
        Open a clarifai.com link
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="open-link"
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setError('')
          }}
          placeholder="https://clarifai.com/user/app/models/model-id"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'open-link-error' : undefined}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
          Open
        </button>
      </div>
      {error && (
        <p id="open-link-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  )
}
