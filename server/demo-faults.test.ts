import { describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { silentLogger } from './logger.ts'

const auth = { headers: { Authorization: 'Key demo' } }

describe('demo mode faults', () => {
  it('hands the DEMO_FAULTS default to the stand-in: every request fails as configured', async () => {
    const app = createApp({ distDir: '/nonexistent', faults: 'error=1', logger: silentLogger })
    const response = await app.request('/v2/users/me', auth)
    expect(response.status).toBe(500)
    expect(((await response.json()) as { status: { code: number } }).status.code).toBe(98004)
  })

  it('runs without faults by default', async () => {
    const app = createApp({ distDir: '/nonexistent', logger: silentLogger })
    const response = await app.request('/v2/users/me', auth)
    expect(response.status).toBe(200)
  })

  it('lets a request ask for a fault with the x-demo-faults header', async () => {
    const app = createApp({ distDir: '/nonexistent', logger: silentLogger })
    const response = await app.request('/v2/users/me', { headers: { ...auth.headers, 'x-demo-faults': 'throttle=1' } })
    expect(response.status).toBe(429)
  })
})
