import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from './app.ts'
import { silentLogger } from './logger.ts'
import { captureLogger, listen } from './test-helpers.ts'

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

describe('demo mode logs', () => {
  afterEach(() => vi.restoreAllMocks())

  it('logs one structured line per request, with query names but not their values', async () => {
    const logger = captureLogger()
    const app = createApp({ distDir: '/nonexistent', logger })
    const response = await app.request('/v2/users/me/apps?search=private-words&per_page=5', auth)
    await response.text()
    expect(logger.lines).toEqual([
      expect.stringMatching(/^info event=request method=GET path=\/v2\/users\/me\/apps query=search,per_page status=200 duration_ms=\d+$/),
    ])
    expect(logger.lines.join('\n')).not.toContain('private-words')
  })

  it('reports the drop fault in one line: the client sees a broken connection, the console no stack trace', async () => {
    const printed: unknown[] = []
    for (const method of ['error', 'info', 'warn', 'log'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args))
    }
    const logger = captureLogger()
    const server = await listen(createApp({ distDir: '/nonexistent', faults: 'drop=1', logger }))
    try {
      const outcome = await fetch(`${server.url}/v2/users/me`, auth).then(
        (response) => response.text().then(() => 'complete', () => 'broken'),
        () => 'broken',
      )
      expect(outcome).toBe('broken')
      await new Promise<void>((resolve) => {
        const poll = () => (logger.lines.length > 0 ? resolve() : setTimeout(poll, 10))
        poll()
      })
      expect(logger.lines).toEqual([expect.stringMatching(/^warn event=abort method=GET path=\/v2\/users\/me status=200 duration_ms=\d+ reason=body_error detail=/)])
      expect(printed).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('refuses encoded dot segments in demo mode too', async () => {
    const app = createApp({ distDir: '/nonexistent', logger: silentLogger })
    const response = await app.request('/v2/users/me/..%2fapps', auth)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ status: { code: 10020 } })
  })
})
