import { expect, test, demoApi } from './support/test.ts'

const BIG_INPUTS = '/demo/general-vision/datasets/baseline-2024/versions'

test('a 1,000-row page keeps only a window of rows in the DOM, and scrolling moves the window', async ({ page, request }) => {
  // The dataset's newest version: its page lists the dataset's inputs.
  const versions = await demoApi(request).get('/v2/users/demo/apps/general-vision/datasets/baseline-2024/versions')
  const versionId = ((await versions.json()) as { dataset_versions: Array<{ id: string }> }).dataset_versions[0]?.id
  await page.goto(`${BIG_INPUTS}/${versionId}?per_page=1000`)
  const table = page.getByRole('table', { name: 'inputs' })
  await expect(table).toHaveAttribute('aria-rowcount', '1001')
  const rendered = await table.locator('tbody tr:not([aria-hidden])').count()
  expect(rendered).toBeGreaterThan(5)
  expect(rendered).toBeLessThanOrEqual(150)
  await expect(table.locator('tr[aria-rowindex="2"]')).toBeAttached()

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await expect(table.locator('tr[aria-rowindex="1001"]')).toBeAttached()
  await expect(table.locator('tr[aria-rowindex="2"]')).not.toBeAttached()
  expect(await table.locator('tbody tr:not([aria-hidden])').count()).toBeLessThanOrEqual(150)
})

test('a list page loads at most 180 KB of JavaScript (gzip) before it is usable', async ({ page }) => {
  await page.goto('/demo/general-vision/models')
  await expect(page.getByRole('table', { name: /models/i })).toBeVisible()
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .map((entry) => ({ name: entry.name, bytes: (entry as PerformanceResourceTiming).encodedBodySize })),
  )
  const total = scripts.reduce((sum, script) => sum + script.bytes, 0)
  console.log(`list page JS: ${(total / 1024).toFixed(1)} KB gzip in ${scripts.length} files`)
  expect(scripts.length).toBeGreaterThan(1)
  expect(total).toBeGreaterThan(50 * 1024)
  expect(total).toBeLessThanOrEqual(180 * 1024)
})
