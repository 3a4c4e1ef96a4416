import { StrictMode, type ReactNode } from 'react'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { createAppQueryClient } from './api/query-client.ts'
import { createApiClient, setApiClient } from './api/client.ts'
import { attemptTimeoutFor, loadRuntimeConfig, readEmbeddedConfig, type RuntimeConfig } from './api/runtime-config.ts'
import { clearSession, defaultBaseUrl, getSession, setSession } from './api/session.ts'
import { safeReturnPath } from './lib/return-path.ts'
import { createAppRouter } from './router.tsx'
import { yieldToMain } from './lib/yield-to-main.ts'

/** How long the first render waits for the first page's data and code before showing its skeleton. */
const FIRST_PAINT_WAIT_MS = 1000

function applyConfig(config: RuntimeConfig) {
  const timeoutMs = attemptTimeoutFor(config)
  if (timeoutMs !== undefined) setApiClient(createApiClient({ timeoutMs }))
  if (config.mode === 'demo' && config.demoToken && !getSession()) {
    setSession({
      token: config.demoToken,
      userId: config.demoUserId ?? 'me',
      baseUrl: defaultBaseUrl(),
      isRemembered: false,
      isDemo: true,
    })
  }
}

/**
 * The app, ready for its first render: runtime config applied, QueryClient and Router created,
 * the first page's loaders and route chunks done (or given up on after FIRST_PAINT_WAIT_MS).
 * `demoWorker`, in the demo build, is the demo API's service worker starting: requests wait for it.
 * Creating the router and its first load are separate tasks (main.tsx explains the boot's tasks).
 */
export async function prepareApp(demoWorker?: Promise<unknown>): Promise<ReactNode> {
  // The page carries its config (written by the build, rewritten by the server): no round trip
  // before the router starts its loaders and route chunks. Only the Vite dev server's page lacks it.
  const embedded = readEmbeddedConfig()
  const pending: Array<Promise<unknown>> = demoWorker ? [demoWorker] : []
  if (embedded) applyConfig(embedded)
  else pending.push(loadRuntimeConfig().then(applyConfig))
  await Promise.all(pending)

  const queryClient = createAppQueryClient({
    onUnauthorized() {
      clearSession()
      queryClient.clear()
      // Back to where the user was once connected again (or still, if connecting itself was refused).
      const here = router.state.location
      const redirect = safeReturnPath(here.href) ?? safeReturnPath((here.search as { redirect?: unknown }).redirect)
      void router.navigate({ to: '/connect', search: { reason: 'refused', redirect } })
    },
  })
  const router = createAppRouter(queryClient, import.meta.env.BASE_URL)
  await yieldToMain()
  // The first paint shows the page with its data rather than a skeleton that the data replaces a
  // moment later (the page's LCP lands on its FCP); a slow API still gets the skeleton in time.
  await Promise.race([router.load().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_PAINT_WAIT_MS))])
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>
  )
}
