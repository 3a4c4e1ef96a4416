import type { Page } from '@playwright/test'
import { expect, test } from './support/test.ts'
import { apiWave } from './support/api-waves.ts'

// Ids from the stand-in's deterministic world (src/demo/data/world.ts).
const APP = '/demo/general-vision'
const HUGE_VERSION = '/demo/satellite-imagery/datasets/planet-scale-tiles/versions/d50d30248a216b21535c263064f5c5b4'
// An image-and-video dataset: its version has "/", "/INPUT_TYPE:image" and "/INPUT_TYPE:video".
const MIXED_VERSION = '/demo/wildlife-camera-traps/datasets/trap-raw/versions/36ffd13b8c7f7c527c798675181410bb'

function datasetsTable(page: Page) {
  return page.getByRole('table', { name: 'datasets' })
}

test('lists datasets, filters them, opens one and comes back with the filters kept', async ({ page }) => {
  test.slow()
  await page.goto(`${APP}/datasets`)
  await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible()
  const table = datasetsTable(page)
  await expect(table.getByRole('link', { name: 'baseline-2024' })).toBeVisible()
  await expect(table.getByRole('link', { name: 'everyday-gold' })).toBeVisible()

  const form = page.getByRole('form', { name: 'Filter datasets' })
  if (!(await form.locator('input[name="search"]').isVisible())) await page.getByText('Filters and sort').click()
  await form.locator('input[name="search"]').fill('baseline')
  await form.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/[?&]search=baseline/)
  await expect(table.getByRole('link', { name: 'everyday-gold' })).toHaveCount(0)
  await expect(table.getByRole('link', { name: 'baseline-2024' })).toBeVisible()

  await table.getByRole('link', { name: 'baseline-2024' }).click()
  await expect(page.getByRole('heading', { name: 'baseline-2024', level: 1 })).toBeVisible()
  await expect(page.getByRole('table', { name: 'versions' }).getByRole('row')).toHaveCount(11)

  await page.goBack()
  await expect(page).toHaveURL(/[?&]search=baseline/)
  await expect(form.locator('input[name="search"]')).toHaveValue('baseline')
  await expect(table.getByRole('link', { name: 'everyday-gold' })).toHaveCount(0)
})

test('a filter that matches nothing says so, unlike an empty app', async ({ page }) => {
  // Several page loads in one journey.
  test.slow()
  await page.goto(`${APP}/datasets?search=zzzz-no-such-dataset`)
  await expect(page.getByText('No results for these filters.')).toBeVisible()
  await page.getByRole('link', { name: 'Clear filters' }).click()
  await expect(datasetsTable(page).getByRole('link', { name: 'baseline-2024' })).toBeVisible()

  await page.goto(`${APP}/datasets?per_page=abc`)
  await expect(page.getByText('Dropped per_page=abc: not a whole number')).toBeVisible()
  await expect(datasetsTable(page).getByRole('link', { name: 'baseline-2024' })).toBeVisible()
})

test('a dataset shows its versions and a chart of inputs and annotations with an exact table', async ({ page }) => {
  // Several page loads in one journey.
  test.slow()
  await page.goto(`${APP}/datasets/baseline-2024`)
  const versions = page.getByRole('table', { name: 'versions' })
  await expect(versions.getByRole('row')).toHaveCount(11)
  await expect(versions.getByText('Evaluation predictions').first()).toBeVisible()
  await expect(versions.getByRole('link', { name: /^[\w-]+@[0-9a-f]{8}$/ }).first()).toBeVisible()

  const chart = page.getByRole('figure').filter({ hasText: 'Inputs and annotations per version' })
  await expect(chart.getByRole('img')).toBeVisible()
  await chart.getByRole('button', { name: 'View as table' }).click()
  const table = chart.getByRole('table')
  await expect(table.getByRole('columnheader', { name: 'Total annotations' })).toBeVisible()
  // The first snapshot holds every input of the dataset (1,999).
  await expect(table.getByRole('row', { name: /^0f9ff2c9 1,999 / })).toBeVisible()

  await page.goto(`${APP}/datasets/baseline-2024?request_origins=MANUAL`)
  await expect(versions.getByRole('row')).toHaveCount(2)
  await expect(versions.getByRole('row', { name: /First snapshot/ })).toBeVisible()

  await page.getByRole('link', { name: 'Labeling tasks on this dataset' }).click()
  await expect(page).toHaveURL(/\/tasks\?input_source_type=DATASET&input_source_ids=baseline-2024/)
  await expect(page.getByRole('table', { name: 'tasks' }).getByRole('row')).toHaveCount(2)
})

