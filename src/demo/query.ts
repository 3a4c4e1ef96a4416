// Query parameters as a grpc-gateway reads them: proto (snake_case) or JSON (lowerCamel) names,
// dotted names for nested fields, repeated keys for repeated fields only, one member per oneof;
// unknown keys are ignored. Bad values of known parameters answer 400 / 10020 naming the parameter.
import { badParam, DemoError, Code } from './wire'

/** Documented maximum page size; larger values are rejected (400), not clamped. */
export const MAX_PER_PAGE = 1000
export const DEFAULT_PER_PAGE = 128

const TRUE = new Set(['true', 'True', 'TRUE', 't', 'T', '1'])
const FALSE = new Set(['false', 'False', 'FALSE', 'f', 'F', '0'])

export class Query {
  constructor(readonly params: URLSearchParams) {}

  has(name: string): boolean {
    return this.params.has(name)
  }

  str(name: string): string | undefined {
    const values = this.params.getAll(name)
    return values.length > 0 ? values[values.length - 1] : undefined
  }

  list(name: string): string[] {
    return this.params.getAll(name).filter((v) => v !== '')
  }

  bool(name: string): boolean {
    const v = this.str(name)
    if (v === undefined || v === '') return false
    if (TRUE.has(v)) return true
    if (FALSE.has(v)) return false
    throw badParam(name, v, 'true or false')
  }

  uint(name: string, fallback: number, min = 0, max = 4294967295): number {
    const v = this.str(name)
    if (v === undefined || v === '') return fallback
    if (!/^\d+$/.test(v)) throw badParam(name, v, 'a non-negative integer')
    const n = Number(v)
    if (n < min || n > max) throw badParam(name, v, `an integer from ${min} to ${max}`)
    return n
  }

  /** An enum given by number or by name; `names` maps names to numbers. */
  enumValue(name: string, names: Record<string, number>): number | undefined {
    const v = this.str(name)
    if (v === undefined || v === '') return undefined
    if (/^\d+$/.test(v)) {
      const n = Number(v)
      if (Object.values(names).includes(n)) return n
    } else if (v in names) return names[v]
    throw badParam(name, v, `one of ${Object.keys(names).join(', ')}`)
  }

  enumList(name: string, names: Record<string, number>): number[] {
    return this.list(name).map((v) => {
      if (/^\d+$/.test(v) && Object.values(names).includes(Number(v))) return Number(v)
      const n = names[v]
      if (n === undefined) throw badParam(name, v, `one of ${Object.keys(names).join(', ')}`)
      return n
    })
  }

  page(): { page: number; perPage: number } {
    const page = this.uint('page', 1, 1)
    const perPage = this.uint('per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    return { page, perPage }
  }

  /**
   * The `sort_by` oneof: at most one of the allowed `sort_by_*` flags may be true (several
   * would be a oneof conflict, 400). Returns the chosen key (without prefix) or undefined.
   */
  sort(allowed: readonly string[]): { by: string | undefined; ascending: boolean } {
    let by: string | undefined
    for (const key of allowed) {
      if (this.bool(`sort_by_${key}`)) {
        if (by !== undefined) {
          throw new DemoError(400, Code.FAILURE, `Only one of sort_by_${by} and sort_by_${key} may be set (oneof sort_by)`)
        }
        by = key
      }
    }
    return { by, ascending: this.bool('sort_ascending') }
  }
}

/** One query parameter of an operation, as the gateway knows it from the request message. */
export interface QueryParamSpec {
  /** Proto field path, snake_case with dots (`fields.confusion_matrix`). */
  name: string
  /** `string`, `bool`, `uint32`, `int32`, `uint64`, `int64`, `number`, `timestamp` or `enum`. */
  type: string
  /** For enums: name -> number; null when any number or UPPER_CASE name passes (huge enums). */
  enumValues?: Record<string, number> | null
  isRepeated: boolean
  /** The oneof the field belongs to, if any. */
  oneof?: string
}

/** protoc's JSON name of a field: `per_page` -> `perPage`. */
export function jsonName(protoName: string): string {
  return protoName.replace(/_([a-z0-9])?/g, (_, next: string | undefined) => (next ?? '').toUpperCase())
}

const INT32 = /^[+-]?\d+$/
const UINT = /^\+?\d+$/
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i

function checkValue(spec: QueryParamSpec, value: string): void {
  switch (spec.type) {
    case 'bool':
      // strconv.ParseBool: the empty string is not a boolean.
      if (!TRUE.has(value) && !FALSE.has(value)) throw badParam(spec.name, value, 'true or false')
      return
    case 'uint32':
      if (!UINT.test(value) || Number(value) > 4294967295) throw badParam(spec.name, value, 'an integer from 0 to 4294967295')
      return
    case 'int32':
      if (!INT32.test(value) || Number(value) > 2147483647 || Number(value) < -2147483648) throw badParam(spec.name, value, 'a 32-bit integer')
      return
    case 'uint64':
      if (!UINT.test(value) || BigInt(value) > 18446744073709551615n) throw badParam(spec.name, value, 'a non-negative 64-bit integer')
      return
    case 'int64':
      if (!INT32.test(value)) throw badParam(spec.name, value, 'a 64-bit integer')
      return
    case 'number':
      if (value.trim() === '' || !Number.isFinite(Number(value))) throw badParam(spec.name, value, 'a number')
      return
    case 'timestamp':
      if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) throw badParam(spec.name, value, 'an RFC 3339 timestamp')
      return
    case 'enum': {
      const names = spec.enumValues
      const isKnown = names
        ? value in names || (INT32.test(value) && Object.values(names).includes(Number(value)))
        : INT32.test(value) || /^[A-Z][A-Z0-9_]*$/.test(value)
      if (!isKnown) throw badParam(spec.name, value, names ? `one of ${Object.keys(names).join(', ')}` : 'an enum number or name')
      return
    }
    default:
      return
  }
}

