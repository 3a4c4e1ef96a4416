/**
 * URL search <-> plain object, with arrays as repeated keys and every value a string: no JSON in
 * URLs. Route validators turn the strings into typed values leniently.
 */
export type SearchRecord = Record<string, string | string[]>

export function parseSearch(search: string): SearchRecord {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)
  // A Map first: keys such as `__proto__` must stay plain data.
  const byKey = new Map<string, string[]>()
  for (const [key, value] of params) {
    const values = byKey.get(key)
    if (values) values.push(value)
    else byKey.set(key, [value])
  }
  return Object.fromEntries([...byKey].map(([key, values]) => [key, values.length === 1 ? (values[0] as string) : values]))
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(search)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = scalarToString(item)
      if (text !== undefined) params.append(key, text)
    }
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

function scalarToString(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return undefined
}

/**
 * A route's search as the URL spells it: strings and arrays of strings, anything else dropped.
 * For routes whose filters the form engine reads and corrects afterwards.
 */
export function searchRecord(search: Record<string, unknown>): SearchRecord {
  // fromEntries defines own properties: a `__proto__` key stays plain data.
  return Object.fromEntries(
    Object.entries(search).filter((entry): entry is [string, string | string[]] => {
      const value = entry[1]
      return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    }),
  )
}
