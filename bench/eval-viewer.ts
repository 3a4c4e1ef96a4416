// The evaluation viewer at 1,000 and 10,000 concepts, through the real components: the server
// (`npm start`, demo API) on BENCH_PORT, the built console in headless Chromium. Measured:
// - navigation to the first drawn heatmap; the longest main-thread task while loading (every long
//   task from navigation until the viewer's last stage is mounted and the page is quiet), and
//   apart from it the longest one besides the app's module evaluation (its boot), so the viewer's
//   own share shows; the page's share of the worker's load (reading its message and each step of
//   reviving the prepared evaluation, tasks of their own);
// - JS heap and ArrayBuffer backing stores after load (after a GC), per non-zero count cell;
// - a threshold step: from the slider's input event to the frame after the commit that shows the
//   new matrix and metrics (the per-concept table names the new threshold in the same commit
//   that redraws the heatmap), median and p95 over STEPS steps, in frames of 16.7 ms, and the
//   longest main-thread task while stepping.
// Each longest task is also given by CPU time (the renderer main thread's own time, from a trace):
// on a shared machine, wall-clock tasks include the time other processes had the core.
import { spawn, type ChildProcess } from 'node:child_process'
import type { Browser, Page } from '@playwright/test'
import { launchChromium } from './browser.ts'
import { median, type Bench } from './harness.ts'

const PORT = Number(process.env.BENCH_PORT ?? 4390)
const BASE = `http://127.0.0.1:${PORT}`
const FRAME_MS = 1000 / 60
const STEPS = 24
const EVALUATIONS = [
  { label: '1,000 concepts', app: 'product-catalog', id: '775f0c939a6bd4874ebe28862847e0ad', stepBar: 1 },
  { label: '10,000 concepts', app: 'general-vision', id: '7ccaddba29d67c856de640c61bc1d699', stepBar: 2 },
]
const HEAP_BAR_MB = 300
const TASK_BAR_MS = 50

