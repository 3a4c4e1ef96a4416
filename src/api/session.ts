/**
 * Who the console talks to the API as. The token lives in sessionStorage, or in localStorage when
 * the user chose "remember on this device"; it is never read from or written to a URL.
 */
export interface Session {
  token: string
  userId: string
  /** Origin that serves `/v2/*`: always the page's own (its server or host forwards to the API). */
  baseUrl: string
  isRemembered: boolean
  /** Connected automatically to the built-in demo API. */
  isDemo: boolean
}

const STORAGE_KEY = 'clarifai-console.session'

let current: Session | null | undefined
const listeners = new Set<() => void>()

export function defaultBaseUrl(): string {
  return globalThis.location?.origin ?? 'http://localhost'
}

export function getSession(): Session | null {
  if (current === undefined) current = readStored()
  return current
}

export function setSession(session: Session): void {
  current = session
  if (!session.isDemo) {
    const stored = JSON.stringify({ token: session.token, userId: session.userId, baseUrl: session.baseUrl })
    if (session.isRemembered) {
      storage('localStorage')?.setItem(STORAGE_KEY, stored)
      storage('sessionStorage')?.removeItem(STORAGE_KEY)
    } else {
      storage('sessionStorage')?.setItem(STORAGE_KEY, stored)
      storage('localStorage')?.removeItem(STORAGE_KEY)
    }
  }
  notify()
}

export function clearSession(): void {
  current = null
  storage('sessionStorage')?.removeItem(STORAGE_KEY)
  storage('localStorage')?.removeItem(STORAGE_KEY)
  notify()
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function notify() {
  for (const listener of listeners) listener()
}

function readStored(): Session | null {
  for (const kind of ['sessionStorage', 'localStorage'] as const) {
    const raw = storage(kind)?.getItem(STORAGE_KEY)
    if (!raw) continue
    try {
      const parsed: unknown = JSON.parse(raw)
      if (isStoredSession(parsed)) {
        // A base URL stored by an older version is not followed: the API is this page's /v2.
        return { token: parsed.token, userId: parsed.userId, baseUrl: defaultBaseUrl(), isRemembered: kind === 'localStorage', isDemo: false }
      }
    } catch {
      // A corrupt entry is as good as none.
    }
  }
  return null
}

function isStoredSession(value: unknown): value is Pick<Session, 'token' | 'userId' | 'baseUrl'> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.token === 'string' && v.token !== '' && typeof v.userId === 'string' && typeof v.baseUrl === 'string'
}

function storage(kind: 'sessionStorage' | 'localStorage'): Storage | undefined {
  try {
    return globalThis[kind]
  } catch {
    // Storage can throw when cookies are blocked.
    return undefined
  }
}
