import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test, demoApi } from './support/test.ts'
import { apiWave } from './support/api-waves.ts'
import type { EvalBody } from './support/evaluation.ts'

// Ids from the stand-in's deterministic world (src/demo/data/world.ts, the evaluation plan).
const TWO = { app: 'general-vision', id: '8d57d5306841ce8aa234341b7c16cc05' } // 2 concepts
const TWO_AGAIN = { app: 'general-vision', id: 'cb7e915ebaae8716b7540bcbb96e0b30' } // the same model, evaluated again
const THOUSAND = { app: 'product-catalog', id: '775f0c939a6bd4874ebe28862847e0ad' } // 1,000 concepts
const DETECTION = { app: 'manufacturing-defects', id: 'd91d36e9e8d8980cd693508f9746496e' }
const RUNNING = { app: 'community-sandbox', id: '21ee268e6957ebf7f77617941f996f6c' }
const FAILED = { app: 'document-ocr', id: '71e2616092456666c803020359f892e8' }

const ALL_FIELDS = ['confusion_matrix', 'cooccurrence_matrix', 'label_counts', 'binary_metrics', 'test_set', 'metrics_by_area', 'metrics_by_class'].map((f) => `fields.${f}=true`).join('&')

const viewerPath = (e: { app: string; id: string }, search = '') => `./demo/${e.app}/evaluations/${e.id}${search}`


async function fetchEvaluation(request: APIRequestContext, e: { app: string; id: string }): Promise<EvalBody> {
  const response = await demoApi(request).get(`/v2/users/demo/apps/${e.app}/evaluations/${e.id}?${ALL_FIELDS}`)
  expect(response.ok()).toBe(true)
  return (await response.json()) as EvalBody
}

/**
 * Counted here from the raw test set, independently of the console: inputs whose ground truth
 * holds `actual` (a concept value absent or above 0) and whose score for `predicted` is at or
 * above the threshold (an absent score reads as 1, the proto default).
 */
function countCell(body: EvalBody, actual: string, predicted: string, threshold: number): number {
  let n = 0
  for (const entry of body.eval_metrics.test_set ?? []) {
    const isActual = (entry.ground_truth_concepts ?? []).some((c) => c.id === actual && (c.value ?? 1) > 0)
    if (!isActual) continue
    const scores = (entry.predicted_concepts ?? []).filter((c) => c.id === predicted).map((c) => c.value ?? 1)
    if (scores.length > 0 && Math.max(...scores) >= threshold) n++
  }
  return n
}

