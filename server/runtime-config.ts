/**
 * `config.json` beside the console tells it how it is hosted. The server answers it; the demo
 * build ships it as a file; a plain static deploy has none, which means "live API, connect".
 */
export const DEMO_CONFIG = { mode: 'demo', demoToken: 'demo', demoUserId: 'demo' } as const
export const PROXY_CONFIG = { mode: 'proxy' } as const
export const STATIC_CONFIG = { mode: 'static' } as const
