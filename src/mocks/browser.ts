// The backend-less demo build: the stand-in API answers /v2/* from a service worker (MSW).
import { http } from 'msw'
import { setupWorker } from 'msw/browser'
import { createDemoApi } from '@/demo/handler.ts'

/**
 * The app's base URL. Absolute builds know it (`BASE_URL` is '/sub/path/'); a relative build
 * ('./') does not, but its chunks live in `<base>assets/`, so the base is where they came from.
 */
function appBaseUrl(): URL {
  const base = import.meta.env.BASE_URL
  if (base.startsWith('/') || /^https?:\/\//i.test(base)) return new URL(base, window.location.origin)
  return new URL(import.meta.url.replace(/assets\/[^/]*$/, ''))
}

/** The stand-in routes on `/v2/...`; a sub-path deploy (or a full API URL) puts more in front. */
async function toStandInRequest(request: Request): Promise<Request> {
  const url = new URL(request.url)
  const at = url.pathname.indexOf('/v2/')
  if (at <= 0 && url.origin === window.location.origin) return request
  const target = new URL(url.pathname.slice(Math.max(at, 0)) + url.search, window.location.origin)
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  return new Request(target, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
  })
}

/** Registers the worker (scoped to the app's base) and resolves once it intercepts requests. */
export async function startDemoWorker(): Promise<void> {
  const handle = createDemoApi()
  const worker = setupWorker(http.all('*/v2/*', async ({ request }) => handle(await toStandInRequest(request))))
  const base = appBaseUrl()
  await worker.start({
    serviceWorker: {
      url: new URL('mockServiceWorker.js', base).href,
      options: { scope: base.pathname },
    },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
}
