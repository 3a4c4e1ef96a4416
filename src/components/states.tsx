import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router'
import { isApiError } from '@/api/errors.ts'

/** A content-shaped placeholder: a heading, a toolbar and a few rows. */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="animate-pulse space-y-4 p-6">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-64 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-9 w-full max-w-xl rounded bg-slate-100 dark:bg-slate-900" />
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-10 w-full rounded bg-slate-100 dark:bg-slate-900" />
      ))}
    </div>
  )
}

export function ErrorView({ error, reset }: ErrorComponentProps) {
  const router = useRouter()
  const handleRetry = () => {
    reset()
    void router.invalidate()
  }
  return (
    <div role="alert" className="m-6 max-w-2xl rounded-lg border border-red-300 bg-red-50 p-5 dark:border-red-900 dark:bg-red-950/40">
      <h2 className="text-lg font-semibold text-red-900 dark:text-red-200">{errorTitle(error)}</h2>
      <p className="mt-1 text-sm text-red-900 dark:text-red-200">{errorAdvice(error)}</p>
      <ErrorFacts error={error} />
      <button
        type="button"
        onClick={handleRetry}
        className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
      >
        Retry
      </button>
    </div>
  )
}

/** What the API said, as it said it: code, name, HTTP status, request id, details. */
export function ErrorFacts({ error }: { error: unknown }) {
  if (!isApiError(error)) {
    return <pre className="mt-3 overflow-auto text-xs text-red-900 dark:text-red-200">{String(error instanceof Error ? error.message : error)}</pre>
  }
  const facts: Array<[string, string]> = []
  if (error.code !== undefined) facts.push(['Code', `${error.code}${error.codeName ? ` ${error.codeName}` : ''}`])
  if (error.httpStatus) facts.push(['HTTP', String(error.httpStatus)])
  if (error.method && error.path) facts.push(['Request', `${error.method} ${error.path}`])
  if (error.reqId) facts.push(['Request id', error.reqId])
  if (error.details) facts.push(['Details', error.details])
  return (
    <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs text-red-950 dark:text-red-100">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium">{term}</dt>
          <dd className="font-mono break-all">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function errorTitle(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong'
  if (error.isTimeout) return 'The API did not answer in time'
  switch (error.kind) {
    case 'network':
      return 'Cannot reach the API'
    case 'timeout':
      return 'The API did not answer in time'
    case 'malformed':
      return 'The API sent an unreadable answer'
    default:
      if (error.httpStatus === 429 || error.code === 11005) return 'Too many requests'
      return error.description
  }
}

function errorAdvice(error: unknown): string {
  if (!isApiError(error)) return 'This part of the page failed. Retry, or reload the page.'
  if (error.kind === 'network') return 'Check your connection and that the server is running, then retry.'
  if (error.isTimeout) return 'The request was given up after waiting too long. Retry in a moment.'
  if (error.kind === 'malformed') return 'This is usually a proxy or server fault. Retry; if it persists, check the server.'
  if (error.httpStatus === 429 || error.code === 11005) return 'The API is throttling this key. Wait a few seconds, then retry.'
  if (error.httpStatus >= 500) return 'The API had an internal problem. Retry in a moment.'
  if (error.code === 11007) return 'The token lacks a scope this page needs. Create a token with more scopes.'
  return 'The API refused this request. Check the address and the filters, then retry.'
}

export function NotFoundView() {
  return (
    <div className="m-6 max-w-xl">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Nothing lives at this address, or it was deleted, or your token cannot see it.
      </p>
      <Link to="/" className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
        Go to the start page
      </Link>
    </div>
  )
}
