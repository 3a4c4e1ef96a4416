import { describe, expect, it } from 'vitest'
import { FaultState, FaultSyntaxError, matchesPath, parseFaults } from './faults'
import { AUTH, call, demoApi } from '../../test/demo-utils.ts'

describe('parseFaults', () => {
  it('reads the documented syntax', () => {
    expect(parseFaults('latency=300,error=0.2,throttle=3,malformed=1,drop=0.5')).toEqual({
      latencyMin: 300,
      latencyMax: 300,
      error: 0.2,
      throttle: 3,
      malformed: 1,
      drop: 0.5,
      notfound: 0,
    })
    expect(parseFaults(' latency = 10-50 ')).toMatchObject({ latencyMin: 10, latencyMax: 50 })
    expect(parseFaults('')).toMatchObject({ error: 0, throttle: 0 })
    expect(parseFaults('none')).toMatchObject({ error: 0, throttle: 0 })
    expect(parseFaults(undefined)).toMatchObject({ drop: 0 })
  })

  it('rejects typos and out-of-range values', () => {
    for (const bad of ['error=2', 'error=abc', 'latency=fast', 'latency=50-10', 'throttle=-1', 'boom=1', 'error', 'notfound=3', 'path=models']) {
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

describe('path patterns', () => {
  const spec = (text: string) => parseFaults(text)
  it('aims a fault at the paths its pattern matches, one segment per star', () => {
    const outputInfo = spec('path=/v2/users/*/apps/*/models/*/output_info,error=1')
    expect(matchesPath(outputInfo, '/v2/users/demo/apps/main/models/general/output_info')).toBe(true)
    expect(matchesPath(outputInfo, '/v2/users/demo/apps/main/models/general')).toBe(false)
    expect(matchesPath(outputInfo, '/v2/users/demo/apps/main/models/a/b/output_info')).toBe(false)
    expect(matchesPath(outputInfo, '/v2/users/demo/apps/main/models/general/output_info/more')).toBe(false)
  })

  it('lets a double star cross segments and takes dots and brackets literally', () => {
    expect(matchesPath(spec('path=**/inputs,drop=1'), '/v2/users/demo/apps/main/datasets/d/inputs')).toBe(true)
    expect(matchesPath(spec('path=**/inputs,drop=1'), '/v2/users/demo/apps/main/datasets/d/inputs/x')).toBe(false)
    expect(matchesPath(spec('path=/v2/a.b,error=1'), '/v2/a.b')).toBe(true)
    expect(matchesPath(spec('path=/v2/a.b,error=1'), '/v2/aXb')).toBe(false)
  })

  it('aims a fault at requests with one query parameter, on its path', () => {
    const trend = spec('path=**/versions,query=per_page=101,error=1')
    expect(matchesPath(trend, '/v2/users/demo/apps/main/models/m/versions', '?sort_by_created_at=true&per_page=101')).toBe(true)
    expect(matchesPath(trend, '/v2/users/demo/apps/main/models/m/versions', '?per_page=1010')).toBe(false)
    expect(matchesPath(trend, '/v2/users/demo/apps/main/models/m/versions', '')).toBe(false)
    expect(matchesPath(trend, '/v2/users/demo/apps/main/models/m', '?per_page=101')).toBe(false)
    expect(matchesPath(spec('query=page=2,error=1'), '/anything', '?page=2')).toBe(true)
    for (const bad of ['query=page', 'query=a=1&b=2', 'query==1']) expect(() => parseFaults(bad), bad).toThrow(FaultSyntaxError)
  })

  it('faults every path without a pattern', () => {
    expect(matchesPath(spec('error=1'), '/anything')).toBe(true)
  })

  it('answers not found at its rate, after drop and error', () => {
    const state = new FaultState()
    expect(state.next('n', spec('notfound=1')).action).toBe('notfound')
    expect(state.next('e', spec('notfound=1,error=1')).action).toBe('error')
  })
})

describe('path-aimed faults through the stand-in', () => {
  it('fails only the aimed request, with the status its kind gives', async () => {
    const api = demoApi()
    const faults = (spec: string) => ({ headers: { ...AUTH, 'x-demo-faults': spec } })
    const model = '/v2/users/demo/apps/main/models'
    const apps = await call(api, '/v2/users/demo/apps', faults('path=**/models,notfound=1'))
    expect(apps.status).toBe(200)
    const missing = await call(api, model, faults('path=**/models,notfound=1'))
    expect(missing.status).toBe(404)
    expect(missing.body.status.code).toBe(11101)
    const failed = await call(api, model, faults('path=/v2/users/*/apps/*/models,error=1'))
    expect(failed.status).toBe(500)
    expect(failed.body.status.req_id).toMatch(/^demo-/)
  })
})
