import type { Page, Request, Response } from '@playwright/test'

/**
 * Loads `path` fresh and records the order in which /v2 requests start and finish until the page
 * is ready. A deep link's requests form one wave when every one of them starts before the first
 * answer arrives: a request that needed another's answer could only start after it.
 * The client retries a throttled (429), failed (5xx) or dropped request; the tests share the demo
 * token's rate limit, so such a retry can happen on a busy machine. A retry repeats a request of
 * the wave rather than depending on an answer, so it is reported apart (`retries`).
 */
export async function apiWave(page: Page, path: string, ready: () => Promise<void>) {
  const events: Array<{ kind: 'start' | 'done' | 'again'; path: string }> = []
  const retryable = new Set<string>()
  const apiPath = (url: string) => new URL(url).pathname
  const isApi = (url: string) => apiPath(url).startsWith('/v2/')
  const onStart = (request: Request) => {
    if (!isApi(request.url())) return
    const at = apiPath(request.url())
    events.push({ kind: retryable.delete(at) ? 'again' : 'start', path: at })
  }
  const onResponse = (response: Response) => {
    if (isApi(response.url()) && (response.status() === 429 || response.status() >= 500)) retryable.add(apiPath(response.url()))
  }
  const onDone = (request: Request) => {
    if (isApi(request.url())) events.push({ kind: 'done', path: apiPath(request.url()) })
  }
  const onFailed = (request: Request) => {
    if (!isApi(request.url())) return
    retryable.add(apiPath(request.url()))
    onDone(request)
  }
  page.on('request', onStart)
  page.on('response', onResponse)
  page.on('requestfinished', onDone)
  page.on('requestfailed', onFailed)
  try {
    await page.goto(path)
    await ready()
  } finally {
    page.off('request', onStart)
    page.off('response', onResponse)
    page.off('requestfinished', onDone)
    page.off('requestfailed', onFailed)
  }
  const firstDone = events.findIndex((e) => e.kind === 'done')
  return {
    /** Every API path the load asked for, sorted. */
    started: events.filter((e) => e.kind === 'start').map((e) => e.path).sort(),
    /** Requests that started only after some answer had arrived: should be none. */
    late: firstDone < 0 ? [] : events.slice(firstDone).filter((e) => e.kind === 'start').map((e) => e.path),
    /** Retries of throttled, failed or dropped requests of the wave. */
    retries: events.filter((e) => e.kind === 'again').map((e) => e.path),
  }
}