async function startServer(): Promise<ChildProcess> {
  const child = spawn('npm', ['start'], { env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1' }, stdio: 'ignore', detached: true })
  const until = Date.now() + 240_000
  while (Date.now() < until) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return child
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  stopServer(child)
  throw new Error(`the server did not answer on ${BASE} within 240 s`)
}

function stopServer(child: ChildProcess): void {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/** Starts a trace of the page's main-thread tasks (each task and its CPU time, and the navigation's marks). */
async function startTaskTrace(page: Page): Promise<void> {
  await (page.context().browser() as Browser).startTracing(page, { categories: ['toplevel', 'blink.user_timing'] })
}

/**
 * The longest main-thread task since startTaskTrace by its CPU time, in ms (NaN when the trace has
 * none). Across a navigation, from the new document's commit on, as the page's own long-task
 * observer sees them: the browser's work to leave the old page and set up the new one is before.
 */
async function stopTaskTrace(page: Page): Promise<number> {
  const trace = JSON.parse((await (page.context().browser() as Browser).stopTracing()).toString()) as { traceEvents: TraceEvent[] }
  const mainThreads = new Set(trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  const commit = trace.traceEvents.filter((e) => e.name === 'commitNavigationEnd').at(-1)
  // Several renderers may be traced (the browser's own UI); the page's is the one that worked most.
  const byThread = new Map<string, number[]>()
  for (const e of trace.traceEvents) {
    const thread = `${e.pid}:${e.tid}`
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || e.tdur === undefined || !mainThreads.has(thread)) continue
    if (commit && (e.pid !== commit.pid || e.ts < commit.ts)) continue
    byThread.set(thread, [...(byThread.get(thread) ?? []), e.tdur / 1000])
  }
  const busiest = [...byThread.values()].sort((a, b) => b.reduce((x, y) => x + y, 0) - a.reduce((x, y) => x + y, 0))[0]
  return busiest ? Math.max(...busiest) : NaN
}

function p95(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!
}

// Page code is passed as text: tsx wraps named functions in a helper the page does not have.
// Installed before any script of the page: long tasks, and the first frame with a drawn heatmap.
// Long animation frames that ran a module script (the app's module evaluation) mark the boot.
const INIT_SCRIPT = `
window.__longest = 0
window.__tasks = []
window.__boot = []
window.__frames = []
try {
  new PerformanceObserver(function (list) {
    for (const e of list.getEntries()) {
      window.__tasks.push([e.startTime, e.duration])
      if (e.duration > window.__longest) window.__longest = e.duration
    }
  }).observe({ entryTypes: ['longtask'] })
} catch (error) {
  window.__longest = NaN
}
try {
  new PerformanceObserver(function (list) {
    for (const e of list.getEntries()) {
      for (const s of e.scripts) if (s.invokerType === 'module-script') window.__boot.push([s.startTime, s.startTime + s.duration])
      window.__frames.push({
        start: e.startTime,
        end: e.startTime + e.duration,
        rendering: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        scripts: e.scripts.map(function (s) {
          return { what: s.invokerType + ' ' + (s.sourceURL || '').split('/').pop().replace(/-[A-Za-z0-9_-]{8}\\.js$/, '.js') + (s.sourceFunctionName ? ' ' + s.sourceFunctionName : ''), ms: s.duration }
        }),
      })
    }
  }).observe({ type: 'long-animation-frame', buffered: true })
} catch (error) {
  window.__boot = null
}
requestAnimationFrame(function check() {
  const canvas = document.querySelector('[data-testid="heatmap"] canvas')
  if (canvas && canvas.width > 1) window.__firstHeatmap = performance.now()
  else requestAnimationFrame(check)
})
`

// In the page: times each slider input to the frame after the new threshold is on screen.
const STEP_PROBE = `
window.__steps = []
const slider = document.querySelector('[data-testid="threshold-slider"]')
slider.addEventListener('input', function (event) {
  const start = event.timeStamp
  const want = 'Per-concept metrics at threshold ' + Number(slider.value).toFixed(2)
  function shown() {
    return Array.from(document.querySelectorAll('caption')).some(function (c) { return c.textContent === want })
  }
  function finish() {
    requestAnimationFrame(function () { window.__steps.push(performance.now() - start) })
  }
  if (shown()) return finish()
  const observer = new MutationObserver(function () {
    if (!shown()) return
    observer.disconnect()
    finish()
  })
  observer.observe(document.body, { subtree: true, childList: true, characterData: true })
})
`

async function measure(page: Page, e: (typeof EVALUATIONS)[number]): Promise<string[]> {
  const url = `${BASE}/demo/${e.app}/evaluations/${e.id}?mode=counts`
  await startTaskTrace(page)
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __firstHeatmap?: number }).__firstHeatmap !== undefined, undefined, { timeout: 180_000 })
  // Loading ends when the viewer's last stage is mounted (the curves panel) and no long task came for a second.
  await page.getByTestId('panel-curves').waitFor({ timeout: 180_000 })
  const mounted = await page.evaluate(() => performance.now())
  await page.waitForFunction(
    (since) => {
      const w = window as unknown as { __tasks: [number, number][] }
      const last = w.__tasks.at(-1)
      return performance.now() - Math.max(since, last ? last[0] + last[1] : 0) > 1000
    },
    mounted,
    { timeout: 60_000, polling: 200 },
  )
  const load = await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __firstHeatmap: number; __tasks: [number, number][]; __boot: [number, number][] | null; __frames: Array<{ start: number; end: number; rendering: number; scripts: Array<{ what: string; ms: number }> }> }
    // The page's share of the worker's load (src/api/evaluation-load.ts ARRIVAL_MEASURE): reading its message, then each step of reviving it.
    const arrivals = performance.getEntriesByName('evaluation arrival').map((m) => m.duration)
    const boot = w.__boot
    // (No named functions in page code: see INIT_SCRIPT.)
    const others = boot === null ? [] : w.__tasks.filter((t) => !boot.some(([a, b]) => a < t[0] + t[1] && t[0] < b))
    const besidesBoot = boot === null ? NaN : Math.max(0, ...others.map((t) => t[1]))
    // What the longest of those ran, from the long animation frame around it: its largest scripts and its rendering.
    const worst = others.reduce<[number, number] | undefined>((a, t) => (a === undefined || t[1] > a[1] ? t : a), undefined)
    const frame = worst && w.__frames.find((f) => f.start <= worst[0] + 1 && worst[0] + worst[1] <= f.end + 1)
    const ran = frame
      ? [...frame.scripts.sort((a, b) => b.ms - a.ms).slice(0, 2).map((x) => `${x.what} ${x.ms.toFixed(0)} ms`), `rendering ${frame.rendering.toFixed(0)} ms`].join(', ')
      : ''
    return {
      first: w.__firstHeatmap,
      longest: w.__longest,
      besidesBoot,
      ran,
      arrival: Math.max(0, ...arrivals),
      arrivalTotal: arrivals.reduce((a, b) => a + b, 0),
      arrivalTasks: arrivals.length,
      nnz: Number(document.querySelector('[data-testid="heatmap"]')?.getAttribute('data-nnz') ?? 0),
    }
  })
  const loadCpu = await stopTaskTrace(page)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number }
  const backing = heap.backingStorageSize ?? 0
  const totalMb = (heap.usedSize + backing) / 1e6

  await page.evaluate(STEP_PROBE)
  await page.getByTestId('threshold-slider').focus()
  // From here on the longest task is the scrub's.
  await page.evaluate(() => {
    ;(window as unknown as { __longest: number }).__longest = 0
  })
  await startTaskTrace(page)
  for (let k = 0; k < STEPS; k++) {
    await page.keyboard.press(k % 2 === 0 || k < STEPS / 2 ? 'ArrowRight' : 'ArrowLeft')
    await page.waitForFunction((n) => (window as unknown as { __steps: number[] }).__steps.length >= n, k + 1, { timeout: 30_000 })
  }
  const { steps, scrubLongest } = await page.evaluate(() => {
    const w = window as unknown as { __steps: number[]; __longest: number }
    return { steps: w.__steps, scrubLongest: w.__longest }
  })
  const scrubCpu = await stopTaskTrace(page)
  const med = median(steps) / FRAME_MS
  const high = p95(steps) / FRAME_MS
  const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS')
  return [
    `${e.label}: threshold step ${med.toFixed(2)} frames median, ${high.toFixed(2)} p95 over ${steps.length} steps (bar ${e.stepBar} frame${e.stepBar > 1 ? 's' : ''}) ${mark(high <= e.stepBar)}  [${median(steps).toFixed(1)} ms median]`,
    `${e.label}: longest main-thread task while scrubbing ${scrubLongest.toFixed(0)} ms (bar ${TASK_BAR_MS} ms) ${mark(scrubLongest <= TASK_BAR_MS)}; by CPU time ${scrubCpu.toFixed(0)} ms ${mark(scrubCpu <= TASK_BAR_MS)}`,
    `${e.label}: JS heap ${(heap.usedSize / 1e6).toFixed(1)} MB + ArrayBuffers ${(backing / 1e6).toFixed(1)} MB after load (bar ${HEAP_BAR_MB} MB) ${mark(totalMb < HEAP_BAR_MB)}; ${load.nnz.toLocaleString('en')} non-zero count cells, ${load.nnz > 0 ? Math.round((heap.usedSize + backing) / load.nnz).toLocaleString('en') : '—'} bytes of the whole tab per cell (the sparse matrix itself: 16 bytes per cell)`,
    `${e.label}: navigation to the first drawn heatmap ${(load.first / 1000).toFixed(2)} s; longest main-thread task while loading ${load.longest.toFixed(0)} ms (bar ${TASK_BAR_MS} ms) ${mark(load.longest <= TASK_BAR_MS)}; by CPU time ${loadCpu.toFixed(0)} ms ${mark(loadCpu <= TASK_BAR_MS)}`,
    `${e.label}: longest main-thread task while loading, besides the app's module evaluation (boot) ${load.besidesBoot.toFixed(0)} ms (bar ${TASK_BAR_MS} ms) ${mark(load.besidesBoot <= TASK_BAR_MS)}${load.ran ? ` (it ran: ${load.ran})` : ''}`,
    `${e.label}: the prepared evaluation's arrival from the worker (message read + revive, main thread) longest task ${load.arrival.toFixed(1)} ms (bar ${TASK_BAR_MS} ms) ${mark(load.arrival <= TASK_BAR_MS)}; ${load.arrivalTotal.toFixed(1)} ms in all over ${load.arrivalTasks} tasks`,
  ]
}

export const evalViewerBench: Bench = {
  name: 'evaluation viewer in Chromium (real components, demo server)',
  async run() {
    // The browser the tests find (scripts/chromium.ts): CHROMIUM_PATH, Playwright's own, or the system's.
    const browser = await launchChromium()
    let server: ChildProcess
    try {
      server = await startServer()
    } catch (error) {
      await browser.close()
      throw error
    }
    try {
      for (const e of EVALUATIONS) {
        // The stand-in builds a large evaluation once and keeps it: warm it so the navigation is the console's time.
        await fetch(`${BASE}/v2/users/demo/apps/${e.app}/evaluations/${e.id}?fields.test_set=true&fields.confusion_matrix=true&fields.cooccurrence_matrix=true&fields.label_counts=true&fields.binary_metrics=true&fields.metrics_by_area=true&fields.metrics_by_class=true`, { headers: { Authorization: 'Key demo' } }).then((r) => r.arrayBuffer())
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
        await context.addInitScript(INIT_SCRIPT)
        const page = await context.newPage()
        page.on('pageerror', (error) => console.log(`page error: ${error.message}`))
        for (const line of await measure(page, e)) console.log(line)
        await context.close()
      }
    } finally {
      await browser.close()
      stopServer(server)
    }
  },
}
