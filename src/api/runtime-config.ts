/**
 * How the console is hosted, so one build works in demo mode, in proxy mode and on a CDN (a live
 * API, connect yourself). The build writes it into index.html and the server rewrites that tag,
 * so the page knows it before its first request; `config.json` is the fallback for pages without it.
 */
export interface RuntimeConfig {
  mode: 'demo' | 'proxy' | 'static'
  demoToken?: string
  demoUserId?: string
  /** Proxy mode: how long the server waits for the API's response headers (its UPSTREAM_TIMEOUT_MS). */
  upstreamTimeoutMs?: number
  /** Proxy mode: the longest pause the server allows inside a response body (UPSTREAM_IDLE_TIMEOUT_MS). */
  upstreamIdleTimeoutMs?: number
}

/** The name of the `<meta>` tag holding the config as JSON (kept in step with server/static.ts). */
export const RUNTIME_CONFIG_META = 'clarifai-console-config'

/** Lenient: anything unexpected means a plain static deploy. */
export function parseRuntimeConfig(body: unknown): RuntimeConfig {
  if (typeof body !== 'object' || body === null) return { mode: 'static' }
  const { mode, demoToken, demoUserId, upstreamTimeoutMs, upstreamIdleTimeoutMs } = body as Record<string, unknown>
  if (mode === 'demo' && typeof demoToken === 'string') {
    return { mode, demoToken, demoUserId: typeof demoUserId === 'string' ? demoUserId : 'me' }
  }
  if (mode === 'proxy') {
    const config: RuntimeConfig = { mode }
    if (isTimeout(upstreamTimeoutMs)) config.upstreamTimeoutMs = upstreamTimeoutMs
    if (isTimeout(upstreamIdleTimeoutMs)) config.upstreamIdleTimeoutMs = upstreamIdleTimeoutMs
    return config
  }
  return { mode: 'static' }
}

function isTimeout(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
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

/**
 * Behind our server the client waits this much longer than the server does (for the headers, and
 * between body chunks), so the server's 504 or cut arrives first: 6 s upstream gives the 7 s default.
 */
export const ATTEMPT_TIMEOUT_MARGIN_MS = 1_000

export function attemptTimeoutFor(config: RuntimeConfig): number | undefined {
  if (config.mode === 'demo') return DEMO_ATTEMPT_TIMEOUT_MS
  if (config.mode !== 'proxy') return undefined
  const serverWaits = Math.max(config.upstreamTimeoutMs ?? 0, config.upstreamIdleTimeoutMs ?? 0)
  return serverWaits > 0 ? serverWaits + ATTEMPT_TIMEOUT_MARGIN_MS : undefined
}
