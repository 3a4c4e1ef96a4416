import type { APIRequestContext } from '@playwright/test'
import { expect, test, demoApi } from './support/test.ts'
import { expectLive, watchErrors } from './support/page.ts'

/** First paint after a full page load: generous, CI machines are often busy. */
const LOAD = { timeout: 30_000 }

test.describe.configure({ timeout: 90_000 })

/** Ids from the stand-in API, found the way a user would: list, then pick the first. */
async function demoIds(request: APIRequestContext) {
  const first = async (path: string, key: string): Promise<string> => {
    const response = await demoApi(request).get(path)
    expect(response.ok(), path).toBe(true)
    const body = (await response.json()) as Record<string, Array<{ id: string }>>
    const id = body[key]?.[0]?.id
    expect(id, `${path} ${key}`).toBeTruthy()
    return id as string
  }
  const app = await first('/v2/users/demo/apps?per_page=1&sort_by_created_at=true&sort_ascending=true', 'apps')
  const base = `/v2/users/demo/apps/${app}`
  const model = await first(`${base}/models?per_page=1`, 'models')
  const version = await first(`${base}/models/${model}/versions?per_page=1`, 'model_versions')
  const dataset = await first(`${base}/datasets?per_page=1`, 'datasets')
  const datasetVersion = await first(`${base}/datasets/${dataset}/versions?per_page=1`, 'dataset_versions')
  const evaluation = await first(`${base}/evaluations?per_page=1`, 'eval_metrics')
  const task = await first(`${base}/tasks?per_page=1`, 'tasks')
  return { app, model, version, dataset, datasetVersion, evaluation, task }
}

function search(params: Record<string, string | string[]>): string {
  const out = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) for (const item of Array.isArray(value) ? value : [value]) out.append(key, item)
  return out.toString()
}

test('a deep link with a filled form makes the same request and shows the result', async ({ page, baseURL }) => {
  const errors = watchErrors(page)
  const requestPromise = page.waitForRequest((request) => new URL(request.url()).pathname === '/v2/users/demo/apps')
  await page.goto(`./explore/ListApps?${search({ 'user_app_id.user_id': 'demo', per_page: '3', sort: 'name', order: 'asc', additional_fields: ['stars', 'counts'] })}`)
  const request = await requestPromise
  expect(request.url()).toBe(`${baseURL}/v2/users/demo/apps?per_page=3&additional_fields=stars&additional_fields=counts&sort_ascending=true&sort_by_name=true`)
  expect(request.headers().authorization).toBe('Key demo')
  await expect(page.getByRole('status').filter({ hasText: '3 apps on page 1 · 10000 SUCCESS' })).toBeVisible(LOAD)
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(4)
  await expect(page.getByLabel('Sort by')).toHaveValue('name')
  await expect(page.getByLabel('Direction')).toHaveValue('asc')
  await expect(page.getByRole('list', { name: 'Additional fields: 2 values' })).toBeVisible()
  expect(errors).toEqual([])
})

test('copy as curl matches the request the page sends', async ({ page, baseURL, request }) => {
  const { app } = await demoIds(request)
  await page.goto('./explore/ListModels')
  await expect(page.getByLabel(/^App ID/)).toBeVisible(LOAD)
  await page.getByLabel(/^App ID/).fill(app)
  await page.getByLabel(/^Trained only/).check()
  const fields = page.getByLabel(/^Additional fields/)
  await fields.fill('stars')
  await fields.press('Enter')
  await page.getByText('Show the request').click()
  const query = `/v2/users/demo/apps/${app}/models?additional_fields=stars&trained_only=true`
  // By default the command calls the API itself, so a colleague can paste it.
  const apiCurl = (await page.getByTestId('curl').textContent()) ?? ''
  expect(apiCurl).toContain(`curl 'https://api.clarifai.com${query}'`)
  expect(apiCurl).toContain('Authorization: Key $CLARIFAI_PAT')
  expect(apiCurl).not.toContain('Key demo')
  // Pointed at this console, it is exactly the request the page sends.
  await page.getByLabel('curl to').selectOption({ label: 'this console' })
  const curl = (await page.getByTestId('curl').textContent()) ?? ''
  const curlUrl = /curl '([^']+)'/.exec(curl)?.[1]
  const sent = page.waitForRequest((r) => r.url().includes('/models?'))
  await page.getByRole('button', { name: 'Run' }).click()
  expect((await sent).url()).toBe(curlUrl)
  expect(curlUrl).toBe(`${baseURL}${query}`)
  // The run is now in the URL: the same link runs the same request.
  await expect(page).toHaveURL(/additional_fields=stars/)
  const again = page.waitForRequest((r) => r.url() === curlUrl)
  await page.reload()
  await again
})

