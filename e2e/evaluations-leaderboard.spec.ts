import { expect, test, type Page } from '@playwright/test'

/** The first render after a fresh load boots the whole console: on a busy machine that takes a while. */
const BOOT = { timeout: 30_000 }

// From the stand-in's deterministic world (src/demo/data/world.ts): general-vision has nine
// evaluations (two of detectors, one of 10,000 concepts); document-ocr's only evaluation failed.
const APP = '/demo/general-vision'
const BOARD = `${APP}/evaluations`
const COLUMNS = ['#', 'Evaluation', 'Model', 'Type', 'Ground truth', 'Status', 'ROC AUC', 'F1', 'Precision', 'Recall', 'mAP']

function board(page: Page) {
  return page.getByRole('table', { name: 'evaluations' })
}

/** The numbers of one metric column, top to bottom ("—" as NaN). */
async function column(page: Page, header: string): Promise<number[]> {
  const index = COLUMNS.indexOf(header) + 1
  const texts = await board(page).locator(`tbody tr td:nth-child(${index})`).allTextContents()
  return texts.map((t) => Number(t.trim()))
}

function isSorted(values: number[], direction: 'asc' | 'desc'): boolean {
  return values.every((v, i) => i === 0 || (direction === 'desc' ? (values[i - 1] as number) >= v : (values[i - 1] as number) <= v))
}

test('the leaderboard lists the app evaluations with models, datasets and metrics', async ({ page }) => {
  await page.goto(BOARD)
  await expect(page.getByRole('heading', { name: 'Evaluation leaderboard', level: 1 })).toBeVisible(BOOT)
  await expect(board(page).locator('tbody tr')).toHaveCount(9)
  const headers = (await board(page).locator('thead th').allTextContents()).map((t) => t.trim())
  expect(headers).toEqual(COLUMNS)
  const first = board(page).locator('tbody tr').first()
  await expect(first.locator('td').nth(1).getByRole('link')).toHaveAttribute('href', new RegExp(`^${BOARD}/[0-9a-f]{32}$`))
  await expect(first.locator('td').nth(2).getByRole('link').first()).toHaveAttribute('href', new RegExp(`^${APP}/models/[\\w-]+$`))
  await expect(first.locator('td').nth(2).getByRole('link').nth(1)).toHaveAttribute('href', new RegExp(`^${APP}/models/[\\w-]+/versions/[0-9a-f]{32}$`))
  await expect(first.locator('td').nth(4).getByRole('link')).toHaveAttribute('href', new RegExp(`^${APP}/datasets/[\\w-]+/versions/[0-9a-f]{32}$`))
  await expect(first).toContainText('Model evaluated')
  for (const value of await column(page, 'ROC AUC')) expect(value).toBeGreaterThan(0)
})

test('rank by a metric, filter by model type, open an evaluation and come back with both kept', async ({ page }) => {
  await page.goto(BOARD)
  await page.getByRole('navigation', { name: 'Rank by' }).getByRole('link', { name: 'ROC AUC' }).click()
  await expect(page).toHaveURL(/sort=roc_auc/, BOOT)
  await expect(board(page).locator('thead th').nth(COLUMNS.indexOf('ROC AUC'))).toHaveText('ROC AUC ↓')
  expect(isSorted(await column(page, 'ROC AUC'), 'desc')).toBe(true)

  await page.getByLabel('Model type').selectOption({ label: 'Visual Detector' })
  await expect(page).toHaveURL(/model_type_id=visual-detector/)
  await expect(page).toHaveURL(/sort=roc_auc/)
  await expect(board(page).locator('tbody tr')).toHaveCount(2)
  for (const map of await column(page, 'mAP')) expect(map).toBeGreaterThan(0)

  const link = board(page).locator('tbody tr').first().locator('td').nth(1).getByRole('link')
  const href = (await link.getAttribute('href')) as string
  await link.click()
  await expect(page).toHaveURL(new RegExp(`${href}$`))
  await page.goBack({ waitUntil: 'commit' })
  await expect(page).toHaveURL(/model_type_id=visual-detector/)
  await expect(page).toHaveURL(/sort=roc_auc/)
  await expect(page.getByLabel('Model type')).toHaveValue('visual-detector')
  await expect(page.getByRole('navigation', { name: 'Rank by' }).getByRole('link', { name: 'ROC AUC' })).toHaveAttribute('aria-current', 'page')
  await expect(board(page).locator('tbody tr')).toHaveCount(2)
})

