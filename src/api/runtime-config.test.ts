import { describe, expect, it } from 'vitest'
import { ATTEMPT_TIMEOUT_MARGIN_MS, attemptTimeoutFor, parseRuntimeConfig, readEmbeddedConfig, RUNTIME_CONFIG_META } from './runtime-config.ts'
import { DEFAULT_ATTEMPT_TIMEOUT_MS } from './transport.ts'

/** A document holding just the tag the build and the server write (server/static.ts), with this content. */
function page(content: string | undefined) {
  return {
    querySelector(selector: string) {
      if (content === undefined || selector !== `meta[name="${RUNTIME_CONFIG_META}"]`) return null
      return { getAttribute: (name: string) => (name === 'content' ? content : null) }
    },
  } as unknown as Pick<Document, 'querySelector'>
}

const runtimeConfigTag = (config: object) => JSON.stringify(config)

describe('runtime config', () => {
  it('reads what the server wrote into the page', () => {
    expect(readEmbeddedConfig(page(runtimeConfigTag({ mode: 'demo', demoToken: 'demo', demoUserId: 'demo' })))).toEqual({
      mode: 'demo',
      demoToken: 'demo',
      demoUserId: 'demo',
    })
    expect(readEmbeddedConfig(page(runtimeConfigTag({ mode: 'proxy' })))).toEqual({ mode: 'proxy' })
    expect(readEmbeddedConfig(page(runtimeConfigTag({ mode: 'proxy', upstreamTimeoutMs: 30_000, upstreamIdleTimeoutMs: 6_000 })))).toEqual({
      mode: 'proxy',
      upstreamTimeoutMs: 30_000,
      upstreamIdleTimeoutMs: 6_000,
    })
    expect(readEmbeddedConfig(page(runtimeConfigTag({ mode: 'static' })))).toEqual({ mode: 'static' })
  })

  it('falls back to fetching config.json only when the page has no tag', () => {
    expect(readEmbeddedConfig(page(undefined))).toBeUndefined()
  })

  it.each([null, 'x', [], { mode: 'demo' }, { mode: 'other' }, { mode: 'demo', demoToken: 3 }])('treats %j as a static deploy', (body) => {
    expect(parseRuntimeConfig(body)).toEqual({ mode: 'static' })
  })

  it.each([0, -5, '30000', null, Infinity])('ignores an upstream timeout of %j', (value) => {
    expect(parseRuntimeConfig({ mode: 'proxy', upstreamTimeoutMs: value, upstreamIdleTimeoutMs: value })).toEqual({ mode: 'proxy' })
  })

  it('treats a broken tag as a static deploy', () => {
    expect(readEmbeddedConfig(page('{not json'))).toEqual({ mode: 'static' })
  })
})

describe('attemptTimeoutFor', () => {
  it('keeps the short default when nothing says how long the server waits', () => {
    expect(attemptTimeoutFor({ mode: 'proxy' })).toBeUndefined()
    expect(attemptTimeoutFor({ mode: 'static' })).toBeUndefined()
  })

  it("behind the server, waits a margin longer than the server's upstream timeouts, so the server's 504 arrives first", () => {
    // The server's defaults give the transport's default.
    expect(attemptTimeoutFor({ mode: 'proxy', upstreamTimeoutMs: 6_000, upstreamIdleTimeoutMs: 6_000 })).toBe(DEFAULT_ATTEMPT_TIMEOUT_MS)
    // UPSTREAM_TIMEOUT_MS raised: the browser no longer gives up first.
    expect(attemptTimeoutFor({ mode: 'proxy', upstreamTimeoutMs: 30_000, upstreamIdleTimeoutMs: 6_000 })).toBe(30_000 + ATTEMPT_TIMEOUT_MARGIN_MS)
    // The client's timeout also bounds each pause inside a body, which the idle timeout bounds on the server.
    expect(attemptTimeoutFor({ mode: 'proxy', upstreamTimeoutMs: 6_000, upstreamIdleTimeoutMs: 20_000 })).toBe(20_000 + ATTEMPT_TIMEOUT_MARGIN_MS)
    // Lowered: the browser follows it down.
    expect(attemptTimeoutFor({ mode: 'proxy', upstreamTimeoutMs: 2_000 })).toBe(2_000 + ATTEMPT_TIMEOUT_MARGIN_MS)
  })

  it('waits longer for the built-in stand-in, whose biggest answers take seconds to build', () => {
    expect(attemptTimeoutFor({ mode: 'demo', demoToken: 'demo' })).toBeGreaterThan(DEFAULT_ATTEMPT_TIMEOUT_MS * 10)
  })
})
