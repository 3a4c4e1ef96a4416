import { createFileRoute, Outlet } from '@tanstack/react-router'
import { loadOperations } from '@/api/explorer.ts'

/** The operations table is a lazy chunk of its own: only the explorer pays for it. */
export const Route = createFileRoute('/explore')({
  loader: () => loadOperations(),
  // The table never changes while the page is open.
  staleTime: Infinity,
  component: Outlet,
})
