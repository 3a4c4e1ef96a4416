import { ApiError } from './errors.ts'
import { abortableSleep, createRateLimiter, type RateLimiter } from './rate-limiter.ts'
import { yieldToMain } from '@/lib/yield-to-main.ts'

export type Fetch = (request: Request) => Promise<Response>

export interface TransportOptions {
  fetch?: Fetch
  /**
   * Per attempt: the longest wait for the response headers, then for each next chunk of the body
   * (a few MB of evaluation keep arriving, so they are not cut). Above the server's upstream
   * timeout, so its 504 arrives first.
   */
  timeoutMs?: number
  maxRetries?: number
  /** Timed-out attempts (ours or a 504) are retried at most this often: a hung API fails fast. */
  maxTimeoutRetries?: number
  baseDelayMs?: number
  maxDelayMs?: number
  /** A Retry-After longer than this is not waited for: the error surfaces with Retry instead. */
  maxRetryAfterMs?: number
  limiter?: RateLimiter | null
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
}

interface ClarifaiStatus {
  code?: unknown
  description?: unknown
  details?: unknown
  req_id?: unknown
}

const SUCCESS = 10000

/**
 * A request with this header gets a successful answer's body back unparsed, as a Blob (`blob()`),
 * for a worker to parse; failures are read and turned into ApiError as usual. The header never
 * leaves the client.
 */
export const BODY_AS_BLOB = 'x-console-body-as-blob'

/**
 * With the server's 6 s upstream timeout this shows a hung API as an error within 15 s: 6 s, a
 * short backoff, 6 s (or, with no server answering, 7 s + backoff + 7 s).
 */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 7_000
export const DEFAULT_MAX_TIMEOUT_RETRIES = 1

/**
 * Wraps fetch with everything every API call needs: a client-side rate limit, a timeout, bounded
 * retries with backoff for transient failures, and the conversion of every failure into ApiError.
 * It resolves only for answers whose `status.code` is 10000.
 */
export function createTransport(options: TransportOptions = {}): Fetch {
  const {
    fetch: baseFetch = (request) => globalThis.fetch(request),
    timeoutMs = DEFAULT_ATTEMPT_TIMEOUT_MS,
    maxRetries = 3,
    maxTimeoutRetries = DEFAULT_MAX_TIMEOUT_RETRIES,
    baseDelayMs = 400,
    maxDelayMs = 8_000,
    maxRetryAfterMs = 20_000,
    sleep = abortableSleep,
    random = Math.random,
  } = options
  const limiter = options.limiter === undefined ? createRateLimiter({ limit: 10, windowMs: 1000 }) : options.limiter

  return async function transport(request: Request): Promise<Response> {
    const method = request.method.toUpperCase()
    const path = new URL(request.url).pathname
    const context = { method, path }
    // Only reads are safe to repeat after the server may have acted; a 429 was never acted on.
    const isIdempotent = method === 'GET' || method === 'HEAD'

    let timeouts = 0
    for (let attempt = 0; ; attempt++) {
      try {
        request.signal.throwIfAborted()
        await limiter?.acquire(request.signal)
        request.signal.throwIfAborted()
      } catch {
        throw new ApiError({ kind: 'aborted', ...context })
      }
      let retryAfterMs: number | undefined
      try {
        const response = await attemptOnce(request, baseFetch, timeoutMs, context)
        return response
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        if (error.isTimeout) timeouts++
        const canRetry =
          attempt < maxRetries &&
          timeouts <= maxTimeoutRetries &&
          error.isTransient &&
          !request.signal.aborted &&
          (isIdempotent || error.httpStatus === 429)
        if (!canRetry) throw error
        retryAfterMs = error.retryAfterMs
        if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) throw error
      }
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt)
      const delay = retryAfterMs ?? backoff / 2 + (random() * backoff) / 2
      try {
        await sleep(delay, request.signal)
      } catch {
        throw new ApiError({ kind: 'aborted', ...context })
      }
    }
  }
}

function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

async function attemptOnce(
  request: Request,
  baseFetch: Fetch,
  timeoutMs: number,
  context: { method: string; path: string },
): Promise<Response> {
  const timeout = new AbortController()
  let timer = setTimeout(() => timeout.abort(), timeoutMs)
  const rearm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => timeout.abort(), timeoutMs)
  }
  const signal = AbortSignal.any([request.signal, timeout.signal])
  const asBlob = request.headers.has(BODY_AS_BLOB)
  try {
    let response: Response
    let body: Blob
    try {
      const outgoing = new Request(request.clone(), { signal })
      outgoing.headers.delete(BODY_AS_BLOB)
      response = await baseFetch(outgoing)
      body = await readBlob(response, rearm, timeout.signal)
    } catch {
      if (request.signal.aborted) throw new ApiError({ kind: 'aborted', ...context })
      if (timeout.signal.aborted) throw new ApiError({ kind: 'timeout', ...context })
      throw new ApiError({ kind: 'network', ...context })
    }
    if (asBlob && response.ok) {
      if (body.size === 0) throw new ApiError({ kind: 'malformed', httpStatus: response.status, ...context, description: 'The API answered with an empty body.' })
      return new BlobResponse(body, response)
    }
    return toResponseOrThrow(response, await body.text(), context)
  } finally {
    clearTimeout(timer)
  }
}

