// The deployments the README describes, each run for real against a stand-in for the API on
// 127.0.0.1: nginx with deploy/nginx/*.conf (root and sub-path), and the Cloudflare worker in
// workerd with deploy/cloudflare/wrangler.json. The same checks for every host.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { SECURITY_HEADERS } from '../server/security-headers.ts'
import {
  buildConsole,
  buildWorker,
  startFakeUpstream,
  startNginx,
  startWorkerd,
  type FakeUpstream,
  type RunningHost,
} from './support/deploy-hosts.ts'
import { expectLive } from './support/page.ts'

const SUB_PATH = '/console/'
const BOOT = { timeout: 30_000 }

test.describe.configure({ mode: 'serial' })

let work = ''
const builds = { root: '', subPathParent: '', subPath: '', worker: '' }
let upstream: FakeUpstream

test.beforeAll(async () => {
  test.setTimeout(240_000)
  work = mkdtempSync(path.join(tmpdir(), 'console-deploy-'))
  builds.root = path.join(work, 'site')
  builds.subPathParent = path.join(work, 'www')
  builds.subPath = path.join(builds.subPathParent, 'console')
  builds.worker = path.join(work, 'worker', 'worker.js')
  // One after the other: each vite build regenerates the route tree in src/.
  await buildConsole(builds.root, '/')
  await buildConsole(builds.subPath, SUB_PATH)
  await buildWorker(builds.worker)
  upstream = await startFakeUpstream()
})

test.afterAll(async () => {
  await upstream?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

/** The Node server's security headers (CSP included), exactly, on this answer. */
function expectSecurityHeaders(response: Response, what: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), `${name} on ${what}`).toBe(value)
}

/** The entry bundle index.html loads, e.g. /console/assets/index-abc.js. */
function mainBundle(buildDir: string): string {
  const html = readFileSync(path.join(buildDir, 'index.html'), 'utf8')
  return /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]!
}

async function checkFiles(host: RunningHost, buildDir: string, mount: string, codings: string[]) {
  for (const deepLink of [mount, `${mount}demo/general-vision/models`, `${mount}explore/ListModels`]) {
    const page = await fetch(host.origin + deepLink)
    expect(page.status, deepLink).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.headers.get('cache-control'), `${deepLink} is revalidated`).toBe('no-cache')
    expect(await page.text()).toContain('<div id="root">')
    expectSecurityHeaders(page, deepLink)
  }

  // The explorer as the build prerendered it: every operation in the HTML, before any script runs.
  const explorer = await fetch(`${host.origin}${mount}explore`, { headers: { 'accept-encoding': codings.join(', ') } })
  expect(explorer.status).toBe(200)
  expect(explorer.headers.get('cache-control'), 'the prerendered page names hashed files: revalidated').toBe('no-cache')
  expectSecurityHeaders(explorer, `${mount}explore`)
  const explorerHtml = await explorer.text()
  expect(explorerHtml).toContain('<div id="root"><div inert>')
  expect(explorerHtml.match(/data-operation="/g)?.length, 'operations in the HTML').toBe(227)
  expect(explorerHtml).toContain(`href="${mount}explore/ListModels"`)
  expect(explorerHtml).toContain(`<script type="module" crossorigin src="${mainBundle(buildDir)}"></script>`)
  const filtered = await (await fetch(`${host.origin}${mount}explore?q=models`)).text()
  expect(filtered, 'a filtered explorer is the plain page').not.toContain('data-operation=')
  expect(filtered).toContain('<div id="root"></div>')

  const bundle = mainBundle(buildDir)
  expect(bundle.startsWith(`${mount}assets/`)).toBe(true)
  const onDisk = readFileSync(path.join(buildDir, bundle.slice(mount.length)), 'utf8')
  for (const coding of ['identity', ...codings]) {
    const response = await fetch(host.origin + bundle, { headers: { 'accept-encoding': coding } })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('content-type')).toContain('javascript')
    expect(response.headers.get('content-encoding'), `answer to Accept-Encoding: ${coding}`).toBe(coding === 'identity' ? null : coding)
    expect(await response.text(), 'decoded, the same bundle').toBe(onDisk)
    expectSecurityHeaders(response, bundle)
  }
  const missing = await fetch(`${host.origin}${mount}assets/index-gone000.js`)
  expect(missing.status, 'a missing hashed file is a 404, not the page').toBe(404)
  expectSecurityHeaders(missing, 'a 404')
}

