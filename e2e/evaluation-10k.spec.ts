import { readFile } from 'node:fs/promises'
import type { APIRequestContext, Page } from '@playwright/test'
import { demoApi, expect, test } from './support/test.ts'
import type { EvalBody } from './support/evaluation.ts'

// Clarifai's general model scale, from the stand-in's deterministic world (last in the plan).
const TEN_THOUSAND = { app: 'general-vision', id: '7ccaddba29d67c856de640c61bc1d699' }
const TWO = { app: 'general-vision', id: '8d57d5306841ce8aa234341b7c16cc05' }
const ALL_FIELDS = ['confusion_matrix', 'cooccurrence_matrix', 'label_counts', 'binary_metrics', 'test_set', 'metrics_by_area', 'metrics_by_class'].map((f) => `fields.${f}=true`).join('&')
// A step of the 10,000-concept viewer waits on a busy machine's CPU: the URL may follow slowly.
const SLOW_URL = { timeout: 30_000 }
const viewerPath = (search = '') => `./demo/${TEN_THOUSAND.app}/evaluations/${TEN_THOUSAND.id}${search}`


async function fetchEvaluation(request: APIRequestContext): Promise<EvalBody> {
  const response = await demoApi(request).get(`/v2/users/demo/apps/${TEN_THOUSAND.app}/evaluations/${TEN_THOUSAND.id}?${ALL_FIELDS}`, { timeout: 120_000 })
  expect(response.ok()).toBe(true)
  return (await response.json()) as EvalBody
}

/**
 * Every non-zero cell at a threshold, counted here from the raw test set, independently of the
 * console: (actual, predicted) for each positive ground-truth concept and each score at or above
 * the threshold; (actual, "(none)") when nothing reaches it.
 */
function cellsAt(body: EvalBody, threshold: number): Map<string, number> {
  const cells = new Map<string, number>()
  for (const entry of body.eval_metrics.test_set ?? []) {
    const actual = new Set((entry.ground_truth_concepts ?? []).filter((c) => (c.value ?? 1) > 0).map((c) => c.id!))
    const best = new Map<string, number>()
    for (const c of entry.predicted_concepts ?? []) best.set(c.id!, Math.max(best.get(c.id!) ?? -Infinity, c.value ?? 1))
    const predicted = [...best].filter(([, s]) => s >= threshold).map(([id]) => id)
    for (const a of actual) {
      for (const p of predicted.length > 0 ? predicted : ['(none)']) cells.set(`${a}\u0000${p}`, (cells.get(`${a}\u0000${p}`) ?? 0) + 1)
    }
  }
  return cells
}

async function expectViewerReady(page: Page) {
  await expect(page.getByRole('heading', { name: 'Confusion matrix' })).toBeVisible({ timeout: 120_000 })
  await expect(page.getByTestId('heatmap-canvas').first()).toBeVisible()
}