async function expectViewerReady(page: Page) {
  await expect(page.getByRole('heading', { name: 'Confusion matrix' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('heatmap-canvas').first()).toBeVisible()
}

test('the 2-concept evaluation renders every panel, its links and the check against the API', async ({ page }) => {
  await page.goto(viewerPath(TWO))
  await expectViewerReady(page)
  await expect(page.getByRole('heading', { name: /^Evaluation 8d57d530/ })).toBeVisible()
  const cards = page.getByTestId('summary-cards')
  for (const label of ['Macro ROC AUC', 'Macro F1', 'Macro precision', 'Macro recall']) await expect(cards.getByText(label)).toBeVisible()
  const links = page.getByTestId('evaluation-links')
  await expect(links.getByRole('link', { name: /^objects-classifier@/ })).toHaveAttribute('href', /\/demo\/general-vision\/models\/objects-classifier\/versions\/[0-9a-f]{32}$/)
  await expect(links.getByRole('link').nth(1)).toHaveAttribute('href', /\/demo\/general-vision\/datasets\/[^/]+\/versions\/[0-9a-f]{32}$/)
  await expect(links.getByRole('link').nth(2)).toHaveAttribute('href', /\/datasets\/[^/]+\/versions\/[0-9a-f]{32}$/)
  for (const heading of ['Per-concept metrics', 'ROC and precision-recall curves', 'Label distribution', 'Co-occurrence', 'Compare with another evaluation']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()
  }
  await expect(page.getByTestId('api-check')).toContainText('Matches API')
  await expect(page.getByText('2 × 3')).toBeVisible()
  await expect(page.getByRole('img', { name: /^ROC curve: 2 curves/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Precision-recall curve: 2 curves/ })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Open a file…' })).toBeVisible()
})

test('a deep link with threshold, mode and cell reproduces the view, with counts equal to the test set', async ({ page, request }) => {
  const body = await fetchEvaluation(request, TWO)
  const [a, b] = body.eval_metrics.confusion_matrix!.concept_ids!
  const threshold = 0.3
  const expected = countCell(body, a!, b!, threshold)
  expect(expected).toBeGreaterThan(0)
  const url = viewerPath(TWO, `?threshold=${threshold}&mode=counts&cell=${a}~${b}`)
  for (const pass of ['first visit', 'reload']) {
    if (pass === 'first visit') await page.goto(url)
    else await page.reload()
    await expectViewerReady(page)
    await expect(page.getByRole('spinbutton', { name: 'Threshold value' })).toHaveValue('0.3')
    await expect(page.getByRole('combobox', { name: 'Values', exact: true })).toHaveValue('counts')
    const selection = page.getByTestId('selection-details')
    await expect(selection).toBeVisible()
    await expect(selection.getByTestId('selection-count')).toHaveText(String(expected))
    await expect(selection.getByTestId('selection-input')).toHaveCount(Math.min(expected, 24))
    await expect(selection.getByRole('img').first()).toHaveAttribute('src', /^data:image\//)
  }
  // The matrix cell itself, in the heatmap's exact table.
  await page.getByTestId('panel-matrix').getByRole('button', { name: 'View as table' }).click()
  await expect(page.getByTestId('panel-matrix').locator('td[data-row="0"][data-col="1"]')).toHaveText(String(expected))
  // Every diagonal and off-diagonal count, against the test set.
  for (const [i, actual] of [a!, b!].entries()) {
    for (const [j, predicted] of [a!, b!].entries()) {
      await expect(page.getByTestId('panel-matrix').locator(`td[data-row="${i}"][data-col="${j}"]`)).toHaveText(String(countCell(body, actual, predicted, threshold)))
    }
  }
})

test('the threshold moves live, is written to the URL on release and never refetches', async ({ page }) => {
  const evaluationRequests: string[] = []
  page.on('request', (r) => {
    if (r.url().includes(`/evaluations/${TWO.id}`)) evaluationRequests.push(r.url())
  })
  await page.goto(viewerPath(TWO, '?mode=counts'))
  await expectViewerReady(page)
  const before = evaluationRequests.length
  const slider = page.getByTestId('threshold-slider')
  await slider.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(/threshold=0\.52/)
  await expect(page.getByRole('spinbutton', { name: 'Threshold value' })).toHaveValue('0.52')
  await expect(page.getByRole('table', { name: 'Per-concept metrics at threshold 0.52' })).toBeVisible()
  await page.getByRole('spinbutton', { name: 'Threshold value' }).fill('0.9')
  await page.getByRole('spinbutton', { name: 'Threshold value' }).press('Enter')
  await expect(page).toHaveURL(/threshold=0\.9(&|$)/)
  expect(evaluationRequests.length).toBe(before)
})

test('bad values in the address fall back with a visible note', async ({ page }) => {
  await page.goto(viewerPath(TWO, '?threshold=abc&mode=sideways&top=0&cell=nope'))
  await expectViewerReady(page)
  const notes = page.getByTestId('url-notes')
  await expect(notes).toContainText('threshold=abc was not a number between 0 and 1; using 0.5')
  await expect(notes).toContainText('mode=sideways was not one of probability, counts, row, column, all; using the default')
  await expect(notes).toContainText('top=0 was not a whole number of at least 1; showing every concept')
  await expect(notes).toContainText('cell=nope was not of the form actual~predicted; no cell selected')
  await expect(page.getByRole('spinbutton', { name: 'Threshold value' })).toHaveValue('0.5')
  await expect(page.getByTestId('selection-details')).toHaveCount(0)
})

test('the heatmap works from the keyboard: arrows announce cells, Enter selects', async ({ page }) => {
  await page.goto(viewerPath(TWO, '?mode=counts'))
  await expectViewerReady(page)
  const canvas = page.getByTestId('heatmap-canvas').first()
  await canvas.focus()
  const live = page.getByTestId('heatmap-live').first()
  await expect(live).toContainText('Row 1 of 2, column 1 of 3')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowDown')
  await expect(live).toContainText('Row 2 of 2, column 2 of 3')
  await expect(live).toContainText(/Count: \d+, Row %: [\d.]+%, Column %: [\d.]+%/)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('selection-details')).toBeVisible()
  await expect(page).toHaveURL(/cell=[^&]+(~|%7E)[^&]+/)
  // Hovering shows the same facts in a tooltip.
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + 5, box.y + 5)
  await expect(page.getByTestId('heatmap-tooltip').first()).toContainText(/Actual: .+Predicted: .+Value: \d+.*Count: \d+/)
})

test('the 1,000-concept evaluation renders every panel and its counts match the test set', async ({ page, request }) => {
  test.setTimeout(180_000)
  const body = await fetchEvaluation(request, THOUSAND)
  const ids = body.eval_metrics.confusion_matrix!.concept_ids!
  expect(ids).toHaveLength(1000)
  const actual = ids[3]!
  const threshold = 0.2
  const expected = countCell(body, actual, actual, threshold)
  await page.goto(viewerPath(THOUSAND, `?threshold=${threshold}&cell=${actual}~${actual}`))
  await expectViewerReady(page)
  await expect(page.getByText('1000 × 1001')).toBeVisible()
  await expect(page.getByText('1,000 of 1,000 concepts')).toBeVisible()
  await expect(page.getByTestId('api-check')).toContainText('all 1,000 concepts')
  await expect(page.getByTestId('selection-count')).toHaveText(String(expected))
  for (const heading of ['ROC and precision-recall curves', 'Label distribution', 'Co-occurrence']) await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()
  // A big table keeps only a window of rows in the DOM.
  const rows = await page.getByRole('table', { name: /^Per-concept metrics/ }).getByRole('row').count()
  expect(rows).toBeLessThan(150)
  // Focus a concept: the matrix zooms to it.
  await page.getByLabel('Find a concept').fill(ids[500]!)
  await page.getByRole('button', { name: 'Focus' }).click()
  await expect(page.getByTestId('panel-matrix').getByText(/showing rows \d+–\d+, columns \d+–\d+/)).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`focus=${ids[500]}`))
})

