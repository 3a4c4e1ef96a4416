// Query parameters as a grpc-gateway reads them: snake_case proto names only (unknown keys,
// camelCase included, are ignored), dotted names for nested fields, repeated keys for lists.
// Bad values of known parameters answer 400 / 10020 naming the parameter.
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

/** Gateway-style checks of typed parameters (before any lookup), per element for repeated keys. */
export function validateTyped(query: Query, params: readonly { name: string; type: string; enumValues?: Record<string, number> | null }[]): void {
  for (const p of params) {
    for (const value of query.params.getAll(p.name)) {
      if (value === '') continue
      switch (p.type) {
        case 'bool':
          if (!TRUE.has(value) && !FALSE.has(value)) throw badParam(p.name, value, 'true or false')
          break
        case 'uint32':
          if (!/^\d+$/.test(value) || Number(value) > 4294967295) throw badParam(p.name, value, 'a non-negative integer')
          break
        case 'int32':
          if (!/^-?\d+$/.test(value) || Math.abs(Number(value)) > 2147483648) throw badParam(p.name, value, 'an integer')
          break
        case 'number':
          if (!Number.isFinite(Number(value))) throw badParam(p.name, value, 'a number')
          break
        case 'enum': {
          const names = p.enumValues
          const ok = names
            ? (/^\d+$/.test(value) && Object.values(names).includes(Number(value))) || value in names
            : /^\d+$/.test(value) || /^[A-Z][A-Z0-9_]*$/.test(value)
          if (!ok) throw badParam(p.name, value, names ? `one of ${Object.keys(names).join(', ')}` : 'an enum number or name')
          break
        }
      }
    }
  }
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
