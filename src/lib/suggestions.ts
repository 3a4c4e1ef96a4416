/** How many suggestions a text input offers at most. */
export const SUGGESTION_LIMIT = 50

/**
 * The first `limit` values containing `query` (case-insensitive, trimmed), in their order; the
 * first `limit` values for an empty query. Stops at `limit`, so a list of thousands stays cheap.
 */
export function suggestionsFor(values: readonly string[], query: string, limit = SUGGESTION_LIMIT): string[] {
  const needle = query.trim().toLowerCase()
  const out: string[] = []
  for (const v of values) {
    if (out.length >= limit) break
    if (!needle || v.toLowerCase().includes(needle)) out.push(v)
  }
  return out
}
