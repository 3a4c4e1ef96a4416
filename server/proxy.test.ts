import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
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

function proxyApp(options: { timeoutMs?: number; apiBase?: string } = {}) {
  const logger = captureLogger()
  const app = createApp({
    distDir: dist.dir,
    apiBase: options.apiBase ?? upstreamBase,
    upstreamTimeoutMs: options.timeoutMs ?? 5_000,
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

  it('drops hop-by-hop headers, cookies and the fault header on the way up', async () => {
    route = echoWhenDone()
    const { app } = proxyApp()
    await app.request('/v2/users/me', {
      headers: {
        authorization: TOKEN,
        connection: 'keep-alive, x-hop',
        'keep-alive': 'timeout=5',
        'x-hop': 'listed in connection',
        'proxy-authorization': 'Basic abc',
        te: 'trailers',
        trailer: 'x-trailer',
        upgrade: 'websocket',
        cookie: 'session=1',
        'x-demo-faults': 'error=500',
        origin: 'http://localhost:8080',
        'x-kept': 'yes',
      },
    })
    const headers = seen[0]!.headers
    expect(headers['x-kept']).toBe('yes')
    expect(headers.authorization).toBe(TOKEN)
    for (const name of ['keep-alive', 'x-hop', 'proxy-authorization', 'te', 'trailer', 'upgrade', 'cookie', 'x-demo-faults', 'origin']) {
      expect(headers[name], name).toBeUndefined()
    }
  })

  it('ignores the fault header: the upstream answer comes back as it is', async () => {
    route = echoWhenDone()
    const { app } = proxyApp()
    const response = await app.request('/v2/users/me', { headers: { 'x-demo-faults': 'status=500;latency=5000' } })
    expect(response.status).toBe(200)
    expect(seen[0]!.headers['x-demo-faults']).toBeUndefined()
  })

  it('drops hop-by-hop headers and cookies on the way down, keeps the rest, adds the CSP', async () => {
    route = echoWhenDone(404, {
      'set-cookie': ['a=1; Path=/', 'b=2'],
      'keep-alive': 'timeout=5',
      'x-upstream': 'yes',
      'x-clarifai-request-id': 'req-1',
    })
    const { app } = proxyApp()
    const response = await app.request('/v2/nope')
    expect(response.status).toBe(404)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('keep-alive')).toBeNull()
    expect(response.headers.get('x-upstream')).toBe('yes')
    expect(response.headers.get('x-clarifai-request-id')).toBe('req-1')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
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
    await app.request('/v2/users/me/apps?name=secret-query', { headers: { authorization: TOKEN, cookie: 'sid=cookie-value' } })
    route = () => {}
    await proxyApp({ timeoutMs: 50 }).app.request('/v2/users/me', { headers: { authorization: TOKEN } })
    const log = logger.lines.join('\n')
    expect(log).toContain('GET /v2/users/me/apps -> 200')
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
