// Where to go back to after connecting: only a path of this console. A link could carry anything
// in `?redirect=`, so everything that could lead elsewhere is refused.

const PLACEHOLDER_ORIGIN = 'http://console.invalid'

/** The path itself when it is a safe place to return to inside the console, otherwise undefined. */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined
  // `//host` and `/\host` are other sites to a browser; control characters hide such tricks.
  if (!value.startsWith('/') || value.startsWith('//')) return undefined
  if (value.includes('\\') || [...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return undefined
  let url: URL
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN)
  } catch {
    return undefined
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return undefined
  // Returning to the connection screen would only loop.
  if (url.pathname === '/connect' || url.pathname.endsWith('/connect')) return undefined
  return value
}
