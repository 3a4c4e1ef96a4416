import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './support/test.ts'
import { ROUTES, routePatterns } from './support/routes.ts'
import { expectLive } from './support/page.ts'

const WIDTHS = [
  { name: 'phone', width: 390, height: 844, isAxeRun: true },
  { name: 'desktop', width: 1440, height: 900, isAxeRun: true },
  // The narrowest phone we support: layout only, the axe runs above cover the rules.
  { name: 'narrowest', width: 360, height: 740, isAxeRun: false },
] as const

test('every page of the route tree is in the list these checks walk', () => {
  expect(ROUTES.map((r) => r.pattern).filter((p) => p.startsWith('/')).sort()).toEqual(routePatterns().sort())
})

async function settle(page: Page) {
  await expectLive(page)
  await expect(page.locator('h1').first()).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 })
}

async function seriousViolations(page: Page) {
  const { violations, passes } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(passes.length, 'axe checked the page').toBeGreaterThan(10)
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')})`)
}

for (const { width, height, name, isAxeRun } of WIDTHS) {
  test.describe(`at ${width}x${height}`, () => {
    test.use({ viewport: { width, height } })
    // Two axe passes over the largest pages (the explorer's 200+ operations) take a while on a busy machine.
    test.describe.configure({ timeout: 120_000 })
    for (const { url } of ROUTES) {
      // One load per page and width; the theme switches in place (the console follows the system).
      test(`${url} fits the ${name} screen${isAxeRun ? ' and has no serious axe findings in light and dark' : ''}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: 'light' })
        await page.goto(`.${url}`)
        await settle(page)
        for (const theme of isAxeRun ? (['light', 'dark'] as const) : (['light'] as const)) {
          await page.emulateMedia({ colorScheme: theme })
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
          const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }))
          expect(overflow.scroll, `${theme}: page width within the viewport`).toBeLessThanOrEqual(overflow.viewport)
          if (isAxeRun) expect(await seriousViolations(page), `${theme} mode`).toEqual([])
        }
      })
    }
  })
}
