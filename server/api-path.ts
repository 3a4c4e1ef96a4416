// Request targets under /v2 that could climb out of the API's path once something downstream
// decodes them: dot segments (plain or percent-encoded) and encoded slashes or backslashes.
// Browsers never send these for the console's own requests, so they are refused, not repaired.

const ENCODED_SEPARATOR = /%(2f|5c)/i
const DOUBLE_ENCODED = /%25(2e|2f|5c)/i

/** Why the raw request target (path and query, undecoded) must not be forwarded, or undefined. */
export function unsafeApiPath(rawTarget: string): string | undefined {
  const queryAt = rawTarget.indexOf('?')
  const path = queryAt < 0 ? rawTarget : rawTarget.slice(0, queryAt)
  for (const segment of path.split('/')) {
    if (ENCODED_SEPARATOR.test(segment)) return 'an encoded slash in the path'
    if (DOUBLE_ENCODED.test(segment)) return 'a doubly encoded dot or slash in the path'
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return 'a malformed percent escape in the path'
    }
    if (decoded === '.' || decoded === '..') return 'a dot segment in the path'
    if (decoded.includes('\\')) return 'a backslash in the path'
  }
  return undefined
}

/** Whether a raw target (undecoded, before normalization) addresses the API under `mountPrefix`. */
export function isApiTarget(rawTarget: string, mountPrefixes: readonly string[]): boolean {
  const path = rawTarget.split('?')[0] ?? ''
  return mountPrefixes.some((prefix) => path === `${prefix}/v2` || path.startsWith(`${prefix}/v2/`))
}
