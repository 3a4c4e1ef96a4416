import { notFound } from '@tanstack/react-router'
import type { EnsureQueryDataOptions, QueryClient, QueryKey } from '@tanstack/react-query'
import type { ApiQuery } from './endpoint.ts'
import { isApiError } from './errors.ts'

/**
 * `ensureQueryData` for loaders, where a missing resource becomes the route's not-found view
 * instead of its error view.
 */
export async function ensure<TData, TKey extends QueryKey>(
  queryClient: QueryClient,
  options: EnsureQueryDataOptions<TData, Error, TData, TKey>,
): Promise<TData> {
  try {
    return await queryClient.ensureQueryData(options)
  } catch (error) {
    if (isApiError(error) && error.isNotFound) throw notFound({ data: { description: error.description } })
    throw error
  }
}

/**
 * Starts a page's secondary queries in the loader's wave without waiting for their outcome: each
 * part shows its own loading and error states, so none of them holds up or takes down the page.
 */
export function prefetch<Data>(queryClient: QueryClient, query: ApiQuery<Data>): void {
  void queryClient.prefetchQuery(query)
}
