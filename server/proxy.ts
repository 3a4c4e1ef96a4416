import { guardBody } from './body-guard.ts'
import { errorEnvelope, STATUS_CODES } from './envelope.ts'
import { describeUrl, logLine, type Logger } from './logger.ts'

export interface ProxyOptions {
  /** Upstream origin, optionally with a path prefix, e.g. https://api.clarifai.com */
  apiBase: string
  /** Time allowed until the upstream's response headers arrive (then 504). */
  timeoutMs: number
  /** Longest pause allowed between two chunks of the upstream's body (then the answer is cut). */
  idleTimeoutMs: number
  /** Longest time for a whole body, against an upstream that drips bytes forever. */
  bodyTimeoutMs: number
  logger: Logger
}

/** What the proxy may do to the browser's connection beyond answering. */
export interface Connection {
  /** Ends the browser's connection abruptly (a cut body must not look complete). */
  cut?: () => void
}

/** Forwards one API request; `apiPath` is the path from `/v2/` on, plus the query string. */
export type Proxy = (request: Request, apiPath: string, connection?: Connection) => Promise<Response>

/**
 * Request headers the API needs; everything else stays here: cookies, client IP headers
 * (`X-Forwarded-For`, `X-Real-IP`, `Forwarded`), `Referer`, `Origin`, arbitrary `X-*`, hop-by-hop
 * headers and the demo's fault header. `Accept-Encoding` is fetch's own choice (it decodes what it
 * asked for).
 */
export const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'authorization',
  'content-type',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'x-clarifai-request-id-prefix',
] as const

/**
 * Response headers the console uses. No `Location` (redirects become 502), no CORS, HSTS or
 * caching directives from the upstream: this server decides those for its own origin.
 */
export const RETURNED_RESPONSE_HEADERS = [
  'content-type',
  'content-language',
  'retry-after',
  'x-clarifai-request-id',
  'etag',
  'last-modified',
] as const

function pick(source: Headers, names: readonly string[]): Headers {
  const headers = new Headers()
  for (const name of names) {
    const value = source.get(name)
    if (value !== null) headers.set(name, value)
  }
  return headers
}

export function upstreamUrl(apiBase: string, apiPath: string): string {
  const base = new URL(apiBase)
  const prefix = base.pathname.replace(/\/+$/, '')
  return `${base.origin}${prefix}${apiPath}`
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  return error.cause instanceof Error ? error.cause.message : error.message
}

export function createProxy({ apiBase, timeoutMs, idleTimeoutMs, bodyTimeoutMs, logger }: ProxyOptions): Proxy {
  return async function proxy(request, apiPath, connection = {}) {
    const started = Date.now()
    const { path, query } = describeUrl(apiPath)
    const base = { method: request.method, path, query }
    const elapsed = () => Date.now() - started

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
        headers: pick(request.headers, FORWARDED_REQUEST_HEADERS),
        body: hasBody ? request.body : undefined,
        // Streams the request body instead of buffering it (required by Node's fetch for streams).
        duplex: 'half',
        redirect: 'manual',
        signal: controller.signal,
      } as RequestInit & { duplex: 'half' })
    } catch (error) {
      request.signal.removeEventListener('abort', onClientAbort)
      if (timedOut) {
        logger.warn(logLine({ event: 'request', ...base, status: 504, upstream_status: '-', duration_ms: elapsed(), error: 'upstream_timeout' }))
        return errorEnvelope(
          504,
          STATUS_CODES.RPC_REQUEST_TIMEOUT,
          'Upstream timed out',
          `No response from the API within ${timeoutMs} ms`,
        )
      }
      if (request.signal.aborted) {
        logger.info(logLine({ event: 'abort', ...base, reason: 'client_closed', duration_ms: elapsed() }))
        return errorEnvelope(499, STATUS_CODES.RPC_SERVER_UNAVAILABLE, 'Client closed the request')
      }
      logger.warn(
        logLine({ event: 'request', ...base, status: 502, upstream_status: '-', duration_ms: elapsed(), error: 'upstream_unreachable', reason: reasonOf(error) }),
      )
      return errorEnvelope(502, STATUS_CODES.RPC_SERVER_UNAVAILABLE, 'Upstream unreachable', 'The API could not be reached')
    } finally {
      clearTimeout(timer)
    }

    const upstreamStatus = upstream.status
    if (upstreamStatus >= 300 && upstreamStatus < 400 && upstreamStatus !== 304) {
      request.signal.removeEventListener('abort', onClientAbort)
      await upstream.body?.cancel().catch(() => {})
      logger.warn(logLine({ event: 'request', ...base, status: 502, upstream_status: upstreamStatus, duration_ms: elapsed(), error: 'upstream_redirect' }))
      return errorEnvelope(502, STATUS_CODES.RPC_SERVER_UNAVAILABLE, 'Upstream redirected', 'The API answered with a redirect, which this proxy does not follow')
    }

    const headers = pick(upstream.headers, RETURNED_RESPONSE_HEADERS)
    // Answers depend on the caller's token: no shared cache may keep them.
    headers.set('cache-control', 'private, no-cache')
    const done = (event: 'request' | 'abort', extra: Record<string, string | number>) => {
      request.signal.removeEventListener('abort', onClientAbort)
      const line = logLine({ event, ...base, status: upstreamStatus, upstream_status: upstreamStatus, duration_ms: elapsed(), ...extra })
      if (event === 'request') logger.info(line)
      else logger.warn(line)
    }
    const isBodyless = request.method === 'HEAD' || upstreamStatus === 204 || upstreamStatus === 304
    if (isBodyless || upstream.body === null) {
      await upstream.body?.cancel().catch(() => {})
      done('request', {})
      return new Response(null, { status: upstreamStatus, statusText: upstream.statusText, headers })
    }
    const body = guardBody(upstream.body, {
      idleTimeoutMs,
      totalTimeoutMs: bodyTimeoutMs,
      cut: connection.cut,
      isClientGone: () => request.signal.aborted,
      onEnd: (outcome) => {
        if (outcome.kind === 'complete') done('request', {})
        else if (outcome.kind === 'client_closed') done('abort', { reason: 'client_closed' })
        else if (outcome.kind === 'idle_timeout') done('abort', { reason: 'upstream_idle_timeout', idle_ms: idleTimeoutMs })
        else if (outcome.kind === 'total_timeout') done('abort', { reason: 'upstream_body_timeout', body_ms: bodyTimeoutMs })
        else done('abort', { reason: 'upstream_body_error', detail: outcome.reason })
      },
    })
    return new Response(body, { status: upstreamStatus, statusText: upstream.statusText, headers })
  }
}
