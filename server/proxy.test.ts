import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, CONTENT_SECURITY_POLICY } from './app.ts'
import { upstreamUrl } from './proxy.ts'
import { captureLogger, listen, makeDist } from './test-helpers.ts'

const TOKEN = 'Key 0123456789abcdef-secret-pat'

interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
  /** Chunks as they arrived, to tell a streamed body from a buffered one. */
  chunks: string[]
}

type Route = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void

// A fake Clarifai on 127.0.0.1 with a random port: each test installs what it answers.
let upstream: Server
let upstreamBase: string
let route: Route
const seen: Seen[] = []
const chunkListeners: Array<(chunk: string) => void> = []

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const record: Seen = { method: req.method!, url: req.url!, headers: req.headers, body: '', chunks: [] }
    seen.push(record)
    req.on('data', (chunk: Buffer) => {
      record.chunks.push(chunk.toString())
      record.body += chunk.toString()
      for (const listener of chunkListeners) listener(chunk.toString())
    })
    route(req, res, record)
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  upstreamBase = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
})

afterAll(async () => {
  upstream.closeAllConnections()
  await new Promise((resolve) => upstream.close(resolve))
})

const dist = makeDist()
afterAll(() => dist.cleanup())
afterEach(() => {
  seen.length = 0
  chunkListeners.length = 0
})

function proxyApp(options: { timeoutMs?: number; idleTimeoutMs?: number; bodyTimeoutMs?: number; apiBase?: string } = {}) {
  const logger = captureLogger()
  const app = createApp({
    distDir: dist.dir,
    apiBase: options.apiBase ?? upstreamBase,
    upstreamTimeoutMs: options.timeoutMs ?? 5_000,
    upstreamIdleTimeoutMs: options.idleTimeoutMs ?? 5_000,
    upstreamBodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
    logger,
  })
  return { app, logger }
}

function echoWhenDone(status = 200, extraHeaders: Record<string, string | string[]> = {}): Route {
  return (req, res, record) => {
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json', ...extraHeaders })
      res.end(JSON.stringify({ status: { code: 10000, description: 'Ok' }, echo: record.body }))
    })
  }
}

describe('upstreamUrl', () => {
  it.each([
    ['https://api.clarifai.com', '/v2/users/me?x=1', 'https://api.clarifai.com/v2/users/me?x=1'],
    ['https://api.clarifai.com/', '/v2/models', 'https://api.clarifai.com/v2/models'],
    ['http://127.0.0.1:9000/prefix/', '/v2/models', 'http://127.0.0.1:9000/prefix/v2/models'],
  ])('joins %s and %s', (base, apiPath, expected) => {
    expect(upstreamUrl(base, apiPath)).toBe(expected)
  })
})

