// "Copy as curl": the exact URL the API client sends, as a shell command with the token as a
// placeholder. Pure (no network, no openapi-fetch): it mirrors openapi-fetch's default
// serializers (path params `encodeURIComponent`-ed; query keys as written, values
// `encodeURIComponent`-ed, arrays as repeated keys, `null`/`undefined`/empty arrays skipped) and the
// client's rebase onto the session's base URL (src/api/client.ts). A unit test holds the two
// together by capturing what the client really sends.

export type CurlQueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>

export interface RequestUrlInput {
  /** Where `/v2/*` is served (the session's base URL), with or without a path prefix. */
  baseUrl: string
  /** Path template with `{name}` placeholders: `/v2/users/{user_app_id.user_id}/apps`. */
  path: string
  pathParams?: Record<string, string | number | undefined>
  query?: Record<string, CurlQueryValue>
}

export interface CurlInput extends RequestUrlInput {
  method?: string
  /** Shell expression the Authorization header uses instead of the token. */
  tokenPlaceholder?: string
}

/** The token is never printed: the command reads it from the environment. */
export const TOKEN_PLACEHOLDER = '$CLARIFAI_PAT'

/** Where a copied command points by default: the API itself, so anyone with a PAT can paste it. */
export const CLARIFAI_API_ORIGIN = 'https://api.clarifai.com'

/**
 * `clarifai`: the command calls api.clarifai.com (runs anywhere). `console`: it calls the origin
 * (and path prefix) that serves this console's `/v2/*` (the demo API, or the proxy in front of the API).
 */
export type CurlTarget = 'clarifai' | 'console'

export const CURL_TARGETS: ReadonlyArray<{ value: CurlTarget; label: string }> = [
  { value: 'clarifai', label: 'api.clarifai.com' },
  { value: 'console', label: 'this console' },
]

export function parseCurlTarget(value: unknown): CurlTarget {
  return value === 'console' ? 'console' : 'clarifai'
}

/** The base URL a command for `target` uses; `consoleBaseUrl` is the session's base URL. */
export function curlBaseUrl(target: CurlTarget, consoleBaseUrl: string): string {
  return target === 'console' ? consoleBaseUrl : CLARIFAI_API_ORIGIN
}

/** `{name}` placeholders replaced by their URL-encoded values, as openapi-fetch's path serializer does. */
export function substitutePath(path: string, pathParams: Record<string, string | number | undefined> = {}): string {
  return path.replace(/\{[^{}]+\}/g, (match) => {
    const value = pathParams[match.slice(1, -1)]
    return value === undefined || value === null ? match : encodeURIComponent(value)
  })
}

/** The query string (no `?`) exactly as openapi-fetch's default query serializer writes it. */
export function serializeQuery(query: Record<string, CurlQueryValue> = {}): string {
  const parts: string[] = []
  for (const name in query) {
    const value = query[name]
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) {
      for (const item of value as ReadonlyArray<string | number | boolean>) parts.push(`${name}=${encodeURIComponent(item)}`)
      continue
    }
    parts.push(`${name}=${encodeURIComponent(value as string | number | boolean)}`)
  }
  return parts.join('&')
}

/** The absolute URL the request goes to, normalized the way `new Request(url)` normalizes it. */
export function buildRequestUrl({ baseUrl, path, pathParams, query }: RequestUrlInput): string {
  const search = serializeQuery(query)
  const relative = `${substitutePath(path, pathParams)}${search ? `?${search}` : ''}`
  // The client builds the request on the page's origin, then rebases pathname + search onto the
  // session's base URL; both steps go through the URL parser, so this does too.
  const parsed = new URL(relative, 'http://base.invalid')
  const base = baseUrl.replace(/\/+$/, '')
  return new URL(`${base}${parsed.pathname}${parsed.search}`).href
}

/** Single-quoted for POSIX shells: safe for any text. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/**
 * A curl command for the request. The header is double-quoted so the shell expands
 * `$CLARIFAI_PAT`; the real token never appears.
 */
export function buildCurl(input: CurlInput): string {
  const method = (input.method ?? 'GET').toUpperCase()
  const url = buildRequestUrl(input)
  const placeholder = input.tokenPlaceholder ?? TOKEN_PLACEHOLDER
  const lines = [`curl${method === 'GET' ? '' : ` -X ${method}`} ${shellQuote(url)}`, `-H "Authorization: Key ${placeholder.replace(/["\\`]/g, '\\$&')}"`]
  return lines.join(' \\\n  ')
}
