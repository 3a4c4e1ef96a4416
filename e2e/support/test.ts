// The suite's `test`: Playwright's, plus a check on every /v2 request the pages send. The stand-in
// reads query strings as strictly as Clarifai's gateway (src/demo/query.ts), so a 400 from it is a
// request the live API would refuse too: the test fails, naming the URL. The URLs each test sent
// are kept in its output folder (api-urls.txt).
import { writeFile } from 'node:fs/promises'
import { expect, test as base } from '@playwright/test'

export { expect }

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