test('the operation list is on the page before any script runs; the live list takes its place', async ({ browser, baseURL }) => {
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false })
  try {
    const page = await noScript.newPage()
    await page.goto('./explore')
    // The build rendered the page; the server sent it inside #root, inert until the app runs.
    await expect(page.locator('#root > [inert] a[data-operation]').first()).toBeVisible()
    expect(await page.locator('a[data-operation]').count()).toBe(227)
    await expect(page.locator('#root > [inert]').getByText('227 operations')).toBeVisible()
  } finally {
    await noScript.close()
  }
})

test('the operation list filters as you type and `/` focuses the search', async ({ page }) => {
  await page.goto('./explore')
  await expectLive(page)
  await expect(page.getByText('227 operations')).toBeVisible(LOAD)
  expect(await page.locator('a[data-operation]').count()).toBe(227)
  await page.locator('body').press('/')
  const box = page.getByLabel('Search operations')
  await expect(box).toBeFocused()
  await box.pressSequentially('evaluation conf')
  await expect(page.getByText(/^\d+ of 227 operations$/)).toBeVisible()
  await page.getByRole('link', { name: 'GetEvaluation', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'GetEvaluation' })).toBeVisible(LOAD)
  await page.goBack()
  await expect(box).toHaveValue('evaluation conf')
})

test('errors are shown as the API sent them', async ({ page }) => {
  await page.goto('./explore/GetApp?user_app_id.user_id=demo&user_app_id.app_id=no-such-app')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('11101 CONN_DOES_NOT_EXIST', LOAD)
  await expect(alert).toContainText('404')
  await expect(alert).toContainText(/req_id\s*demo-/)
})

test('load all pages with progress, then next page until a short page', async ({ page }) => {
  await page.goto('./explore/ListApps?user_app_id.user_id=demo&per_page=5')
  await expect(page.getByRole('table')).toBeVisible(LOAD)
  await page.getByRole('button', { name: 'Load all pages' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^All pages: \d+ rows from \d+ pages\.$/ })).toBeVisible(LOAD)
  await page.getByRole('button', { name: 'Next page →' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(page.getByRole('status').filter({ hasText: 'on page 2' })).toBeVisible()
})

test('a sample of operations across resources opens, renders its form and runs without a console error', async ({ page, request }) => {
  test.setTimeout(240_000)
  const ids = await demoIds(request)
  const user = { 'user_app_id.user_id': 'demo' }
  const app = { ...user, 'user_app_id.app_id': ids.app }
  const sample: Array<[string, Record<string, string | string[]>]> = [
    ['GetUser', user],
    ['ListApps', { ...user, per_page: '5' }],
    ['GetApp', app],
    ['GetResourceCounts', app],
    ['ListModels', { ...app, sort: 'created_at', trained_only: 'true' }],
    ['GetModel', { ...app, model_id: ids.model }],
    ['ListModelVersions', { ...app, model_id: ids.model }],
    ['GetModelVersion', { ...app, model_id: ids.model, version_id: ids.version }],
    ['GetModelOutputInfo', { ...app, model_id: ids.model }],
    ['ListModelTypes', app],
    ['ListDatasets', app],
    ['GetDataset', { ...app, dataset_id: ids.dataset }],
    ['ListDatasetVersions', { ...app, dataset_id: ids.dataset }],
    ['GetDatasetVersion', { ...app, dataset_id: ids.dataset, dataset_version_id: ids.datasetVersion }],
    ['ListEvaluations', { ...app, sort: 'roc_auc' }],
    ['GetEvaluation', { ...app, evaluation_id: ids.evaluation, 'fields.confusion_matrix': 'true', 'fields.binary_metrics': 'true' }],
    ['ListTasks', app],
    ['GetTask', { ...app, task_id: ids.task }],
    ['ListConcepts', app],
    ['ListInputs', app],
    ['ListWorkflows', app],
    ['ListAnnotations', app],
    ['ListCollaborators', app],
    ['ListStatusCodes', {}],
    ['ListOpenSourceLicenses', {}],
  ]
  const errors = watchErrors(page)
  for (const [id, params] of sample) {
    await page.goto(`./explore/${id}?${search(params)}`)
    await expect(page.getByRole('heading', { name: id, exact: true }), id).toBeVisible(LOAD)
    await expect(page.getByRole('form', { name: `${id} parameters` }), id).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: '10000 SUCCESS' }), id).toBeVisible(LOAD)
    await expect(page.getByRole('tab', { name: 'Raw' }), id).toBeVisible()
  }
  expect(errors).toEqual([])
})
