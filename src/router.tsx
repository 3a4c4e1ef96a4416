import { createRouter, type RouterHistory } from '@tanstack/react-router'
import type { QueryClient } from '@tanstack/react-query'
import { routeTree } from './routeTree.gen.ts'
import { parseSearch, stringifySearch } from './lib/search-params.ts'
import { ErrorView, NotFoundView, PageSkeleton } from './components/states.tsx'

/** `history`: the browser's by default; tests pass a memory history. */
export function createAppRouter(queryClient: QueryClient, basepath = '/', history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    basepath,
    context: { queryClient },
    defaultPreload: 'intent',
    // Loaders read through the query cache, which owns freshness.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageSkeleton,
    defaultPendingMs: 150,
    // Once the skeleton shows, the page replaces it as soon as its data is there (the default keeps it 500 ms).
    defaultPendingMinMs: 0,
    defaultErrorComponent: ErrorView,
    defaultNotFoundComponent: NotFoundView,
    parseSearch,
    stringifySearch,
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
