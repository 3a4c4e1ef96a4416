// Build-time only (server/vite-spa-plugin.ts prerenderExplorer): the explorer's page as HTML, as the
// app renders it for the built-in demo's session, so the server can send it inside #root and the
// operations show before any script has run. main.tsx then renders the live app over it.
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { QueryClientProvider } from '@tanstack/react-query'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { createAppQueryClient } from './api/query-client.ts'
import { setSession } from './api/session.ts'
import { createAppRouter } from './router.tsx'

export async function renderExplorerPage(basepath: string, demoUserId: string): Promise<string> {
  setSession({ token: 'prerender', userId: demoUserId, baseUrl: 'http://localhost', isRemembered: false, isDemo: true })
  const queryClient = createAppQueryClient()
  const router = createAppRouter(queryClient, basepath, createMemoryHistory({ initialEntries: [`${basepath}explore`] }))
  await router.load()
  return renderToString(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  )
}
