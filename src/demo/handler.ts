// The stand-in Clarifai API: one fetch-style handler, mounted by the Node server (Hono), by the
// MSW service worker of the backend-less demo build, and called directly by tests.
// Web-standard APIs only (Request, Response, URL, ReadableStream, TextEncoder): no node: imports.
//
// Behaviour, following /work/shared/docs/wire-format.md:
// - routes: every GET binding of the protos (routes.gen.json, derived from src/api/openapi.json),
//   user-scoped and short forms; the pages' operations are served from the demo world
//   (endpoints.ts), any other GET answers like an empty app (fallback below);
// - auth: `Authorization: Key demo` only. Missing header: 401 / 11009; not `Key <token>`:
//   401 / 11008; another token: 401 / 11008;
// - more than 15 requests in a sliding second per token: 429 / 11005 (options.rateLimit);
// - unknown path: 404 / 11101; known path, other method: 405 / 10020 (the demo is read-only);
//   unknown app or resource: 404 / 11101 (21200 for models and model versions);
// - query strings as grpc-gateway reads them (query.ts gatewayQuery): proto or lowerCamel names;
//   400 / 10020 naming the parameter for bad values (page=abc, trained_only= or =maybe, an enum
//   name or number the enum lacks), a repeated key of a non-repeated field (page=1&page=2), a
//   second member of a oneof even when false; per_page=0 or > 1000 too; unknown keys are ignored;
// - every body carries `status.req_id` (a per-handler counter) and is application/json;
// - a path prefix before `/v2/` is ignored, so a static build under a base path works;
// - query parameters are checked per operation from the contract before any lookup, like
//   grpc-gateway does when it fills the request message.
//
// Generic fallback: routes.gen.json lists every operation of openapi.json with its path template,
// operationId and the repeated field of its 200 response. A GET whose RPC has no endpoint in
// endpoints.ts answers as an empty app would: a List-style response (one with a repeated field)
// is `{"status": ..., "<field>": []}` (the field only when cl_show_if_empty / required); a Get of
// a resource by id (a path parameter besides user/app) is 404 / 11101; anything else is a bare
// success status. The app in the path or in `user_app_id.app_id` must exist either way.
import { getWorld, OWNER } from './data/world'
import { USERS } from './data/vocab'
import { ENDPOINTS, type Ctx } from './endpoints'
import { FaultState, FaultSyntaxError, matchesPath, NO_FAULTS, parseFaults, type FaultSpec } from './faults'
import { gatewayQuery, Query } from './query'
import { RateLimiter } from './rateLimit'
import { matchRoute, rpcHasAppBinding, rpcHasUserLevelBinding, queryParamSpecs, type MatchResult, type RouteMatch } from './router'
import { Code, DemoError, status, type Body } from './wire'

export { parseFaults, FaultSyntaxError } from './faults'

export interface DemoApiOptions {
  /** Fault injection defaults (syntax in faults.ts); the `x-demo-faults` header overrides per request. */
  faults?: string
  /** Clock in ms for the rate limiter (tests pass a fake one). Default Date.now. */
  now?: () => number
  /** The per-token limit: true (default, 15 requests per sliding second), false to disable, or a number. */
  rateLimit?: boolean | number
  /** How latency faults wait; tests may replace it. Default setTimeout. */
  sleep?: (ms: number) => Promise<void>
}

export type FetchHandler = (request: Request) => Promise<Response>

/** The only accepted key: `Authorization: Key demo`. */
export const DEMO_TOKEN = 'demo'
export const DEFAULT_RATE_LIMIT = 15

/** RPCs whose app-less short form is global rather than needing an app. */
const APP_OPTIONAL = new Set(['ListModelTypes', 'GetModelType'])

const JSON_HEADERS = { 'content-type': 'application/json' }

function respond(httpStatus: number, body: Body, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status: httpStatus, headers: { ...JSON_HEADERS, ...extraHeaders } })
}

/** Fields a response always carries (cl_show_if_empty), errors included: `[]` lists, `{}` messages. */
function alwaysSent(route: RouteMatch | undefined): Body {
  const out: Body = {}
  if (route?.listField && route.listRequired) out[route.listField] = []
  if (route?.requiredObject) out[route.requiredObject] = {}
  return out
}

