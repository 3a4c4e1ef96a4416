import { useEffect, useState } from 'react'
import { Link, useRouter } from '@tanstack/react-router'
import { addRecentPlace, parseRecentPlaces, placeOf, type RecentPlace } from '@/lib/recent-places.ts'

// Paths of pages visited, nothing else: kept across visits like a browser's history.
const STORAGE_KEY = 'clarifai-console.recent'

function readPlaces(): RecentPlace[] {
  try {
    return parseRecentPlaces(localStorage.getItem(STORAGE_KEY))
  } catch {
    return []
  }
}

/** Records every resource page that loaded without an error or a not-found. */
export function useRecordRecentPlaces() {
  const router = useRouter()
  useEffect(() => {
    // A page whose search changes (a filter, the viewer's threshold) is the place just recorded:
    // writing storage again would change nothing and cost a synchronous write on the main thread.
    let lastRecorded: string | undefined
    const record = (pathname: string) => {
      if (pathname === lastRecorded) return
      lastRecorded = undefined
      if (!router.state.matches.every((match) => match.status === 'success')) return
      const place = placeOf(pathname)
      if (!place) return
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(addRecentPlace(readPlaces(), place)))
        lastRecorded = pathname
      } catch {
        // Storage full or blocked: the list is a convenience.
      }
    }
    // The first page usually resolves before the app mounts (src/app.tsx waits for it): record it now.
    if (router.state.status === 'idle' && router.state.resolvedLocation) record(router.state.resolvedLocation.pathname)
    return router.subscribe('onResolved', ({ toLocation }) => record(toLocation.pathname))
  }, [router])
}

export function RecentPlaces() {
  const [places, setPlaces] = useState<RecentPlace[]>(readPlaces)
  if (places.length === 0) return null
  const handleClear = () => {
    try {
      localStorage.removeItem(STORAGE_KEY)
    } catch {
      // Nothing stored, nothing to clear.
    }
    setPlaces([])
  }
  return (
    <section aria-labelledby="recent-heading">
      <div className="flex items-baseline justify-between">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Recent places
        </h2>
        <button type="button" onClick={handleClear} className="text-sm text-slate-600 hover:underline dark:text-slate-400">
          Clear
        </button>
      </div>
      <ul className="mt-2 flex flex-wrap gap-2">
        {places.map((place) => (
          <li key={place.path}>
            <Link to={place.path} className="inline-block rounded-full border border-slate-300 px-3 py-1 font-mono text-xs hover:border-blue-400 hover:bg-blue-50/40 dark:border-slate-700 dark:hover:bg-blue-950/30">
              {place.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
