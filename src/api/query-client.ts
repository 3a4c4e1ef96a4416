import { QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError, type ApiError } from './errors.ts'

export interface AppQueryClientOptions {
  /** Called once per refused token (401), wherever the request came from. */
  onUnauthorized?: (error: ApiError) => void
}

export function createAppQueryClient({ onUnauthorized }: AppQueryClientOptions = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError(error) {
        if (isApiError(error) && error.isUnauthorized) onUnauthorized?.(error)
      },
    }),
    defaultOptions: {
      queries: {
        // The transport already retries what is worth retrying, with backoff and Retry-After.
        retry: false,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
    },
  })
}