describe('proxy mode', () => {
  it('passes method, path, query, body and Authorization through', async () => {
    route = echoWhenDone(201)
    const { app } = proxyApp()
    const response = await app.request('/v2/users/me/apps/app1/models/m1/outputs?page=2&per_page=5', {
      method: 'POST',
      headers: { authorization: TOKEN, 'content-type': 'application/json', 'x-clarifai-request-id-prefix': 'console' },
      body: '{"inputs":[{"data":{"image":{"url":"https://x/y.jpg"}}}]}',
    })
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ echo: '{"inputs":[{"data":{"image":{"url":"https://x/y.jpg"}}}]}' })
    expect(seen).toHaveLength(1)
    const [request] = seen
    expect(request!.method).toBe('POST')
    expect(request!.url).toBe('/v2/users/me/apps/app1/models/m1/outputs?page=2&per_page=5')
    expect(request!.headers.authorization).toBe(TOKEN)
    expect(request!.headers['content-type']).toBe('application/json')
    expect(request!.headers['x-clarifai-request-id-prefix']).toBe('console')
    expect(request!.headers.host).toBe(new URL(upstreamBase).host)
  })

  it.each(['GET', 'DELETE', 'PATCH', 'PUT'])('forwards %s', async (method) => {
    route = echoWhenDone()
    const { app } = proxyApp()
    const response = await app.request('/v2/users/me/apps', { method, body: method === 'GET' ? undefined : '{}' })
    expect(response.status).toBe(200)
    expect(seen[0]!.method).toBe(method)
  })

  it('forwards only the request headers the API needs', async () => {
    route = echoWhenDone()
    const { app } = proxyApp()
    await app.request('/v2/users/me', {
      headers: {
        authorization: TOKEN,
        accept: 'application/json',
        'if-none-match': '"v1"',
        connection: 'keep-alive, x-hop',
        'keep-alive': 'timeout=5',
        'x-hop': 'listed in connection',
        'proxy-authorization': 'Basic abc',
        te: 'trailers',
        upgrade: 'websocket',
        cookie: 'session=1',
        'x-demo-faults': 'error=500',
        origin: 'http://localhost:8080',
        referer: 'http://localhost:8080/demo/app',
        'x-forwarded-for': '203.0.113.7',
        'x-real-ip': '203.0.113.7',
        forwarded: 'for=203.0.113.7',
        'x-anything': 'yes',
        'user-agent': 'curl/8',
      },
    })
    const headers = seen[0]!.headers
    expect(headers.authorization).toBe(TOKEN)
    expect(headers.accept).toBe('application/json')
    expect(headers['if-none-match']).toBe('"v1"')
    for (const name of [
      'keep-alive',
      'x-hop',
      'proxy-authorization',
      'upgrade',
      'cookie',
      'x-demo-faults',
      'origin',
      'referer',
      'x-forwarded-for',
      'x-real-ip',
      'forwarded',
      'x-anything',
    ]) {
      expect(headers[name], name).toBeUndefined()
    }
  })

  it('forwards no more headers than the allowlist, however many the client sends', async () => {
    route = echoWhenDone()
    const many: Record<string, string> = { authorization: TOKEN }
    for (let i = 0; i < 400; i++) many[`x-filler-${i}`] = 'x'
    await proxyApp().app.request('/v2/users/me', { headers: many })
    const names = Object.keys(seen[0]!.headers).filter((name) => name.startsWith('x-'))
    expect(names).toEqual([])
  })

  it('ignores the fault header: the upstream answer comes back as it is', async () => {
    route = echoWhenDone()
    const { app } = proxyApp()
    const response = await app.request('/v2/users/me', { headers: { 'x-demo-faults': 'status=500;latency=5000' } })
    expect(response.status).toBe(200)
    expect(seen[0]!.headers['x-demo-faults']).toBeUndefined()
  })

  it('passes back only the response headers the console uses', async () => {
    route = echoWhenDone(404, {
      'set-cookie': ['a=1; Path=/', 'b=2'],
      'keep-alive': 'timeout=5',
      'x-upstream': 'yes',
      'x-clarifai-request-id': 'req-1',
      'retry-after': '3',
      etag: '"e1"',
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=3600',
      'strict-transport-security': 'max-age=63072000',
      location: 'https://elsewhere.example/',
    })
    const { app } = proxyApp()
    const response = await app.request('/v2/nope')
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('x-clarifai-request-id')).toBe('req-1')
    expect(response.headers.get('retry-after')).toBe('3')
    expect(response.headers.get('etag')).toBe('"e1"')
    for (const name of ['set-cookie', 'keep-alive', 'x-upstream', 'access-control-allow-origin', 'strict-transport-security', 'location']) {
      expect(response.headers.get(name), name).toBeNull()
    }
    expect(response.headers.get('cache-control')).toBe('private, no-cache')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it.each([301, 302, 307, 308])('turns an upstream %i redirect into a 502 envelope without following it', async (status) => {
    route = (req, res) => {
      if (req.url!.startsWith('/elsewhere')) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('{"status":{"code":10000},"followed":true}')
        return
      }
      res.writeHead(status, { location: `${upstreamBase}/elsewhere`, 'content-type': 'text/plain' })
      res.end('moved')
    }
    const { app, logger } = proxyApp()
    const response = await app.request('/v2/users/me', { headers: { authorization: TOKEN } })
    expect(response.status).toBe(502)
    expect(response.headers.get('location')).toBeNull()
    expect(await response.json()).toMatchObject({ status: { code: 40031, description: 'Upstream redirected' } })
    expect(seen.map((r) => r.url)).toEqual(['/v2/users/me'])
    expect(logger.lines.join('\n')).toContain(`upstream_status=${status}`)
  })

  it('passes error statuses and bodies through untouched', async () => {
    route = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end('{"status":{"code":11008,"description":"API key invalid"}}')
    }
    const response = await proxyApp().app.request('/v2/users/me')
    expect(response.status).toBe(401)
    expect(await response.text()).toBe('{"status":{"code":11008,"description":"API key invalid"}}')
  })

  it('decodes a gzip answer and drops its now-wrong encoding headers', async () => {
    route = (_req, res) => {
      const body = gzipSync('{"status":{"code":10000}}')
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length })
      res.end(body)
    }
    const response = await proxyApp().app.request('/v2/users/me')
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(await response.text()).toBe('{"status":{"code":10000}}')
    expect(seen[0]!.headers['accept-encoding']).not.toContain('zstd')
  })

  it('turns an upstream timeout into a 504 status envelope', async () => {
    route = () => {} // never answers
    const { app, logger } = proxyApp({ timeoutMs: 150 })
    const started = Date.now()
    const response = await app.request('/v2/users/me', { headers: { authorization: TOKEN } })
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(response.status).toBe(504)
    const body = (await response.json()) as { status: { code: number; description: string; req_id: string } }
    expect(body.status).toMatchObject({ code: 40032, description: 'Upstream timed out' })
    expect(body.status.req_id).toMatch(/^console-/)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(logger.lines.join('\n')).toContain('504')
  })

  it('turns an unreachable upstream into a 502 status envelope', async () => {
    // A port that was just free: bind, note it, close.
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const closedPort = (probe.address() as AddressInfo).port
    await new Promise((resolve) => probe.close(resolve))
    const { app } = proxyApp({ apiBase: `http://127.0.0.1:${closedPort}` })
    const response = await app.request('/v2/users/me')
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({ status: { code: 40031, description: 'Upstream unreachable' } })
  })

  it('never logs the token or any header', async () => {
    route = echoWhenDone()
    const { app, logger } = proxyApp()
    const answer = await app.request('/v2/users/me/apps?name=secret-query', { headers: { authorization: TOKEN, cookie: 'sid=cookie-value' } })
    await answer.text()
    route = () => {}
    await proxyApp({ timeoutMs: 50 }).app.request('/v2/users/me', { headers: { authorization: TOKEN } })
    const log = logger.lines.join('\n')
    expect(log).toContain('event=request method=GET path=/v2/users/me/apps query=name status=200 upstream_status=200')
    expect(log).not.toContain('secret')
    expect(log).not.toContain('0123456789abcdef')
    expect(log).not.toContain('cookie-value')
    expect(log.toLowerCase()).not.toContain('authorization')
  })
})

