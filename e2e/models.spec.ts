import { readFile } from 'node:fs/promises'
import { apiWave } from './support/api-waves.ts'
import type { Page } from '@playwright/test'
import { expect, test, demoApi } from './support/test.ts'

/** The first render after a fresh load boots the whole console: on a busy machine that takes a while. */
const BOOT = { timeout: 30_000 }

// Ids from the stand-in's deterministic world (src/demo/data/world.ts): app general-vision has
// 20 models; scenes-classifier has two trained versions, each with one evaluation.
const APP = '/demo/general-vision'
const MODELS = `${APP}/models`
const SCENES = `${MODELS}/scenes-classifier`
const SCENES_V1 = '6902817918ca4696d45963b7b9c81e26'
const SCENES_V1_EVAL = '38b74645846988131e2c7aaef9065438'
const FAILED = { model: 'baseline-classifier', version: 'a45aa70df53aa9eedc3780a1fe8012b1' }
const DETECTORS = ['baseline-detector', 'everyday-detector', 'general-detector', 'outdoor-detector', 'outdoor-experimental-detector']

function modelsTable(page: Page) {
  return page.getByRole('table', { name: 'models' })
}

/** The first cell of every row: the model ids as shown. */
async function modelIds(page: Page): Promise<string[]> {
  const links = modelsTable(page).locator('tbody tr td:first-child a')
  return (await links.allTextContents()).map((t) => t.trim())
}

test('the models list shows the app models with type names, latest version status and links', async ({ page }) => {
  await page.goto(MODELS)
  await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible(BOOT)
  await expect(modelsTable(page).locator('tbody tr')).toHaveCount(20)
  const scenes = modelsTable(page).getByRole('row').filter({ has: page.getByRole('link', { name: 'scenes-classifier', exact: true }) })
  await expect(scenes).toContainText('Visual Classifier')
  await expect(scenes).toContainText('Model trained')
  await expect(scenes).toContainText('Organization')
  await expect(scenes.locator('time').first()).toHaveAttribute('title', /UTC/)
  await expect(page.getByLabel('Model type')).toHaveValue('')
  await expect(page.getByLabel('Model type').locator('option', { hasText: 'Visual Detector' })).toHaveCount(1)

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
  const csv = await readFile((await download.path()) as string, 'utf8')
  expect(csv.split(/\r?\n/)[0]).toBe('Model,Type,Latest version,Versions,Visibility,Created,Updated')
  expect(csv).toContain('scenes-classifier,visual-classifier,')
})

test('the models list pages without totals', async ({ page }) => {
  await page.goto(`${MODELS}?per_page=8&sort=name&order=asc`)
  await expect(modelsTable(page).locator('tbody tr')).toHaveCount(8, BOOT)
  expect((await modelIds(page))[0]).toBe('baseline-classifier')
  await page.getByRole('link', { name: 'Next →' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(page.getByText('Page 2')).toBeVisible()
  await expect(modelsTable(page).locator('tbody tr')).toHaveCount(8)
  await page.getByRole('link', { name: 'Next →' }).click()
  await expect(modelsTable(page).locator('tbody tr')).toHaveCount(4)
  await expect(page.getByRole('link', { name: 'Next →' })).toHaveCount(0)
})

test('the models list drops bad link values with a note', async ({ page }) => {
  await page.goto(`${MODELS}?per_page=abc&sort=bogus`)
  await expect(page.getByText('Dropped per_page=abc: not a whole number')).toBeVisible(BOOT)
  await expect(page.getByText(/Dropped sort=bogus/)).toBeVisible()
  await expect(modelsTable(page).locator('tbody tr')).toHaveCount(20)
})

test('filter by model type, open a model, come back with the filter kept', async ({ page }) => {
  await page.goto(MODELS)
  await page.getByLabel('Model type').selectOption({ label: 'Visual Detector' })
  await expect(page).toHaveURL(/model_type_id=visual-detector/, BOOT)
  await expect(modelsTable(page).locator('tbody tr')).toHaveCount(DETECTORS.length)
  expect((await modelIds(page)).sort()).toEqual(DETECTORS)

  await page.getByRole('link', { name: 'everyday-detector', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'everyday-detector', level: 1 })).toBeVisible()
  await expect(page.getByRole('table', { name: 'versions' }).locator('tbody tr')).toHaveCount(3)

  await page.goBack({ waitUntil: 'commit' })
  await expect(page).toHaveURL(/model_type_id=visual-detector/)
  await expect(page.getByLabel('Model type')).toHaveValue('visual-detector')
  await expect(modelsTable(page).locator('tbody tr')).toHaveCount(DETECTORS.length)
})

test('the filter form sorts through the URL, and a filter without results says so', async ({ page }) => {
  await page.goto(MODELS)
  await page.getByText('Filters and sort').click()
  const form = page.getByRole('form', { name: 'Filter models' })
  await form.getByLabel('Sort by', { exact: true }).selectOption({ label: 'Name' })
  await form.getByLabel('Direction', { exact: true }).selectOption('asc')
  await form.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/sort=name/)
  await expect(page).toHaveURL(/order=asc/)
  await expect.poll(async () => (await modelIds(page))[0]).toBe('baseline-classifier')

  await page.goto(`${MODELS}?search=zzzz-nothing`)
  await expect(page.getByText('No results for these filters.')).toBeVisible(BOOT)
  await page.getByRole('link', { name: 'Clear filters' }).click()
  await expect(modelsTable(page).locator('tbody tr')).toHaveCount(20)
})