test('the per-concept table of 1,000 concepts: worst first, sorted by its headers, scrolled in its own box by keyboard', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto(viewerPath(THOUSAND, '?threshold=0.4'))
  await expectViewerReady(page)
  const table = page.getByRole('table', { name: 'Per-concept metrics at threshold 0.40' })
  const region = page.getByRole('region', { name: 'Per-concept metrics at threshold 0.40' })
  await expect(page.getByTestId('concept-order')).toContainText('Worst first: lowest F1 at the threshold among concepts with support, ties by name')
  await expect(table.getByRole('columnheader', { name: /^F1/ })).toHaveAttribute('aria-sort', 'ascending')
  // Worst first: the first rows have support and F1 never falls going down.
  const figures = async () =>
    table.locator('tbody tr[aria-rowindex]').evaluateAll((rows) =>
      rows.slice(0, 8).map((r) => {
        const cells = [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')
        return { support: Number(cells[3]), tp: Number(cells[4]), f1: Number(cells[9]) }
      }),
    )
  const worst = await figures()
  expect(worst.length).toBe(8)
  for (const [k, r] of worst.entries()) {
    expect(r.support).toBeGreaterThan(0)
    if (k > 0) expect(r.f1).toBeGreaterThanOrEqual(worst[k - 1]!.f1)
  }
  // The table is a box of its own: the curves begin right after it, not 1,000 rows down.
  const box = (await region.boundingBox())!
  expect(box.height).toBeLessThan(700)
  const curves = (await page.getByRole('heading', { name: 'ROC and precision-recall curves' }).boundingBox())!
  expect(curves.y - (box.y + box.height)).toBeLessThan(200)
  // Keyboard: the region takes focus, End reaches the last of the 1,000 rows, the header stays in view.
  await region.focus()
  await page.keyboard.press('End')
  await expect(table.locator('tr[aria-rowindex="1001"]')).toBeInViewport()
  await expect(table.getByRole('columnheader', { name: /^F1/ })).toBeInViewport()
  await page.keyboard.press('Home')
  await expect(table.locator('tr[aria-rowindex="2"]')).toBeInViewport()
  // A header is a button: TP, highest first, in the URL; pressed again, lowest first.
  const tp = table.getByRole('columnheader', { name: /^TP/ })
  await tp.getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/sort=-tp/)
  await expect(tp).toHaveAttribute('aria-sort', 'descending')
  const byTp = await figures()
  for (let k = 1; k < byTp.length; k++) expect(byTp[k]!.tp).toBeLessThanOrEqual(byTp[k - 1]!.tp)
  await tp.getByRole('button').click()
  await expect(page).toHaveURL(/sort=tp(&|$)/)
  await expect(tp).toHaveAttribute('aria-sort', 'ascending')
  // The matrix order stays one press away, and so does the default.
  await page.getByRole('button', { name: 'Matrix order' }).click()
  await expect(page).toHaveURL(/sort=matrix/)
  await expect(page.getByTestId('concept-order')).toContainText('Matrix order')
  await page.getByRole('button', { name: 'Worst first' }).click()
  await expect(page).not.toHaveURL(/sort=/)
})

