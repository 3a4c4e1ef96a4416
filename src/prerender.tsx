// Build-time only (server/vite-spa-plugin.ts prerenderExplorer): the explorer's page as HTML, as the
// app renders it for a visitor who has not connected (the explorer is public), so the same HTML
// is right for every visitor in every mode. The server or host sends it inside #root and the
// operations show before any script has run; main.tsx then renders the live app over it (a
// connected visitor's header, with their user, replaces the prerendered "Connect").
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { QueryClientProvider } from '@tanstack/react-query'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { createAppQueryClient } from './api/query-client.ts'
import { clearSession } from './api/session.ts'
import { createAppRouter } from './router.tsx'

export async function renderExplorerPage(basepath: string): Promise<string> {
  clearSession()
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
