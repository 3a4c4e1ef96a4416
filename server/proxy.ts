import { errorEnvelope, STATUS_CODES } from './envelope.ts'
import type { Logger } from './logger.ts'

export interface ProxyOptions {
  /** Upstream origin, optionally with a path prefix, e.g. https://api.clarifai.com */
  apiBase: string
  /** Time allowed until the upstream's response headers arrive. */
  timeoutMs: number
  logger: Logger
}

/** Forwards one API request; `apiPath` is the path from `/v2/` on, plus the query string. */
export type Proxy = (request: Request, apiPath: string) => Promise<Response>

// Hop-by-hop headers (RFC 9110 7.6.1) plus what must not cross the proxy in either direction.
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'trailers',
  'transfer-encoding',
  'upgrade',
  'host',
  'cookie',
  'set-cookie',
  'set-cookie2',
]

const REQUEST_ONLY_DROPS = [
  // Fault injection belongs to the stand-in API; the real API must never see it.
  'x-demo-faults',
  // fetch decompresses what it asked for; letting the browser pick could bring codings Node cannot decode.
  'accept-encoding',
  // The browser's origin is ours, not one the API's CORS list knows; the proxy is not a browser.
  'origin',
]

function filterHeaders(source: Headers, drop: readonly string[]): Headers {
  const listed = (source.get('connection') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  const dropped = new Set([...drop, ...listed])
  const headers = new Headers()
  source.forEach((value, name) => {
    if (!dropped.has(name.toLowerCase())) headers.append(name, value)
  })
  return headers
}

export function upstreamUrl(apiBase: string, apiPath: string): string {
  const base = new URL(apiBase)
  const prefix = base.pathname.replace(/\/+$/, '')
  return `${base.origin}${prefix}${apiPath}`
}

export function createProxy({ apiBase, timeoutMs, logger }: ProxyOptions): Proxy {
  return async function proxy(request, apiPath) {
    const started = Date.now()
    const logPath = apiPath.split('?')[0]
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort(new Error('upstream timeout'))
    }, timeoutMs)
    // A client that goes away cancels the upstream request and its body.
    const onClientAbort = () => controller.abort(new Error('client closed'))
    request.signal.addEventListener('abort', onClientAbort, { once: true })

    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null
    let upstream: Response
    try {
      upstream = await fetch(upstreamUrl(apiBase, apiPath), {
        method: request.method,
        headers: filterHeaders(request.headers, [...HOP_BY_HOP, ...REQUEST_ONLY_DROPS]),
        body: hasBody ? request.body : undefined,
        // Streams the request body instead of buffering it (required by Node's fetch for streams).
        duplex: 'half',
        redirect: 'manual',
        signal: controller.signal,
      } as RequestInit & { duplex: 'half' })
    } catch (error) {
      request.signal.removeEventListener('abort', onClientAbort)
      const elapsed = Date.now() - started
      if (timedOut) {
        logger.warn(`proxy ${request.method} ${logPath} -> 504 upstream timed out after ${elapsed} ms`)
        return errorEnvelope(
          504,
          STATUS_CODES.RPC_REQUEST_TIMEOUT,
          'Upstream timed out',
          `No response from the API within ${timeoutMs} ms`,
        )
      }
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)
      logger.warn(`proxy ${request.method} ${logPath} -> 502 upstream unreachable (${reason})`)
      return errorEnvelope(502, STATUS_CODES.RPC_SERVER_UNAVAILABLE, 'Upstream unreachable', 'The API could not be reached')
    } finally {
      clearTimeout(timer)
    }

    const headers = filterHeaders(upstream.headers, HOP_BY_HOP)
    if (headers.has('content-encoding')) {
      // fetch already decoded the body: the coding and the encoded length no longer describe it.
      headers.delete('content-encoding')
      headers.delete('content-length')
    }
    logger.info(`proxy ${request.method} ${logPath} -> ${upstream.status} (${Date.now() - started} ms)`)
    const isBodyless = request.method === 'HEAD' || upstream.status === 204 || upstream.status === 304
    return new Response(isBodyless ? null : upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers,
    })
  }
}
