/**
 * A value made the first time it is read, then kept. For Intl formatters and collators, which cost
 * milliseconds each to make: made at module level, every page's start (or a large chunk's
 * evaluation) would pay for them.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined
  let isMade = false
  return () => {
    if (!isMade) {
      value = make()
      isMade = true
    }
    return value as T
  }
}
