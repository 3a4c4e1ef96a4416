import { useSyncExternalStore } from 'react'
import { CURL_TARGETS, curlBaseUrl, parseCurlTarget, type CurlTarget } from '@/lib/curl.ts'
import { defaultBaseUrl } from '@/api/session.ts'
import { useSession } from '@/api/use-session.ts'

// Where copied commands point is a preference of this browser, not view state: it stays out of
// the URL (a link should not change what a colleague's copy button does) and in localStorage.
const STORAGE_KEY = 'clarifai-console.curl-target'
const listeners = new Set<() => void>()

function readTarget(): CurlTarget {
  try {
    return parseCurlTarget(globalThis.localStorage?.getItem(STORAGE_KEY))
  } catch {
    return 'clarifai'
  }
}

function writeTarget(target: CurlTarget) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, target)
  } catch {
    // Storage may be off; the choice then lasts until the page reloads.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The chosen target and the base URL a copied command uses for it. */
export function useCurlTarget(): { target: CurlTarget; baseUrl: string; setTarget: (target: CurlTarget) => void } {
  const target = useSyncExternalStore(subscribe, readTarget, () => 'clarifai' as const)
  const session = useSession()
  return { target, baseUrl: curlBaseUrl(target, session?.baseUrl ?? defaultBaseUrl()), setTarget: writeTarget }
}

/** A small select next to "Copy as curl": api.clarifai.com (default) or this console's origin. */
export function CurlTargetSelect() {
  const { target, setTarget } = useCurlTarget()
  return (
    <label className="inline-flex items-center gap-1 whitespace-nowrap text-xs text-slate-600 dark:text-slate-400">
      <span>curl to</span>
      <select
        value={target}
        onChange={(event) => setTarget(parseCurlTarget(event.target.value))}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-700 dark:bg-slate-900"
      >
        {CURL_TARGETS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}