test('a version deep link shows exact uint64 metrics and the region matrix, and survives a reload', async ({ page }) => {
  // Several page loads in one journey.
  test.slow()
  await page.goto(HUGE_VERSION)
  await expect(page.getByRole('heading', { name: /^Version d50d3024/, level: 1 })).toBeVisible()
  const metrics = page.getByRole('table', { name: 'Counts of this version, whole and per input type' })
  // Beyond 2^53: every digit kept.
  await expect(metrics.getByRole('row', { name: /^Inputs 312,345,678,901,234,567 312,345,678,901,234,567$/ })).toBeVisible()

  const matrix = page.getByTestId('heatmap')
  await expect(matrix.getByTestId('heatmap-canvas')).toBeVisible()
  await expect(matrix.getByTestId('heatmap-canvas')).toHaveAccessibleName(/10 by 10 cells/)
  await matrix.getByRole('button', { name: 'View as table' }).click()
  // The stand-in plants 2^53 + 1 in the first cell: a double would print ...992.
  await expect(matrix.getByRole('table').getByRole('cell').first()).toHaveText('9,007,199,254,740,993')

  await page.reload()
  await expect(metrics.getByRole('row', { name: /^Inputs 312,345,678,901,234,567/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'inputs' }).locator('img').first()).toBeVisible()
})

test('the matrix follows the chosen input type in the URL', async ({ page }) => {
  // Several page loads in one journey.
  test.slow()
  await page.goto(MIXED_VERSION)
  await expect(page.getByRole('heading', { name: 'Region locations: All inputs' })).toBeVisible()
  await page.getByRole('link', { name: 'Video: show its region locations' }).click()
  await expect(page).toHaveURL(/[?&]key=%2FINPUT_TYPE%3Avideo/)
  await expect(page.getByRole('heading', { name: 'Region locations: Video' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Region locations: Video' })).toBeVisible()

  await page.goto(`${MIXED_VERSION}?key=%2FINPUT_TYPE%3Anope`)
  await expect(page.getByRole('note').filter({ hasText: 'Dropped key=/INPUT_TYPE:nope' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Region locations: All inputs' })).toBeVisible()
})

test('a malformed region matrix gets an error panel while the rest of the page works', async ({ page }) => {
  await page.route('**/v2/users/demo/apps/satellite-imagery/datasets/planet-scale-tiles/versions/*', async (route) => {
    const response = await route.fetch()
    const body = await response.json()
    body.dataset_version.metrics['/'].region_location_matrix = { n_cols: '10', data: ['1', '-2', ...Array.from({ length: 98 }, () => '0')] }
    await route.fulfill({ response, json: body })
  })
  await page.goto(HUGE_VERSION)
  const panel = page.getByRole('alert').filter({ hasText: 'The region location matrix is malformed' })
  await expect(panel).toBeVisible()
  await expect(panel).toContainText("value at index 1 ('-2') is not a non-negative integer")
  await expect(page.getByRole('table', { name: 'Counts of this version, whole and per input type' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'inputs' }).getByRole('row').nth(1)).toBeVisible()
  // The image key still has a good matrix.
  await expect(page.getByTestId('heatmap')).toHaveCount(0)
  await page.getByRole('link', { name: 'Image: show its region locations' }).click()
  await expect(page.getByTestId('heatmap-canvas')).toBeVisible()
})

test('a version still in progress says its metrics are not there yet', async ({ page }) => {
  await page.goto('/demo/satellite-imagery/datasets/building-hard-negatives/versions/4d5683918d7e3ecb2a46cf9c7d7a6f8e')
  await expect(page.getByRole('heading', { name: /^Version 4d568391/, level: 1 })).toContainText('Dataset version in progress')
  await expect(page.getByText('No metrics yet: the API computes them once the version is ready.')).toBeVisible()
  await expect(page.getByText(/This version has no region location matrix/)).toBeVisible()
})

test('unknown datasets and versions show the not-found view', async ({ page }) => {
  await page.goto(`${APP}/datasets/no-such-dataset`)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  await page.goto(`${APP}/datasets/baseline-2024/versions/no-such-version`)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
})

test('deep links issue their API requests in one wave', async ({ page }) => {
  // Several page loads in one journey.
  test.slow()
  // The version and its dataset's inputs: independent, so they start together. The annotations
  // (the boxes on the thumbnails) need the inputs' ids, so they alone come after.
  const version = await apiWave(page, HUGE_VERSION, async () => {
    await expect(page.getByRole('table', { name: 'inputs' }).locator('[data-shape]').first()).toBeAttached()
  })
  const huge = '/v2/users/demo/apps/satellite-imagery/datasets/planet-scale-tiles'
  const annotations = '/v2/users/demo/apps/satellite-imagery/annotations'
  expect(version.started.filter((path) => path !== annotations)).toEqual([`${huge}/inputs`, `${huge}/versions/d50d30248a216b21535c263064f5c5b4`])
  expect(version.started).toContain(annotations)
  expect(new Set(version.late)).toEqual(new Set([annotations]))

  const dataset = await apiWave(page, `${APP}/datasets/baseline-2024`, async () => {
    await expect(page.getByRole('table', { name: 'versions' }).getByRole('row')).toHaveCount(11)
  })
  const base = '/v2/users/demo/apps/general-vision/datasets/baseline-2024'
  expect(dataset.started).toEqual([base, `${base}/versions`])
  expect(dataset.late).toEqual([])
})
