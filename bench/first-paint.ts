// First paint in Chromium, measured side by side from one server: the console's explorer against
// Swagger UI (swagger-ui-dist) on the same openapi.json, time until the first operation is on
// screen, with the console in demo mode and in proxy mode (forwarding /v2 to the stand-in API on
// 127.0.0.1, as a real deployment does; the explorer is public, so no session is needed there);
// and the model page's LCP against its FCP (demo mode), as is and with the CPU slowed 4x. In every
// mode /explore arrives with the build's prerendered page in it.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from '@playwright/test'
import { launchChromium } from './browser.ts'
import { median, type Bench } from './harness.ts'
import { ensureBuilt } from './static-throughput.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ROUNDS = 5
const MODEL_PAGE = '/demo/general-vision/models/scenes-classifier'

/** bench/first-paint-server.ts in a child process; resolves with its origin. */
async function startServer(mode: 'demo' | 'proxy') {
  const args = [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'bench/first-paint-server.ts'), ...(mode === 'proxy' ? ['--proxy'] : [])]
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)))
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim().split('\n')[0]!))
  })
  return {
    origin,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

// Runs in the page before its scripts: the first frame after an element matching the selector has
// a size is when it became visible.
function watchFirst(selector: string) {
  const w = window as unknown as { __firstSeen?: number }
  const observer = new MutationObserver(() => {
    const element = document.querySelector(selector)
    if (!element || element.getBoundingClientRect().height === 0) return
    observer.disconnect()
    requestAnimationFrame(() => (w.__firstSeen = performance.now()))
  })
  observer.observe(document, { childList: true, subtree: true })
}

async function firstVisible(browser: Browser, url: string, selector: string): Promise<number> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.addInitScript(watchFirst, selector)
    await page.goto(url)
    await page.waitForFunction(() => (window as unknown as { __firstSeen?: number }).__firstSeen !== undefined, undefined, { timeout: 60_000 })
    return await page.evaluate(() => (window as unknown as { __firstSeen: number }).__firstSeen)
  } finally {
    await context.close()
  }
}

function watchLcp() {
  const w = window as unknown as { __lcp?: number }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__lcp = entry.startTime
  }).observe({ type: 'largest-contentful-paint', buffered: true })
}

async function paintTimes(browser: Browser, url: string, cpuSlowdown: number): Promise<{ fcp: number; lcp: number }> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
    }
    await page.addInitScript(watchLcp)
    await page.goto(url)
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 })
    // Late LCP candidates come with the page's data: wait until no part is still loading.
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 60_000 })
    return await page.evaluate(
      () =>
        new Promise<{ fcp: number; lcp: number }>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              resolve({
                fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
                lcp: (window as unknown as { __lcp?: number }).__lcp ?? NaN,
              }),
            ),
          ),
        ),
    )
  } finally {
    await context.close()
  }
}

/** The explorer's first operation against Swagger UI's, alternating which goes first, from one server. */
async function compareWithSwagger(browser: Browser, origin: string, mode: string) {
  // Warm the server's file caches and the JIT once each, unmeasured.
  await firstVisible(browser, `${origin}/explore`, 'a[data-operation]')
  await firstVisible(browser, `${origin}/swagger/`, '.opblock')

  const explorer: number[] = []
  const swagger: number[] = []
  const ratios: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['explorer', 'swagger'] : ['swagger', 'explorer']
    const times: Record<string, number> = {}
    for (const which of order) {
      times[which] =
        which === 'explorer' ? await firstVisible(browser, `${origin}/explore`, 'a[data-operation]') : await firstVisible(browser, `${origin}/swagger/`, '.opblock')
    }
    explorer.push(times.explorer!)
    swagger.push(times.swagger!)
    ratios.push(times.swagger! / times.explorer!)
  }
  const ratio = median(ratios)
  console.log(
    `explorer first operation visible (${mode}): ${ratio.toFixed(1)}x sooner than Swagger UI (bar 5x) ${ratio >= 5 ? 'PASS' : 'MISS'}` +
      `  [${median(explorer).toFixed(0)} ms vs ${median(swagger).toFixed(0)} ms, medians of ${ROUNDS}]`,
  )
}

export const firstPaintBench: Bench = {
  name: 'first paint in Chromium: explorer vs Swagger UI, model page LCP vs FCP',
  async run() {
    await ensureBuilt()
    const browser = await launchChromium()
    try {
      const proxy = await startServer('proxy')
      try {
        await compareWithSwagger(browser, proxy.origin, 'proxy mode, no session')
      } finally {
        await proxy.close()
      }
      const server = await startServer('demo')
      try {
        await compareWithSwagger(browser, server.origin, 'demo mode')
        for (const slowdown of [1, 4]) {
          const gaps: number[] = []
          const fcps: number[] = []
          const lcps: number[] = []
          for (let round = 0; round < ROUNDS; round++) {
            const { fcp, lcp } = await paintTimes(browser, `${server.origin}${MODEL_PAGE}`, slowdown)
            fcps.push(fcp)
            lcps.push(lcp)
            gaps.push(lcp - fcp)
          }
          const gap = median(gaps)
          console.log(
            `model page LCP - FCP${slowdown > 1 ? ` (CPU ${slowdown}x slower)` : ''}: ${gap.toFixed(0)} ms (bar 100 ms) ${gap <= 100 ? 'PASS' : 'MISS'}` +
              `  [FCP ${median(fcps).toFixed(0)} ms, LCP ${median(lcps).toFixed(0)} ms, medians of ${ROUNDS}]`,
          )
        }
      } finally {
        await server.close()
      }
    } finally {
      await browser.close()
    }
  },
}
