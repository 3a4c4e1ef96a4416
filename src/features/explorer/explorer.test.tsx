// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClientProvider } from '@tanstack/react-query'
import { createMemoryHistory, createRootRouteWithContext, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router'
import table from '@/api/operations.gen.json'
import { createDemoApi } from '@/demo/handler.ts'
import { connectRecordingClient } from '../../../test/recording-client.ts'
import type { OperationInfo } from '@/api/operations.ts'
import { createAppQueryClient } from '@/api/query-client.ts'
import { clearSession, type Session } from '@/api/session.ts'
import { parseSearch, stringifySearch } from '@/lib/search-params.ts'
import type { QueryClient } from '@tanstack/react-query'
import { Route as ExploreRouteImport } from '@/routes/explore.tsx'
import { Route as ExploreIndexRouteImport } from '@/routes/explore.index.tsx'
import { Route as ExploreOperationRouteImport } from '@/routes/explore.$operation.tsx'
import { buildOperationIndex, filterOperations, groupByResource } from './operation-index.ts'
import { chooseColumns, cellText, resourceLink } from './result-shape.ts'

const operations = table as unknown as readonly OperationInfo[]
const session: Session = { token: 'demo', userId: 'demo', baseUrl: 'http://console.test', isRemembered: false, isDemo: true }

/** The explorer's own routes under a bare root, as routeTree.gen.ts wires them. */
function explorerRouteTree() {
  const root = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: Outlet })
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const explore = ExploreRouteImport.update({ id: '/explore', path: '/explore', getParentRoute: () => root } as any)
  const index = ExploreIndexRouteImport.update({ id: '/', path: '/', getParentRoute: () => explore } as any)
  const operation = ExploreOperationRouteImport.update({ id: '/$operation', path: '/$operation', getParentRoute: () => explore } as any)
  const connect = createRoute({ getParentRoute: () => root, path: '/connect', component: () => <h1>Connect</h1> })
  return root.addChildren([(explore as any).addChildren([index, operation]), connect])
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

function openExplorer(url: string, handler = createDemoApi({ rateLimit: false }), as: Session | null = session) {
  const sent = connectRecordingClient(as, handler)
  const queryClient = createAppQueryClient()
  const router = createRouter({
    routeTree: explorerRouteTree(),
    context: { queryClient },
    history: createMemoryHistory({ initialEntries: [url] }),
    parseSearch,
    stringifySearch,
  })
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  )
  return { sent, router }
}

afterEach(() => {
  cleanup()
  clearSession()
})

describe('operation list', () => {
  it('filters 227 operations by id, path, summary and parameter name, fast', () => {
    const index = buildOperationIndex(operations)
    expect(filterOperations(index, '')).toHaveLength(227)
    expect(filterOperations(index, 'ListModelVersions').map((o) => o.id)).toContain('ListModelVersions')
    expect(filterOperations(index, '/datasets/{dataset_id}/versions').every((o) => o.path.includes('/datasets/{dataset_id}/versions'))).toBe(true)
    expect(filterOperations(index, 'fields.confusion_matrix').length).toBe(6)
    expect(filterOperations(index, 'evaluation  MODEL').length).toBeGreaterThan(0)
    const runs = 100
    const start = performance.now()
    for (let i = 0; i < runs; i++) filterOperations(index, 'model')
    const perRun = (performance.now() - start) / runs
    console.info(`filter 227 ops for "model": ${(perRun * 1000).toFixed(0)} µs per keystroke (${runs} runs)`)
    expect(perRun).toBeLessThan(5)
    expect(groupByResource(operations).map((g) => g.resource)).toEqual([...new Set(operations.map((o) => o.resource))].sort((a, b) => a.localeCompare(b)))
  })

  it('lists every operation grouped by resource, filters on each keystroke, and `/` focuses the search', async () => {
    const user = userEvent.setup()
    openExplorer('/explore')
    const search = await screen.findByLabelText('Search operations')
    expect(screen.getByText('227 operations')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: /^evaluations/ })).toBeInTheDocument()
    expect(search).not.toHaveFocus()
    fireEvent.keyDown(document.body, { key: '/' })
    expect(search).toHaveFocus()
    await user.type(search, 'confusion')
    expect(await screen.findByText('6 of 227 operations')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'GetEvaluation' })).toHaveAttribute('href', '/explore/GetEvaluation')
  })
})

