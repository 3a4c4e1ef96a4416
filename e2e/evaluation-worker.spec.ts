import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './support/test.ts'

// Evaluations are parsed and prepared in a Web Worker, one per answer or file, so the page's
// thread never parses or walks the answer. Ids from the stand-in's deterministic world.
const TWO = { app: 'general-vision', id: '8d57d5306841ce8aa234341b7c16cc05' }
const TWO_AGAIN = { app: 'general-vision', id: 'cb7e915ebaae8716b7540bcbb96e0b30' }

function watchLoaders(page: Page): string[] {
  const loaders: string[] = []
  page.on('worker', (worker) => {
    if (worker.url().includes('evaluation.worker')) loaders.push(worker.url())
  })
  return loaders
}

async function expectViewerReady(page: Page) {
  await expect(page.getByRole('heading', { name: 'Confusion matrix' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('heatmap-canvas').first()).toBeVisible()
}

test('an evaluation and the one it is compared with are each prepared in a worker; Raw JSON and Download give the answer as sent', async ({ page }) => {
  const loaders = watchLoaders(page)
  await page.goto(`./demo/${TWO.app}/evaluations/${TWO.id}?compare=${TWO_AGAIN.id}`)
  await expectViewerReady(page)
  await expect(page.getByTestId('panel-compare').getByRole('application', { name: /Confusion matrix, A minus B/ })).toBeVisible()
  await expect.poll(() => loaders.length).toBe(2)

  await page.getByRole('button', { name: 'Raw JSON' }).click()
  const dialog = page.getByRole('dialog', { name: 'Raw JSON' })
  await expect(dialog.getByLabel('Response body')).toContainText(`"id": "${TWO.id}"`)
  await page.keyboard.press('Escape')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download JSON' }).click()
  const saved = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as { eval_metrics: { id: string; test_set: unknown[] } }
  expect(saved.eval_metrics.id).toBe(TWO.id)
  expect(saved.eval_metrics.test_set.length).toBeGreaterThan(0)
})

test('an opened file is read and prepared in a worker too', async ({ page, request }) => {
  const response = await request.get(`/v2/users/demo/apps/${TWO.app}/evaluations/${TWO.id}?fields.test_set=true&fields.confusion_matrix=true&fields.binary_metrics=true`, { headers: { Authorization: 'Key demo' } })
  expect(response.ok()).toBe(true)
  await page.goto('./evaluation-file')
  const loaders = watchLoaders(page)
  await page.locator('input[type=file]').setInputFiles({ name: 'evaluation.json', mimeType: 'application/json', buffer: await response.body() })
  await expectViewerReady(page)
  await expect(page.getByTestId('api-check')).toContainText('Matches API')
  expect(loaders).toHaveLength(1)
})
