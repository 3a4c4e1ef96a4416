import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ApiQuery } from '@/api/endpoint.ts'
import { isApiError } from '@/api/errors.ts'
import { ErrorFacts } from './states.tsx'

interface QueryPanelProps<Data> {
  /** The part's own query; the loader started it in the page's wave without awaiting it. */
  query: ApiQuery<Data>
  /** What the part is, for its loading and error states ("Versions", "Output info"). */
  name: string
  /** A content-shaped placeholder; a few grey rows by default. */
  skeleton?: ReactNode
  children: (data: Data) => ReactNode
}

/**
 * One secondary part of a page, under its own states: a skeleton while its request runs, an
 * error panel with Retry (refetching this query alone) when it fails, its content otherwise. The
 * rest of the page never waits for it and never fails with it.
 */
export function QueryPanel<Data>({ query, name, skeleton, children }: QueryPanelProps<Data>) {
  // A failure the loader's prefetch already met is shown as is: Retry is the user's to press.
  const result = useQuery({ ...query, retryOnMount: false })
  if (result.isPending) return <>{skeleton ?? <PanelSkeleton name={name} />}</>
  if (result.isError) return <PanelError name={name} error={result.error} isRetrying={result.isFetching} onRetry={() => void result.refetch()} />
  return <>{children(result.data)}</>
}

export function PanelSkeleton({ name, rows = 3 }: { name: string; rows?: number }) {
  return (
    <div role="status" aria-busy="true" className="animate-pulse space-y-2">
      <span className="sr-only">Loading {name.toLowerCase()}…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-8 w-full rounded bg-slate-100 dark:bg-slate-900" />
      ))}
    </div>
  )
}

interface PanelErrorProps {
  name: string
  error: unknown
  isRetrying: boolean
  onRetry: () => void
}

/** A part that failed: what the API said (code, description, request id) and Retry. */
export function PanelError({ name, error, isRetrying, onRetry }: PanelErrorProps) {
  const description = isApiError(error) ? error.description : error instanceof Error ? error.message : String(error)
  return (
    <div role="alert" aria-label={`${name} failed to load`} className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40">
      <p className="font-semibold text-red-900 dark:text-red-200">{name} could not be loaded</p>
      <p className="mt-1 text-red-900 dark:text-red-200">{description}</p>
      <ErrorFacts error={error} />
      <button
        type="button"
        onClick={onRetry}
        disabled={isRetrying}
        className="mt-3 rounded-md bg-red-700 px-3 py-1 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {isRetrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  )
}

/** A part's data where the page only enriches something with it (type names): undefined until it arrives. */
export function usePartData<Data>(query: ApiQuery<Data>): Data | undefined {
  return useQuery({ ...query, retryOnMount: false }).data
}
