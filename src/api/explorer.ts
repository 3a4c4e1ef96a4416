// The explorer's generic runner: any GET operation of the contract by its path template and
// parameters, through the same sealed client as every page (session key, base URL, rate limit,
// retries, ApiError). Also the lazy loader of the operations table, so the 340 kB table stays
// out of the main bundle.
import { queryOptions } from '@tanstack/react-query'
import { buildCurl, buildRequestUrl, curlBaseUrl, type CurlTarget } from '@/lib/curl.ts'
import { api } from './client.ts'
import { ApiError } from './errors.ts'
import type { OperationInfo } from './operations.ts'
import type { QueryValues } from './param-form.ts'
import { defaultBaseUrl, getSession } from './session.ts'

/** One concrete request of an operation: path parameter values and the query, as the API takes them. */
export interface OperationRequest {
  path: Record<string, string>
  query: QueryValues
}

let operationsPromise: Promise<readonly OperationInfo[]> | undefined

/** Every GET operation of the contract, loaded once, on demand (its own chunk). */
export function loadOperations(): Promise<readonly OperationInfo[]> {
  operationsPromise ??= import('./operations.gen.json').then((module) => module.default as unknown as readonly OperationInfo[])
  // A failed chunk load must not stick: the next visit tries again.
  operationsPromise.catch(() => {
    operationsPromise = undefined
  })
  return operationsPromise
}

/** Runs one GET operation. Resolves with the body (status.code 10000) or rejects with ApiError. */
export async function runOperation(op: OperationInfo, request: OperationRequest, signal?: AbortSignal): Promise<unknown> {
  const missing = op.params.filter((p) => p.in === 'path' && !request.path[p.name])
  if (missing.length > 0) {
    throw new ApiError({
      kind: 'http',
      description: `Missing path parameter${missing.length > 1 ? 's' : ''}: ${missing.map((p) => p.name).join(', ')}`,
      method: 'GET',
      path: op.path,
    })
  }
  const { data, error } = await api().client.GET(op.path as never, { params: { path: request.path, query: request.query }, signal } as never)
  // The transport throws ApiError for every failure; this is a belt for a body it let through.
  if (error !== undefined) throw new ApiError({ kind: 'status', description: 'The API reported an error.', method: 'GET', path: op.path })
  return data as unknown
}

/** Query options for one run, keyed by operation and request: a link reproduces the same request (and hits the cache). */
export function operationQueryOptions(op: OperationInfo, request: OperationRequest) {
  return queryOptions({
    queryKey: ['explore', op.id, request] as const,
    queryFn: ({ signal }) => runOperation(op, request, signal),
  })
}

/** The URL the client will send for this request (session base URL; token not included). */
export function operationUrl(op: OperationInfo, request: OperationRequest): string {
  return buildRequestUrl({ baseUrl: getSession()?.baseUrl ?? defaultBaseUrl(), path: op.path, pathParams: request.path, query: request.query })
}

/**
 * "Copy as curl" for this request, with `$CLARIFAI_PAT` instead of the token, against
 * api.clarifai.com or (`target: 'console'`) the base URL the client itself sends to.
 */
export function operationCurl(op: OperationInfo, request: OperationRequest, target: CurlTarget = 'clarifai'): string {
  const baseUrl = curlBaseUrl(target, getSession()?.baseUrl ?? defaultBaseUrl())
  return buildCurl({ baseUrl, path: op.path, pathParams: request.path, query: request.query })
}

/** The list in a response: its first array property whose items are objects (`apps`, `model_versions`, `statuses`). */
export function findList(data: unknown): { key: string; items: Record<string, unknown>[] } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined
  let firstEmpty: string | undefined
  for (const [key, value] of Object.entries(data)) {
    if (key === 'status' || !Array.isArray(value)) continue
    if (value.length === 0) {
      firstEmpty ??= key
      continue
    }
    if (value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) {
      return { key, items: value as Record<string, unknown>[] }
    }
  }
  return firstEmpty === undefined ? undefined : { key: firstEmpty, items: [] }
}

export interface LoadAllProgress {
  pages: number
  items: number
}

export interface LoadAllResult {
  key: string | undefined
  items: Record<string, unknown>[]
  pages: number
  /** `true` when a short (or empty) page ended the list; `false` when the page cap stopped it. */
  isComplete: boolean
}

export interface LoadAllOptions {
  perPage: number
  /** Stop after this many pages even when more remain. */
  maxPages?: number
  signal?: AbortSignal
  onProgress?: (progress: LoadAllProgress) => void
}

export const LOAD_ALL_MAX_PAGES = 50

/**
 * Every page from 1, one after another (the API has no totals or cursors): until a page is
 * shorter than `per_page` or empty, or the cap. Cancel with the signal (rejects with an aborted ApiError).
 */
export async function loadAllPages(op: OperationInfo, request: OperationRequest, options: LoadAllOptions): Promise<LoadAllResult> {
  const { perPage, maxPages = LOAD_ALL_MAX_PAGES, signal, onProgress } = options
  const items: Record<string, unknown>[] = []
  let key: string | undefined
  for (let page = 1; page <= maxPages; page++) {
    if (signal?.aborted) throw new ApiError({ kind: 'aborted', method: 'GET', path: op.path })
    const data = await runOperation(op, { path: request.path, query: { ...request.query, page, per_page: perPage } }, signal)
    const list = findList(data)
    key ??= list?.key
    const pageItems = list?.items ?? []
    items.push(...pageItems)
    onProgress?.({ pages: page, items: items.length })
    if (pageItems.length < perPage) return { key, items, pages: page, isComplete: true }
  }
  return { key, items, pages: maxPages, isComplete: false }
}
