import type { Page } from '@playwright/test'
import { expect, test } from './support/test.ts'

/** The first render after a fresh load boots the whole console: on a busy machine that takes a while. */
const BOOT = { timeout: 30_000 }

// From the stand-in's deterministic world (src/demo/data/world.ts): general-vision has nine
// evaluations, seven of classifiers (one of 10,000 concepts) and two of detectors; document-ocr's
// only evaluation failed.
const APP = '/demo/general-vision'
const BOARD = `${APP}/evaluations`
const CLASSIFIER_COLUMNS = ['Compare', '#', 'Evaluation', 'Model version', 'Type', 'Ground truth', 'Status', 'ROC AUC', 'F1', 'Precision', 'Recall', 'Version created']
const DETECTOR_COLUMNS = ['Compare', '#', 'Evaluation', 'Model version', 'Type', 'Ground truth', 'Status', 'mAP', 'Precision', 'Recall', 'Version created']

function board(page: Page) {
  return page.getByRole('table', { name: 'evaluations' })
}

function header(page: Page, label: string) {
  return board(page).getByRole('columnheader', { name: new RegExp(`^${label}\\b`) })
}

/** The numbers of one column, top to bottom ("—" as NaN). */
async function column(page: Page, label: string, columns = CLASSIFIER_COLUMNS): Promise<number[]> {
  const index = columns.indexOf(label) + 1
  const texts = await board(page).locator(`tbody tr td:nth-child(${index})`).allTextContents()
  return texts.map((t) => Number(t.trim()))
}

function isSorted(values: number[], direction: 'asc' | 'desc'): boolean {
  return values.every((v, i) => i === 0 || (direction === 'desc' ? (values[i - 1] as number) >= v : (values[i - 1] as number) <= v))
}

test('a deep link without a sort is ranked: classifiers by ROC AUC, numbered 1 to n', async ({ page }) => {
  await page.goto(BOARD)
  await expect(page.getByRole('heading', { name: 'Evaluation leaderboard', level: 1 })).toBeVisible(BOOT)
  await expect(board(page).locator('tbody tr')).toHaveCount(7)
  await expect(header(page, 'ROC AUC')).toHaveAttribute('aria-sort', 'descending')
  await expect(header(page, 'F1')).toHaveAttribute('aria-sort', 'none')
  expect(isSorted(await column(page, 'ROC AUC'), 'desc')).toBe(true)
  expect(await column(page, '#')).toEqual([1, 2, 3, 4, 5, 6, 7])
  // Never one rank across kinds: no detector here, and no mAP column.
  await expect(board(page).getByRole('cell', { name: 'Visual Detector' })).toHaveCount(0)
  await expect(header(page, 'mAP')).toHaveCount(0)
  // Every row names what was evaluated and when its version was made (evaluations carry no date).
  const first = board(page).locator('tbody tr').first()
  await expect(first.getByRole('link').first()).toHaveAttribute('href', new RegExp(`^${BOARD}/[0-9a-f]{32}$`))
  await expect(first.locator('td').nth(CLASSIFIER_COLUMNS.indexOf('Version created')).locator('time')).toBeVisible()
})

test('detectors have their own table, ranked by mAP', async ({ page }) => {
  await page.goto(BOARD)
  await page.getByRole('navigation', { name: 'Model kind' }).getByRole('link', { name: 'Detectors' }).click(BOOT)
  await expect(page).toHaveURL(/model_type_id=visual-detector/)
  await expect(board(page).locator('tbody tr')).toHaveCount(2)
  await expect(header(page, 'mAP')).toHaveAttribute('aria-sort', 'descending')
  await expect(header(page, 'ROC AUC')).toHaveCount(0)
  const maps = await column(page, 'mAP', DETECTOR_COLUMNS)
  expect(maps.every((v) => v > 0)).toBe(true)
  expect(isSorted(maps, 'desc')).toBe(true)
  expect(await column(page, '#', DETECTOR_COLUMNS)).toEqual([1, 2])
})