for (const [label, sort] of [
  ['F1', 'f1'],
  ['Precision', 'precision'],
  ['Recall', 'recall'],
] as const) {
  test(`a deep link sorted by ${label} ranks by it`, async ({ page }) => {
    await page.goto(`${BOARD}?sort=${sort}`)
    await expect(board(page).locator('thead th').nth(COLUMNS.indexOf(label))).toHaveText(`${label} ↓`, BOOT)
    expect(isSorted(await column(page, label), 'desc')).toBe(true)
    await expect(page.getByRole('navigation', { name: 'Rank by' }).getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page')
  })
}

test('a sorted deep link survives a reload', async ({ page }) => {
  await page.goto(`${BOARD}?sort=f1&order=asc`)
  await expect(board(page).locator('thead th').nth(COLUMNS.indexOf('F1'))).toHaveText('F1 ↑', BOOT)
  await page.reload()
  await expect(board(page).locator('thead th').nth(COLUMNS.indexOf('F1'))).toHaveText('F1 ↑', BOOT)
  expect(isSorted(await column(page, 'F1'), 'asc')).toBe(true)
})

test('ranking by mAP puts the detection evaluations first', async ({ page }) => {
  await page.goto(`${BOARD}?sort=mean_avg_precision`)
  await expect(board(page).locator('thead th').nth(COLUMNS.indexOf('mAP'))).toHaveText('mAP ↓', BOOT)
  const maps = await column(page, 'mAP')
  expect(maps.slice(0, 2).every((v) => v > 0)).toBe(true)
  expect(isSorted(maps.slice(0, 2), 'desc')).toBe(true)
  expect(maps.slice(2).every((v) => Number.isNaN(v))).toBe(true)
})

test('the form sorts and filters through the URL, and bad link values get a note', async ({ page }) => {
  await page.goto(`${BOARD}?sort=bogus&per_page=0`)
  await expect(page.getByText(/Dropped sort=bogus/)).toBeVisible(BOOT)
  await expect(page.getByText(/Dropped per_page=0/)).toBeVisible()
  await expect(board(page).locator('tbody tr')).toHaveCount(9)

  const form = page.getByRole('form', { name: 'Filter evaluations' })
  await form.getByLabel('Sort by', { exact: true }).selectOption({ label: 'Recall' })
  await form.getByLabel('Direction', { exact: true }).selectOption('asc')
  await form.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/sort=recall/)
  await expect(page).toHaveURL(/order=asc/)
  await expect(board(page).locator('thead th').nth(COLUMNS.indexOf('Recall'))).toHaveText('Recall ↑')
  expect(isSorted(await column(page, 'Recall'), 'asc')).toBe(true)

  await page.goto(`${BOARD}?eval_dataset_ids=no-such-dataset`)
  await expect(page.getByText('No results for these filters.')).toBeVisible(BOOT)
})

test('failed evaluations are hidden until asked for; an app without any says nothing is there yet', async ({ page }) => {
  await page.goto('/demo/document-ocr/evaluations')
  await expect(page.getByText('Nothing here yet: there are no evaluations.')).toBeVisible(BOOT)
  await page.getByText('Filters and sort').click()
  await page.getByRole('form', { name: 'Filter evaluations' }).getByLabel('Show failed metrics').check()
  await page.getByRole('form', { name: 'Filter evaluations' }).getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/show_failed_metrics=true/)
  await expect(board(page).locator('tbody tr')).toHaveCount(1)
  await expect(board(page)).toContainText('Model evaluation failed')
})

test('an unknown app shows the not-found view', async ({ page }) => {
  await page.goto('/demo/no-such-app/evaluations')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible(BOOT)
})

test('the leaderboard issues its requests in one wave', async ({ page }) => {
  const events: Array<{ kind: 'start' | 'done'; path: string }> = []
  const apiPath = (url: string) => new URL(url).pathname
  page.on('request', (r) => {
    if (apiPath(r.url()).startsWith('/v2/')) events.push({ kind: 'start', path: apiPath(r.url()) })
  })
  page.on('requestfinished', (r) => {
    if (apiPath(r.url()).startsWith('/v2/')) events.push({ kind: 'done', path: apiPath(r.url()) })
  })
  await page.goto(`${BOARD}?sort=roc_auc&model_type_id=visual-classifier`)
  await expect(board(page)).toBeVisible(BOOT)
  const seen = events.slice()
  const starts = seen.filter((e) => e.kind === 'start').map((e) => e.path)
  expect(starts.sort()).toEqual(['/v2/users/demo/apps/general-vision/evaluations', '/v2/users/demo/apps/general-vision/models/types'])
  const firstDone = seen.findIndex((e) => e.kind === 'done')
  expect(seen.slice(firstDone).filter((e) => e.kind === 'start')).toEqual([])
})
