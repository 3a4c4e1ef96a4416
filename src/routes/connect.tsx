import { useState, type FormEvent } from 'react'
import { createFileRoute, useNavigate } from '@tanstack/react-router'
import { useQueryClient } from '@tanstack/react-query'
import * as v from 'valibot'
import { isApiError } from '@/api/errors.ts'
import { userQueries } from '@/api/queries/users.ts'
import { clearSession, defaultBaseUrl, getSession, setSession } from '@/api/session.ts'
import { ErrorFacts } from '@/components/states.tsx'

const searchSchema = v.object({
  reason: v.fallback(v.optional(v.picklist(['refused'])), undefined),
  // Only paths inside the console: a link must not send people elsewhere after connecting.
  redirect: v.fallback(v.optional(v.pipe(v.string(), v.regex(/^\/(?!\/)/))), undefined),
})

export const Route = createFileRoute('/connect')({
  validateSearch: searchSchema,
  component: ConnectPage,
})

function ConnectPage() {
  const { reason, redirect } = Route.useSearch()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const previous = getSession()
  const [token, setToken] = useState('')
  const [userId, setUserId] = useState(previous && !previous.isDemo ? previous.userId : 'me')
  const [baseUrl, setBaseUrl] = useState(previous?.baseUrl ?? defaultBaseUrl())
  const [isRemembered, setIsRemembered] = useState(false)
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setError(null)
    const base = baseUrl.trim() || defaultBaseUrl()
    if (!isHttpUrl(base)) {
      setError(new Error('The API base URL must start with http:// or https://.'))
      return
    }
    setIsBusy(true)
    queryClient.clear()
    setSession({ token: token.trim(), userId: userId.trim() || 'me', baseUrl: base, isRemembered, isDemo: false })
    try {
      await queryClient.fetchQuery(userQueries.detail(userId.trim() || 'me'))
      await navigate({ href: redirect ?? '/' })
    } catch (caught) {
      // A refused token is handled app-wide (this page, saying so); anything else is shown here.
      if (!(isApiError(caught) && caught.isUnauthorized)) {
        clearSession()
        setError(caught)
      }
    } finally {
      setIsBusy(false)
    }
  }

  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">Connect to Clarifai</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Use a personal access token from your Clarifai account settings. It stays in this browser tab unless you ask to be remembered.
      </p>
      {reason === 'refused' && (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          The API refused the token. Check that it is a current personal access token, then connect again.
        </p>
      )}
      <form onSubmit={handleSubmit} className="mt-6 space-y-4">
        <div>
          <label htmlFor="token" className="block text-sm font-medium">
            Personal access token
          </label>
          <input
            id="token"
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            value={token}
            onChange={(e) => setToken(e.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
        <div>
          <label htmlFor="user-id" className="block text-sm font-medium">
            User ID
          </label>
          <input
            id="user-id"
            name="user_id"
            required
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            aria-describedby="user-id-help"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
          />
          <p id="user-id-help" className="mt-1 text-xs text-slate-500">
            <code>me</code> means the owner of the token.
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={isRemembered} onChange={(e) => setIsRemembered(e.target.checked)} className="h-4 w-4" />
          Remember on this device
        </label>
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Advanced</summary>
          <label htmlFor="base-url" className="mt-2 block font-medium">
            API base URL
          </label>
          <input
            id="base-url"
            name="base_url"
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            aria-describedby="base-url-help"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
          />
          <p id="base-url-help" className="mt-1 text-xs text-slate-500">
            Where <code>/v2/*</code> is served. The API itself does not accept calls from other sites, so this is normally this page&apos;s own server or proxy.
          </p>
        </details>
        {error !== null && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
            {isApiError(error) ? error.description : error instanceof Error ? error.message : 'Could not connect.'}
            <ErrorFacts error={error} />
          </div>
        )}
        <button
          type="submit"
          disabled={isBusy}
          className="w-full rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {isBusy ? 'Connecting…' : 'Connect'}
        </button>
      </form>
    </div>
  )
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
