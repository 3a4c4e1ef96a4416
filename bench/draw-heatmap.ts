// The heatmap's drawing in headless Chromium, against a bare putImageData of the same size,
// interleaved in one page. The paint module is bundled with esbuild and injected into
// about:blank: no server, no build of the app.
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { launchChromium } from './browser.ts'
import { median, verdict, type Bench, type Comparison } from './harness.ts'

/** A measurement without a bar, printed for context. */
function info(label: string, cmp: Comparison, baselineName: string): string {
  return `${label}: ${cmp.ratio.toFixed(2)}x of ${baselineName} (info, no bar)  [${cmp.candidateMs.toFixed(1)} ms vs ${cmp.baselineMs.toFixed(1)} ms, medians]`
}

const SIZE = 1000
const REPS = 31
const WARMUP = 10
const FRAME_MS = 1000 / 60

async function bundlePaint(): Promise<string> {
  const entry = fileURLToPath(new URL('../src/components/heatmap-paint.ts', import.meta.url))
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: 'HeatmapPaint', target: 'es2022', minify: true })
  return out.outputFiles[0]!.text
}

interface PageTimes {
  baseline: number[]
  candidate: number[]
}

type Kind = 'new-matrix' | 'redraw'

// Runs in the page. Kept free of closures over Node values: Playwright serializes the function.
// 'new-matrix': everything a new matrix costs (color scale, LUT index per cell, cell image, draw);
// 'redraw': the same matrix drawn again (zoom, resize, theme), its cell image already built.
// Baselines: 'put' writes an image that is already filled (a memory copy, no per-cell work);
// 'fill-put' is the bare way to draw the matrix: find the largest value, one gray pixel per cell
// in a plain loop, one putImageData.
function pageDraw(args: { size: number; pixelsW: number; pixelsH: number; scale: 'linear' | 'log'; kind: Kind; base: 'put' | 'fill-put'; reps: number; warmup: number }): PageTimes {
  const P = (globalThis as unknown as { HeatmapPaint: typeof import('../src/components/heatmap-paint.ts') }).HeatmapPaint
  const { size, pixelsW, pixelsH, scale, kind, base, reps, warmup } = args
  // A confusion-like matrix: a strong diagonal, a few confusions per row, mostly zeros.
  let s = 12345
  const next = () => {
    s = (s * 1103515245 + 12345) >>> 0
    return s / 4294967296
  }
  const values = new Float64Array(size * size)
  for (let i = 0; i < size; i++) {
    values[i * size + i] = 20 + Math.floor(next() * 80)
    for (let k = 0; k < 6; k++) {
      const at = i * size + Math.floor(next() * size)
      values[at] = values[at]! + Math.floor(next() * 12)
    }
  }
  const canvas = document.createElement('canvas')
  canvas.width = pixelsW
  canvas.height = pixelsH
  document.body.append(canvas)
  const ctx = canvas.getContext('2d')!
  const lut = P.buildLut('sequential', false)
  const view = { r0: 0, r1: size, c0: 0, c1: size }
  const cache = {}
  const prepared = P.colorMappingFor(values, 'sequential', scale)
  // The baseline writes an image of the canvas's size that is already filled.
  const ready = ctx.createImageData(pixelsW, pixelsH)
  new Uint32Array(ready.data.buffer).fill(0xff336699)
  // A 1-pixel read makes both sides wait for the pixels to land in the canvas.
  const readyPixels = new Uint32Array(ready.data.buffer)
  const baseline = () => {
    if (base === 'fill-put') {
      let max = 0
      for (let k = 0; k < values.length; k++) if (values[k]! > max) max = values[k]!
      const f = max > 0 ? 255 / max : 0
      for (let k = 0; k < values.length; k++) {
        const g = 255 - ((values[k]! * f) | 0)
        readyPixels[k] = 0xff000000 | (g << 16) | (g << 8) | g
      }
    }
    ctx.putImageData(ready, 0, 0)
    ctx.getImageData(0, 0, 1, 1)
  }
  const candidate = () => {
    // A new matrix is a new mapping object: the cached cell image and indices no longer apply.
    const mapping = kind === 'new-matrix' ? P.colorMappingFor(values, 'sequential', scale) : prepared
    P.drawHeatmap(ctx, cache, values, mapping, size, size, view, pixelsW, pixelsH, lut)
    ctx.getImageData(0, 0, 1, 1)
  }
  for (let i = 0; i < warmup; i++) {
    baseline()
    candidate()
  }
  const times: PageTimes = { baseline: [], candidate: [] }
  for (let i = 0; i < reps; i++) {
    const order = i % 2 === 0 ? [baseline, candidate] : [candidate, baseline]
    for (const fn of order) {
      const t0 = performance.now()
      fn()
      const dt = performance.now() - t0
      ;(fn === baseline ? times.baseline : times.candidate).push(dt)
    }
  }
  canvas.remove()
  return times
}