test('one sort control: column headers, kept in the URL, flipped by a second click, surviving a reload', async ({ page }) => {
  await page.goto(BOARD)
  await expect(page.getByRole('navigation', { name: 'Rank by' })).toHaveCount(0)
  await header(page, 'F1').getByRole('link').click(BOOT)
  await expect(page).toHaveURL(/sort=f1/)
  await expect(header(page, 'F1')).toHaveAttribute('aria-sort', 'descending')
  await expect(header(page, 'ROC AUC')).toHaveAttribute('aria-sort', 'none')
  expect(isSorted(await column(page, 'F1'), 'desc')).toBe(true)
  await header(page, 'F1').getByRole('link').click()
  await expect(page).toHaveURL(/order=asc/)
  await expect(header(page, 'F1')).toHaveAttribute('aria-sort', 'ascending')
  await page.reload()
  await expect(header(page, 'F1')).toHaveAttribute('aria-sort', 'ascending', BOOT)
  expect(isSorted(await column(page, 'F1'), 'asc')).toBe(true)
  // The filter form no longer has a sort of its own.
  await page.getByText('Filters and sort').click()
  await expect(page.getByRole('form', { name: 'Filter evaluations' }).getByLabel('Sort by', { exact: true })).toHaveCount(0)
})

test('selecting two rows opens the compare view', async ({ page }) => {
  await page.goto(BOARD)
  const boxes = board(page).getByRole('checkbox')
  await expect(boxes).toHaveCount(7, BOOT)
  await boxes.nth(0).check()
  await expect(page.getByText('Select one more evaluation to compare with.')).toBeVisible()
  await boxes.nth(1).check()
  const rows = board(page).locator('tbody tr')
  const a = (await rows.nth(0).getByRole('link').first().getAttribute('href'))?.split('/').pop()
  const b = (await rows.nth(1).getByRole('link').first().getAttribute('href'))?.split('/').pop()
  await page.getByRole('link', { name: /^Compare [0-9a-f]{8} with [0-9a-f]{8}$/ }).click()
  await expect(page).toHaveURL(new RegExp(`/evaluations/${a}\\?compare=${b}$`))
})

test('a bad sort in a link falls back to the ranking with a note, and filters still apply', async ({ page }) => {
  await page.goto(`${BOARD}?sort=bogus&per_page=0`)
  await expect(page.getByText(/Dropped sort=bogus/)).toBeVisible(BOOT)
  await expect(page.getByText(/Dropped per_page=0/)).toBeVisible()
  await expect(header(page, 'ROC AUC')).toHaveAttribute('aria-sort', 'descending')
  await expect(board(page).locator('tbody tr')).toHaveCount(7)
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
  await expect(board(page).locator('tbody tr td').nth(1)).toHaveText('—')
})

test('an unknown app shows the not-found view', async ({ page }) => {
  await page.goto('/demo/no-such-app/evaluations')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible(BOOT)
})

test('the leaderboard issues its requests in one wave; only the version dates wait for the list', async ({ page }) => {
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
  await expect(board(page).locator('tbody tr').first().locator('time')).toBeVisible()
  const seen = events.slice()
  const firstDone = seen.findIndex((e) => e.kind === 'done')
  const first = seen.slice(0, firstDone).filter((e) => e.kind === 'start').map((e) => e.path)
  expect(first.sort()).toEqual(['/v2/users/demo/apps/general-vision/evaluations', '/v2/users/demo/apps/general-vision/models/types'])
  // The versions are named by the list: they alone come after it.
  for (const late of seen.slice(firstDone).filter((e) => e.kind === 'start')) expect(late.path).toMatch(/^\/v2\/users\/demo\/apps\/general-vision\/models\/[\w-]+\/versions\/[0-9a-f]{32}$/)
})
