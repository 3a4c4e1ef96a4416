import { describe, expect, it } from 'vitest'
import { attemptTimeoutFor, parseRuntimeConfig, readEmbeddedConfig, RUNTIME_CONFIG_META } from './runtime-config.ts'
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
    expect(readEmbeddedConfig(page(runtimeConfigTag({ mode: 'static' })))).toEqual({ mode: 'static' })
  })

  it('falls back to fetching config.json only when the page has no tag', () => {
    expect(readEmbeddedConfig(page(undefined))).toBeUndefined()
  })

  it.each([null, 'x', [], { mode: 'demo' }, { mode: 'other' }, { mode: 'demo', demoToken: 3 }])('treats %j as a static deploy', (body) => {
    expect(parseRuntimeConfig(body)).toEqual({ mode: 'static' })
  })

  it('treats a broken tag as a static deploy', () => {
    expect(readEmbeddedConfig(page('{not json'))).toEqual({ mode: 'static' })
  })
})

describe('attemptTimeoutFor', () => {
  it('keeps the short default in front of the live API, so a hung API surfaces fast', () => {
    expect(attemptTimeoutFor({ mode: 'proxy' })).toBeUndefined()
    expect(attemptTimeoutFor({ mode: 'static' })).toBeUndefined()
  })

  it('waits longer for the built-in stand-in, whose biggest answers take seconds to build', () => {
    expect(attemptTimeoutFor({ mode: 'demo', demoToken: 'demo' })).toBeGreaterThan(DEFAULT_ATTEMPT_TIMEOUT_MS * 10)
  })
})
