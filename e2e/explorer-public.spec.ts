// The explorer is public, like Swagger UI: in proxy mode (the Node server forwarding /v2 to a
// stand-in for the API on 127.0.0.1) a visitor who has not connected reads every operation, and
// only sending a request asks for a token, then comes back. /explore arrives prerendered.
import { expect, test } from '@playwright/test'
import { startFakeUpstream, startProxyServer, type FakeUpstream, type RunningHost } from './support/deploy-hosts.ts'
import { expectLive, watchErrors } from './support/page.ts'

const LOAD = { timeout: 30_000 }

test.describe.configure({ mode: 'serial', timeout: 90_000 })

let upstream: FakeUpstream
let server: RunningHost

test.beforeAll(async () => {
  upstream = await startFakeUpstream()
  server = await startProxyServer({ apiOrigin: upstream.origin })
})

test.afterAll(async () => {
  await server?.stop()
  await upstream?.close()
})

test('without a session, /explore and /explore/ListModels are read, not sent to /connect, and send nothing', async ({ page }) => {
  const errors = watchErrors(page)
  const before = upstream.seen.length
  await page.goto(`${server.origin}/explore`)
  await expectLive(page)
  expect(new URL(page.url()).pathname).toBe('/explore')
  await expect(page.getByText('227 operations')).toBeVisible(LOAD)
  const header = page.getByRole('navigation', { name: 'Main' })
  await expect(header.getByRole('link', { name: 'Connect' })).toHaveAttribute('href', '/connect?redirect=%2Fexplore')
  await expect(header.getByText(/^User /)).toHaveCount(0)
  await expect(header.getByRole('button', { name: 'Disconnect' })).toHaveCount(0)

  await page.getByLabel('Search operations').fill('ListModels')
  await page.getByRole('link', { name: 'ListModels', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'ListModels', level: 1 })).toBeVisible(LOAD)

  // Straight to an operation, as from a shared link.
  await page.goto(`${server.origin}/explore/ListModels`)
  await expect(page.getByRole('heading', { name: 'ListModels', level: 1 })).toBeVisible(LOAD)
  expect(new URL(page.url()).pathname).toBe('/explore/ListModels')
  await expect(page.getByText('/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/models')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Parameters' })).toBeVisible()
  await expect(page.getByLabel(/^App ID/)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Connect to send requests' })).toHaveAttribute('href', '/connect?redirect=%2Fexplore%2FListModels')

  expect(upstream.seen.slice(before), 'nothing reached the API').toEqual([])
  expect(errors).toEqual([])
})

test('a page that is not the explorer still asks to connect first', async ({ page }) => {
  await page.goto(`${server.origin}/demo/general-vision/models`)
  await expect(page.getByRole('heading', { name: 'Connect to Clarifai' })).toBeVisible(LOAD)
  expect(new URL(page.url()).searchParams.get('redirect')).toBe('/demo/general-vision/models')
})

test('Run without a session goes to /connect, and connecting comes back and runs the request', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto(`${server.origin}/explore/ListApps?user_app_id.user_id=demo&per_page=3`)
  await expect(page.getByRole('heading', { name: 'ListApps', level: 1 })).toBeVisible(LOAD)
  await expect(page.getByRole('status').filter({ hasText: 'Not sent: sending a request needs a connection.' })).toBeVisible()
  await page.getByLabel('Sort by').selectOption('name')
  await page.getByRole('button', { name: 'Connect and run' }).click()

  await expect(page.getByRole('heading', { name: 'Connect to Clarifai' })).toBeVisible(LOAD)
  const back = new URL(new URL(page.url()).searchParams.get('redirect')!, server.origin)
  expect(back.pathname).toBe('/explore/ListApps')
  expect(Object.fromEntries(back.searchParams)).toMatchObject({ 'user_app_id.user_id': 'demo', per_page: '3', sort: 'name' })

  const before = upstream.seen.length
  await page.getByLabel('Personal access token').fill('demo')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: '3 apps on page 1 · 10000 SUCCESS' })).toBeVisible(LOAD)
  expect(new URL(page.url()).pathname).toBe('/explore/ListApps')
  await expect(page.getByLabel('Sort by')).toHaveValue('name')
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText(/^User /)).toBeVisible()
  const sent = upstream.seen.slice(before).filter((seen) => seen.pathAndQuery.startsWith('/v2/users/demo/apps?'))
  expect(sent.length).toBeGreaterThan(0)
  expect(sent.every((seen) => seen.headers.authorization === 'Key demo')).toBe(true)
  expect(errors).toEqual([])
})

test('with scripts off, /explore in proxy mode arrives with every operation in its HTML', async ({ browser }) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false })
  try {
    const page = await noScript.newPage()
    const response = await page.goto(`${server.origin}/explore`)
    expect(response?.headers()['cache-control']).toBe('no-cache')
    await expect(page.locator('#root > [inert] a[data-operation]').first()).toBeVisible()
    expect(await page.locator('a[data-operation]').count()).toBe(227)
    await expect(page.locator('#root > [inert]').getByText('227 operations')).toBeVisible()
    // Rendered for a visitor who has not connected: the same HTML for everyone.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connect' })).toBeVisible()
    await page.goto(`${server.origin}/explore?q=models`)
    expect(await page.locator('a[data-operation]').count(), 'a filtered list is not the prerendered one').toBe(0)
  } finally {
    await noScript.close()
  }
})
