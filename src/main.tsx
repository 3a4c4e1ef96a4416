import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { createAppQueryClient } from './api/query-client.ts'
import { createApiClient, setApiClient } from './api/client.ts'
import { attemptTimeoutFor, loadRuntimeConfig, readEmbeddedConfig, type RuntimeConfig } from './api/runtime-config.ts'
import { clearSession, defaultBaseUrl, getSession, setSession } from './api/session.ts'
import { safeReturnPath } from './lib/return-path.ts'
import { createAppRouter } from './router.tsx'
import { startTheme } from './components/theme.ts'
import { yieldToMain } from './lib/yield-to-main.ts'
import './styles.css'

// Before anything renders, so the first paint already has the remembered theme.
startTheme()

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

// Booting is split into tasks, each short enough not to hold up input or a paint (no main-thread
// task over 50 ms while a page loads): evaluating the modules, creating the router, the router's
// first load (matching, loaders, route chunks), then the first render, which React slices.
async function start() {
  await yieldToMain()
  // The page carries its config (written by the build, rewritten by the server): no round trip
  // before the router starts its loaders and route chunks. Only the Vite dev server's page lacks it.
  const embedded = readEmbeddedConfig()
  const pending: Array<Promise<unknown>> = []
  if (import.meta.env.MODE === 'demo') pending.push(import('./mocks/browser.ts').then(({ startDemoWorker }) => startDemoWorker()))
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
  const root = createRoot(document.getElementById('root') as HTMLElement)
  // As a transition, the first render yields between components instead of being one long task;
  // only its commit is one piece.
  startTransition(() => {
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </StrictMode>,
    )
  })
}

void start()
