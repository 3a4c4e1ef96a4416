import { useState, type FormEvent } from 'react'
import { createFileRoute, useNavigate } from '@tanstack/react-router'
import { useQueryClient } from '@tanstack/react-query'
import * as v from 'valibot'
import { isApiError } from '@/api/errors.ts'
import { userQueries } from '@/api/queries/users.ts'
import { clearSession, defaultBaseUrl, getSession, setSession } from '@/api/session.ts'
import { ErrorFacts } from '@/components/states.tsx'
import { safeReturnPath } from '@/lib/return-path.ts'

const searchSchema = v.object({
  reason: v.fallback(v.optional(v.picklist(['refused'])), undefined),
  // Only paths inside the console: a link must not send people elsewhere after connecting.
  redirect: v.fallback(
    v.optional(v.pipe(v.string(), v.check((value) => safeReturnPath(value) !== undefined))),
    undefined,
  ),
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
  const [isRemembered, setIsRemembered] = useState(false)
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setError(null)
    setIsBusy(true)
    queryClient.clear()
    // The API is always this page's own /v2: its server or host forwards it (a page on another
    // origin could not call the API, and the server's CSP allows no other origin anyway).
    setSession({ token: token.trim(), userId: userId.trim() || 'me', baseUrl: defaultBaseUrl(), isRemembered, isDemo: false })
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