test('comparing two evaluations shows A minus B, per-concept deltas and overlaid curves, loaded in one wave', async ({ page }) => {
  // Evaluation A, evaluation B and the picker's list: every one starts before any answer arrives.
  const wave = await apiWave(page, viewerPath(TWO, `?compare=${TWO_AGAIN.id}`), () => expectViewerReady(page))
  const base = `/v2/users/demo/apps/${TWO.app}/evaluations`
  expect(wave.started).toEqual(expect.arrayContaining([base, `${base}/${TWO.id}`, `${base}/${TWO_AGAIN.id}`]))
  expect(wave.late).toEqual([])
  const panel = page.getByTestId('panel-compare')
  await expect(panel.getByRole('application', { name: /Confusion matrix, A minus B/ })).toBeVisible()
  await expect(panel.getByRole('table', { name: 'Per-concept deltas, A minus B' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'ROC curve legend' })).toContainText('(B)')
  await expect(page.getByTestId('summary-cards')).toContainText('B 0.')
  // The picker lists the app's other evaluations; None stops comparing.
  const picker = page.getByLabel('Compare with (B)')
  await expect(picker.locator('option', { hasText: TWO_AGAIN.id.slice(0, 8) })).toHaveCount(1)
  await picker.selectOption('')
  await expect(page).not.toHaveURL(/compare=/)
  await expect(panel.getByRole('application')).toHaveCount(0)
  await picker.selectOption(TWO_AGAIN.id)
  await expect(page).toHaveURL(new RegExp(`compare=${TWO_AGAIN.id}`))
  await expect(panel.getByRole('application', { name: /A minus B/ })).toBeVisible()
})

