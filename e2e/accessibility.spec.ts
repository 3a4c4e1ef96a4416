import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './support/test.ts'

// One page of each kind, after its data has rendered.
const PAGES: Array<{ path: string; ready: string }> = [
  { path: './', ready: 'Apps' },
  { path: './connect', ready: 'Connect to Clarifai' },
  { path: './demo', ready: 'demo' },
  { path: './demo/general-vision', ready: 'Notes' },
  { path: './demo/general-vision/models', ready: 'Models' },
  { path: './demo/general-vision/datasets', ready: 'Datasets' },
  { path: './demo/general-vision/evaluations', ready: 'Evaluation leaderboard' },
  { path: './demo/general-vision/tasks', ready: 'Labeling tasks' },
  { path: './demo/general-vision/evaluations/8d57d5306841ce8aa234341b7c16cc05', ready: 'Confusion matrix' },
  { path: './explore', ready: 'API explorer' },
]

for (const { path, ready } of PAGES) {
  test(`${path} has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path)
    await expect(page.getByRole('heading', { name: ready, exact: true }).first()).toBeVisible({ timeout: 30_000 })
    const { violations, passes } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
    expect(passes.length, 'axe checked the page').toBeGreaterThan(10)
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([])
  })
}
