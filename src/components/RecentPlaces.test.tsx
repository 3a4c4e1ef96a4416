// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router'
import { parseRecentPlaces } from '@/lib/recent-places.ts'
import { useRecordRecentPlaces } from './RecentPlaces.tsx'

const STORAGE_KEY = 'clarifai-console.recent'

function Root() {
  useRecordRecentPlaces()
  return <Outlet />
}

function openAt(url: string) {
  const root = createRootRoute({ component: Root })
  const start = createRoute({ getParentRoute: () => root, path: '/', component: () => <h1>Start</h1> })
  const evaluation = createRoute({
    getParentRoute: () => root,
    path: '/$user/$app/evaluations/$evaluation',
    validateSearch: (search: Record<string, unknown>) => ({ threshold: typeof search.threshold === 'number' ? search.threshold : undefined }),
    component: () => <h1>Evaluation</h1>,
  })
  const router = createRouter({ routeTree: root.addChildren([start, evaluation]), history: createMemoryHistory({ initialEntries: [url] }) })
  render(<RouterProvider router={router} />)
  return router
}

const stored = () => parseRecentPlaces(localStorage.getItem(STORAGE_KEY)).map((p) => p.path)

afterEach(() => {
  cleanup()
  localStorage.clear()
  vi.restoreAllMocks()
})

describe('useRecordRecentPlaces', () => {
  it('records a page once however often its search changes, and again after another page or a cleared list', async () => {
    const writes = vi.spyOn(Storage.prototype, 'setItem')
    const router = openAt('/demo/general-vision/evaluations/e1')
    await screen.findByRole('heading', { name: 'Evaluation' })
    expect(stored()).toEqual(['/demo/general-vision/evaluations/e1'])
    expect(writes).toHaveBeenCalledTimes(1)

    // Scrubbing the threshold rewrites the search many times: no storage write for any of it.
    for (const threshold of [0.51, 0.52, 0.53]) await act(() => router.navigate({ to: '.', search: { threshold } } as never))
    expect(router.state.location.search).toEqual({ threshold: 0.53 })
    expect(writes).toHaveBeenCalledTimes(1)

    // Back on the start page the list is cleared; opening the same page records it again.
    await act(() => router.navigate({ to: '/' }))
    localStorage.removeItem(STORAGE_KEY)
    await act(() => router.navigate({ to: '/$user/$app/evaluations/$evaluation', params: { user: 'demo', app: 'general-vision', evaluation: 'e1' }, search: { threshold: undefined } } as never))
    await screen.findByRole('heading', { name: 'Evaluation' })
    expect(stored()).toEqual(['/demo/general-vision/evaluations/e1'])
    expect(writes).toHaveBeenCalledTimes(2)
  })
})