/**
 * Reads a query string the way grpc-gateway fills a request message (its `runtime/query.go`):
 * a key names a field by its proto name or its lowerCamel JSON name, segment by segment
 * (`fields.confusionMatrix`); unknown keys are ignored; a non-repeated field takes one value
 * (`page=1&page=2` is refused); a second member of a oneof is refused whatever its value
 * (`sort_by_name=false&sort_by_created_at=true`); values must parse as the field's type (an empty
 * bool, an enum name or number the enum lacks are refused). Refusals are 400 / 10020 naming the
 * parameter. Returns the parameters under their proto names, unknown keys kept as sent.
 */
export function gatewayQuery(params: URLSearchParams, specs: readonly QueryParamSpec[]): URLSearchParams {
  const byName = new Map<string, QueryParamSpec>()
  const segments = new Map<string, string>()
  for (const spec of specs) {
    byName.set(spec.name, spec)
    for (const segment of spec.name.split('.')) {
      segments.set(segment, segment)
      if (!segments.has(jsonName(segment))) segments.set(jsonName(segment), segment)
    }
  }
  const out = new URLSearchParams()
  const oneofSetBy = new Map<string, string>()
  const seenKeys = new Set<string>()
  for (const key of params.keys()) {
    if (seenKeys.has(key)) continue
    seenKeys.add(key)
    const values = params.getAll(key)
    const name = key
      .split('.')
      .map((segment) => segments.get(segment) ?? segment)
      .join('.')
    const spec = byName.get(name)
    if (!spec) {
      for (const value of values) out.append(key, value)
      continue
    }
    if (spec.oneof !== undefined) {
      const earlier = oneofSetBy.get(spec.oneof)
      if (earlier !== undefined) {
        throw new DemoError(400, Code.FAILURE, `Only one of ${earlier} and ${key} may be sent: they are members of oneof ${spec.oneof}`)
      }
      oneofSetBy.set(spec.oneof, key)
    }
    if (!spec.isRepeated && values.length > 1) {
      throw new DemoError(400, Code.FAILURE, `Too many values for query parameter "${spec.name}" (${values.length}): it is not a repeated field`)
    }
    for (const value of values) {
      checkValue(spec, value)
      out.append(spec.name, value)
    }
  }
  return out
}

export function paginate<T>(items: readonly T[], page: number, perPage: number): T[] {
  const start = (page - 1) * perPage
  return start >= items.length ? [] : items.slice(start, start + perPage)
}

/** `gen*`-style wildcard (also `?`), case-insensitive, anchored; without `*`/`?`, a substring match. */
export function nameMatcher(pattern: string): (value: string) => boolean {
  const p = pattern.toLowerCase()
  if (!/[*?]/.test(p)) return (v) => v.toLowerCase().includes(p)
  const re = new RegExp('^' + p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$')
  return (v) => re.test(v.toLowerCase())
}

/** Free-text search: every whitespace-separated term must occur in one of the fields. */
export function searchMatcher(text: string): (fields: (string | undefined)[]) => boolean {
  const terms = text.toLowerCase().split(/\s+/).filter(Boolean)
  return (fields) => {
    const hay = fields.filter(Boolean).join(' ').toLowerCase()
    return terms.every((t) => hay.includes(t))
  }
}

export type SortValue = string | number
export interface SortSpec<T> {
  /** Sort key per `sort_by_*` name. */
  keys: Record<string, (item: T) => SortValue>
  /** Key used when no `sort_by_*` is given, and its natural direction (descending by default). */
  defaultKey: string
  tieBreak: (item: T) => string
}

/**
 * Sorts by the requested key; `sort_ascending` flips the default descending order. Ties fall back
 * to the id ascending so pages are stable.
 */
export function sortItems<T>(items: readonly T[], spec: SortSpec<T>, by: string | undefined, ascending: boolean): T[] {
  const key = spec.keys[by ?? spec.defaultKey] ?? spec.keys[spec.defaultKey]
  if (!key) return items.slice()
  const dir = ascending ? 1 : -1
  const keyed = items.map((item) => ({ item, k: key(item), t: spec.tieBreak(item) }))
  keyed.sort((a, b) => {
    if (a.k !== b.k) return (a.k < b.k ? -1 : 1) * dir
    return a.t < b.t ? -1 : a.t > b.t ? 1 : 0
  })
  return keyed.map((x) => x.item)
}
