/**
 * The last console pages of resources a person opened, newest first, for the start page. Paths
 * only: no token, no API data.
 */
export interface RecentPlace {
  path: string
  /** Breadcrumb-like label: `general-vision / models / scenes-classifier`. */
  label: string
}

export const MAX_RECENT_PLACES = 8

const RESERVED = new Set(['connect', 'explore', 'evaluation-file'])

/** The place a console path stands for, or null for pages that are not a resource (start, explorer…). */
export function placeOf(pathname: string): RecentPlace | null {
  const parts = pathname.split('/').filter(Boolean)
  const [user, app] = parts
  if (!user || !app || RESERVED.has(user)) return null
  let decoded: string[]
  try {
    decoded = parts.map(decodeURIComponent)
  } catch {
    return null
  }
  return { path: `/${parts.join('/')}`, label: decoded.slice(1).join(' / ') }
}

/** `place` first, without an older visit of the same path, at most MAX_RECENT_PLACES. */
export function addRecentPlace(places: readonly RecentPlace[], place: RecentPlace): RecentPlace[] {
  return [place, ...places.filter((p) => p.path !== place.path)].slice(0, MAX_RECENT_PLACES)
}

/** Whatever storage held, as a clean list: corrupt or foreign entries are dropped. */
export function parseRecentPlaces(text: string | null): RecentPlace[] {
  if (!text) return []
  try {
    const value: unknown = JSON.parse(text)
    if (!Array.isArray(value)) return []
    return value
      .filter((p): p is RecentPlace => typeof p === 'object' && p !== null && typeof p.path === 'string' && typeof p.label === 'string' && p.path.startsWith('/') && !p.path.startsWith('//'))
      .slice(0, MAX_RECENT_PLACES)
  } catch {
    return []
  }
}
