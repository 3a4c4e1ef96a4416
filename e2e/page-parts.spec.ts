import type { Locator, Page } from '@playwright/test'
import { expect, test } from './support/test.ts'

// Every page is its primary resource plus parts. One part's request failing (HTTP 500, 404, a
// dropped connection) leaves the page and the other parts standing: the failed part shows what
// the API said with Retry, and Retry brings it back once the fault is lifted. A page gets these
// checks by being listed here.

const BOOT = { timeout: 30_000 }
const API = '/v2/users/demo/apps'

interface Part {
  /** The part's name as its panel says it ("Versions could not be loaded"). */
  name: string
  /** The path pattern of its request (the stand-in's `path=` fault syntax). */
  path: string
  /** A `key=value` query parameter that tells its request from another part's on the same path (`query=`). */
  query?: string
  /** What the part shows once loaded. */
  content: (page: Page) => Locator
  /** The error panel, when the part draws its own (the evaluation viewer's compare panel). */
  panel?: (page: Page) => Locator
  /** Whether the error panel names code and request id (the shared QueryPanel does). */
  hasFacts?: boolean
}

interface PageCase {
  page: string
  url: string
  /** The primary resource's request. */
  primary: string
  heading: RegExp | string
  parts: Part[]
}

const typesSelect = (page: Page) => page.getByLabel('Model type')
const table = (name: string) => (page: Page) => page.getByRole('table', { name, exact: true })