function errorResponse(err: DemoError, reqId: string, route?: RouteMatch, headers: Record<string, string> = {}): Response {
  const body: Body = { status: { ...status(err.code, err.details), req_id: reqId }, ...alwaysSent(route) }
  return respond(err.httpStatus, body, headers)
}

/** A response whose body stream fails after a few bytes: the client sees a lost connection. */
function droppedResponse(): Response {
  let sent = false
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true
        controller.enqueue(new TextEncoder().encode('{"status":{"code":10000,'))
      } else {
        controller.error(new TypeError('connection lost (demo fault: drop)'))
      }
    },
  })
  return new Response(stream, { status: 200, headers: JSON_HEADERS })
}

async function malformedResponse(response: Response): Promise<Response> {
  const text = await response.text()
  const headers = new Headers(response.headers)
  return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), { status: response.status, headers })
}

function hasFaults(spec: FaultSpec): boolean {
  return spec !== NO_FAULTS && Object.values(spec).some((v) => typeof v === 'number' && v > 0)
}

function authenticate(request: Request): string {
  const header = request.headers.get('authorization')
  if (header === null || header.trim() === '') {
    throw new DemoError(401, Code.CONN_KEY_NOT_FOUND, 'No Authorization header: send "Authorization: Key <personal access token>"')
  }
  const m = /^Key (\S+)$/.exec(header.trim())
  if (!m) throw new DemoError(401, Code.CONN_KEY_INVALID, 'Malformed Authorization header: expected "Key <personal access token>"')
  const token = m[1] ?? ''
  if (token !== DEMO_TOKEN) throw new DemoError(401, Code.CONN_KEY_INVALID, 'The key is not valid for the demo API (use "Key demo")')
  return token
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}

function resolveScope(route: RouteMatch, query: Query): Pick<Ctx, 'userId' | 'app'> {
  const world = getWorld()
  const rawUser = nonEmpty(route.params['user_app_id.user_id']) ?? nonEmpty(query.str('user_app_id.user_id')) ?? 'me'
  const userId = rawUser === 'me' ? OWNER : rawUser
  if (!USERS.some((u) => u.id === userId)) throw new DemoError(404, Code.CONN_DOES_NOT_EXIST, `User '${rawUser}' not found`)
  const appId = nonEmpty(route.params['user_app_id.app_id']) ?? nonEmpty(query.str('user_app_id.app_id'))
  if (appId !== undefined) {
    const app = userId === OWNER ? world.appById.get(appId) : undefined
    if (!app) throw new DemoError(404, Code.CONN_DOES_NOT_EXIST, `App '${appId}' of user '${userId}' not found`)
    return { userId, app }
  }
  if (rpcHasAppBinding(route.rpc) && !rpcHasUserLevelBinding(route.rpc) && !APP_OPTIONAL.has(route.rpc)) {
    throw new DemoError(
      400,
      Code.FAILURE,
      'user_app_id.app_id is required: a personal access token is not tied to an app (use /v2/users/{user_id}/apps/{app_id}/... or ?user_app_id.app_id=)',
    )
  }
  return { userId }
}

/** Any other GET of the API, answered as an empty app would. */
function fallback(route: RouteMatch, query: Query): Body {
  if (query.has('page') || query.has('per_page')) query.page()
  if (route.listField) return alwaysSent(route)
  const resourceParams = Object.keys(route.params).filter((p) => !p.startsWith('user_app_id.'))
  if (resourceParams.length > 0) {
    const last = resourceParams[resourceParams.length - 1] ?? ''
    throw new DemoError(404, Code.CONN_DOES_NOT_EXIST, `${route.rpc}: ${last} '${route.params[last] ?? ''}' not found`)
  }
  return alwaysSent(route)
}

