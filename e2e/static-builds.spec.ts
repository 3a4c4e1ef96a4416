// The static builds on a plain file host under a sub-path, the way GitHub Pages serves a project
// site: no SPA rewrites, no /v2 proxy, unknown paths get 404.html with status 404.
import { execFile } from 'node:child_process'
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from './support/test.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SUB_PATH = '/some/sub/path/'
const DEEP_LINK = `${SUB_PATH}demo/app1/models`

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
}

interface StaticHost {
  origin: string
  /** Every path the host was asked for, in order. */
  requests: string[]
  close: () => Promise<void>
}

/** A dumb file host: files under `mount` from `dir`, anything else 404.html with status 404. */
async function hostStatically(dir: string, mount: string): Promise<StaticHost> {
  const requests: string[] = []
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://host')
    requests.push(pathname)
    let file: string | undefined
    if (pathname.startsWith(mount)) {
      let relative = decodeURIComponent(pathname.slice(mount.length))
      if (relative === '' || relative.endsWith('/')) relative += 'index.html'
      const candidate = path.resolve(dir, relative)
      if (candidate.startsWith(dir + path.sep) && existsSync(candidate) && statSync(candidate).isFile()) file = candidate
    }
    const status = file ? 200 : 404
    file ??= path.join(dir, '404.html')
    res.writeHead(status, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** `npm run build` / `npm run build:demo`, for a sub-path, into a temporary folder. */
async function build(outDir: string, mode?: string): Promise<void> {
  const args = [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']
  if (mode) args.push('--mode', mode)
  await promisify(execFile)(process.execPath, args, { cwd: ROOT, env: { ...process.env, BASE_PATH: SUB_PATH } })
}

test.describe.configure({ mode: 'serial' })

let outRoot = ''
const builds = { plain: '', demo: '' }

test.beforeAll(async () => {
  test.setTimeout(240_000)
  outRoot = mkdtempSync(path.join(tmpdir(), 'console-static-builds-'))
  builds.plain = path.join(outRoot, 'dist')
  builds.demo = path.join(outRoot, 'dist-demo')
  // One after the other: both runs regenerate the route tree in src/.
  await build(builds.plain)
  await build(builds.demo, 'demo')
})

test.afterAll(() => {
  if (outRoot) rmSync(outRoot, { recursive: true, force: true })
})

test('the build loads from a deep link under a sub-path on a host without rewrites', async ({ page }) => {
  expect(existsSync(path.join(builds.plain, '404.html')), 'the build writes 404.html').toBe(true)
  expect(existsSync(path.join(builds.plain, 'config.json')), 'only the demo build ships config.json').toBe(false)
  expect(existsSync(path.join(builds.plain, 'mockServiceWorker.js')), 'only the demo build ships the MSW worker').toBe(false)
  const host = await hostStatically(builds.plain, SUB_PATH)
  const failures: string[] = []
  page.on('pageerror', (error) => failures.push(error.message))
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.pathname.includes('/assets/') && !response.ok()) failures.push(`${response.status()} ${url.pathname}`)
  })
  try {
    const response = await page.goto(`${host.origin}${DEEP_LINK}`)
    expect(response?.status(), 'the host answers the deep link with its 404.html').toBe(404)
    await expect(page.getByTestId('app-shell')).toBeVisible()
    // Whatever the app routes to (connect, since a plain build has no demo session), it stays under the sub-path.
    expect(new URL(page.url()).pathname.startsWith(SUB_PATH)).toBe(true)
    expect(host.requests.filter((p) => p.includes('/assets/')).every((p) => p.startsWith(`${SUB_PATH}assets/`))).toBe(true)
    expect(failures).toEqual([])
  } finally {
    await host.close()
  }
})

test('the demo build answers /v2 from its service worker, with no backend', async ({ page }) => {
  expect(existsSync(path.join(builds.demo, 'mockServiceWorker.js')), 'the demo build ships the MSW worker').toBe(true)
  const host = await hostStatically(builds.demo, SUB_PATH)
  const failures: string[] = []
  page.on('pageerror', (error) => failures.push(error.message))
  try {
    await page.goto(`${host.origin}${DEEP_LINK}`)
    await expect(page.getByTestId('app-shell')).toBeVisible()
    // The demo build signs itself in: the deep link is not bounced to the connect page.
    expect(new URL(page.url()).pathname).toBe(DEEP_LINK)

    for (const apiPath of ['/v2/users/me', `${SUB_PATH}v2/users/me`]) {
      const answered = page.waitForResponse((response) => new URL(response.url()).pathname === apiPath)
      const body = await page.evaluate(async (url) => {
        const response = await fetch(url, { headers: { authorization: 'Key demo' } })
        return { contentType: response.headers.get('content-type'), json: (await response.json()) as unknown }
      }, apiPath)
      expect((await answered).fromServiceWorker(), `${apiPath} is answered by the worker`).toBe(true)
      expect(body.contentType).toContain('application/json')
      expect(body.json).toMatchObject({ status: { code: expect.any(Number) } })
    }
    expect(host.requests.filter((p) => p.includes('/v2/')), 'no /v2 request reaches the file host').toEqual([])
    expect(failures).toEqual([])
  } finally {
    await host.close()
  }
})
