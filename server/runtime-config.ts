/**
 * `config.json` beside the console tells it how it is hosted. The server answers it; the demo
 * build ships it as a file; a plain static deploy has none, which means "live API, connect".
 */
export const DEMO_CONFIG = { mode: 'demo', demoToken: 'demo', demoUserId: 'demo' } as const
export const PROXY_CONFIG = { mode: 'proxy' } as const

/**
 * Proxy mode also tells the page how long the server waits for the API (UPSTREAM_TIMEOUT_MS for
 * the headers, UPSTREAM_IDLE_TIMEOUT_MS between body chunks), so the browser waits a little longer
 * per attempt and the server's 504 arrives first however the server is configured.
 */
export function proxyConfig(timeouts: { upstreamTimeoutMs: number; upstreamIdleTimeoutMs: number }) {
  return { ...PROXY_CONFIG, upstreamTimeoutMs: timeouts.upstreamTimeoutMs, upstreamIdleTimeoutMs: timeouts.upstreamIdleTimeoutMs }
}
export const STATIC_CONFIG = { mode: 'static' } as const