test('the 10,000-concept evaluation opens, scrubs, selects, exports and compares with counts equal to the test set', async ({ page, request }) => {
  test.setTimeout(300_000)
  const body = await fetchEvaluation(request)
  const ids = body.eval_metrics.confusion_matrix!.concept_ids!
  expect(ids).toHaveLength(10000)
  expect(body.eval_metrics.test_set!.length).toBe(20000)
  // The most confused pair at 0.3, from the raw test set.
  const at30 = cellsAt(body, 0.3)
  const [pairKey, expected] = [...at30].filter(([k]) => !k.endsWith('\u0000(none)') && k.split('\u0000')[0] !== k.split('\u0000')[1]).sort((x, y) => y[1] - x[1])[0]!
  const [actual, predicted] = pairKey.split('\u0000') as [string, string]
  expect(expected).toBeGreaterThan(1)

  await page.goto(viewerPath(`?threshold=0.3&cell=${actual}~${predicted}`))
  await expectViewerReady(page)
  const matrix = page.getByTestId('panel-matrix')
  await expect(matrix.getByText('10000 × 10001')).toBeVisible()
  await expect(matrix.getByTestId('heatmap-pooled')).toBeVisible()
  await expect(page.getByText('10,000 of 10,000 concepts')).toBeVisible()
  await expect(page.getByTestId('api-check')).toContainText('all 10,000 concepts')
  const selection = page.getByTestId('selection-details')
  await expect(selection.getByTestId('selection-count')).toHaveText(String(expected))
  await expect(selection.getByTestId('selection-input')).toHaveCount(Math.min(expected, 24))
  // Most confused pairs: the largest off-diagonal cell first, and each opens its inputs.
  const firstPair = page.getByTestId('confused-pairs').getByRole('row').first()
  await expect(firstPair.getByRole('cell').nth(2)).toHaveText(expected.toLocaleString('en'))
  await firstPair.getByRole('button', { name: 'Show inputs' }).click()
  await expect(selection.getByTestId('selection-count')).toHaveText(expected.toLocaleString('en'))
  // The per-concept table keeps a window of rows in the DOM, in a box of its own, worst first; the
  // keyboard reaches its 10,000th row.
  const conceptTable = page.getByRole('table', { name: 'Per-concept metrics at threshold 0.30' })
  expect(await conceptTable.getByRole('row').count()).toBeLessThan(150)
  await expect(conceptTable.getByRole('columnheader', { name: /^F1/ })).toHaveAttribute('aria-sort', 'ascending')
  const conceptRegion = page.getByRole('region', { name: 'Per-concept metrics at threshold 0.30' })
  await conceptRegion.focus()
  await page.keyboard.press('End')
  await expect(conceptTable.locator('tr[aria-rowindex="10001"]')).toBeInViewport()
  expect(await conceptTable.getByRole('row').count()).toBeLessThan(150)
  await page.keyboard.press('Home')

  // Scrub: the slider moves the counts live; the selection follows the threshold.
  const slider = page.getByTestId('threshold-slider')
  await slider.focus()
  for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/threshold=0\.35/, SLOW_URL)
  await expect(page.getByRole('table', { name: 'Per-concept metrics at threshold 0.35' })).toBeVisible()
  const at35 = cellsAt(body, 0.35)
  await expect(selection.getByTestId('selection-count')).toHaveText(String(at35.get(pairKey) ?? 0))

  // Exports: no dense grid of 100M cells; the non-zero cells equal the test set's.
  await expect(matrix.getByRole('button', { name: 'Matrix CSV' })).toBeDisabled()
  await expect(matrix.getByTestId('export-note')).toContainText('Non-zero cells CSV')
  const download = page.waitForEvent('download')
  await matrix.getByRole('button', { name: 'Non-zero cells CSV' }).click()
  const csv = (await readFile((await (await download).path())!, 'utf8')).trim().split(/\r?\n/)
  expect(csv[0]).toBe('actual_id,predicted_id,value')
  expect(csv.length - 1).toBe(at35.size)
  const line = csv.find((l) => l.startsWith(`${actual},${predicted},`))
  expect(line).toBe(`${actual},${predicted},${at35.get(pairKey)}`)

  // Concept search: a known concept zooms the matrix to it, an unknown one says nothing matches.
  await page.getByLabel('Find a concept').fill(ids[5000]!)
  await page.getByRole('button', { name: 'Focus' }).click()
  await expect(matrix.getByText(/showing rows \d+–\d+, columns \d+–\d+/)).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`focus=${ids[5000]}`), SLOW_URL)
  await page.getByLabel('Find a concept').fill('no-such-concept-anywhere')
  await page.getByRole('button', { name: 'Focus' }).click()
  await expect(page.getByText('No concept matches “no-such-concept-anywhere”.')).toBeVisible()

  // Top-N keeps "(other)" apart, and then a dense export of the top-N grid is offered.
  const topN = matrix.getByLabel('Top N (rest as “(other)”)')
  await topN.fill('20')
  await topN.press('Enter')
  await expect(page).toHaveURL(/top=20/, SLOW_URL)
  await expect(matrix.getByText('21 × 22')).toBeVisible()
  await expect(matrix.getByTestId('heatmap-special-scale')).toContainText('(other)')
  await expect(matrix.getByRole('button', { name: 'Matrix CSV' })).toBeEnabled()

  // Compare with another evaluation of the app: A minus B on the concepts both have (all of them again).
  await topN.fill('')
  await topN.press('Enter')
  await expect(page).not.toHaveURL(/top=/, SLOW_URL)
  await page.getByLabel('Compare with (B)').selectOption(TWO.id)
  await expect(page).toHaveURL(new RegExp(`compare=${TWO.id}`), SLOW_URL)
  await expect(page.getByTestId('panel-compare').getByRole('application', { name: /Confusion matrix, A minus B/ })).toBeVisible({ timeout: 60_000 })
})

test('an evaluation file naming 100,000 concepts gets a panel naming the limit', async ({ page }) => {
  await page.goto('./evaluation-file')
  const ids = Array.from({ length: 100_000 }, (_, k) => `concept-${k}`)
  await page.locator('input[type=file]').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ confusion_matrix: { concept_ids: ids } })) })
  await expect(page.getByTestId('concept-limit')).toHaveText('This evaluation names 100,000 concepts; the viewer handles at most 50,000.')
  await expect(page.getByRole('heading', { name: 'Confusion matrix' })).toHaveCount(0)
})