describe('proxy mode over a real socket', () => {
  it('streams the response body as the upstream sends it', async () => {
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    route = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.write('first chunk;')
      void released.then(() => res.end('second chunk'))
    }
    const server = await listen(proxyApp().app)
    try {
      const response = await fetch(`${server.url}/v2/stream`)
      const reader = response.body!.getReader()
      const first = await reader.read()
      // The upstream has not finished: this chunk can only be here if it was streamed.
      expect(new TextDecoder().decode(first.value)).toBe('first chunk;')
      release()
      let rest = ''
      for (let part = await reader.read(); !part.done; part = await reader.read()) rest += new TextDecoder().decode(part.value)
      expect(rest).toBe('second chunk')
    } finally {
      release()
      await server.close()
    }
  })

  it('streams the request body to the upstream before the client has finished sending', async () => {
    route = echoWhenDone()
    const server = await listen(proxyApp().app)
    try {
      const firstArrived = new Promise<void>((resolve) => chunkListeners.push(() => resolve()))
      const { port } = new URL(server.url)
      const result = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method: 'POST', path: '/v2/inputs', headers: { 'content-type': 'application/json', authorization: TOKEN } },
          (res) => {
            let body = ''
            res.on('data', (chunk: Buffer) => (body += chunk.toString()))
            res.on('end', () => resolve({ status: res.statusCode!, body }))
          },
        )
        req.on('error', reject)
        req.write('{"part":1,')
        // Only send the rest once the upstream has the first part: a buffering proxy would hang here.
        void firstArrived.then(() => req.end('"part":2}'))
      })
      const { status, body } = await result
      expect(status).toBe(200)
      expect(JSON.parse(body)).toMatchObject({ echo: '{"part":1,"part":2}' })
      expect(seen[0]!.chunks[0]).toBe('{"part":1,')
      expect(seen[0]!.headers.authorization).toBe(TOKEN)
    } finally {
      await server.close()
    }
  })

  it('cancels the upstream request when the client goes away', async () => {
    const upstreamClosed = new Promise<void>((resolve) => {
      route = (req) => req.socket.on('close', () => resolve())
    })
    const server = await listen(proxyApp().app)
    try {
      const controller = new AbortController()
      const pending = fetch(`${server.url}/v2/slow`, { signal: controller.signal }).catch(() => undefined)
      await new Promise<void>((resolve) => {
        const wait = () => (seen.length > 0 ? resolve() : setTimeout(wait, 10))
        wait()
      })
      controller.abort()
      await pending
      await upstreamClosed
    } finally {
      await server.close()
    }
  })
})

