/** What the server logs through. Messages never contain request headers (tokens live there). */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

export type LogFields = Record<string, string | number | undefined>

/**
 * One `key=value` line (logfmt): easy to grep and to parse. Values with spaces, quotes or `=`
 * are quoted; undefined values are left out.
 */
export function logLine(fields: LogFields): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    const text = String(value)
    parts.push(/^[^\s"=\\]+$/.test(text) ? `${key}=${text}` : `${key}=${JSON.stringify(text)}`)
  }
  return parts.join(' ')
}

/**
 * What a request line may say about the URL: the path and the names of the query parameters, never
 * their values (a search term or an id filter could be private).
 */
export function describeUrl(apiPath: string): { path: string; query: string | undefined } {
  const queryAt = apiPath.indexOf('?')
  if (queryAt < 0) return { path: apiPath, query: undefined }
  const names = new Set<string>()
  for (const name of new URLSearchParams(apiPath.slice(queryAt + 1)).keys()) names.add(name)
  return { path: apiPath.slice(0, queryAt), query: names.size > 0 ? [...names].join(',') : undefined }
}
