// Fault injection for tests and demos, off by default.
//
// Syntax (the `faults` option, e.g. from an env var, or the `x-demo-faults` request header, which
// replaces the option for that request): comma-separated `key=value` pairs, spaces ignored.
//
//   latency=MS | latency=MIN-MAX   added delay per request in ms (a range draws deterministically)
//   error=RATE      fraction 0..1 of requests answered HTTP 500 with status 98004 (internal issue)
//   notfound=RATE   fraction of requests answered HTTP 404 with status 11101 (resource does not exist)
//   throttle=N      429 bursts: N requests answered 429 / 11005, then one passes, repeating
//   malformed=RATE  fraction of responses whose body is cut-off JSON (HTTP 200, application/json)
//   drop=RATE       fraction of responses whose body stream errors (the connection is lost; a
//                   Node host closes the socket, fetch() or response.json() rejects)
//   path=PATTERN    only requests whose path matches are faulted, the others pass untouched:
//                   `*` stands for any run of characters within one path segment, `**` for any
//                   run at all (`path=/v2/users/*/apps/*/models/*/output_info`, `path=**/inputs`)
//   query=K=V       only requests whose query string has the parameter `K=V` (as sent, URL-encoded)
//                   are faulted: two parts of a page that ask one path with different parameters
//                   fail apart (`path=**/versions,query=per_page=101`)
//
// Rates are spread evenly, not drawn: with error=0.25 exactly every 4th request fails (requests
// counted per fault spec string and handler instance), so tests are deterministic. `none` or an
// empty string means no faults. Example: `latency=300,error=0.2,throttle=3,malformed=1,drop=1`.

export interface FaultSpec {
  latencyMin: number
  latencyMax: number
  error: number
  throttle: number
  malformed: number
  drop: number
  notfound: number
  /** Only paths this matches are faulted; undefined: every path. */
  path?: RegExp
  /** Only requests with this `key=value` query parameter are faulted; undefined: any query. */
  query?: string
}

export const NO_FAULTS: FaultSpec = { latencyMin: 0, latencyMax: 0, error: 0, throttle: 0, malformed: 0, drop: 0, notfound: 0 }

/** A path glob as a whole-path pattern: `**` any run, `*` any run inside one segment. */
export function pathPattern(glob: string): RegExp {
  if (!glob.startsWith('/') && !glob.startsWith('*')) throw new FaultSyntaxError(`path: expected a path starting with / or *, got "${glob}"`)
  const source = glob
    .split('**')
    .map((part) => part.split('*').map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*')
  return new RegExp(`^${source}$`)
}

/**
 * Whether a request to `pathname` falls under the spec's path pattern (every path without one)
 * and, with `search` (the URL's `?…`), has its query parameter.
 */
export function matchesPath(spec: FaultSpec, pathname: string, search = ''): boolean {
  if (spec.path !== undefined && !spec.path.test(pathname)) return false
  return spec.query === undefined || search.replace(/^\?/, '').split('&').includes(spec.query)
}

export class FaultSyntaxError extends Error {}

function rate(key: string, value: string): number {
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value)) throw new FaultSyntaxError(`${key}: expected a number from 0 to 1, got "${value}"`)
  const n = Number(value)
  if (n > 1) throw new FaultSyntaxError(`${key}: expected a number from 0 to 1, got "${value}"`)
  return n
}

function count(key: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new FaultSyntaxError(`${key}: expected a non-negative integer, got "${value}"`)
  return Number(value)
}

export function parseFaults(text: string | undefined | null): FaultSpec {
  const spec: FaultSpec = { ...NO_FAULTS }
  const source = (text ?? '').replace(/\s+/g, '')
  if (source === '' || source === 'none') return spec
  for (const pair of source.split(',')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    if (eq < 0) throw new FaultSyntaxError(`"${pair}": expected key=value`)
    const key = pair.slice(0, eq)
    const value = pair.slice(eq + 1)
    switch (key) {
      case 'latency': {
        const m = /^(\d+)(?:-(\d+))?$/.exec(value)
        if (!m) throw new FaultSyntaxError(`latency: expected MS or MIN-MAX, got "${value}"`)
        spec.latencyMin = Number(m[1])
        spec.latencyMax = m[2] !== undefined ? Number(m[2]) : spec.latencyMin
        if (spec.latencyMax < spec.latencyMin) throw new FaultSyntaxError(`latency: ${value} is an empty range`)
        break
      }
      case 'error':
        spec.error = rate(key, value)
        break
      case 'throttle':
        spec.throttle = count(key, value)
        break
      case 'malformed':
        spec.malformed = rate(key, value)
        break
      case 'drop':
        spec.drop = rate(key, value)
        break
      case 'notfound':
        spec.notfound = rate(key, value)
        break
      case 'path':
        spec.path = pathPattern(value)
        break
      case 'query':
        if (!/^[^&=]+=[^&]*$/.test(value)) throw new FaultSyntaxError(`query: expected one key=value parameter, got "${value}"`)
        spec.query = value
        break
      default:
        throw new FaultSyntaxError(`unknown fault "${key}" (known: latency, error, notfound, throttle, malformed, drop, path, query)`)
    }
  }
  return spec
}

export type FaultAction = 'drop' | 'error' | 'notfound' | 'throttle' | 'malformed' | 'none'

/** Whether the n-th event (1-based) falls on an evenly spread rate: floor(n*r) > floor((n-1)*r). */
function hits(n: number, r: number): boolean {
  if (r <= 0) return false
  if (r >= 1) return true
  return Math.floor(n * r + 1e-9) > Math.floor((n - 1) * r + 1e-9)
}

/** Per-spec request counters, so every spec (option or header value) runs its own sequence. */
export class FaultState {
  private readonly counters = new Map<string, number>()

  /** Decides the fault for the next request under `key`; latency is returned separately. */
  next(key: string, spec: FaultSpec): { action: FaultAction; latency: number } {
    const n = (this.counters.get(key) ?? 0) + 1
    this.counters.set(key, n)
    const span = spec.latencyMax - spec.latencyMin
    // Deterministic "random" latency inside the range: golden-ratio sequence.
    const latency = spec.latencyMin + (span > 0 ? Math.round(((n * 0.6180339887) % 1) * span) : 0)
    let action: FaultAction = 'none'
    if (hits(n, spec.drop)) action = 'drop'
    else if (hits(n, spec.error)) action = 'error'
    else if (hits(n, spec.notfound)) action = 'notfound'
    else if (spec.throttle > 0 && (n - 1) % (spec.throttle + 1) < spec.throttle) action = 'throttle'
    else if (hits(n, spec.malformed)) action = 'malformed'
    return { action, latency }
  }
}
