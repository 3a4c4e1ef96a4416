import { createRootRouteWithContext, Link, Outlet, redirect } from '@tanstack/react-router'
import { getSession } from '@/api/session.ts'
import type { QueryClient } from '@tanstack/react-query'
import { AppHeader } from '@/components/AppHeader.tsx'
import { useRecordRecentPlaces } from '@/components/RecentPlaces.tsx'

/**
 * Pages anyone may open without a session. The explorer documents the API as Swagger UI would:
 * its operations, parameters and schemas need no token; sending a request asks to connect.
 */
const PUBLIC_PATHS = new Set(['/connect', '/evaluation-file', '/explore'])

function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || pathname.startsWith('/explore/')
}

/** What every loader receives from the router. */
export interface RouterContext {
  queryClient: QueryClient
}

export const Route = createRootRouteWithContext<RouterContext>()({
  beforeLoad({ location }) {
    if (isPublicPath(location.pathname) || getSession()) return
    throw redirect({ to: '/connect', search: { redirect: location.href } })
  },
  component: RootLayout,
})

function RootLayout() {
  useRecordRecentPlaces()
  return (
    <div data-testid="app-shell" className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900">
        Skip to content
      </a>
      <AppHeader />
      <main id="main" className="mx-auto w-full max-w-[96rem] flex-1 px-4 py-6 sm:px-6">
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 px-6 py-3 text-xs text-slate-500 dark:border-slate-800">
        <Link to="/" className="hover:underline">
          Clarifai Console
        </Link>{' '}
        · an open-source console for the Clarifai API
      </footer>
    </div>
  )
}
