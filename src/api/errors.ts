import { statusCodeNames } from './status-codes.gen.ts'

/** Why a request failed, as far as the client can tell. */
export type ApiErrorKind = 'http' | 'status' | 'network' | 'timeout' | 'malformed' | 'aborted'

export interface ApiErrorInit {
  kind: ApiErrorKind
  httpStatus?: number
  code?: number
  description?: string
  details?: string
  reqId?: string
  method?: string
  path?: string
  /** From a Retry-After header, when the server sent one. */
  retryAfterMs?: number
}

/**
 * The one error type for every failed API call: HTTP errors with or without a body, network
 * errors, timeouts, malformed JSON and non-10000 status codes alike. It never carries the token.
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind
  /** 0 when no HTTP response arrived (network error, timeout, abort). */
  readonly httpStatus: number
  /** Clarifai status code (`status.code`), when the body had one. */
  readonly code: number | undefined
  readonly codeName: string | undefined
  readonly description: string
  readonly details: string | undefined
  readonly reqId: string | undefined
  readonly method: string | undefined
  readonly path: string | undefined
  readonly retryAfterMs: number | undefined

  constructor(init: ApiErrorInit) {
    const codeName = init.code === undefined ? undefined : statusCodeName(init.code)
    const description = init.description || defaultDescription(init)
    super(description)
    this.name = 'ApiError'
    this.kind = init.kind
    this.httpStatus = init.httpStatus ?? 0
    this.code = init.code
    this.codeName = codeName
    this.description = description
    this.details = init.details || undefined
    this.reqId = init.reqId || undefined
    this.method = init.method
    this.path = init.path
    this.retryAfterMs = init.retryAfterMs
  }

  get isUnauthorized(): boolean {
    return this.httpStatus === 401 || this.code === 11008 || this.code === 11009 || this.code === 11102
  }

  get isNotFound(): boolean {
    return this.httpStatus === 404 || this.code === 11101 || this.code === 21200
  }

  /** The API, or the server in front of it, gave up waiting: a 504 or our own attempt timeout. */
  get isTimeout(): boolean {
    return this.kind === 'timeout' || this.httpStatus === 504 || this.code === 40032
  }

  /** Worth another try later: throttling, server errors, lost connections, timeouts. */
  get isTransient(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.httpStatus === 429 ||
      this.httpStatus >= 500 ||
      this.code === 11005
    )
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

export function statusCodeName(code: number): string | undefined {
  return statusCodeNames[code]
}

function defaultDescription(init: ApiErrorInit): string {
  switch (init.kind) {
    case 'network':
      return 'The API could not be reached. Check your connection and that the server is running.'
    case 'timeout':
      return 'The API took too long to answer.'
    case 'malformed':
      return 'The API answered with something that is not valid JSON.'
    case 'aborted':
      return 'The request was cancelled.'
    default:
      return init.httpStatus ? `The API answered HTTP ${init.httpStatus}.` : 'The request failed.'
  }
}
