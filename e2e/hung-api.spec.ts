// A hung API, measured end to end: the real server in proxy mode in front of a local upstream
// that accepts requests and never answers, the built console in Chromium, default timeouts.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './support/test.ts'

const SESSION_KEY = 'clarifai-console.session'

let upstream: Server
let upstreamBase = ''
const held: IncomingMessage[] = []
let firstRequestAt = 0

test.beforeAll(async () => {
  upstream = createServer((req) => {
    // Accept, read, never answer.
    firstRequestAt ||= Date.now()
    held.push(req)
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  upstreamBase = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  upstream.closeAllConnections()
  await new Promise((resolve) => upstream.close(resolve))
})

/** `npm start` in proxy mode on a free port, with the default timeouts unless `env` sets them; dist/ is the suite's build. */
async function startProxyServer(apiBase: string, env: Record<string, string> = {}): Promise<{ url: string; output: string[]; process: ChildProcess }> {
  const port = await freePort()
  const output: string[] = []
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CLARIFAI_API_BASE: apiBase, SKIP_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false)
    if (ok) return { url, output, process: child }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill()
  throw new Error(`proxy server did not start: ${output.join('\n')}`)
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

test('a hung API becomes a timeout error with Retry within 15 s', async ({ page }) => {
  test.setTimeout(40_000)
  const server = await startProxyServer(upstreamBase)
  try {
    await page.addInitScript(
      ([key, origin]) => {
        sessionStorage.setItem(key, JSON.stringify({ token: 'e2e-placeholder', userId: 'someone', baseUrl: origin }))
      },
      [SESSION_KEY, server.url] as const,
    )
    const started = Date.now()
    await page.goto(`${server.url}/someone/some-app`)
    const alert = page.getByRole('heading', { name: 'The API did not answer in time' }).first()
    await expect(alert).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('button', { name: 'Retry' }).first()).toBeVisible()
    const shownAt = Date.now()
    const fromHang = shownAt - firstRequestAt
    const fromNavigation = shownAt - started
    test.info().annotations.push({ type: 'hung API to visible error', description: `${fromHang} ms (${fromNavigation} ms from navigation)` })
    console.log(`hung API to visible error: ${fromHang} ms after the first upstream request, ${fromNavigation} ms after navigation`)
    expect(held.length).toBeGreaterThan(0)
    expect(fromHang).toBeLessThan(15_000)
    // The server answered each attempt with its 504 envelope, so the browser never waited alone.
    expect(server.output.some((line) => line.includes('status=504') && line.includes('error=upstream_timeout'))).toBe(true)
    expect(server.output.join('\n')).not.toContain('e2e-placeholder')
  } finally {
    const exited = new Promise((resolve) => server.process.once('exit', resolve))
    server.process.kill('SIGTERM')
    await exited
  }
})

test("with UPSTREAM_TIMEOUT_MS raised above the console's default, the browser still waits for the server's 504", async ({ page }) => {
  test.setTimeout(45_000)
  // 8 s: one second more than the client's own default, so a client that ignored the server would give up first.
  const server = await startProxyServer(upstreamBase, { UPSTREAM_TIMEOUT_MS: '8000' })
  try {
    await page.addInitScript(
      ([key, origin]) => {
        sessionStorage.setItem(key, JSON.stringify({ token: 'e2e-placeholder', userId: 'someone', baseUrl: origin }))
      },
      [SESSION_KEY, server.url] as const,
    )
    const answered = new Map<string, number[]>()
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (!url.pathname.startsWith('/v2/')) return
      answered.set(url.pathname + url.search, [...(answered.get(url.pathname + url.search) ?? []), response.status()])
    })
    await page.goto(`${server.url}/someone/some-app`)
    await expect(page.getByRole('heading', { name: 'The API did not answer in time' }).first()).toBeVisible({ timeout: 30_000 })
    // A read's first attempt and its retry both ended with the server's 504 after 8 s: the browser
    // did not give up at its own 7 s default (it would then have seen no answer at all).
    const statuses = [...answered.values()]
    expect(statuses.flat().every((status) => status === 504)).toBe(true)
    expect(statuses.some((forOneUrl) => forOneUrl.length >= 2)).toBe(true)
  } finally {
    const exited = new Promise((resolve) => server.process.once('exit', resolve))
    server.process.kill('SIGTERM')
    await exited
  }
})
