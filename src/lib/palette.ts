export type PaletteKind = 'App' | 'Model' | 'Dataset' | 'Evaluation' | 'Task' | 'Link'

export interface PaletteItem {
  kind: PaletteKind
  id: string
  /** A human name, matched after the id. */
  name?: string
  /** Where it lives (its app, its model), shown and matched last. */
  detail?: string
  /** Console path the item opens. */
  path: string
}

const KIND_ORDER: Record<PaletteKind, number> = { Link: 0, App: 1, Model: 2, Dataset: 3, Evaluation: 4, Task: 5 }

/**
 * How well an item matches, lower is better, or undefined for no match: an exact id, then ids
 * starting with the text, then an exact or prefix name, then ids containing it, then names or
 * details containing it.
 */
export function paletteMatchRank(item: PaletteItem, needle: string): number | undefined {
  const id = item.id.toLowerCase()
  const name = item.name?.toLowerCase() ?? ''
  if (id === needle) return 0
  if (id.startsWith(needle)) return 1
  if (name === needle) return 2
  if (name.startsWith(needle)) return 3
  if (id.includes(needle)) return 4
  if (name.includes(needle)) return 5
  if (item.detail?.toLowerCase().includes(needle)) return 6
  return undefined
}

/**
 * Best matches first (see `paletteMatchRank`); within a rank shorter ids, then apps before
 * models before datasets before evaluations before tasks, then by id. Empty text keeps the
 * order given. At most `limit` items.
 */
export function rankPaletteItems(items: readonly PaletteItem[], text: string, limit: number): PaletteItem[] {
  const needle = text.trim().toLowerCase()
  if (!needle) return items.slice(0, limit)
  const scored: Array<{ item: PaletteItem; rank: number }> = []
  for (const item of items) {
    const rank = paletteMatchRank(item, needle)
    if (rank !== undefined) scored.push({ item, rank })
  }
  scored.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.item.id.length - b.item.id.length ||
      KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind] ||
      a.item.id.localeCompare(b.item.id),
  )
  return scored.slice(0, limit).map(({ item }) => item)
}

/** One searched source: how many of its items were looked at, and whether the API had more. */
export interface PaletteSource {
  /** Plural noun: "models". */
  noun: string
  searched: number
  hasMore: boolean
  /** True when typing narrows it on the server; false when only more pages would help. */
  isSearchedOnServer: boolean
}

/**
 * The line under the matches that says what was not searched, so nothing is cut without a word:
 * "First 25 models and 25 datasets; type to narrow. Only the 200 newest evaluations searched."
 */
export function truncationNote(sources: readonly PaletteSource[]): string | undefined {
  const list = (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`)
  const narrowable = sources.filter((s) => s.hasMore && s.isSearchedOnServer).map((s) => `${s.searched.toLocaleString('en')} ${s.noun}`)
  const paged = sources.filter((s) => s.hasMore && !s.isSearchedOnServer).map((s) => `${s.searched.toLocaleString('en')} ${s.noun}`)
  const sentences: string[] = []
  if (narrowable.length > 0) sentences.push(`First ${list(narrowable)}; type to narrow.`)
  if (paged.length > 0) sentences.push(`Only the first ${list(paged)} searched.`)
  return sentences.length > 0 ? sentences.join(' ') : undefined
}

/**
 * The query a palette sends for a source the API can filter: at most `perPage` items plus one,
 * so a full page tells "there are more" without a second request.
 */
export function paletteSearchQuery(text: string, perPage: number): { per_page: number; search?: string; sort_by_relevance?: true } {
  const search = text.trim()
  return search ? { per_page: perPage + 1, search, sort_by_relevance: true } : { per_page: perPage + 1 }
}
