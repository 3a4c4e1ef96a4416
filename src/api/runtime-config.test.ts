import { describe, expect, it } from 'vitest'
import { attemptTimeoutFor } from './runtime-config.ts'
import { DEFAULT_ATTEMPT_TIMEOUT_MS } from './transport.ts'

describe('attemptTimeoutFor', () => {
  it('keeps the short default in front of the live API, so a hung API surfaces fast', () => {
    expect(attemptTimeoutFor({ mode: 'proxy' })).toBeUndefined()
    expect(attemptTimeoutFor({ mode: 'static' })).toBeUndefined()
  })

  it('waits longer for the built-in stand-in, whose biggest answers take seconds to build', () => {
    expect(attemptTimeoutFor({ mode: 'demo', demoToken: 'demo' })).toBeGreaterThan(DEFAULT_ATTEMPT_TIMEOUT_MS * 10)
  })
})
