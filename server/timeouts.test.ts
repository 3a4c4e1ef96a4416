// The server's and the client's timeouts only work as a pair: the client must outwait the server
// (so the server's 504 envelope arrives) and a hung API must still surface within 15 s.
import { describe, expect, it } from 'vitest'
import { DEFAULT_ATTEMPT_TIMEOUT_MS, DEFAULT_MAX_TIMEOUT_RETRIES, createTransport } from '../src/api/transport.ts'
import { ApiError } from '../src/api/errors.ts'
import { DEFAULT_UPSTREAM_TIMEOUT_MS, DEFAULT_UPSTREAM_IDLE_TIMEOUT_MS } from './app.ts'

const BUDGET_MS = 15_000
/** The transport's longest backoff before its first retry (baseDelayMs 400, full jitter). */
const FIRST_BACKOFF_MS = 400

describe('default timeouts', () => {
  it('let the client outwait the server per attempt, so the server answers 504 first', () => {
    expect(DEFAULT_ATTEMPT_TIMEOUT_MS).toBeGreaterThan(DEFAULT_UPSTREAM_TIMEOUT_MS)
    expect(DEFAULT_ATTEMPT_TIMEOUT_MS).toBeGreaterThan(DEFAULT_UPSTREAM_IDLE_TIMEOUT_MS)
    expect(DEFAULT_MAX_TIMEOUT_RETRIES).toBe(1)
  })

  it('surface a hung API within 15 s even when no server answers for it', () => {
    const attempts = DEFAULT_MAX_TIMEOUT_RETRIES + 1
    expect(attempts * DEFAULT_ATTEMPT_TIMEOUT_MS + FIRST_BACKOFF_MS).toBeLessThanOrEqual(BUDGET_MS)
  })

  it('surface a hung API within 15 s through the server, counted on a virtual clock', async () => {
    let now = 0
    let attempts = 0
    const transport = createTransport({
      // The server holding each attempt for its upstream timeout, then answering 504.
      fetch: async () => {
        attempts++
        now += DEFAULT_UPSTREAM_TIMEOUT_MS
        return new Response(JSON.stringify({ status: { code: 40032, description: 'Upstream timed out' } }), { status: 504 })
      },
      sleep: async (ms) => void (now += ms),
      random: () => 1,
      limiter: null,
    })
    const error = await transport(new Request('http://127.0.0.1/v2/users/me')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).httpStatus).toBe(504)
    expect(attempts).toBe(2)
    expect(now).toBeLessThanOrEqual(BUDGET_MS)
  })
})
