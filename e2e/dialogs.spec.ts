import type { Page } from '@playwright/test'
import { expect, test } from './support/test.ts'

const BOOT = { timeout: 30_000 }
const APP = './demo/general-vision'
const EVALUATION = { app: 'manufacturing-defects', id: 'd91d36e9e8d8980cd693508f9746496e' }
const TASK = { app: 'general-vision', id: 'c938d308d5e3e43ffe096841726f97d4' }

async function openApp(page: Page) {
  await page.goto(APP)
  await expect(page.getByRole('heading', { name: 'General Vision Lab', level: 1 })).toBeVisible(BOOT)
}

const activeIsInside = (page: Page, selector: string) => page.evaluate((s) => !!document.querySelector(s)?.contains(document.activeElement), selector)

test.describe('the command palette', () => {
  test('is a modal at the body: a click outside closes it without reaching the page', async ({ page }) => {
    await openApp(page)
    const modelsLink = page.getByRole('main').getByRole('link', { name: /Models/ }).first()
    const box = await modelsLink.boundingBox()
    expect(box, 'the app overview links to its models').not.toBeNull()
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Jump to' })
    await expect(palette).toBeVisible()
    expect(await page.evaluate(() => document.querySelector('dialog')?.parentElement === document.body)).toBe(true)
    await expect(palette.getByRole('combobox')).toBeFocused()
    // The page behind is inert: the link under the pointer does not take the click.
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2)
    await expect(palette).toBeHidden()
    await expect(page).toHaveURL(/\/demo\/general-vision$/)
  })

  test('keeps Tab inside, and Esc returns focus to the button that opened it', async ({ page }) => {
    await openApp(page)
    const opener = page.getByRole('button', { name: /Jump to/ })
    await opener.click()
    const palette = page.getByRole('dialog', { name: 'Jump to' })
    await expect(palette.getByRole('combobox')).toBeFocused()
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab')
      expect(await activeIsInside(page, 'dialog[open]'), `after Tab ${i + 1}`).toBe(true)
    }
    await page.keyboard.press('Shift+Tab')
    expect(await activeIsInside(page, 'dialog[open]')).toBe(true)
    await page.keyboard.press('Escape')
    await expect(palette).toBeHidden()
    await expect(opener).toBeFocused()
  })

  test('finds evaluations and the tasks of the app being viewed, exact ids first', async ({ page }) => {
    await openApp(page)
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Jump to' })
    const input = palette.getByRole('combobox')
    await input.fill(TASK.id)
    await expect(palette.getByRole('option').first()).toContainText(`Task${TASK.id}`)
    await input.fill('general-detector')
    await expect(palette.getByRole('option').first()).toContainText('Modelgeneral-detector')
    await input.fill(EVALUATION.id)
    await expect(palette.getByRole('option').first()).toContainText(`Evaluation${EVALUATION.id}`)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`/demo/${EVALUATION.app}/evaluations/${EVALUATION.id}$`))
    await expect(palette).toBeHidden()
  })

  test('asks the API for a few matches per kind and says when there are more', async ({ page }) => {
    await openApp(page)
    const requests: URL[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (/^\/v2\/users\/[^/]+\/(apps|models|datasets)$/.test(url.pathname)) requests.push(url)
    })
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Jump to' })
    await expect(palette.getByText(/^First 25 models and 25 datasets; type to narrow\./)).toBeVisible()
    await palette.getByRole('combobox').pressSequentially('detector', { delay: 20 })
    // More than 25 models mention "detector"; no dataset does.
    await expect(palette.getByText(/^First 25 models; type to narrow\./)).toBeVisible()
    await expect(palette.getByRole('option').first()).toContainText('detector')
    expect(requests.every((url) => Number(url.searchParams.get('per_page')) <= 26)).toBe(true)
    // Requests go out when typing pauses, not per keystroke (a slow machine may pause mid-word).
    const searched = requests.map((url) => url.searchParams.get('search')).filter((text): text is string => !!text)
    expect(searched.slice(-3)).toEqual(['detector', 'detector', 'detector'])
    expect(searched.every((text) => 'detector'.startsWith(text))).toBe(true)
    expect(searched.length).toBeLessThan(3 * 'detector'.length)
    await palette.getByRole('combobox').fill('outdoor-detector')
    await expect(palette.getByRole('option').first()).toContainText('Modeloutdoor-detector')
    await expect(palette.getByText(/type to narrow/)).toBeHidden()
  })
})

test('Raw JSON is a dialog: focus moves in, Esc closes, Close returns focus to its button', async ({ page }) => {
  await openApp(page)
  const opener = page.getByRole('button', { name: 'Raw JSON' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Raw JSON' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Response body')).toContainText('"general-vision"')
  expect(await activeIsInside(page, 'dialog[open]')).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
  await opener.press('Enter')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true })

  test('the header folds into a menu and the palette opens by touch', async ({ page }) => {
    await openApp(page)
    const menu = page.getByRole('button', { name: 'Menu' })
    await expect(page.getByRole('button', { name: 'Disconnect' })).toBeHidden()
    await menu.tap()
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    await expect(page.getByRole('button', { name: 'Disconnect' })).toBeInViewport()
    await page.getByRole('link', { name: 'Explore' }).tap()
    await expect(page.getByRole('heading', { name: 'API explorer' })).toBeVisible()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await page.getByRole('button', { name: /Jump to/ }).tap()
    await expect(page.getByRole('dialog', { name: 'Jump to' })).toBeInViewport()
  })
})

test('the theme switch is remembered on this device and "System" forgets it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await openApp(page)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.getByLabel('Theme').selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.reload()
  await expect(page.getByRole('heading', { name: 'General Vision Lab', level: 1 })).toBeVisible(BOOT)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByLabel('Theme')).toHaveValue('dark')
  await page.getByLabel('Theme').selectOption('system')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  expect(await page.evaluate(() => localStorage.getItem('clarifai-console.theme'))).toBeNull()
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})