/** A GET over a real socket with the request target sent exactly as given (no URL normalization). */
function rawGet(base: string, target: string): Promise<{ status: number; body: string; error?: string }> {
  const { port } = new URL(base)
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path: target, headers: { authorization: TOKEN } }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
      res.on('error', (error) => resolve({ status: res.statusCode!, body, error: error.message }))
      res.on('aborted', () => resolve({ status: res.statusCode!, body, error: 'aborted' }))
    })
    req.on('error', (error) => resolve({ status: 0, body: '', error: error.message }))
    req.end()
  })
}

function waitFor(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (check() ? resolve() : setTimeout(poll, 10))
    poll()
  })
}

describe('proxy mode against misbehaving upstreams (real sockets)', () => {
  let consoleErrors: unknown[][] = []
  beforeEach(() => {
    consoleErrors = []
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void consoleErrors.push(args))
    vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => void consoleErrors.push(args))
  })
  afterEach(() => vi.restoreAllMocks())

  it('answers 504 in the envelope when the upstream drips its headers and never finishes them', async () => {
    let dripping: ReturnType<typeof setInterval> | undefined
    route = (req) => {
      req.socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n')
      dripping = setInterval(() => req.socket.write('X-Drip: 1\r\n'), 30)
      req.socket.on('close', () => clearInterval(dripping))
    }
    const { app, logger } = proxyApp({ timeoutMs: 300 })
    const server = await listen(app)
    try {
      const started = Date.now()
      const answer = await rawGet(server.url, '/v2/users/me')
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(answer.status).toBe(504)
      expect(JSON.parse(answer.body)).toMatchObject({ status: { code: 40032 } })
      expect(logger.lines).toHaveLength(1)
      expect(logger.lines[0]).toMatch(/event=request method=GET path=\/v2\/users\/me status=504 upstream_status=- duration_ms=\d+ error=upstream_timeout/)
    } finally {
      clearInterval(dripping)
      await server.close()
    }
  })

  it('cuts a body that stalls after the headers: the client sees a broken connection, the log one line', async () => {
    route = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"status":{"code":10000},')
    }
    const { app, logger } = proxyApp({ idleTimeoutMs: 200 })
    const server = await listen(app)
    try {
      const started = Date.now()
      const answer = await rawGet(server.url, '/v2/users/me/apps?page=1')
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(answer.status).toBe(200)
      expect(answer.error).toBeDefined()
      expect(answer.body).toBe('{"status":{"code":10000},')
      await waitFor(() => logger.lines.length > 0)
      expect(logger.lines).toEqual([expect.stringMatching(/^warn event=abort method=GET path=\/v2\/users\/me\/apps query=page status=200 upstream_status=200 duration_ms=\d+ reason=upstream_idle_timeout idle_ms=200$/)])
      expect(consoleErrors).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('cuts a body that drips forever once the body deadline passes', async () => {
    let dripping: ReturnType<typeof setInterval> | undefined
    route = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      dripping = setInterval(() => res.write(' '), 20)
      req.socket.on('close', () => clearInterval(dripping))
    }
    const { app, logger } = proxyApp({ idleTimeoutMs: 1_000, bodyTimeoutMs: 300 })
    const server = await listen(app)
    try {
      const started = Date.now()
      const answer = await rawGet(server.url, '/v2/users/me')
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(answer.error).toBeDefined()
      await waitFor(() => logger.lines.length > 0)
      expect(logger.lines[0]).toContain('reason=upstream_body_timeout')
      expect(consoleErrors).toEqual([])
    } finally {
      clearInterval(dripping)
      await server.close()
    }
  })

  it('reports an upstream that breaks its body in one line, without a stack trace', async () => {
    route = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"status":')
      setTimeout(() => req.socket.destroy(), 20)
    }
    const { app, logger } = proxyApp()
    const server = await listen(app)
    try {
      const answer = await rawGet(server.url, '/v2/users/me')
      expect(answer.error).toBeDefined()
      await waitFor(() => logger.lines.length > 0)
      expect(logger.lines).toHaveLength(1)
      expect(logger.lines[0]).toMatch(/^warn event=abort .* reason=upstream_body_error/)
      expect(logger.lines[0]).not.toContain('\n')
      expect(consoleErrors).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('logs one line per client abort and no stack traces', async () => {
    route = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"status":{"code":10000},')
    }
    const { app, logger } = proxyApp()
    const server = await listen(app)
    try {
      const count = 10
      await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const controller = new AbortController()
          const response = await fetch(`${server.url}/v2/users/me?i=${i}`, { signal: controller.signal })
          const reader = response.body!.getReader()
          await reader.read()
          controller.abort()
          await reader.read().catch(() => undefined)
        }),
      )
      await waitFor(() => logger.lines.length >= count)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(logger.lines).toHaveLength(count)
      for (const line of logger.lines) expect(line).toMatch(/^warn event=abort method=GET path=\/v2\/users\/me query=i .* reason=client_closed$/)
      expect(consoleErrors).toEqual([])
    } finally {
      await server.close()
    }
  })

  it.each([
    '/v2/..%2f..%2fadmin',
    '/v2/users/me/apps/..%2F..%2Fadmin',
    '/v2/%2e%2e/admin',
    '/v2/users/%2E%2e/%2e%2e/admin',
    '/v2/users/me/.%2e/x',
    '/v2/users/me/%2e/x',
    '/v2/users/me/a%5c..%5cb',
    '/v2/users/me/%252e%252e/x',
    '/v2/users/%zz',
  ])('refuses %s with 400 in the envelope and never forwards it', async (target) => {
    route = echoWhenDone()
    const { app } = proxyApp()
    const server = await listen(app)
    try {
      const answer = await rawGet(server.url, target)
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.body)).toMatchObject({ status: { code: 10020, description: 'Invalid request path' } })
      expect(seen).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('still forwards ordinary escapes in ids and queries', async () => {
    route = echoWhenDone()
    const server = await listen(proxyApp().app)
    try {
      const answer = await rawGet(server.url, '/v2/users/me/apps/my%20app?name=a%2Fb')
      expect(answer.status).toBe(200)
      expect(seen[0]!.url).toBe('/v2/users/me/apps/my%20app?name=a%2Fb')
    } finally {
      await server.close()
    }
  })
})
