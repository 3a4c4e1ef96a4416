// The suite's `test`: Playwright's, plus a check on every /v2 request the pages send. The stand-in
// reads query strings as strictly as Clarifai's gateway (src/demo/query.ts), so a 400 from it is a
// request the live API would refuse too: the test fails, naming the URL. The URLs each test sent
// are kept in its output folder (api-urls.txt).
import { writeFile } from 'node:fs/promises'
import { expect, test as base, type APIRequestContext, type APIResponse } from '@playwright/test'

export { expect }

/** GETs against the stand-in with the demo key, as a polite client: a 429 waits out Retry-After. */
export interface DemoApi {
  get(path: string, options?: { timeout?: number }): Promise<APIResponse>
}

/**
 * The stand-in limits each token to 15 requests a second, like the real API, and every test shares
 * the demo token: a test that reads the API directly waits its turn instead of failing.
 */
export function demoApi(request: APIRequestContext): DemoApi {
  return {
    async get(path, options = {}) {
      for (let attempt = 0; ; attempt++) {
        const response = await request.get(path, { headers: { Authorization: 'Key demo' }, timeout: options.timeout })
        if (response.status() !== 429 || attempt === 8) return response
        const seconds = Number(response.headers()['retry-after'] ?? '1')
        await new Promise((resolve) => setTimeout(resolve, Math.max(0.1, Number.isFinite(seconds) ? seconds : 1) * 1000))
      }
    },
  }
}

export const test = base.extend<{ apiRequestCheck: void }>({
  apiRequestCheck: [
    async ({ page }, use, testInfo) => {
      const urls = new Set<string>()
      const refusals: Promise<string>[] = []
      page.on('response', (response) => {
        const url = new URL(response.url())
        if (!url.pathname.includes('/v2/')) return
        const target = `${url.pathname}${url.search}`
        urls.add(`${response.request().method()} ${target}`)
        if (response.status() !== 400) return
        refusals.push(
          response.json().then(
            (body: { status?: { details?: string; description?: string } }) =>
              `${target} -> 400 ${body.status?.details ?? body.status?.description ?? ''}`,
            () => `${target} -> 400`,
          ),
        )
      })
      await use()
      await writeFile(testInfo.outputPath('api-urls.txt'), [...urls].join('\n') + '\n')
      expect(await Promise.all(refusals), 'requests the live API would refuse').toEqual([])
    },
    { auto: true },
  ],
})
