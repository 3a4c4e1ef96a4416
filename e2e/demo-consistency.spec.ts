import type { APIRequestContext } from '@playwright/test'
import { expect, test, demoApi } from './support/test.ts'

const LOAD = { timeout: 30_000 }

/** How many items a list endpoint returns when paged to the end. */
async function countAll(request: APIRequestContext, path: string, key: string): Promise<number> {
  let total = 0
  for (let page = 1; ; page++) {
    const response = await demoApi(request).get(`${path}?page=${page}&per_page=1000`)
    expect(response.ok(), path).toBe(true)
    const items = ((await response.json()) as Record<string, unknown[]>)[key] ?? []
    total += items.length
    if (items.length < 1000) return total
  }
}

test('the app overview shows the counts its lists return', async ({ page, request }) => {
  const app = '/v2/users/demo/apps/manufacturing-defects'
  const [inputs, models, datasets] = await Promise.all([
    countAll(request, `${app}/inputs`, 'inputs'),
    countAll(request, `${app}/models`, 'models'),
    countAll(request, `${app}/datasets`, 'datasets'),
  ])
  expect(inputs).toBeGreaterThan(0)
  await page.goto('./demo/manufacturing-defects')
  const resources = page.getByRole('region', { name: 'Resources' })
  await expect(resources.getByRole('link', { name: /^Inputs/ })).toHaveText(`Inputs${inputs.toLocaleString('en-US')}`, LOAD)
  await expect(resources.getByRole('link', { name: /^Models/ })).toHaveText(`Models${models.toLocaleString('en-US')}`)
  await expect(resources.getByRole('link', { name: /^Datasets/ })).toHaveText(`Datasets${datasets.toLocaleString('en-US')}`)
})

test('workflows and modules on the app overview lead somewhere: the explorer lists them', async ({ page }) => {
  await page.goto('./demo/manufacturing-defects')
  const resources = page.getByRole('region', { name: 'Resources' })
  await expect(resources.getByRole('link', { name: /^Modules/ })).toHaveAttribute('href', /\/explore\/ListModules\?/, LOAD)
  await resources.getByRole('link', { name: /^Workflows/ }).click()
  await expect(page).toHaveURL(/\/explore\/ListWorkflows\?user_app_id\.user_id=demo&user_app_id\.app_id=manufacturing-defects/)
  await expect(page.getByRole('heading', { name: 'ListWorkflows' })).toBeVisible(LOAD)
  await expect(page.getByRole('status').filter({ hasText: '10000' })).toBeVisible(LOAD)
})