/** Chunks are gathered into the Blob about this many bytes at a time. */
const BLOB_BATCH_BYTES = 1 << 20

/**
 * The body as a Blob; every chunk that arrives restarts the attempt's timer. The chunks join the
 * Blob a megabyte at a time (a Blob made of Blobs refers to them), and the reading gives the main
 * thread back after each megabyte, so no single task copies or reads a large part of a 57 MB answer.
 */
async function readBlob(response: Response, onChunk: () => void, timeout: AbortSignal): Promise<Blob> {
  const type = 'application/json'
  if (response.body === null) return new Blob([], { type })
  const reader = response.body.getReader()
  const onTimeout = () => void reader.cancel().catch(() => {})
  timeout.addEventListener('abort', onTimeout, { once: true })
  let blob = new Blob([], { type })
  let batch: BlobPart[] = []
  let batchBytes = 0
  try {
    for (;;) {
      const part = await reader.read()
      if (timeout.aborted) throw new Error('timed out')
      if (part.done) return batch.length === 0 ? blob : new Blob([blob, ...batch], { type })
      onChunk()
      batch.push(part.value as BlobPart)
      batchBytes += part.value.byteLength
      if (batchBytes >= BLOB_BATCH_BYTES) {
        blob = new Blob([blob, ...batch], { type })
        batch = []
        batchBytes = 0
        // Chunks that queued up while the page was busy are all readable at once, as microtasks of
        // one task; a megabyte at a time, the rest waits for the next task.
        await yieldToMain()
      }
    }
  } finally {
    timeout.removeEventListener('abort', onTimeout)
  }
}

function toResponseOrThrow(response: Response, text: string, context: { method: string; path: string }): Response {
  let body: unknown
  let isMalformed = false
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      isMalformed = true
    }
  }
  const status = statusOf(body)
  const fields = {
    httpStatus: response.status,
    code: typeof status?.code === 'number' ? status.code : undefined,
    description: typeof status?.description === 'string' ? status.description : undefined,
    details: typeof status?.details === 'string' ? status.details : undefined,
    reqId: typeof status?.req_id === 'string' ? status.req_id : undefined,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    ...context,
  }
  let error: ApiError | undefined
  if (!response.ok) error = new ApiError({ kind: 'http', ...fields })
  else if (isMalformed) error = new ApiError({ kind: 'malformed', ...fields })
  else if (fields.code !== undefined && fields.code !== SUCCESS) error = new ApiError({ kind: 'status', ...fields })
  else if (body === undefined) error = new ApiError({ kind: 'malformed', ...fields, description: 'The API answered with an empty body.' })
  if (error) throw error
  return new ParsedResponse(text, body, response)
}

/**
 * The answer as text, with the body already parsed: `json()` hands out the value parsed above
 * instead of parsing megabytes a second time. The headers describe the decoded text (openapi-fetch
 * reads `json()` when a Content-Length is present).
 */
class ParsedResponse extends Response {
  readonly #parsed: unknown
  constructor(text: string, parsed: unknown, original: Response) {
    const headers = new Headers(original.headers)
    headers.delete('content-encoding')
    headers.set('content-length', String(utf8Length(text)))
    super(text, { status: original.status, statusText: original.statusText, headers })
    this.#parsed = parsed
  }

  override json(): Promise<unknown> {
    return this.bodyUsed ? super.json() : Promise.resolve(this.#parsed)
  }
}

/** A successful answer's bytes, unparsed: `blob()` hands out the Blob already assembled. */
class BlobResponse extends Response {
  readonly #blob: Blob
  constructor(blob: Blob, original: Response) {
    const headers = new Headers(original.headers)
    headers.delete('content-encoding')
    headers.set('content-length', String(blob.size))
    super(null, { status: original.status, statusText: original.statusText, headers })
    this.#blob = blob
  }

  override blob(): Promise<Blob> {
    return Promise.resolve(this.#blob)
  }
}

function utf8Length(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) continue
    if (code < 0x800) bytes += 1
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2 // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++
    } else bytes += 2
  }
  return bytes
}

function statusOf(body: unknown): ClarifaiStatus | undefined {
  if (typeof body !== 'object' || body === null || !('status' in body)) return undefined
  const status = (body as { status: unknown }).status
  return typeof status === 'object' && status !== null ? (status as ClarifaiStatus) : undefined
}
