import { expect, test } from './support/test.ts'

test('the start page connects itself to the demo API and shows the apps', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByTestId('app-shell')).toBeVisible()
  await expect(page.getByText('Demo data')).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Apps' })).toBeVisible()
  await expect(page.getByRole('listitem').first()).toBeVisible()
})

test('the connection screen has its fields and never puts the token in the URL', async ({ page }) => {
  await page.goto('./connect')
  const token = page.getByLabel('Personal access token')
  await expect(token).toBeVisible()
  await expect(page.getByLabel('User ID')).toHaveValue('me')
  await expect(page.getByLabel('Remember on this device')).not.toBeChecked()
  // The API is always this server's /v2: no other base URL could pass its CSP or the API's CORS.
  await expect(page.getByLabel('API base URL')).toHaveCount(0)
  await token.fill('not-a-real-token')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByText('The API refused the token')).toBeVisible()
  expect(page.url()).not.toContain('not-a-real-token')
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }))
  expect(stored).not.toContain('not-a-real-token')
})

test('a refused demo session can reconnect with the demo token', async ({ page }) => {
  await page.goto('./connect')
  await page.getByLabel('Personal access token').fill('demo')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible()
  const stored = await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }))
  expect(stored).toEqual({ session: 1, local: 0 })
})

test('after a refused token, connecting again returns to the page the user was on', async ({ page }) => {
  await page.goto('./connect')
  await page.getByLabel('Personal access token').fill('demo')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible()
  // The token stops working (revoked elsewhere): the next page the user opens is refused.
  await page.evaluate(() => {
    const key = 'clarifai-console.session'
    const stored = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>
    sessionStorage.setItem(key, JSON.stringify({ ...stored, token: 'revoked' }))
  })
  await page.goto('./demo/general-vision/models')
  await expect(page.getByText('The API refused the token')).toBeVisible()
  expect(new URL(page.url()).searchParams.get('redirect')).toBe('/demo/general-vision/models')
  await page.getByLabel('Personal access token').fill('demo')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page).toHaveURL(/\/demo\/general-vision\/models$/)
  await expect(page.getByRole('heading', { name: 'Models' })).toBeVisible()
})

test('a redirect to another site after connecting is ignored', async ({ page }) => {
  await page.goto('./connect?redirect=%2F%5Cevil.example%2F')
  await page.getByLabel('Personal access token').fill('demo')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/')
})

test('an unknown page shows the not-found view', async ({ page }) => {
  await page.goto('./no/such/place/here/at/all/really')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
})

test("when the app's code does not load (a deploy replaced it), the page says so and Reload starts it", async ({ page }) => {
  let refuse = true
  await page.route(/\/assets\/app-[^/]+\.js$/, (route) => (refuse ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }) : route.continue()))
  await page.goto('/demo/general-vision/models')
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'The console could not start' })).toBeVisible()
  await expect(alert).toContainText('reloading gets the new version')
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeFocused()
  refuse = false
  await alert.getByRole('button', { name: 'Reload' }).click()
  await expect(page.getByRole('table', { name: /models/i })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})
