import type { Page } from '@playwright/test'
import { expect, test } from './support/test.ts'
import { apiWave } from './support/api-waves.ts'

// Ids from the stand-in's deterministic world (src/demo/data/world.ts).
const APP = '/demo/general-vision'
/** Classification, in progress, dynamic workers demo, alice, dave, erin; consensus review; dataset aisle-curated. */
const TASK_ID = '434813dfd43347d6af53ca915e144256'
const TASK = `/demo/retail-shelf-audit/tasks/${TASK_ID}`
/** Auto-annotation: the worker is a model version. */
const AUTO_TASK = `${APP}/tasks/c938d308d5e3e43ffe096841726f97d4`

function tasksTable(page: Page) {
  return page.getByRole('table', { name: 'tasks' })
}

async function openFilters(page: Page) {
  const form = page.getByRole('form', { name: 'Filter tasks' })
  if (!(await form.locator('input[name="worker_user_ids"]').isVisible())) await page.getByText('Filters and sort').click()
  return form
}

test('lists tasks, filters by worker, opens one and comes back with the filter kept', async ({ page }) => {
  test.slow()
  await page.goto(`${APP}/tasks`)
  await expect(page.getByRole('heading', { name: 'Labeling tasks', level: 1 })).toBeVisible()
  const table = tasksTable(page)
  await expect(table.getByRole('row')).toHaveCount(5)
  await expect(table.getByRole('row', { name: /^097ab6df Label everyday \(batch 1\) Classification Task failed Partitioned None 8 Dataset objects-gold/ })).toBeVisible()

  const form = await openFilters(page)
  await form.locator('input[name="worker_user_ids"]').fill('frank')
  await form.locator('input[name="worker_user_ids"]').press('Enter')
  await form.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/[?&]worker_user_ids=frank/)
  await expect(table.getByRole('row')).toHaveCount(3)

  await table.getByRole('link', { name: '097ab6df' }).click()
  await expect(page.getByRole('heading', { name: /^Label everyday \(batch 1\)/, level: 1 })).toBeVisible()

  await page.goBack()
  await expect(page).toHaveURL(/[?&]worker_user_ids=frank/)
  await expect(table.getByRole('row')).toHaveCount(3)
  await expect(page.getByRole('list', { name: 'Worker user IDs: 1 value' })).toContainText('frank')
})

test('reviewer and label order filters come from the parameter table', async ({ page }) => {
  // Several page loads in one journey.
  test.slow()
  await page.goto(`${APP}/tasks?review_user_ids=carol`)
  await expect(tasksTable(page).getByRole('row')).toHaveCount(2)
  await expect(tasksTable(page).getByRole('link', { name: 'c938d308' })).toBeVisible()

  await page.goto(`${APP}/tasks?label_order_ids=no-such-order`)
  await expect(page.getByText('No results for these filters.')).toBeVisible()

  await page.goto(`${APP}/tasks?input_source_type=NOPE`)
  await expect(page.getByText(/Dropped input_source_type=NOPE/)).toBeVisible()
  await expect(tasksTable(page).getByRole('row')).toHaveCount(5)
})

test('a task deep link shows setup, progress per worker and status, assignments and samples, and survives a reload', async ({ page }) => {
  test.slow()
  await page.goto(TASK)
  await expect(page.getByRole('heading', { name: /^Label/, level: 1 })).toContainText('Task in progress')
  const setup = page.getByRole('region', { name: 'Setup' })
  await expect(setup.getByText('Classification', { exact: true })).toBeVisible()
  await expect(setup.getByText(/^Dynamic/)).toBeVisible()
  await expect(setup.getByText(/^Consensus/)).toBeVisible()
  for (const worker of ['demo', 'alice', 'dave', 'erin']) await expect(setup.getByText(worker, { exact: true })).toBeVisible()

  const inputsChart = page.getByRole('figure').filter({ hasText: 'Inputs per worker and status' })
  await expect(inputsChart.getByRole('img')).toBeVisible()
  await inputsChart.getByRole('button', { name: 'View as table' }).click()
  const table = inputsChart.getByRole('table')
  await expect(table.getByRole('row')).toHaveCount(5)
  await expect(table.getByRole('columnheader', { name: 'Total inputs' })).toBeVisible()
  await expect(table.getByRole('rowheader', { name: 'demo' })).toBeVisible()

  const assignments = page.getByRole('region', { name: 'Your next assignments' })
  await expect(assignments.locator('img')).toHaveCount(0)
  const asked = page.waitForRequest((request) => request.url().includes(`/tasks/${TASK_ID}/assignments`))
  await assignments.getByRole('button', { name: 'Show my next assignments' }).click()
  await asked
  await expect(assignments.locator('img').first()).toBeVisible()
  const samples = page.getByRole('region', { name: /^Samples/ })
  await expect(samples.locator('img').first()).toBeVisible()
  await expect(samples.getByText(/^by /).first()).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { name: /^Label/, level: 1 })).toBeVisible()
  await expect(page.getByRole('figure').filter({ hasText: 'Annotations per worker and status' }).getByRole('img')).toBeVisible()

  await setup.getByRole('link', { name: 'aisle-curated' }).click()
  await expect(page.getByRole('heading', { name: 'aisle-curated', level: 1 })).toBeVisible()
})

test('an auto-annotation task names its model worker', async ({ page }) => {
  await page.goto(AUTO_TASK)
  await expect(page.getByRole('region', { name: 'Setup' }).getByText('Auto-annotation', { exact: false })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Setup' }).getByRole('link', { name: /^Model / })).toBeVisible()
  await expect(page.getByRole('figure').filter({ hasText: 'Inputs per worker and status' }).getByRole('img')).toBeVisible()
})

test('an unknown task shows the not-found view', async ({ page }) => {
  await page.goto(`${APP}/tasks/no-such-task`)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
})

test('the task page issues its four API requests in one wave', async ({ page }) => {
  const wave = await apiWave(page, TASK, async () => {
    await expect(page.getByRole('region', { name: /^Samples/ }).locator('img').first()).toBeVisible()
  })
  const task = wave.started.find((path) => path.endsWith(`/tasks/${TASK_ID}`)) ?? ''
  expect(wave.started).toEqual([task, `${task}/annotations/count`, `${task}/inputs/count`, `${task}/inputs/samples`])
  expect(wave.late).toEqual([])
})