export function createDemoApi(options: DemoApiOptions = {}): FetchHandler {
  const defaultFaults = parseFaults(options.faults)
  const faultState = new FaultState()
  const now = options.now ?? (() => Date.now())
  const limit = options.rateLimit === false ? 0 : typeof options.rateLimit === 'number' ? options.rateLimit : DEFAULT_RATE_LIMIT
  const limiter = limit > 0 ? new RateLimiter(limit, 1000, now) : undefined
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  let counter = 0

  function apiPath(request: Request): { url: URL; pathname: string } {
    const url = new URL(request.url)
    const v2 = url.pathname.indexOf('/v2/')
    return { url, pathname: v2 > 0 ? url.pathname.slice(v2) : url.pathname }
  }

  async function serve(request: Request, reqId: string, url: URL, pathname: string, match: MatchResult): Promise<Response> {
    const method = request.method.toUpperCase()
    if (match.kind !== 'match' || method !== 'GET') {
      // matchRoute reports paths bound to other methods too: those answer 405, the rest 404.
      if (match.kind === 'none') {
        return errorResponse(new DemoError(404, Code.CONN_DOES_NOT_EXIST, `No API route for ${method} ${pathname}`), reqId)
      }
      return errorResponse(
        new DemoError(405, Code.FAILURE, `${method} is not supported by the demo API: it is read-only (GET only)`),
        reqId,
        match.kind === 'match' ? match.route : undefined,
        { allow: 'GET' },
      )
    }
    const route = match.route
    try {
      const token = authenticate(request)
      const wait = limiter?.take(token) ?? 0
      if (wait > 0) {
        throw new DemoError(429, Code.CONN_THROTTLED, `More than ${limit} requests per second with this key; retry in ${wait} ms`)
      }
      const query = new Query(gatewayQuery(url.searchParams, queryParamSpecs(route.operationId)))
      const scope = resolveScope(route, query)
      const endpoint = ENDPOINTS[route.rpc]
      const fields = endpoint ? endpoint({ world: getWorld(), route, query, ...scope }) : fallback(route, query)
      return respond(200, { status: { ...status(Code.SUCCESS), req_id: reqId }, ...fields })
    } catch (err) {
      if (err instanceof DemoError) {
        return errorResponse(err, reqId, route, err.httpStatus === 429 ? { 'retry-after': '1' } : {})
      }
      const message = err instanceof Error ? err.message : String(err)
      return errorResponse(new DemoError(500, Code.INTERNAL_SERVER_ISSUE, `Demo API bug: ${message}`), reqId, route)
    }
  }

  return async (request: Request): Promise<Response> => {
    counter += 1
    const reqId = `demo-${counter.toString(16).padStart(8, '0')}`
    const { url, pathname } = apiPath(request)
    const match = matchRoute('GET', pathname)
    const route = match.kind === 'match' ? match.route : undefined
    const header = request.headers.get('x-demo-faults')
    let spec = defaultFaults
    let key = 'option'
    if (header !== null) {
      try {
        spec = parseFaults(header)
      } catch (err) {
        const details = `x-demo-faults: ${err instanceof FaultSyntaxError ? err.message : String(err)}`
        return errorResponse(new DemoError(400, Code.FAILURE, details), reqId, route)
      }
      key = `header:${header}`
    }
    if (!hasFaults(spec) || !matchesPath(spec, pathname, url.search)) return serve(request, reqId, url, pathname, match)
    const { action, latency } = faultState.next(key, spec)
    if (latency > 0) await sleep(latency)
    switch (action) {
      case 'drop':
        return droppedResponse()
      case 'error':
        return errorResponse(new DemoError(500, Code.INTERNAL_SERVER_ISSUE, 'Injected fault: internal error (x-demo-faults / faults option)'), reqId, route)
      case 'notfound':
        return errorResponse(new DemoError(404, Code.CONN_DOES_NOT_EXIST, 'Injected fault: resource does not exist (x-demo-faults / faults option)'), reqId, route)
      case 'throttle':
        return errorResponse(new DemoError(429, Code.CONN_THROTTLED, 'Injected fault: throttled (x-demo-faults / faults option)'), reqId, route, {
          'retry-after': '1',
        })
      case 'malformed':
        return malformedResponse(await serve(request, reqId, url, pathname, match))
      default:
        return serve(request, reqId, url, pathname, match)
    }
  }
}
