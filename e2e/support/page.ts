import { expect, type Page } from '@playwright/test'

/** Console errors and uncaught exceptions while the page is used, collected as text. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** The app has rendered in place of any page the server prerendered (sent inert). */
export async function expectLive(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.locator('#root > [inert]')).toHaveCount(0, { timeout })
}