// A pointer move: the cell under the pointer, its value and shares, the tooltip text, and the
// overlay (crosshair and outlines) redrawn. Sums are per matrix, computed before.
function pageHover(args: { size: number; plot: number; moves: number }): number[] {
  const P = (globalThis as unknown as { HeatmapPaint: typeof import('../src/components/heatmap-paint.ts') }).HeatmapPaint
  const { size, plot, moves } = args
  const values = new Float64Array(size * size)
  for (let i = 0; i < size; i++) values[i * size + i] = 50 + (i % 37)
  const sums = P.lineSums(values, size, size)
  const overlay = document.createElement('canvas')
  overlay.width = plot
  overlay.height = plot
  document.body.append(overlay)
  const ctx = overlay.getContext('2d')!
  const tip = document.createElement('div')
  document.body.append(tip)
  const g = { view: { r0: 0, r1: size, c0: 0, c1: size }, width: plot, height: plot }
  const times: number[] = []
  for (let k = 0; k < moves; k++) {
    const t0 = performance.now()
    const x = (k * 7919) % plot
    const y = (k * 104729) % plot
    const cell = P.cellAt(g, x + 0.5, y + 0.5)!
    const info = P.hoverInfo(values, size, sums, cell.row, cell.col)
    tip.textContent = `Actual: c${cell.row}\nPredicted: c${cell.col}\nValue: ${info.value}\nRow share: ${info.rowShare}\nColumn share: ${info.colShare}`
    P.drawOverlay(ctx, g, 1, { hover: cell, active: null, selected: { row: 3, col: 5 }, drag: null }, false)
    ctx.getImageData(0, 0, 1, 1)
    void tip.offsetHeight
    times.push(performance.now() - t0)
  }
  return times.slice(5)
}

function comparison(t: PageTimes): Comparison {
  const ratios = t.candidate.map((c, i) => c / t.baseline[i]!)
  return { baselineMs: median(t.baseline), candidateMs: median(t.candidate), ratio: median(ratios) }
}

async function run(): Promise<void> {
  const script = await bundlePaint()
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.goto('about:blank')
    // tsx compiles this file keeping function names through a `__name` helper; the functions
    // handed to page.evaluate carry those calls, so the page gets a no-op of its own.
    await page.addScriptTag({ content: 'globalThis.__name = (f) => f;' })
    await page.addScriptTag({ content: script })
    const draw = (pixels: number, scale: 'linear' | 'log', kind: Kind, base: 'put' | 'fill-put') => page.evaluate(pageDraw, { size: SIZE, pixelsW: pixels, pixelsH: pixels, scale, kind, base, reps: REPS, warmup: WARMUP })
    const cells = `${SIZE}x${SIZE} cells`
    // One discarded round first: the paint module lives on in the page between measurements, and
    // its first calls would otherwise pay for compiling it.
    await draw(SIZE, 'linear', 'new-matrix', 'fill-put')
    console.log(verdict(`redraw ${cells} on ${SIZE}x${SIZE} px (zoom, resize, theme)`, comparison(await draw(SIZE, 'linear', 'redraw', 'put')), 2, 'bare putImageData'))
    console.log(verdict(`draw a new matrix of ${cells} on ${SIZE}x${SIZE} px, linear`, comparison(await draw(SIZE, 'linear', 'new-matrix', 'fill-put')), 2, 'bare gray fill + putImageData'))
    console.log(verdict(`draw a new matrix of ${cells} on ${SIZE}x${SIZE} px, log scale`, comparison(await draw(SIZE, 'log', 'new-matrix', 'fill-put')), 2, 'bare gray fill + putImageData'))
    // No JavaScript pass over a million cells comes near a memory copy: context, not a bar.
    console.log(info(`draw a new matrix of ${cells} on ${SIZE}x${SIZE} px, linear`, comparison(await draw(SIZE, 'linear', 'new-matrix', 'put')), 'putImageData of a ready image'))
    // As on screen at 1x: 1,000 columns pooled into a 720-pixel plot; the baseline is a 720x720 put.
    console.log(info(`redraw ${cells} on 720x720 px, max pooling`, comparison(await draw(720, 'linear', 'redraw', 'put')), 'putImageData 720x720 of a ready image'))
    const hover = await page.evaluate(pageHover, { size: SIZE, plot: 720, moves: 205 })
    const m = median(hover)
    const p95 = [...hover].sort((a, b) => a - b)[Math.floor(hover.length * 0.95)]!
    console.log(`hover update (hit test, tooltip text, overlay redraw): ${m.toFixed(2)} ms median, ${p95.toFixed(2)} ms p95 (bar ${FRAME_MS.toFixed(1)} ms, one frame) ${p95 <= FRAME_MS ? 'PASS' : 'MISS'}`)
  } finally {
    await browser.close()
  }
}

export const drawHeatmapBench: Bench = { name: 'Heatmap draw (Chromium)', run }
