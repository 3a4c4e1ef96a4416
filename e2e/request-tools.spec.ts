import { expect, test } from './support/test.ts'

const LOAD = { timeout: 30_000 }

test('copy as curl on a resource page names api.clarifai.com, with the console origin as an option', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('./demo/general-vision/models')
  const copy = page.getByRole('button', { name: 'Copy as curl' })
  await expect(copy).toBeVisible(LOAD)
  await copy.click()
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible()
  const command = await page.evaluate(() => navigator.clipboard.readText())
  expect(command).toMatch(/^curl 'https:\/\/api\.clarifai\.com\/v2\/users\/demo\/apps\/general-vision\/models\?/)
  expect(command).toContain('-H "Authorization: Key $CLARIFAI_PAT"')
  expect(command).not.toContain('Key demo')

  await page.getByLabel('curl to').first().selectOption({ label: 'this console' })
  // The choice is remembered across pages and reloads.
  await page.reload()
  await expect(page.getByLabel('curl to').first()).toHaveValue('console', LOAD)
  await page.getByRole('button', { name: 'Copy as curl' }).click()
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^curl '${baseURL}/v2/users/demo/apps/general-vision/models\\?`))
})
