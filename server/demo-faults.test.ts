import { describe, expect, it, vi } from 'vitest'
import { createDemoApi } from '../src/demo/handler.ts'
import { createApp } from './app.ts'
import { silentLogger } from './logger.ts'

vi.mock('../src/demo/handler.ts', () => ({
  createDemoApi: vi.fn(() => async () => Response.json({ status: { code: 10000 } })),
}))

describe('demo mode', () => {
  it('creates the stand-in with the DEMO_FAULTS default', async () => {
    const app = createApp({ distDir: '/nonexistent', faults: 'latency=200', logger: silentLogger })
    expect(vi.mocked(createDemoApi)).toHaveBeenCalledWith({ faults: 'latency=200' })
    expect((await app.request('/v2/users/me')).status).toBe(200)
  })
})
