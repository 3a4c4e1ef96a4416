/**
 * What the server next to the console says about itself (`config.json`), so one build works in
 * demo mode, in proxy mode and on a CDN (where the file is absent: a live API, connect yourself).
 */
export interface RuntimeConfig {
  mode: 'demo' | 'proxy' | 'static'
  demoToken?: string
  demoUserId?: string
}

export async function loadRuntimeConfig(fetchImpl: typeof fetch = globalThis.fetch): Promise<RuntimeConfig> {
  try {
    const response = await fetchImpl(new URL(`${import.meta.env.BASE_URL}config.json`, window.location.origin), {
      cache: 'no-store',
    })
    if (!response.ok) return { mode: 'static' }
    const body: unknown = await response.json()
    if (typeof body !== 'object' || body === null) return { mode: 'static' }
    const { mode, demoToken, demoUserId } = body as Record<string, unknown>
    if (mode === 'demo' && typeof demoToken === 'string') {
      return { mode, demoToken, demoUserId: typeof demoUserId === 'string' ? demoUserId : 'me' }
    }
    if (mode === 'proxy') return { mode }
    return { mode: 'static' }
  } catch {
    return { mode: 'static' }
  }
}

/**
 * The client's attempt timeout for this host, when it differs from the transport's default. The
 * built-in stand-in answers from this machine (or this tab's service worker) and cannot hang, but
 * builds its largest answers (a 10,000-concept evaluation with every field) for seconds before the
 * first byte: the short timeout that bounds a hung live API would cut those off.
 */
export const DEMO_ATTEMPT_TIMEOUT_MS = 120_000

export function attemptTimeoutFor(config: RuntimeConfig): number | undefined {
  return config.mode === 'demo' ? DEMO_ATTEMPT_TIMEOUT_MS : undefined
}
