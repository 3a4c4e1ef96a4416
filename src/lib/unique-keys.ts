/**
 * React keys for rows whose ids may be missing or repeated (every field of an API answer can be
 * absent): each key as given the first time, the empty and repeated ones made unique by position.
 */
export function uniqueKeys(keys: readonly string[]): string[] {
  const seen = new Set<string>()
  return keys.map((key, index) => {
    const unique = key === '' || seen.has(key) ? `${key}\u0000${index}` : key
    seen.add(unique)
    return unique
  })
}