const PAGES: PageCase[] = [
  {
    page: 'app overview',
    url: '/demo/general-vision',
    primary: `${API}/general-vision`,
    heading: /./,
    parts: [{ name: 'Resource counts', path: `${API}/*/resource_counts`, content: (page) => page.getByRole('region', { name: 'Resources' }).getByText(/^\d[\d,.]*[KM]?$/).first() }],
  },
  {
    page: 'models list',
    url: '/demo/general-vision/models',
    primary: `${API}/general-vision/models`,
    heading: 'Models',
    parts: [{ name: 'Model types', path: `${API}/*/models/types`, content: typesSelect }],
  },
  {
    page: 'model',
    url: '/demo/general-vision/models/scenes-classifier',
    primary: `${API}/general-vision/models/scenes-classifier`,
    heading: /./,
    parts: [
      { name: 'Output info', path: `${API}/*/models/*/output_info`, content: (page) => page.getByRole('heading', { name: 'Output config' }) },
      { name: 'Versions', path: `${API}/*/models/*/versions`, content: table('versions') },
      // The same path as the versions list: its own parameters tell it apart.
      { name: 'Version trends', path: `${API}/*/models/*/versions`, query: 'per_page=101', content: (page) => page.getByTestId('version-trends') },
      { name: 'Model types', path: `${API}/*/models/types`, content: (page) => page.locator('a[title^="Models of type"]') },
    ],
  },
  {
    page: 'model version',
    url: '/demo/general-vision/models/scenes-classifier/versions/6902817918ca4696d45963b7b9c81e26',
    primary: `${API}/general-vision/models/scenes-classifier/versions/6902817918ca4696d45963b7b9c81e26`,
    heading: /@6902817/,
    parts: [
      { name: 'Model', path: `${API}/*/models/scenes-classifier`, content: (page) => page.locator('dd a[href*="model_type_id"]') },
      { name: 'Evaluations', path: `${API}/*/models/*/versions/*/evaluations`, content: (page) => page.getByRole('heading', { name: /^Evaluations \(/ }) },
    ],
  },
  {
    page: 'dataset',
    url: '/demo/general-vision/datasets/baseline-2024',
    primary: `${API}/general-vision/datasets/baseline-2024`,
    heading: 'baseline-2024',
    parts: [{ name: 'Versions', path: `${API}/*/datasets/*/versions`, content: table('versions') }],
  },
  {
    page: 'dataset version',
    url: '/demo/wildlife-camera-traps/datasets/trap-raw/versions/36ffd13b8c7f7c527c798675181410bb',
    primary: `${API}/wildlife-camera-traps/datasets/trap-raw/versions/36ffd13b8c7f7c527c798675181410bb`,
    heading: /^Version 36ffd13b/,
    parts: [{ name: 'Inputs', path: `${API}/*/datasets/*/inputs`, content: table('inputs') }],
  },
  {
    page: 'task',
    url: '/demo/retail-shelf-audit/tasks/434813dfd43347d6af53ca915e144256',
    primary: `${API}/retail-shelf-audit/tasks/434813dfd43347d6af53ca915e144256`,
    heading: /^Label/,
    parts: [
      { name: 'Input counts', path: `${API}/*/tasks/*/inputs/count`, content: (page) => page.getByRole('figure').filter({ hasText: 'Inputs per worker and status' }) },
      { name: 'Annotation counts', path: `${API}/*/tasks/*/annotations/count`, content: (page) => page.getByRole('figure').filter({ hasText: 'Annotations per worker and status' }) },
      { name: 'Samples', path: `${API}/*/tasks/*/inputs/samples`, content: (page) => page.getByRole('region', { name: /^Samples/ }).locator('img').first() },
    ],
  },
  {
    page: 'leaderboard',
    url: '/demo/general-vision/evaluations',
    primary: `${API}/general-vision/evaluations`,
    heading: 'Evaluation leaderboard',
    parts: [{ name: 'Model types', path: `${API}/*/models/types`, content: typesSelect }],
  },
  {
    page: 'evaluation',
    url: '/demo/general-vision/evaluations/8d57d5306841ce8aa234341b7c16cc05?compare=cb7e915ebaae8716b7540bcbb96e0b30',
    primary: `${API}/general-vision/evaluations/8d57d5306841ce8aa234341b7c16cc05`,
    heading: /^Evaluation 8d57d530/,
    parts: [
      {
        name: 'Evaluation B',
        path: `${API}/*/evaluations/cb7e915ebaae8716b7540bcbb96e0b30`,
        content: (page) => page.getByTestId('panel-compare').getByRole('table', { name: 'Per-concept deltas, A minus B' }),
        panel: (page) => page.getByTestId('panel-compare').getByRole('alert'),
        hasFacts: false,
      },
    ],
  },
]

/** Sends `x-demo-faults` with every API request while a fault is set; `lift()` stops it. */
async function faults(page: Page) {
  let spec: string | undefined
  await page.route('**/v2/**', (route) => {
    const headers = route.request().headers()
    return route.continue({ headers: spec ? { ...headers, 'x-demo-faults': spec } : headers })
  })
  return {
    set: (next: string) => {
      spec = next
    },
    lift: () => {
      spec = undefined
    },
  }
}

/** Uncaught errors in the page: none may reach the console. */
function pageErrors(page: Page): Error[] {
  const errors: Error[] = []
  page.on('pageerror', (error) => errors.push(error))
  return errors
}

for (const view of PAGES) {
  for (const part of view.parts) {
    test(`${view.page}: ${part.name} fails alone with 500, 404 and a dropped connection, and Retry brings it back`, async ({ page }) => {
      const errors = pageErrors(page)
      const fault = await faults(page)
      const panel = part.panel?.(page) ?? page.getByRole('alert', { name: `${part.name} failed to load` })
      const retry = panel.getByRole('button', { name: 'Retry' })
      const hasFacts = part.hasFacts ?? true
      const aim = `path=${part.path}${part.query ? `,query=${part.query}` : ''}`

      // 500: the transport retries it, then the part gives up; the page stays.
      fault.set(`${aim},error=1`)
      await page.goto(view.url)
      await expect(page.getByRole('heading', { level: 1, name: view.heading })).toBeVisible(BOOT)
      await expect(panel).toBeVisible(BOOT)
      if (hasFacts) {
        await expect(panel).toContainText('98004')
        await expect(panel).toContainText(/Request id\s*demo-/)
      }
      await expect(retry).toBeEnabled(BOOT)
      // A fault aimed by its parameters leaves the parts on the same path standing.
      if (part.query) for (const other of view.parts.filter((o) => o !== part)) await expect(other.content(page)).toBeVisible(BOOT)

      // 404 of a part is that part's problem, not the page's "Not found".
      fault.set(`${aim},notfound=1`)
      await retry.click()
      if (hasFacts) await expect(panel).toContainText('11101', BOOT)
      else await expect(panel).toContainText(/does not exist/, BOOT)
      await expect(page.getByRole('heading', { name: 'Not found' })).toHaveCount(0)

      // A dropped connection.
      fault.set(`${aim},drop=1`)
      await retry.click()
      await expect(retry).toBeEnabled(BOOT)
      await expect(panel).not.toContainText('11101')

      // Lifted: Retry refetches that part alone and it shows.
      fault.lift()
      const retried = page.waitForRequest((request) => {
        const url = new URL(request.url())
        return new RegExp(`^${part.path.replaceAll('*', '[^/]*')}$`).test(url.pathname) && (!part.query || url.search.slice(1).split('&').includes(part.query))
      })
      await retry.click()
      await retried
      await expect(part.content(page)).toBeVisible(BOOT)
      await expect(panel).toHaveCount(0)
      await expect(page.getByRole('heading', { level: 1, name: view.heading })).toBeVisible()
      expect(errors).toEqual([])
    })
  }

  test(`${view.page}: a missing primary resource is not found, a failing one the page's error`, async ({ page }) => {
    const errors = pageErrors(page)
    const fault = await faults(page)
    fault.set(`path=${view.primary},notfound=1`)
    await page.goto(view.url)
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible(BOOT)

    fault.set(`path=${view.primary},error=1`)
    await page.reload()
    const pageError = page.getByRole('alert').filter({ has: page.getByRole('heading', { level: 2 }) })
    await expect(pageError).toContainText('98004', BOOT)
    fault.lift()
    await pageError.getByRole('button', { name: 'Retry' }).click()
    await expect(page.getByRole('heading', { level: 1, name: view.heading })).toBeVisible(BOOT)
    expect(errors).toEqual([])
  })
}