describe('operation page', () => {
  it('runs a deep link on arrival: the request it makes, a table with links, status and req_id', async () => {
    const { sent } = openExplorer('/explore/ListApps?user_app_id.user_id=me&per_page=2&sort=name&order=asc')
    const table = await screen.findByRole('table')
    expect(sent).toHaveLength(1)
    expect((sent[0] as Request).url).toBe('http://console.test/v2/users/me/apps?per_page=2&sort_ascending=true&sort_by_name=true')
    // The status line may render a moment after the table on a busy machine.
    await waitFor(() => expect(screen.getByRole('status', { name: '' }).textContent ?? '').toMatch(/2 apps on page 1 · 10000 SUCCESS · Ok · req_id demo-/))
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(3)
    const firstId = within(rows[1] as HTMLElement).getAllByRole('cell')[0] as HTMLElement
    expect(within(firstId).getByRole('link')).toHaveAttribute('href', `/demo/${firstId.textContent}`)
    // The form shows what the link said.
    expect(screen.getByLabelText('Sort by')).toHaveValue('name')
    expect(screen.getByLabelText('Direction')).toHaveValue('asc')
  })

  it('copies the exact request as curl with the token as a placeholder', async () => {
    const user = userEvent.setup()
    openExplorer('/explore/ListModels')
    await screen.findByRole('heading', { name: 'ListModels' })
    await user.type(screen.getByLabelText(/^App ID/), 'my app')
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }))
    // user-event stands in for the clipboard.
    expect(await navigator.clipboard.readText()).toBe(`curl 'https://api.clarifai.com/v2/users/demo/apps/my%20app/models' \\\n  -H "Authorization: Key $CLARIFAI_PAT"`)
    // The console's own origin is one choice away, and the choice is remembered.
    await user.selectOptions(screen.getByLabelText('curl to'), 'this console')
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }))
    expect(await navigator.clipboard.readText()).toBe(`curl 'http://console.test/v2/users/demo/apps/my%20app/models' \\\n  -H "Authorization: Key $CLARIFAI_PAT"`)
    expect(localStorage.getItem('clarifai-console.curl-target')).toBe('console')
    localStorage.removeItem('clarifai-console.curl-target')
  })

  it('waits for required path parameters, prefilled user id offered, then runs on Run', async () => {
    const user = userEvent.setup()
    const { sent, router } = openExplorer('/explore/GetApp')
    await screen.findByRole('heading', { name: 'GetApp' })
    expect(screen.getByLabelText(/^User ID/)).toHaveValue('demo')
    expect(screen.getByText('Fill in user_app_id.user_id, user_app_id.app_id and run.')).toBeInTheDocument()
    expect(sent).toHaveLength(0)
    await user.type(screen.getByLabelText(/^App ID/), 'wildlife-camera-traps')
    await user.click(screen.getByRole('button', { name: 'Run' }))
    await screen.findByRole('tab', { name: 'Tree' })
    expect(router.state.location.search).toEqual({ 'user_app_id.user_id': 'demo', 'user_app_id.app_id': 'wildlife-camera-traps' })
    expect(screen.queryByRole('tab', { name: 'Table' })).toBeNull()
    expect(screen.getByRole('link', { name: /Open this app in the console/ })).toHaveAttribute('href', '/demo/wildlife-camera-traps')
    await user.click(screen.getByRole('tab', { name: 'Raw' }))
    expect(screen.getByLabelText('Raw JSON').textContent).toContain('"id": "wildlife-camera-traps"')
    expect(router.state.location.search).toMatchObject({ view: 'raw' })
  })

  it('shows errors as the API sent them', async () => {
    openExplorer('/explore/GetApp?user_app_id.user_id=me&user_app_id.app_id=nope')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('status.code11101 CONN_DOES_NOT_EXIST')
    expect(alert).toHaveTextContent('HTTP status404')
    expect(alert).toHaveTextContent("detailsApp 'nope' of user 'demo' not found")
    expect(alert).toHaveTextContent(/req_iddemo-/)
  })

  it('drops invalid link values with a note and still runs the rest', async () => {
    const { sent } = openExplorer('/explore/ListApps?user_app_id.user_id=me&per_page=abc&featured_only=maybe')
    await screen.findByRole('table')
    expect(screen.getByText('Dropped featured_only=maybe: not true or false')).toBeInTheDocument()
    expect(screen.getByText('Dropped per_page=abc: not a whole number')).toBeInTheDocument()
    expect(new URL((sent[0] as Request).url).search).toBe('')
  })

  it('pages with Next until a short page, and loads all pages with progress', async () => {
    const user = userEvent.setup()
    const { sent, router } = openExplorer('/explore/ListApps?user_app_id.user_id=me&per_page=2')
    await screen.findByRole('table')
    await user.click(screen.getByRole('button', { name: 'Next page →' }))
    await waitFor(() => expect(router.state.location.search).toMatchObject({ page: '2', per_page: '2' }))
    await waitFor(() => expect(sent).toHaveLength(2))
    await user.click(screen.getByRole('button', { name: 'Load all pages' }))
    const status = await screen.findByText(/^All pages: \d+ rows from \d+ pages\.$/)
    const [, rows, pages] = /(\d+) rows from (\d+) pages/.exec(status.textContent ?? '') ?? []
    expect(Number(pages)).toBe(Math.ceil((Number(rows) + 1) / 2))
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(Number(rows) + 1)
  })

  it('cancels loading all pages', async () => {
    const user = userEvent.setup()
    const demo = createDemoApi({ rateLimit: false })
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    let calls = 0
    openExplorer('/explore/ListApps?user_app_id.user_id=me&per_page=1', async (request) => {
      calls++
      if (calls > 2) await gate
      return demo(request)
    })
    await screen.findByRole('table')
    await user.click(screen.getByRole('button', { name: 'Load all pages' }))
    expect(await screen.findByRole('progressbar', { name: 'Loading all pages' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    await act(async () => release())
    expect(await screen.findByText(/Loading all pages was cancelled after \d+ pages/)).toBeInTheDocument()
  })

  it('without a session: reads the operation, sends nothing, and Run goes to /connect with the request to come back to', async () => {
    const user = userEvent.setup()
    const { sent, router } = openExplorer('/explore/ListApps?user_app_id.user_id=me&per_page=2', undefined, null)
    await screen.findByRole('heading', { name: 'ListApps' })
    expect(screen.getByText('GET')).toBeInTheDocument()
    expect(screen.getByLabelText('Sort by')).toBeInTheDocument()
    expect(screen.getByText('Not sent: sending a request needs a connection.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Connect to send requests' })).toHaveAttribute('href', `/connect?redirect=${encodeURIComponent('/explore/ListApps?user_app_id.user_id=me&per_page=2')}`)
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }))
    expect(await navigator.clipboard.readText()).toBe(`curl 'https://api.clarifai.com/v2/users/me/apps?per_page=2' \\\n  -H "Authorization: Key $CLARIFAI_PAT"`)
    await user.selectOptions(screen.getByLabelText('Sort by'), 'name')
    await user.click(screen.getByRole('button', { name: 'Connect and run' }))
    await screen.findByRole('heading', { name: 'Connect' })
    expect(router.state.location.pathname).toBe('/connect')
    const back = new URL((router.state.location.search as { redirect: string }).redirect, 'http://console.test')
    expect(back.pathname).toBe('/explore/ListApps')
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ 'user_app_id.user_id': 'me', per_page: '2', sort: 'name' })
    expect(sent).toHaveLength(0)
  })

  it('shows the not-found view for an unknown operation id', async () => {
    openExplorer('/explore/NoSuchOperation')
    expect(await screen.findByRole('heading', { name: 'No operation named NoSuchOperation' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Search the operations' })).toHaveAttribute('href', '/explore?q=NoSuchOperation')
  })
})

describe('result shape', () => {
  it('picks the usual columns first and names enums', () => {
    const rows = [{ id: 'a', name: 'A', created_at: 't', status: { code: 21100, description: 'Trained' }, visibility: { gettable: 50 }, metadata: {} }]
    expect(chooseColumns(rows)).toEqual(['id', 'name', 'created_at', 'status.code', 'status.description', 'visibility.gettable'])
    expect(cellText('status.code', 21100)).toBe('21100 MODEL_TRAINED')
    expect(cellText('visibility.gettable', 50)).toBe('50 PUBLIC')
    expect(cellText('x', { a: 'b'.repeat(100) })).toHaveLength(78)
  })

  it('links rows to console pages with ids from the row or the request', () => {
    expect(resourceLink('model_versions', { id: 'v1' }, { 'user_app_id.user_id': 'me', 'user_app_id.app_id': 'app', model_id: 'm' })).toBe('/me/app/models/m/versions/v1')
    expect(resourceLink('dataset_versions', { id: 'v1', app_id: 'a', user_id: 'u', dataset_id: 'd' }, {})).toBe('/u/a/datasets/d/versions/v1')
    expect(resourceLink('eval_metrics', { id: 'e 1' }, { 'user_app_id.user_id': 'me', 'user_app_id.app_id': 'app' })).toBe('/me/app/evaluations/e%201')
    expect(resourceLink('tasks', { id: 't' }, { 'user_app_id.user_id': 'me' })).toBeUndefined()
    expect(resourceLink('inputs', { id: 'i' }, { 'user_app_id.user_id': 'me', 'user_app_id.app_id': 'app' })).toBeUndefined()
  })
})
