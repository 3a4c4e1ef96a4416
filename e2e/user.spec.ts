import { expect, test, demoApi } from './support/test.ts'
import { apiWave } from './support/api-waves.ts'

test('the user page lists apps, filters them from the URL and keeps filters across back and reload', async ({ page }) => {
  await page.goto('./demo')
  await expect(page.getByRole('heading', { name: 'demo', exact: true })).toBeVisible()
  const table = page.getByRole('table', { name: 'apps' })
  await expect(table.getByRole('link', { name: 'general-vision' })).toBeVisible()

  await page.getByText('Filters and sort').click()
  await page.getByLabel(/^Search/).fill('camera')
  const listed = page.waitForRequest((r) => r.url().includes('/v2/users/demo/apps') && r.url().includes('search=camera'))
  await page.getByRole('button', { name: 'Apply' }).click()
  await listed
  await expect(page).toHaveURL(/search=camera/)
  await expect(table.getByRole('link', { name: 'wildlife-camera-traps' })).toBeVisible()
  await expect(table.getByRole('link', { name: 'general-vision' })).toHaveCount(0)

  await table.getByRole('link', { name: 'wildlife-camera-traps' }).click()
  await expect(page.getByRole('heading', { name: 'Wildlife Camera Traps', level: 1 })).toBeVisible()
  await page.goBack()
  await expect(page).toHaveURL(/search=camera/)
  await expect(page.getByLabel(/^Search/)).toHaveValue('camera')

  await page.reload()
  await expect(table.getByRole('link', { name: 'wildlife-camera-traps' })).toBeVisible()
  await expect(table.getByRole('link', { name: 'general-vision' })).toHaveCount(0)
})

test('a filter that matches nothing says so and offers to clear it', async ({ page }) => {
  await page.goto('./demo?tab=apps&search=zzzz-nothing-matches')
  await expect(page.getByText('No results for these filters.')).toBeVisible()
  await page.getByRole('link', { name: 'Clear filters' }).click()
  await expect(page.getByRole('table', { name: 'apps' }).getByRole('link', { name: 'general-vision' })).toBeVisible()
})

test('invalid values in a link are dropped with a visible note', async ({ page }) => {
  await page.goto('./demo?tab=apps&per_page=abc&sort=nonsense')
  await expect(page.getByText(/Dropped per_page=abc/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'apps' }).getByRole('link', { name: 'general-vision' })).toBeVisible()
})

test('the models tab lists models across apps and paginates without totals', async ({ page }) => {
  await page.goto('./demo?tab=models&per_page=20')
  const table = page.getByRole('table', { name: 'models' })
  await expect(table.getByRole('row')).toHaveCount(21)
  // Model types by their titles, as the app's own list shows them, not raw ids.
  await expect(table.getByRole('cell', { name: /^Visual (Classifier|Detector)$/ }).first()).toBeVisible()
  await expect(table.getByRole('cell', { name: /^visual-(classifier|detector)$/ })).toHaveCount(0)
  await page.getByRole('link', { name: 'Next →' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(page.getByText(/^Models 21–40/)).toBeVisible()
})

test('the app overview shows counts and notes, with scripts and javascript: links neutralised', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('./demo/community-sandbox')
  await expect(page.getByRole('heading', { name: 'Notes', level: 2 })).toBeVisible()
  await expect(page.locator('main script')).toHaveCount(0)
  for (const href of await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href.toLowerCase()).not.toContain('javascript:')
  }
  expect(errors).toEqual([])
})

test('a deep link to an app starts its API requests in one wave', async ({ page }) => {
  const wave = await apiWave(page, './demo/general-vision', async () => {
    await expect(page.getByRole('heading', { name: 'General Vision Lab', level: 1 })).toBeVisible()
  })
  expect(wave.started).toEqual(['/v2/users/demo/apps/general-vision', '/v2/users/demo/apps/general-vision/resource_counts'])
  expect(wave.late).toEqual([])
})

test('an unknown app shows the not-found view', async ({ page }) => {
  await page.goto('./demo/no-such-app')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
})

test('the command palette jumps to an app by id, and a pasted portal link opens the same resource', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible()
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Jump to' })
  await palette.getByRole('combobox').fill('food')
  await expect(palette.getByRole('option').first()).toContainText('food-recognition')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/demo\/food-recognition$/)
  await expect(page.getByRole('heading', { name: 'Food Recognition', level: 1 })).toBeVisible()

  await page.goto('./')
  await page.getByLabel('Open a clarifai.com link').fill('https://clarifai.com/demo/general-vision')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'General Vision Lab', level: 1 })).toBeVisible()
})

test('the start page lists recently opened places, newest first, and can forget them', async ({ page }) => {
  await page.goto('./demo/general-vision')
  await expect(page.getByRole('heading', { name: 'General Vision Lab', level: 1 })).toBeVisible()
  await page.goto('./demo/food-recognition/models')
  await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible()
  await page.goto('./demo/no-such-app')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  await page.goto('./')
  const recent = page.getByRole('region', { name: 'Recent places' })
  await expect(recent.getByRole('link')).toHaveText(['food-recognition / models', 'general-vision'])
  await recent.getByRole('link', { name: 'general-vision' }).click()
  await expect(page.getByRole('heading', { name: 'General Vision Lab', level: 1 })).toBeVisible()
  await page.goto('./')
  await page.getByRole('region', { name: 'Recent places' }).getByRole('button', { name: 'Clear' }).click()
  await expect(page.getByRole('region', { name: 'Recent places' })).toHaveCount(0)
})

test('the user page names the user once and has a tasks tab across apps', async ({ page, request }) => {
  // As many tasks as the apps' own lists hold (all fit on one page of each app here).
  const appsResponse = await demoApi(request).get('/v2/users/demo/apps?per_page=100')
  expect(appsResponse.ok()).toBe(true)
  let total = 0
  for (const app of ((await appsResponse.json()) as { apps: { id: string }[] }).apps) {
    const response = await demoApi(request).get(`/v2/users/demo/apps/${app.id}/tasks`)
    expect(response.ok()).toBe(true)
    total += ((await response.json()) as { tasks: unknown[] }).tasks.length
  }
  expect(total).toBeGreaterThan(0)

  await page.goto('./demo')
  await expect(page.getByRole('heading', { name: 'demo', exact: true, level: 1 })).toBeVisible()
  await expect(page.getByRole('main').getByText('demo', { exact: true })).toHaveCount(1)
  await page.getByRole('navigation', { name: 'Resources' }).getByRole('link', { name: 'tasks' }).click()
  await expect(page).toHaveURL(/[?&]tab=tasks/)
  const table = page.getByRole('table', { name: 'tasks' })
  await expect(table.getByRole('row')).toHaveCount(total + 1)
  await expect(table.getByRole('link', { name: 'manufacturing-defects' }).first()).toBeVisible()
})

test('the link box opens clarifai.com addresses and refuses other sites with a reason', async ({ page }) => {
  await page.goto('./')
  const box = page.getByLabel('Open a clarifai.com link')
  await box.fill('https://example.com/foo')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('example.com is not Clarifai: only clarifai.com addresses or console paths (starting with /) open here.')
  await expect(page).toHaveURL(/\/$/)
  await box.fill('/demo/general-vision/models')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible()
})
