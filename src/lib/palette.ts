export interface PaletteItem {
  kind: string
  id: string
  detail?: string
  /** Console path the item opens. */
  path: string
}

/**
 * Best matches first: an exact id, then ids starting with the text, then ids containing it, then
 * matches in the detail; shorter ids first within a rank. Empty text lists items as they come.
 */
export function rankPaletteItems(items: readonly PaletteItem[], text: string, limit: number): PaletteItem[] {
  const needle = text.trim().toLowerCase()
  if (!needle) return items.slice(0, limit)
  const scored: Array<{ item: PaletteItem; rank: number }> = []
  for (const item of items) {
    const id = item.id.toLowerCase()
    let rank: number
    if (id === needle) rank = 0
    else if (id.startsWith(needle)) rank = 1
    else if (id.includes(needle)) rank = 2
    else if (item.detail?.toLowerCase().includes(needle)) rank = 3
    else continue
    scored.push({ item, rank })
  }
  scored.sort((a, b) => a.rank - b.rank || a.item.id.length - b.item.id.length || a.item.id.localeCompare(b.item.id))
  return scored.slice(0, limit).map(({ item }) => item)
}
