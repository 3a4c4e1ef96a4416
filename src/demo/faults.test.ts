import { describe, expect, it } from 'vitest'
import { FaultState, FaultSyntaxError, parseFaults } from './faults'

describe('parseFaults', () => {
  it('reads the documented syntax', () => {
    expect(parseFaults('latency=300,error=0.2,throttle=3,malformed=1,drop=0.5')).toEqual({
      latencyMin: 300,
      latencyMax: 300,
      error: 0.2,
      throttle: 3,
      malformed: 1,
      drop: 0.5,
    })
    expect(parseFaults(' latency = 10-50 ')).toMatchObject({ latencyMin: 10, latencyMax: 50 })
    expect(parseFaults('')).toMatchObject({ error: 0, throttle: 0 })
    expect(parseFaults('none')).toMatchObject({ error: 0, throttle: 0 })
    expect(parseFaults(undefined)).toMatchObject({ drop: 0 })
  })

  it('rejects typos and out-of-range values', () => {
    for (const bad of ['error=2', 'error=abc', 'latency=fast', 'latency=50-10', 'throttle=-1', 'boom=1', 'error']) {
      expect(() => parseFaults(bad), bad).toThrow(FaultSyntaxError)
    }
  })
})

describe('FaultState', () => {
  it('spreads rates evenly and deterministically', () => {
    const state = new FaultState()
    const spec = parseFaults('error=0.2')
    const actions = Array.from({ length: 10 }, () => state.next('k', spec).action)
    expect(actions.filter((a) => a === 'error')).toHaveLength(2)
    expect(actions[4]).toBe('error')
    expect(actions[9]).toBe('error')
  })

  it('keeps separate sequences per spec key; drop wins over error', () => {
    const state = new FaultState()
    expect(state.next('a', parseFaults('drop=1,error=1')).action).toBe('drop')
    expect(state.next('b', parseFaults('throttle=1')).action).toBe('throttle')
    expect(state.next('b', parseFaults('throttle=1')).action).toBe('none')
    expect(state.next('c', parseFaults('throttle=1')).action).toBe('throttle')
  })

  it('draws latency inside the range', () => {
    const state = new FaultState()
    const spec = parseFaults('latency=100-200')
    for (let i = 0; i < 20; i++) {
      const { latency } = state.next('l', spec)
      expect(latency).toBeGreaterThanOrEqual(100)
      expect(latency).toBeLessThanOrEqual(200)
    }
  })
})
