import { Hono } from 'hono'
import { compress } from 'hono/compress'
import type { Context } from 'hono'
import { createDemoApi } from '../src/demo/handler.ts'
import type { FetchHandler } from '../src/demo/handler.ts'
import { basePathname } from './base-path.ts'
import { errorEnvelope, STATUS_CODES } from './envelope.ts'
import { consoleLogger } from './logger.ts'
import type { Logger } from './logger.ts'
import { createProxy } from './proxy.ts'
import { DEMO_CONFIG, PROXY_CONFIG } from './runtime-config.ts'
import { createStaticHandler } from './static.ts'

export interface AppOptions {
  /** The built console (vite's outDir). */
  distDir: string
  /** Set: proxy mode, forwarding /v2/* here (e.g. https://api.clarifai.com). Unset: demo mode. */
  apiBase?: string
  /** Demo mode: default fault injection for the stand-in API (env DEMO_FAULTS). */
  faults?: string
  /** Proxy mode: time allowed until the upstream answers (default 30 s). */
  upstreamTimeoutMs?: number
  /** Where the console is mounted (the build's BASE_PATH); default '/'. */
  basePath?: string
  logger?: Logger
  /** Demo mode: the stand-in API; defaults to createDemoApi({ faults }). */
  demoApi?: FetchHandler
}

export type Mode = 'demo' | 'proxy'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ')

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
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
  // A full evaluation is megabytes of JSON that gzips about tenfold. Proxied answers stream through
  // untouched: compressing would hold back the chunks the upstream sends.
  const compression = compress()
  app.use('*', async (c, next) => {
    if (mode === 'proxy' && c.req.path.includes('/v2')) return next()
    return compression(c, next)
  })

  app.onError((error, c) => {
    logger.error(`${c.req.method} ${c.req.path} failed: ${error instanceof Error ? error.message : String(error)}`)
    if (c.req.path.includes('/v2/')) {
      return errorEnvelope(500, STATUS_CODES.INTERNAL_SERVER_ISSUE, 'Internal server error')
    }
    return c.text('Internal server error\n', 500)
  })

  app.get('/healthz', (c) => c.json({ ok: true, mode }, 200, { 'cache-control': 'no-store' }))

  app.get(`${basePath}config.json`, (c) =>
    c.json(mode === 'demo' ? DEMO_CONFIG : PROXY_CONFIG, 200, { 'cache-control': 'no-store' }),
  )

  let answerApi: (request: Request, mountPrefix: string) => Promise<Response>
  if (options.apiBase) {
    const proxy = createProxy({
      apiBase: options.apiBase,
      timeoutMs: options.upstreamTimeoutMs ?? 30_000,
      logger,
    })
    answerApi = (request, mountPrefix) => proxy(request, apiPathOf(new URL(request.url), mountPrefix))
  } else {
    const demoApi = options.demoApi ?? createDemoApi({ faults: options.faults })
    answerApi = async (request, mountPrefix) => {
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
      logger.info(`demo ${request.method} ${url.pathname} -> ${response.status} (${Date.now() - started} ms)`)
      return response
    }
  }

  // Unknown /v2 paths still reach the API (it answers with its own 404 envelope).
  const apiMounts = basePath === '/' ? [''] : [basePath.slice(0, -1), '']
  for (const prefix of apiMounts) {
    app.all(`${prefix}/v2/*`, (c) => answerApi(c.req.raw, prefix))
    app.all(`${prefix}/v2`, (c) => answerApi(c.req.raw, prefix))
  }

  const serveStatic = createStaticHandler({ distDir: options.distDir, basePath })
  app.get('*', (c) => {
    const { pathname } = new URL(c.req.url)
    if (pathname.startsWith(basePath)) return serveStatic(c.req.raw)
    // Outside the mount point: the root and the bare base lead into the console.
    if (pathname === '/' || `${pathname}/` === basePath) return c.redirect(basePath, 302)
    return c.text('Not found\n', 404)
  })

  return app
}
