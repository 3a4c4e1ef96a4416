import createFetchClient, { type Middleware } from 'openapi-fetch'
import createQueryClient from 'openapi-react-query'
import type { paths } from './schema'
import { getSession, type Session } from './session.ts'
import { createTransport, type Fetch, type TransportOptions } from './transport.ts'

export interface ApiClientOptions extends TransportOptions {
  session?: () => Session | null
}

/**
 * Every request leaves through here: rebased onto the session's API base URL (the page's origin
 * unless changed on /connect), with the session's key, through the transport (rate limit,
 * timeout, retries, ApiError).
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const readSession = options.session ?? getSession
  const transport: Fetch = createTransport(options)
  const client = createFetchClient<paths>({
    baseUrl: globalThis.location?.origin ?? 'http://localhost',
    fetch: transport,
  })
  const auth: Middleware = {
    onRequest({ request }) {
      const session = readSession()
      if (!session) return request
      const url = new URL(request.url)
      const base = session.baseUrl.replace(/\/+$/, '')
      const rebased = new Request(`${base}${url.pathname}${url.search}`, request)
      rebased.headers.set('Authorization', `Key ${session.token}`)
      return rebased
    },
  }
  client.use(auth)
  return { client, query: createQueryClient(client) }
}

export type ApiClient = ReturnType<typeof createApiClient>

let shared: ApiClient | undefined

/** The app-wide client every query option function uses. */
export function api(): ApiClient {
  shared ??= createApiClient()
  return shared
}

/** Replaces the app-wide client: tests point it at the stand-in API through its fetch handler. */
export function setApiClient(client: ApiClient): void {
  shared = client
}
