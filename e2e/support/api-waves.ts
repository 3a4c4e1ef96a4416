import type { Page } from '@playwright/test'

/**
 * Loads `path` fresh and records the order in which /v2 requests start and finish until the page
 * is ready. A deep link's requests form one wave when every one of them starts before the first
 * answer arrives: a request that needed another's answer could only start after it.
 */
export async function apiWave(page: Page, path: string, ready: () => Promise<void>) {
  const events: Array<{ kind: 'start' | 'done'; path: string }> = []
  const apiPath = (url: string) => new URL(url).pathname
  const isApi = (url: string) => apiPath(url).startsWith('/v2/')
  const onStart = (request: { url(): string }) => {
    if (isApi(request.url())) events.push({ kind: 'start', path: apiPath(request.url()) })
  }
  const onDone = (request: { url(): string }) => {
    if (isApi(request.url())) events.push({ kind: 'done', path: apiPath(request.url()) })
  }
  page.on('request', onStart)
  page.on('requestfinished', onDone)
  page.on('requestfailed', onDone)
  try {
    await page.goto(path)
    await ready()
  } finally {
    page.off('request', onStart)
    page.off('requestfinished', onDone)
    page.off('requestfailed', onDone)
  }
  const firstDone = events.findIndex((e) => e.kind === 'done')
  return {
    /** Every API path the load asked for, sorted. */
    started: events.filter((e) => e.kind === 'start').map((e) => e.path).sort(),
    /** Requests that started only after some answer had arrived: should be none. */
    late: firstDone < 0 ? [] : events.slice(firstDone).filter((e) => e.kind === 'start').map((e) => e.path),
  }
}
