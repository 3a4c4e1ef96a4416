import type { APIRequestContext } from '@playwright/test'
import { expect, test, demoApi } from './support/test.ts'

const LOAD = { timeout: 30_000 }

async function getJson(request: APIRequestContext, path: string) {
  const response = await demoApi(request).get(path)
  expect(response.ok(), path).toBe(true)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as any
}

test('dataset inputs show the boxes their annotations hold', async ({ page, request }) => {
  const app = '/v2/users/demo/apps/general-vision'
  const { dataset } = await getJson(request, `${app}/datasets/baseline-2024`)
  const { dataset_inputs: inputs } = await getJson(request, `${app}/datasets/baseline-2024/inputs?per_page=20`)
  const ids = inputs.map((x: { input: { id: string } }) => `input_ids=${x.input.id}`).join('&')
  const { annotations } = await getJson(request, `${app}/annotations?${ids}`)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const regions = annotations.flatMap((a: any) => a.data.regions ?? [])
  expect(regions.length).toBeGreaterThan(0)

  await page.goto(`./demo/general-vision/datasets/baseline-2024/versions/${dataset.version.id}?per_page=20`)
  const table = page.getByRole('table', { name: 'inputs' })
  await expect(table.getByRole('row').nth(1)).toBeVisible(LOAD)
  // One outline per region the API returned for the inputs on the page.
  await expect(table.locator('[data-shape^="truth-"]')).toHaveCount(regions.length)
  await expect(table.getByRole('img', { name: /^Input image, \d+ regions?/ }).first()).toBeVisible()
})

test('bounding-box task samples show the worker\'s boxes', async ({ page, request }) => {
  const app = '/v2/users/demo/apps/retail-shelf-audit'
  const { tasks } = await getJson(request, `${app}/tasks`)
  const boxTask = tasks.find((t: { type?: number }) => t.type === 2)
  expect(boxTask).toBeTruthy()
  const { hits } = await getJson(request, `${app}/tasks/${boxTask.id}/inputs/samples`)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const boxes = hits.flatMap((h: any) => h.annotation.data.regions ?? []).filter((r: any) => r.region_info.bounding_box)
  expect(boxes.length).toBeGreaterThan(0)

  await page.goto(`./demo/retail-shelf-audit/tasks/${boxTask.id}`)
  const samples = page.getByRole('region', { name: /^Samples/ })
  await expect(samples.locator('img').first()).toBeVisible(LOAD)
  await expect(samples.locator('[data-shape="truth-box"]')).toHaveCount(boxes.length)
})

test('a detector evaluation\'s selected inputs show ground truth and predicted boxes', async ({ page, request }) => {
  const app = '/v2/users/demo/apps/manufacturing-defects'
  const { eval_metrics: evaluations } = await getJson(request, `${app}/evaluations`)
  const detection = evaluations.find((e: { model?: { model_type_id?: string }; summary?: unknown }) => e.model?.model_type_id === 'visual-detector' && e.summary)
  expect(detection).toBeTruthy()
  const { eval_metrics: full } = await getJson(request, `${app}/evaluations/${detection.id}?fields.confusion_matrix=true`)
  const concept = full.confusion_matrix.concept_ids[0]
  await page.goto(`./demo/manufacturing-defects/evaluations/${detection.id}?mode=counts&threshold=0.5&cell=${concept}~${concept}`)
  const selection = page.getByTestId('selection-details')
  await expect(selection.getByTestId('selection-input').first()).toBeVisible(LOAD)
  const first = selection.getByTestId('selection-input').first()
  await expect(first.locator('[data-shape="truth-box"]').first()).toBeAttached()
  await expect(first.locator('[data-shape="predicted-box"]').first()).toBeAttached()
})