test('an evaluation file opens without the API, and bad files get a panel naming the problem', async ({ page, request }) => {
  const body = await fetchEvaluation(request, TWO)
  const [a, b] = body.eval_metrics.confusion_matrix!.concept_ids!
  await page.goto(viewerPath(TWO))
  await expectViewerReady(page)
  await page.getByRole('link', { name: 'Open a file…' }).click()
  await expect(page.getByRole('heading', { name: 'Evaluation from a file' })).toBeVisible()
  // From here on the API is out of reach: the file alone feeds the viewer.
  await page.route('**/v2/**', (route) => route.abort())
  const input = page.locator('input[type=file]')

  await input.setInputFiles({ name: 'evaluation.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) })
  await expectViewerReady(page)
  await expect(page.getByTestId('api-check')).toContainText('Matches API')
  await expect(page.getByRole('heading', { name: 'Per-concept metrics' })).toBeVisible()
  await page.getByTestId('panel-matrix').getByRole('button', { name: 'View as table' }).click()
  await expect(page.getByTestId('panel-matrix').locator('td[data-row="1"][data-col="0"]')).toHaveText(String(countCell(body, b!, a!, 0.5)))

  // A bare EvalMetrics with a malformed confusion matrix: that panel names the problem, the rest works.
  const broken = { ...body.eval_metrics, confusion_matrix: { ...body.eval_metrics.confusion_matrix, matrix: [{ actual: a, predicted: b, value: 'high' }] } }
  await page.getByText('Open another file').click()
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) })
  await expect(page.getByRole('alert').filter({ hasText: 'The confusion matrix is malformed' })).toContainText("confusion_matrix.matrix[0].value is the text 'high', not a number")
  await expect(page.getByTestId('api-check')).toContainText('Matches API')

  await input.setInputFiles({ name: 'truncated.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body).slice(0, 500)) })
  await expect(page.getByTestId('file-error')).toContainText('The file is not valid JSON')
  await expect(page.getByRole('heading', { name: 'Confusion matrix' })).toHaveCount(0)

  await input.setInputFiles({ name: 'matrix.json', mimeType: 'application/json', buffer: Buffer.from('{"n_cols": "2", "data": ["1", "-2", "3", "4"]}') })
  await expect(page.getByTestId('file-error')).toContainText("value at index 1 ('-2') is not a non-negative integer")

  await input.setInputFiles({ name: 'exact.json', mimeType: 'application/json', buffer: Buffer.from('{"n_cols": "2", "data": ["18446744073709551615", "0", "3", "4"]}') })
  await expect(page.getByText('A MatrixUint64 of 2 × 2 cells')).toBeVisible()
  await page.getByRole('button', { name: 'View as table' }).click()
  await expect(page.locator('td[data-row="0"][data-col="0"]')).toHaveText('18446744073709551615')
})

test('a detection evaluation shows mAP and metrics by class and by area', async ({ page }) => {
  await page.goto(viewerPath(DETECTION))
  await expectViewerReady(page)
  await expect(page.getByTestId('summary-cards')).toContainText('mAP @ IoU 0.5')
  const panel = page.getByTestId('panel-detection')
  await expect(panel.getByRole('table', { name: 'Detection metrics by class' }).getByRole('row')).toHaveCount(3)
  await expect(panel.getByRole('table', { name: 'Average precision by class and object size' })).toContainText('AP small')
})

test('running and failed evaluations show their status instead of empty panels', async ({ page }) => {
  await page.goto(viewerPath(RUNNING))
  await expect(page.getByRole('heading', { name: 'This evaluation is still running' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Confusion matrix' })).toHaveCount(0)
  await page.goto(viewerPath(FAILED))
  await expect(page.getByRole('heading', { name: 'This evaluation failed' })).toBeVisible()
  await expect(page.getByTestId('evaluation-status')).toContainText('Not enough inputs per concept')
  await expect(page.getByRole('heading', { name: 'Confusion matrix' })).toHaveCount(0)
})

test('an unknown evaluation gets the not-found view', async ({ page }) => {
  await page.goto(viewerPath({ app: TWO.app, id: 'no-such-evaluation' }))
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
})

test('the sticky threshold bar never covers a matrix control scrolled to the top of the view', async ({ page }) => {
  await page.goto(viewerPath(TWO))
  await expectViewerReady(page)
  // From the bottom of the page, a jump (concept search, an anchor) brings the matrix controls to the top.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  const control = page.getByLabel('Values', { exact: true })
  await control.evaluate((element) => element.scrollIntoView({ block: 'start' }))
  await expect(control).toBeInViewport()
  const bar = await page.getByTestId('threshold-bar').boundingBox()
  const box = await control.boundingBox()
  expect(bar).not.toBeNull()
  expect(box).not.toBeNull()
  expect(box!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height)
})
