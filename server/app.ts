import { Hono } from 'hono'
import { compress } from 'hono/compress'
import type { Context } from 'hono'
import { createDemoApi } from '../src/demo/handler.ts'
import type { FetchHandler } from '../src/demo/handler.ts'
import { isApiTarget, unsafeApiPath } from './api-path.ts'
import { basePathname } from './base-path.ts'
import { guardBody } from './body-guard.ts'
import { errorEnvelope, STATUS_CODES } from './envelope.ts'
import { consoleLogger, describeUrl, logLine } from './logger.ts'
import type { Logger } from './logger.ts'
import { createProxy, type Connection } from './proxy.ts'
import { DEMO_CONFIG, proxyConfig } from './runtime-config.ts'
import { nodeFiles } from './node-files.ts'
import { createStaticHandler } from './static.ts'
import { SECURITY_HEADERS } from './security-headers.ts'
import type { FileSource } from './static.ts'

export { CONTENT_SECURITY_POLICY } from './security-headers.ts'

export interface AppOptions {
  /** The built console (vite's outDir) on disk. */
  distDir?: string
  /** Where the build's files come from when not from disk (the worker's ASSETS binding). */
  files?: FileSource
  /** Set: proxy mode, forwarding /v2/* here (e.g. https://api.clarifai.com). Unset: demo mode. */
  apiBase?: string
  /** Demo mode: default fault injection for the stand-in API (env DEMO_FAULTS). */
  faults?: string
  /** Proxy mode: time allowed until the upstream's headers arrive (env UPSTREAM_TIMEOUT_MS). */
  upstreamTimeoutMs?: number
  /** Proxy mode: longest pause inside the upstream's body before it is cut (env UPSTREAM_IDLE_TIMEOUT_MS). */
  upstreamIdleTimeoutMs?: number
  /** Proxy mode: longest time for a whole upstream body (env UPSTREAM_BODY_TIMEOUT_MS). */
  upstreamBodyTimeoutMs?: number
  /** Where the console is mounted (the build's BASE_PATH); default '/'. */
  basePath?: string
  logger?: Logger
  /** Demo mode: the stand-in API; defaults to createDemoApi({ faults }). */
  demoApi?: FetchHandler
}

export type Mode = 'demo' | 'proxy'

/**
 * Defaults chosen so a hung API becomes a visible error within 15 s: the client waits a little
 * longer than the server per attempt and retries a timed-out read once (src/api/transport.ts).
 */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 6_000
export const DEFAULT_UPSTREAM_IDLE_TIMEOUT_MS = 6_000
export const DEFAULT_UPSTREAM_BODY_TIMEOUT_MS = 120_000

interface NodeBindings {
  incoming?: { url?: string }
  outgoing?: { destroy: () => void }
}

/** The raw request target and a way to cut the socket, when served by @hono/node-server. */
function connectionOf(c: Context): Connection & { rawTarget?: string } {
  const env = c.env as NodeBindings | undefined
  const outgoing = env?.outgoing
  return { rawTarget: env?.incoming?.url, cut: outgoing ? () => outgoing.destroy() : undefined }
}

function withSecurityHeaders(c: Context): void {
  try {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value)
  } catch {
    // Responses straight from fetch() have immutable headers: copy, then set.
    const copy = new Response(c.res.body, c.res)
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) copy.headers.set(name, value)
    c.res = copy
  }
}

/** The API path from `/v2/` on, with the query string: what the stand-in or the upstream sees. */
function apiPathOf(url: URL, mountPrefix: string): string {
  return url.pathname.slice(mountPrefix.length) + url.search
}