test('the model page shows output info, concepts and versions linking to each version', async ({ page }) => {
  await page.goto(SCENES)
  await expect(page.getByRole('heading', { name: 'scenes-classifier', level: 1 })).toBeVisible(BOOT)
  await expect(page.getByRole('link', { name: 'Visual Classifier' })).toHaveAttribute('href', /model_type_id=visual-classifier/)
  await expect(page.getByRole('list', { name: '10 concepts' }).getByRole('listitem')).toHaveCount(10)
  await expect(page.getByText('max_concepts').first()).toBeVisible()
  const versions = page.getByRole('table', { name: 'versions' })
  await expect(versions.locator('tbody tr')).toHaveCount(2)
  const v1 = versions.getByRole('row').filter({ has: page.getByRole('link', { name: SCENES_V1.slice(0, 8) }) })
  await expect(v1).toContainText('Model trained')
  await expect(v1.getByRole('link', { name: SCENES_V1_EVAL.slice(0, 8) })).toHaveAttribute('href', `${APP}/evaluations/${SCENES_V1_EVAL}`)
  await expect(v1.getByRole('link', { name: /^everyday-eval@/ })).toHaveAttribute('href', /\/datasets\/everyday-eval\/versions\//)
  await v1.getByRole('link', { name: SCENES_V1.slice(0, 8) }).click()
  await expect(page).toHaveURL(new RegExp(`${SCENES}/versions/${SCENES_V1}$`))
  await expect(page.getByRole('heading', { name: 'Evaluation summary' })).toBeVisible()
})

test('a version deep link survives a reload and links to its evaluations and datasets', async ({ page, request }) => {
  await page.goto(`${SCENES}/versions/${SCENES_V1}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('scenes-classifier', BOOT)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('@69028179', BOOT)
  for (const label of ['ROC AUC', 'F1', 'Precision', 'Recall']) await expect(page.getByRole('listitem').filter({ hasText: label }).first()).toBeVisible()
  // The loss curve is read from the version's training log: the first epoch's loss is the log's.
  const answer = await demoApi(request).get(`/v2/users/demo/apps/general-vision/models/scenes-classifier/versions/${SCENES_V1}`)
  const log = ((await answer.json()) as { model_version: { train_log: string } }).model_version.train_log
  const firstLoss = /\bloss=([\d.]+)/.exec(log)?.[1]
  const lossChart = page.getByRole('figure').filter({ hasText: 'Training loss' })
  await expect(lossChart.getByRole('img')).toBeVisible()
  await lossChart.getByRole('button', { name: 'View as table' }).click()
  const lossRows = lossChart.getByRole('table').locator('tbody tr')
  await expect(lossRows).toHaveCount(log.split('\n').filter((line) => line.startsWith('epoch ')).length)
  await expect(lossRows.first().locator('td').first()).toHaveAttribute('title', String(Number(firstLoss)))
  await expect(page.getByText('num_epochs')).toBeVisible()
  const evaluations = page.getByRole('table', { name: 'evaluations of this version' })
  await expect(evaluations.locator('tbody tr')).toHaveCount(1)
  await expect(evaluations.getByRole('link', { name: SCENES_V1_EVAL.slice(0, 8) })).toHaveAttribute('href', `${APP}/evaluations/${SCENES_V1_EVAL}`)
  await expect(evaluations.getByRole('link', { name: /^baseline-2024@/ }).first()).toHaveAttribute('href', /\/datasets\/baseline-2024\/versions\//)
  await page.getByRole('link', { name: 'scenes-classifier', exact: true }).first().click()
  await expect(page.getByRole('heading', { name: 'scenes-classifier', level: 1 })).toBeVisible()
})

test('a failed version shows why it failed', async ({ page }) => {
  await page.goto(`${MODELS}/${FAILED.model}/versions/${FAILED.version}`)
  await expect(page.getByRole('heading', { name: 'Model training failed', exact: true })).toBeVisible(BOOT)
  await expect(page.getByText('Model training had an error')).toBeVisible()
  await expect(page.getByText('Nothing here yet: this version has no evaluations.')).toBeVisible()
})

test('unknown models and versions show the not-found view', async ({ page }) => {
  await page.goto(`${MODELS}/no-such-model`)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible(BOOT)
  await page.goto(`${SCENES}/versions/ffffffffffffffffffffffffffffffff`)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible(BOOT)
  await page.goto('/demo/no-such-app/models')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible(BOOT)
})

test('the version page issues its requests in one wave', async ({ page }) => {
  const wave = await apiWave(page, `${SCENES}/versions/${SCENES_V1}`, async () => {
    await expect(page.getByRole('table', { name: 'evaluations of this version' })).toBeVisible(BOOT)
  })
  expect(wave.started.sort()).toEqual(
    [`/v2/users/demo/apps/general-vision/models/scenes-classifier`, `/v2/users/demo/apps/general-vision/models/scenes-classifier/versions/${SCENES_V1}`, `/v2/users/demo/apps/general-vision/models/scenes-classifier/versions/${SCENES_V1}/evaluations`].sort(),
  )
  expect(wave.late).toEqual([])
})

test('the model page issues its requests in one wave', async ({ page }) => {
  const model = await apiWave(page, SCENES, async () => {
    await expect(page.getByRole('table', { name: 'versions' })).toBeVisible(BOOT)
    await expect(page.getByTestId('version-trends')).toBeVisible(BOOT)
  })
  // The model, its output info, the model types, the versions list and the versions' trend.
  expect(model.started).toHaveLength(5)
  expect(model.started.filter((path) => path.endsWith('/models/scenes-classifier/versions'))).toHaveLength(2)
  expect(model.late).toEqual([])
})

interface VersionWire {
  id: string
  metrics?: { id?: string; status?: { code?: number }; summary?: Record<string, number> }
}

test('a model page charts each evaluated version in version order, each point a link to its evaluation', async ({ page, request }) => {
  // Read here from the API, oldest first, independently of the console's own request.
  const answer = await demoApi(request).get('/v2/users/demo/apps/general-vision/models/scenes-classifier/versions?sort_by_created_at=true&sort_ascending=true')
  const versions = ((await answer.json()) as { model_versions: VersionWire[] }).model_versions
  const evaluated = versions.map((v, k) => ({ ...v, position: k + 1 })).filter((v) => v.metrics?.status?.code === 21300)
  expect(evaluated.length).toBe(2)

  await page.goto(SCENES)
  const trends = page.getByTestId('version-trends')
  await expect(trends.getByTestId('trend-note')).toHaveText(`All ${versions.length} versions, oldest first: 2 evaluated.`, BOOT)
  const chart = page.getByRole('group', { name: /^ROC AUC, F1, precision and recall by version: 4 series/ })
  const links = chart.getByRole('link')
  await expect(links).toHaveCount(2)
  for (const [k, v] of evaluated.entries()) {
    const s = v.metrics!.summary!
    await expect(links.nth(k)).toHaveAccessibleName(
      `Version ${v.position}, ${v.id.slice(0, 8)}: ROC AUC ${s.macro_avg_roc_auc!.toFixed(3)}, F1 ${s.macro_avg_f1_score!.toFixed(3)}, Precision ${s.macro_avg_precision!.toFixed(3)}, Recall ${s.macro_avg_recall!.toFixed(3)}. Open its evaluation.`,
    )
    await expect(links.nth(k)).toHaveAttribute('href', new RegExp(`/demo/general-vision/evaluations/${v.metrics!.id}$`))
  }
  // The F1 line: one dot per evaluated version, left to right in version order, higher for the better F1.
  const dots = await chart.locator('[data-dots="F1"] circle').evaluateAll((cs) => cs.map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) })))
  expect(dots).toHaveLength(2)
  expect(dots[0]!.x).toBeLessThan(dots[1]!.x)
  const [f1a, f1b] = evaluated.map((v) => v.metrics!.summary!.macro_avg_f1_score!)
  expect(Math.sign(dots[1]!.y - dots[0]!.y)).toBe(-Math.sign(f1b! - f1a!))
  // Its table view lists the same versions with their evaluations.
  await chart.locator('..').locator('..').getByRole('button', { name: 'View as table' }).click()
  const table = trends.getByRole('table', { name: 'Evaluation summary of each version, oldest first' })
  await expect(table.getByRole('link', { name: /^Evaluated / })).toHaveCount(2)

  // A point opens its evaluation.
  await page.getByRole('button', { name: 'View as chart' }).click()
  await links.first().click()
  await expect(page).toHaveURL(new RegExp(`/evaluations/${evaluated[0]!.metrics!.id}$`))
  await expect(page.getByRole('heading', { name: 'Confusion matrix' })).toBeVisible(BOOT)
})

test('a model with 1,206 versions charts its latest 100 and says older ones are not drawn', async ({ page, request }) => {
  // Read here from the API: the 100 newest versions, newest first.
  const answer = await demoApi(request).get('/v2/users/demo/apps/content-moderation/models/nsfw-classifier/versions?sort_by_created_at=true&per_page=100')
  const newest = ((await answer.json()) as { model_versions: VersionWire[] }).model_versions
  expect(newest).toHaveLength(100)
  const count = (test: (code: number | undefined) => boolean) => newest.filter((v) => test(v.metrics?.status?.code)).length
  const evaluated = count((c) => c === 21300)
  const running = count((c) => c === 21301 || c === 21303)
  const failed = count((c) => c !== undefined && c >= 21310 && c <= 21319)
  expect(evaluated).toBeGreaterThan(2)

  await page.goto('/demo/content-moderation/models/nsfw-classifier')
  const trends = page.getByTestId('version-trends')
  await expect(trends.getByTestId('trend-note')).toHaveText(
    `The latest 100 versions (older ones are not drawn), oldest first: ${evaluated} evaluated, ${running} still evaluating, ${failed} failed, ${100 - evaluated - running - failed} without an evaluation.`,
    BOOT,
  )
  const links = trends.getByTestId('trend-chart').getByRole('link')
  await expect(links).toHaveCount(evaluated)
  // Oldest first: the last link is the newest evaluated version's evaluation.
  const newestEvaluated = newest.find((v) => v.metrics?.status?.code === 21300)!
  await expect(links.last()).toHaveAttribute('href', new RegExp(`/evaluations/${newestEvaluated.metrics!.id}$`))
  await expect(links.last()).toHaveAccessibleName(new RegExp(`^Version \\d+, ${newestEvaluated.id.slice(0, 8)}: ROC AUC`))
})

test('the trend says which versions are still evaluating, failed or were never evaluated, and a phone gets its table', async ({ page, request }) => {
  await page.goto('/demo/community-sandbox/models/sandbox-classifier')
  const trends = page.getByTestId('version-trends')
  await expect(trends.getByTestId('trend-note')).toHaveText('All 6 versions, oldest first: 0 evaluated, 1 still evaluating, 5 without an evaluation.', BOOT)
  await expect(trends).toContainText('No version shown has a finished evaluation, so there is nothing to draw yet.')
  await expect(trends.getByRole('table', { name: 'Evaluation summary of each version, oldest first' }).getByRole('link', { name: /^Evaluating / })).toHaveCount(1)

  await page.goto('/demo/document-ocr/models/layout-text-classifier')
  await expect(trends.getByTestId('trend-note')).toHaveText('All 5 versions, oldest first: 0 evaluated, 1 failed, 4 without an evaluation.', BOOT)
  const failed = ((await (await demoApi(request).get('/v2/users/demo/apps/document-ocr/models/layout-text-classifier/versions')).json()) as { model_versions: VersionWire[] }).model_versions.find((v) => v.metrics?.status?.code === 21317)
  const failedRow = trends.getByRole('row').filter({ hasText: 'Evaluation failed' })
  await expect(failedRow).toContainText(failed!.id.slice(0, 8))
  await expect(failedRow).toContainText((failed!.metrics!.status as { description: string }).description)

  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(SCENES)
  await expect(trends.getByTestId('trend-note')).toBeVisible(BOOT)
  await expect(trends.getByTestId('trend-chart')).toBeHidden()
  await expect(trends.getByRole('table', { name: 'Evaluation summary of each version, oldest first' }).getByRole('link', { name: /^Evaluated / })).toHaveCount(2)
})

test('the models list issues its requests in one wave', async ({ page }) => {
  const list = await apiWave(page, `${MODELS}?model_type_id=visual-detector`, async () => {
    await expect(modelsTable(page)).toBeVisible(BOOT)
  })
  expect(list.started.sort()).toEqual(['/v2/users/demo/apps/general-vision/models', '/v2/users/demo/apps/general-vision/models/types'])
  expect(list.late).toEqual([])
})