async function checkApi(host: RunningHost) {
  const before = upstream.seen.length
  const response = await fetch(`${host.origin}/v2/users/me?x=1`, {
    headers: { authorization: 'Key demo', cookie: 'site-session=secret' },
  })
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ status: { code: 10000 }, user: { id: 'demo' } })
  expect(response.headers.get('set-cookie'), "the API's cookies stay upstream").toBeNull()
  expectSecurityHeaders(response, 'an API answer')
  const reached = upstream.seen.slice(before)
  expect(reached).toHaveLength(1)
  expect(reached[0]!.pathAndQuery).toBe('/v2/users/me?x=1')
  expect(reached[0]!.headers.authorization).toBe('Key demo')
  expect(reached[0]!.headers.cookie, "the site's cookies stay here").toBeUndefined()
}

/** Connect with a token, open a deep link, reload it: the page comes back with its data. */
async function checkBrowser(page: Page, host: RunningHost, mount: string) {
  const before = upstream.seen.length
  // The explorer is public: the live app takes the prerendered page's place, no session needed.
  await page.goto(`${host.origin}${mount}explore`)
  await expectLive(page, BOOT.timeout)
  await expect(page.getByText('227 operations')).toBeVisible(BOOT)
  expect(page.url()).toBe(`${host.origin}${mount}explore`)

  await page.goto(`${host.origin}${mount}connect`)
  await page.getByLabel('Personal access token').fill('demo')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible(BOOT)

  const deepLink = `${host.origin}${mount}demo/general-vision/models?sort=name&order=asc`
  await page.goto(deepLink)
  await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible(BOOT)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible(BOOT)
  await expect(page.getByRole('table', { name: 'models' }).locator('tbody tr').first()).toBeVisible()
  expect(page.url()).toBe(deepLink)

  const fromBrowser = upstream.seen.slice(before)
  expect(fromBrowser.some((seen) => seen.pathAndQuery.startsWith('/v2/users/demo/apps/general-vision/models'))).toBe(true)
  expect(fromBrowser.every((seen) => seen.headers.authorization === 'Key demo')).toBe(true)
}

for (const layout of [
  { name: 'at the root', siteFile: 'clarifai-console.conf', mount: '/' },
  { name: 'under a sub-path', siteFile: 'clarifai-console-subpath.conf', mount: SUB_PATH },
]) {
  test(`nginx serves the build ${layout.name} and forwards /v2 (deploy/nginx/${layout.siteFile})`, async ({ page }) => {
    const isRoot = layout.mount === '/'
    const host = await startNginx({
      dir: path.join(work, `nginx-${isRoot ? 'root' : 'sub'}`),
      siteFile: layout.siteFile,
      root: isRoot ? builds.root : builds.subPathParent,
      apiOrigin: upstream.origin,
    })
    try {
      await checkFiles(host, isRoot ? builds.root : builds.subPath, layout.mount, ['gzip'])
      await checkApi(host)
      await checkBrowser(page, host, layout.mount)
    } finally {
      await host.stop()
    }
  })

  test(`the Cloudflare worker serves the build ${layout.name} and forwards /v2 (in workerd)`, async ({ page }) => {
    const isRoot = layout.mount === '/'
    const host = await startWorkerd({
      dir: path.join(work, `workerd-${isRoot ? 'root' : 'sub'}`),
      workerFile: builds.worker,
      assetsDir: isRoot ? builds.root : builds.subPath,
      vars: { CLARIFAI_API_BASE: upstream.origin, BASE_PATH: layout.mount },
    })
    try {
      await checkFiles(host, isRoot ? builds.root : builds.subPath, layout.mount, ['gzip', 'br'])
      await checkApi(host)
      await checkBrowser(page, host, layout.mount)
    } finally {
      await host.stop()
    }
  })
}