export function createApp(options: AppOptions): Hono {
  const logger = options.logger ?? consoleLogger
  const basePath = basePathname(options.basePath ?? '/')
  const mode: Mode = options.apiBase ? 'proxy' : 'demo'
  const app = new Hono()

  app.use('*', async (c, next) => {
    await next()
    withSecurityHeaders(c)
  })
  // A full evaluation from the stand-in is megabytes of JSON that gzips about tenfold. Proxied
  // answers stream through untouched: compressing would hold back the chunks the upstream sends.
  // Static files are never compressed here: the build wrote .br and .gz beside each one.
  const compression = compress()
  app.use('*', async (c, next) => {
    if (mode === 'demo' && c.req.path.includes('/v2')) return compression(c, next)
    return next()
  })

  app.onError((error, c) => {
    logger.error(`${c.req.method} ${c.req.path} failed: ${error instanceof Error ? error.message : String(error)}`)
    if (c.req.path.includes('/v2/')) {
      return errorEnvelope(500, STATUS_CODES.INTERNAL_SERVER_ISSUE, 'Internal server error')
    }
    return c.text('Internal server error\n', 500)
  })

  app.get('/healthz', (c) => c.json({ ok: true, mode }, 200, { 'cache-control': 'no-store' }))

  const runtimeConfig =
    mode === 'demo'
      ? DEMO_CONFIG
      : proxyConfig({
          upstreamTimeoutMs: options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
          upstreamIdleTimeoutMs: options.upstreamIdleTimeoutMs ?? DEFAULT_UPSTREAM_IDLE_TIMEOUT_MS,
        })
  app.get(`${basePath}config.json`, (c) => c.json(runtimeConfig, 200, { 'cache-control': 'no-store' }))

  let answerApi: (request: Request, mountPrefix: string, connection: Connection) => Promise<Response>
  if (options.apiBase) {
    const proxy = createProxy({
      apiBase: options.apiBase,
      timeoutMs: options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
      idleTimeoutMs: options.upstreamIdleTimeoutMs ?? DEFAULT_UPSTREAM_IDLE_TIMEOUT_MS,
      bodyTimeoutMs: options.upstreamBodyTimeoutMs ?? DEFAULT_UPSTREAM_BODY_TIMEOUT_MS,
      logger,
    })
    answerApi = (request, mountPrefix, connection) => proxy(request, apiPathOf(new URL(request.url), mountPrefix), connection)
  } else {
    const demoApi = options.demoApi ?? createDemoApi({ faults: options.faults })
    answerApi = async (request, mountPrefix, connection) => {
      const started = Date.now()
      const url = new URL(request.url)
      let forwarded = request
      if (mountPrefix !== '') {
        // The stand-in routes on /v2/...: hand it the request as if mounted at the root.
        const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
        forwarded = new Request(new URL(apiPathOf(url, mountPrefix), url.origin), {
          method: request.method,
          headers: request.headers,
          body: hasBody ? request.body : undefined,
          duplex: 'half',
          signal: request.signal,
        } as RequestInit & { duplex: 'half' })
      }
      const response = await demoApi(forwarded)
      const { path, query } = describeUrl(apiPathOf(url, mountPrefix))
      const log = (event: 'request' | 'abort', extra: Record<string, string> = {}) => {
        const line = logLine({ event, method: request.method, path, query, status: response.status, duration_ms: Date.now() - started, ...extra })
        if (event === 'request') logger.info(line)
        else logger.warn(line)
      }
      if (response.body === null) {
        log('request')
        return response
      }
      // The stand-in's `drop` fault breaks a body on purpose: one line, no stack trace.
      const body = guardBody(response.body, {
        cut: connection.cut,
        isClientGone: () => request.signal.aborted,
        onEnd: (outcome) => {
          if (outcome.kind === 'complete') log('request')
          else if (outcome.kind === 'body_error') log('abort', { reason: 'body_error', detail: outcome.reason })
          else log('abort', { reason: outcome.kind })
        },
      })
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
    }
  }

  // Unknown /v2 paths still reach the API (it answers with its own 404 envelope).
  const apiMounts = basePath === '/' ? [''] : [basePath.slice(0, -1), '']
  // Checked on the raw target: URL parsing has already resolved `%2e%2e` by the time routes run.
  app.use('*', async (c, next) => {
    const rawTarget = connectionOf(c).rawTarget ?? new URL(c.req.url).pathname
    if (!isApiTarget(rawTarget, apiMounts) && !isApiTarget(c.req.path, apiMounts)) return next()
    const problem = unsafeApiPath(rawTarget)
    if (problem === undefined) return next()
    logger.warn(logLine({ event: 'request', method: c.req.method, path: describeUrl(rawTarget).path, status: 400, error: 'unsafe_path' }))
    return errorEnvelope(400, STATUS_CODES.FAILURE, 'Invalid request path', `The path contains ${problem}`)
  })
  for (const prefix of apiMounts) {
    app.all(`${prefix}/v2/*`, (c) => answerApi(c.req.raw, prefix, connectionOf(c)))
    app.all(`${prefix}/v2`, (c) => answerApi(c.req.raw, prefix, connectionOf(c)))
  }

  const files = options.files ?? (options.distDir !== undefined ? nodeFiles(options.distDir) : undefined)
  if (!files) throw new Error('createApp needs distDir or files')
  const serveStatic = createStaticHandler({
    files,
    basePath,
    runtimeConfig,
  })
  app.get('*', (c) => {
    const { pathname } = new URL(c.req.url)
    if (pathname.startsWith(basePath)) return serveStatic(c.req.raw)
    // Outside the mount point: the root and the bare base lead into the console.
    if (pathname === '/' || `${pathname}/` === basePath) return c.redirect(basePath, 302)
    return c.text('Not found\n', 404)
  })

  return app
}
