/**
 * How the console is hosted, so one build works in demo mode, in proxy mode and on a CDN (a live
 * API, connect yourself). The build writes it into index.html and the server rewrites that tag,
 * so the page knows it before its first request; `config.json` is the fallback for pages without it.
 */
export interface RuntimeConfig {
  mode: 'demo' | 'proxy' | 'static'
  demoToken?: string
  demoUserId?: string
}

/** The name of the `<meta>` tag holding the config as JSON (kept in step with server/static.ts). */
export const RUNTIME_CONFIG_META = 'clarifai-console-config'

/** Lenient: anything unexpected means a plain static deploy. */
export function parseRuntimeConfig(body: unknown): RuntimeConfig {
  if (typeof body !== 'object' || body === null) return { mode: 'static' }
  const { mode, demoToken, demoUserId } = body as Record<string, unknown>
  if (mode === 'demo' && typeof demoToken === 'string') {
    return { mode, demoToken, demoUserId: typeof demoUserId === 'string' ? demoUserId : 'me' }
  }
  if (mode === 'proxy') return { mode }
  return { mode: 'static' }
}

/** The config embedded in the page, or undefined when the page has none (the Vite dev server). */
export function readEmbeddedConfig(doc: Pick<Document, 'querySelector'> = document): RuntimeConfig | undefined {
  const content = doc.querySelector(`meta[name="${RUNTIME_CONFIG_META}"]`)?.getAttribute('content')
  if (content == null) return undefined
  try {
    return parseRuntimeConfig(JSON.parse(content))
  } catch {
    return { mode: 'static' }
  }
}

export async function loadRuntimeConfig(fetchImpl: typeof fetch = globalThis.fetch): Promise<RuntimeConfig> {
  try {
    const response = await fetchImpl(new URL(`${import.meta.env.BASE_URL}config.json`, window.location.origin), {
      cache: 'no-store',
    })
    if (!response.ok) return { mode: 'static' }
    return parseRuntimeConfig(await response.json())
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
