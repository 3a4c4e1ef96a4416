// The pixels of the canvas heatmap, apart from React so the benchmark can bundle them alone.
//
// A matrix of up to millions of cells is drawn as one device-size image: every pixel of the
// canvas gets the color of the cell under it through a 256-entry lookup table (no fillRect per
// cell), then one putImageData. When cells are smaller than pixels (1,000 columns in 700 pixels)
// a pixel shows the cell of largest magnitude under it, so a lone hot cell never disappears.

import { runSteps, type Steps } from '../lib/yield-to-main.ts'

export type ColorScale = 'linear' | 'log'
export type ColorScheme = 'sequential' | 'diverging'

/** A window of the matrix: rows [r0, r1), columns [c0, c1). */
export interface CellWindow {
  r0: number
  r1: number
  c0: number
  c1: number
}

/** The whole matrix as a window. */
export function fullView(rows: number, cols: number): CellWindow {
  return { r0: 0, r1: rows, c0: 0, c1: cols }
}

export interface ColorMapping {
  scheme: ColorScheme
  scale: ColorScale
  /** Sequential: the value drawn with the strongest color; diverging: the largest magnitude. */
  max: number
  /** Sequential: the value drawn with the weakest color (0 for counts and probabilities). */
  min: number
  /** Log scale: values are compared through log(1 + |v| / unit); the smallest non-zero magnitude. */
  unit: number
}

/** LUT index of an empty cell (exactly zero) in a sequential table. */
export const EMPTY_INDEX = 0
/** LUT index of zero in a diverging table. */
export const NEUTRAL_INDEX = 128

// Viridis at nine stops: perceptually ordered and readable for the usual color-vision deficiencies.
const VIRIDIS: ReadonlyArray<readonly [number, number, number]> = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
]
// Blue to red through a neutral middle (RdBu, reversed so that negative is blue).
const DIVERGING_LIGHT: ReadonlyArray<readonly [number, number, number]> = [
  [5, 48, 97],
  [33, 102, 172],
  [67, 147, 195],
  [146, 197, 222],
  [241, 241, 241],
  [244, 165, 130],
  [214, 96, 77],
  [178, 24, 43],
  [103, 0, 31],
]
const DIVERGING_DARK: ReadonlyArray<readonly [number, number, number]> = [
  [146, 197, 222],
  [67, 147, 195],
  [33, 102, 172],
  [24, 60, 110],
  [30, 41, 59],
  [120, 40, 45],
  [178, 24, 43],
  [214, 96, 77],
  [244, 165, 130],
]

const isLittleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/** One RGBA pixel as the Uint32 that a Uint32Array view over ImageData.data holds. */
export function packRgba(r: number, g: number, b: number, a = 255): number {
  return isLittleEndian ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0
}

function ramp(stops: ReadonlyArray<readonly [number, number, number]>, t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1)
  const k = Math.min(stops.length - 2, Math.floor(x))
  const f = x - k
  const a = stops[k]!
  const b = stops[k + 1]!
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)]
}

/** The CSS color of a LUT entry, for legends. */
export function lutCss(scheme: ColorScheme, isDark: boolean, index: number): string {
  const [r, g, b] = lutRgb(scheme, isDark, index)
  return `rgb(${r} ${g} ${b})`
}

function lutRgb(scheme: ColorScheme, isDark: boolean, index: number): [number, number, number] {
  if (scheme === 'diverging') return ramp(isDark ? DIVERGING_DARK : DIVERGING_LIGHT, index / 255)
  // Index 0 is an empty cell: the page background, so zeros recede; 1..255 run the ramp.
  if (index === EMPTY_INDEX) return isDark ? [30, 41, 59] : [241, 245, 249]
  return ramp(VIRIDIS, (index - 1) / 254)
}

const lutCache = new Map<string, Uint32Array>()

/** 256 packed colors; cached per scheme and theme. */
export function buildLut(scheme: ColorScheme, isDark: boolean): Uint32Array {
  const key = `${scheme}:${isDark ? 'dark' : 'light'}`
  let lut = lutCache.get(key)
  if (!lut) {
    lut = new Uint32Array(256)
    for (let i = 0; i < 256; i++) {
      const [r, g, b] = lutRgb(scheme, isDark, i)
      lut[i] = packRgba(r, g, b)
    }
    lutCache.set(key, lut)
  }
  return lut
}

/**
 * The mapping for a matrix: sequential from min(0, smallest) to the largest value, diverging
 * symmetric around 0. NaN and infinities are ignored. One pass (two for the log scale).
 */
export function colorMappingFor(values: Float64Array, scheme: ColorScheme, scale: ColorScale): ColorMapping {
  let min = values.length > 0 ? values[0]! : Infinity
  let max = min
  if (min !== min) {
    min = Infinity
    max = -Infinity
  }
  for (let k = 1; k < values.length; k++) {
    const v = values[k]!
    // One comparison for most cells (NaN fails both and is skipped).
    if (v > max) max = v
    else if (v < min) min = v
  }
  // NaN never wins a comparison; infinities would flatten the scale: leave them out.
  if (min === -Infinity || max === Infinity) {
    min = Infinity
    max = -Infinity
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!
      if (v === Infinity || v === -Infinity) continue
      if (v < min) min = v
      if (v > max) max = v
    }
  }
  if (min === Infinity) {
    min = 0
    max = 0
  }
  let unit = 1
  if (scale === 'log') {
    unit = Infinity
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!
      const a = v < 0 ? -v : v
      if (a > 0 && a < unit) unit = a
    }
    if (unit === Infinity) unit = 1
  }
  if (scheme === 'diverging') {
    const m = Math.max(Math.abs(min), Math.abs(max))
    return { scheme, scale, min: -m, max: m, unit }
  }
  return { scheme, scale, min: Math.min(0, min), max, unit }
}

/** LUT index of one value; the same arithmetic as colorIndices, for legends, text and tests. */
export function colorIndex(v: number, m: ColorMapping): number {
  const out = new Uint8ClampedArray(1)
  colorIndices(Float64Array.of(v), m, out)
  return out[0]!
}

/**
 * The LUT index of every cell, into `out` (a Uint8ClampedArray clamps to 0..255 by itself).
 * Sequential: 0 for exactly zero (and NaN), 1..255 over [min, max]; diverging: 128 for zero.
 * Monomorphic loops over a Float64Array, the hot path of drawing a new matrix.
 */
export function colorIndices(values: Float64Array, m: ColorMapping, out: Uint8ClampedArray): Uint8ClampedArray {
  const n = values.length
  const isLog = m.scale === 'log'
  const invUnit = 1 / m.unit
  if (m.scheme === 'diverging') {
    const k = m.max > 0 && Number.isFinite(m.max) ? (isLog ? 127 / Math.log1p(m.max * invUnit) : 127 / m.max) : 0
    for (let j = 0; j < n; j++) {
      const v = values[j]!
      if (v === 0 || v !== v || k === 0) {
        out[j] = NEUTRAL_INDEX
        continue
      }
      const s = isLog ? (v > 0 ? Math.log1p(v * invUnit) : -Math.log1p(-v * invUnit)) * k : v * k
      // Clamped to 1..255 (0 would be a second neutral); rounding away from zero keeps tiny values off 128.
      const i = NEUTRAL_INDEX + (s > 0 ? Math.ceil(s) : Math.floor(s))
      out[j] = i < 1 ? 1 : i
    }
    return out
  }
  const min = m.min
  const span = m.max - min
  if (!(span > 0) || !Number.isFinite(span)) {
    for (let j = 0; j < n; j++) {
      const v = values[j]!
      out[j] = v === 0 || v !== v ? EMPTY_INDEX : 255
    }
    return out
  }
  if (isLog) {
    const k = 254.999 / Math.log1p(span * invUnit)
    for (let j = 0; j < n; j++) {
      const v = values[j]!
      if (v === 0 || v !== v) {
        out[j] = EMPTY_INDEX
        continue
      }
      const a = v - min
      out[j] = 1 + ((a > 0 ? Math.log1p(a * invUnit) * k : 0) | 0)
    }
    return out
  }
  const k = 254.999 / span
  for (let j = 0; j < n; j++) {
    const v = values[j]!
    // Most cells of a big confusion matrix are zero: one well-predicted branch.
    if (v === 0 || v !== v) out[j] = EMPTY_INDEX
    else out[j] = 1 + (((v - min) * k) | 0)
  }
  return out
}

/**
 * Cell colors, one pixel per cell: the image of the whole matrix (rows x cols), values straight
 * to pixels in one loop per scale (the arithmetic of colorIndices, through the LUT).
 */
export function paintCells(pixels: Uint32Array, values: Float64Array, m: ColorMapping, lut: Uint32Array): void {
  const n = values.length
  const isLog = m.scale === 'log'
  const invUnit = 1 / m.unit
  if (m.scheme === 'diverging') {
    const neutral = lut[NEUTRAL_INDEX]!
    const k = m.max > 0 && Number.isFinite(m.max) ? (isLog ? 127 / Math.log1p(m.max * invUnit) : 127 / m.max) : 0
    if (k === 0) {
      pixels.fill(neutral, 0, n)
      return
    }
    for (let j = 0; j < n; j++) {
      const v = values[j]!
      if (v === 0 || v !== v) {
        pixels[j] = neutral
        continue
      }
      const s = isLog ? (v > 0 ? Math.log1p(v * invUnit) : -Math.log1p(-v * invUnit)) * k : v * k
      const i = NEUTRAL_INDEX + (s > 0 ? Math.ceil(s) : Math.floor(s))
      pixels[j] = lut[i < 1 ? 1 : i > 255 ? 255 : i]!
    }
    return
  }
  const empty = lut[EMPTY_INDEX]!
  const min = m.min
  const span = m.max - min
  if (!(span > 0) || !Number.isFinite(span)) {
    const full = lut[255]!
    for (let j = 0; j < n; j++) {
      const v = values[j]!
      pixels[j] = v === 0 || v !== v ? empty : full
    }
    return
  }
  if (isLog) {
    const k = 254.999 / Math.log1p(span * invUnit)
    for (let j = 0; j < n; j++) {
      const v = values[j]!
      if (v === 0 || v !== v) {
        pixels[j] = empty
        continue
      }
      const a = v - min
      const i = 1 + ((a > 0 ? Math.log1p(a * invUnit) * k : 0) | 0)
      pixels[j] = lut[i > 255 ? 255 : i]!
    }
    return
  }
  const k = 254.999 / span
  if (min === 0) {
    // Counts, probabilities, shares: one comparison per cell (zero and NaN both fail it).
    for (let j = 0; j < n; j++) {
      const v = values[j]!
      pixels[j] = v > 0 ? lut[1 + ((v * k) | 0)]! : empty
    }
    return
  }
  for (let j = 0; j < n; j++) {
    const v = values[j]!
    // Most cells of a big confusion matrix are zero: one well-predicted branch. NaN is empty too.
    pixels[j] = v === 0 || v !== v ? empty : lut[1 + (((v - min) * k) | 0)]!
  }
}

/** The source index at each pixel edge: edges[p] = first source index drawn at pixel p. */
function edges(first: number, count: number, pixels: number): Int32Array {
  const out = new Int32Array(pixels + 1)
  for (let p = 0; p <= pixels; p++) out[p] = first + Math.floor((p * count) / pixels)
  return out
}

export interface PaintTarget {
  /** The image, one packed RGBA Uint32 per pixel, row-major, width * height. */
  pixels: Uint32Array
  width: number
  height: number
}

/** Scratch kept between draws so a slider drag allocates nothing per frame. */
let scratch = new Uint8ClampedArray(0)

/**
 * Paints `view` of a matrix of LUT indices (rows x cols, row-major) over the whole target, each
 * pixel the color of the cell under it. Where several cells share a pixel (the view has more
 * cells than the target has pixels), the strongest one wins (the largest index; for a diverging
 * scale the farthest from neutral), so a lone hot cell stays visible.
 */
export function paintView(target: PaintTarget, indices: Uint8ClampedArray, cols: number, view: CellWindow, lut: Uint32Array, scheme: ColorScheme): void {
  const { pixels, width, height } = target
  const viewRows = view.r1 - view.r0
  const viewCols = view.c1 - view.c0
  const isDiverging = scheme === 'diverging'
  if (width <= 0 || height <= 0) return
  if (viewRows <= 0 || viewCols <= 0) {
    pixels.fill(lut[isDiverging ? NEUTRAL_INDEX : EMPTY_INDEX]!, 0, width * height)
    return
  }
  const colEdges = edges(0, viewCols, width)
  const rowEdges = edges(view.r0, viewRows, height)
  if (scratch.length < viewCols) scratch = new Uint8ClampedArray(viewCols)
  const line = scratch
  let prevA = -1
  let prevB = -1
  for (let y = 0; y < height; y++) {
    const out = y * width
    const ra = rowEdges[y]!
    const rb = Math.max(ra + 1, rowEdges[y + 1]!)
    if (ra === prevA && rb === prevB) {
      // The same source rows as the pixel row above (cells taller than a pixel): copy it.
      pixels.copyWithin(out, out - width, out)
      continue
    }
    prevA = ra
    prevB = rb
    // 1. The rows under this pixel row, pooled into one line of the view's columns.
    line.set(indices.subarray(ra * cols + view.c0, ra * cols + view.c1))
    for (let r = ra + 1; r < rb; r++) {
      const base = r * cols + view.c0
      if (isDiverging) {
        for (let c = 0; c < viewCols; c++) {
          const i = indices[base + c]!
          const a = line[c]!
          if ((i > NEUTRAL_INDEX ? i - NEUTRAL_INDEX : NEUTRAL_INDEX - i) > (a > NEUTRAL_INDEX ? a - NEUTRAL_INDEX : NEUTRAL_INDEX - a)) line[c] = i
        }
      } else {
        for (let c = 0; c < viewCols; c++) {
          const i = indices[base + c]!
          if (i > line[c]!) line[c] = i
        }
      }
    }
    // 2. The line's columns under each pixel, pooled, through the LUT.
    for (let x = 0; x < width; x++) {
      const ca = colEdges[x]!
      const cb = colEdges[x + 1]!
      let best = line[ca]!
      for (let c = ca + 1; c < cb; c++) {
        const i = line[c]!
        if (isDiverging ? (i > NEUTRAL_INDEX ? i - NEUTRAL_INDEX : NEUTRAL_INDEX - i) > (best > NEUTRAL_INDEX ? best - NEUTRAL_INDEX : NEUTRAL_INDEX - best) : i > best) best = i
      }
      pixels[out + x] = lut[best]!
    }
  }
}

/** Convenience for one-off drawing and tests: indices, then the view. */
export function paintMatrix(target: PaintTarget, values: Float64Array, cols: number, view: CellWindow, mapping: ColorMapping, lut: Uint32Array): void {
  paintView(target, colorIndices(values, mapping, new Uint8ClampedArray(values.length)), cols, view, lut, mapping.scheme)
}

/** Whether the view has at least one device pixel per cell (drawImage can scale the cell image). */
export function fitsPixels(view: CellWindow, width: number, height: number): boolean {
  return width >= view.c1 - view.c0 && height >= view.r1 - view.r0
}

/** What a canvas keeps between draws: the cell image (one pixel per cell), indices, a device image. */
export interface DrawCache {
  layer?: HTMLCanvasElement
  layerImage?: ImageData
  layerOf?: { values: Float64Array; mapping: ColorMapping; lut: Uint32Array }
  indices?: Uint8ClampedArray
  indicesOf?: { values: Float64Array; mapping: ColorMapping }
  image?: ImageData
  /** What `image` shows when it is the whole matrix at one pixel per cell. */
  imageOf?: { values: Float64Array; mapping: ColorMapping; lut: Uint32Array }
}

/** The LUT indices of a matrix, kept while the values and the mapping stay the same. */
export function cachedIndices(cache: DrawCache, values: Float64Array, mapping: ColorMapping): Uint8ClampedArray {
  if (!cache.indices || cache.indicesOf?.values !== values || cache.indicesOf.mapping !== mapping) {
    const buffer = cache.indices && cache.indices.length === values.length ? cache.indices : new Uint8ClampedArray(values.length)
    cache.indices = colorIndices(values, mapping, buffer)
    cache.indicesOf = { values, mapping }
  }
  return cache.indices
}

/**
 * Draws the view of a matrix over a canvas of w x h device pixels.
 * - At least a pixel per cell: the cell image, built once per matrix and colors (one
 *   putImageData of cols x rows), is scaled onto the canvas by drawImage without smoothing.
 * - More cells than pixels: each pixel gets the strongest cell under it, one putImageData of a
 *   device-size image (nearest-neighbour scaling would drop rows and columns).
 */
export function drawHeatmap(ctx: CanvasRenderingContext2D, cache: DrawCache, values: Float64Array, mapping: ColorMapping, rows: number, cols: number, view: CellWindow, w: number, h: number, lut: Uint32Array): void {
  if (w === cols && h === rows && view.r0 === 0 && view.c0 === 0 && view.r1 === rows && view.c1 === cols) {
    // One device pixel per cell, whole matrix: the cell image is the canvas image.
    let image = cache.image
    const of = cache.imageOf
    if (!image || image.width !== w || image.height !== h || !of || of.values !== values || of.mapping !== mapping || of.lut !== lut) {
      if (!image || image.width !== w || image.height !== h) image = cache.image = ctx.createImageData(w, h)
      paintCells(new Uint32Array(image.data.buffer), values, mapping, lut)
      cache.imageOf = { values, mapping, lut }
    }
    ctx.putImageData(image, 0, 0)
    return
  }
  if (fitsPixels(view, w, h)) {
    let layer = cache.layer
    if (!layer) layer = cache.layer = document.createElement('canvas')
    const of = cache.layerOf
    if (!of || of.values !== values || of.mapping !== mapping || of.lut !== lut || layer.width !== cols || layer.height !== rows) {
      // Resizing a canvas reallocates it, even to the same size: only when the shape changed.
      if (layer.width !== cols) layer.width = cols
      if (layer.height !== rows) layer.height = rows
      const lctx = layer.getContext('2d')
      if (!lctx) return
      let cells = cache.layerImage
      if (!cells || cells.width !== cols || cells.height !== rows) cells = cache.layerImage = lctx.createImageData(cols, rows)
      paintCells(new Uint32Array(cells.data.buffer), values, mapping, lut)
      lctx.putImageData(cells, 0, 0)
      cache.layerOf = { values, mapping, lut }
    }
    ctx.imageSmoothingEnabled = false
    ctx.clearRect(0, 0, w, h)
    ctx.drawImage(layer, view.c0, view.r0, view.c1 - view.c0, view.r1 - view.r0, 0, 0, w, h)
    return
  }
  let image = cache.image
  if (!image || image.width !== w || image.height !== h) image = cache.image = ctx.createImageData(w, h)
  paintView({ pixels: new Uint32Array(image.data.buffer), width: w, height: h }, cachedIndices(cache, values, mapping), cols, view, lut, mapping.scheme)
  cache.imageOf = undefined
  ctx.putImageData(image, 0, 0)
}

// ---------------------------------------------------------------------------------------------
// Pooled overview, repainted incrementally

/** The stored cells of a matrix (parallel arrays, `nnz` of them), as a sparse matrix gives them. */
export interface CellList {
  readonly nnz: number
  readonly row: ArrayLike<number>
  readonly col: ArrayLike<number>
  readonly value: ArrayLike<number>
}

/** A row and column whose values are multiplied by `factor` before pooling (the "(other)" line). */
export interface SpecialLine {
  row: number
  col: number
  factor: number
}

/**
 * A device-size image of a window with more cells than pixels, kept between draws: each pixel
 * holds the stored value of largest magnitude in its block. The next draw of the same window and
 * size costs O(stored cells), not O(pixels): only pixels whose value or color changed are
 * repainted, and the caller puts back only their bounding box.
 */
export interface PooledImage {
  readonly width: number
  readonly height: number
  readonly window: CellWindow
  readonly lut: Uint32Array
  readonly special: SpecialLine | undefined
  mapping: ColorMapping | null
  /** Pooled value per pixel (0: no stored cell). */
  readonly values: Float64Array
  /** Scratch: the values being pooled in this draw, valid where stamp === gen. */
  readonly next: Float64Array
  readonly stamp: Uint32Array
  gen: number
  /** Pixels holding a stored cell after the last draw; `spare` is the buffer of the next draw's. */
  touched: Int32Array
  touchedCount: number
  spare: Int32Array
}

export interface DirtyRect {
  x: number
  y: number
  w: number
  h: number
}

function sameSpecial(a: SpecialLine | undefined, b: SpecialLine | undefined): boolean {
  return a === b || (!!a && !!b && a.row === b.row && a.col === b.col && a.factor === b.factor)
}

/** Whether the window has at least as many cells as pixels both ways (the pooled case). */
export function isPooledWindow(view: CellWindow, w: number, h: number): boolean {
  return view.r1 - view.r0 >= h && view.c1 - view.c0 >= w && w > 0 && h > 0
}

let colorScratch = new Uint32Array(0)
let changedScratch = new Int32Array(0)
let valueScratch = new Float64Array(0)

/** The colors of `count` pixels (indices into `values`), through paintCells; a scratch view. */
function colorsOf(values: Float64Array, at: Int32Array, count: number, mapping: ColorMapping, lut: Uint32Array): Uint32Array {
  if (valueScratch.length < count) {
    valueScratch = new Float64Array(count)
    colorScratch = new Uint32Array(count)
  }
  const vals = valueScratch.subarray(0, count)
  for (let i = 0; i < count; i++) vals[i] = values[at[i]!]!
  const colors = colorScratch.subarray(0, count)
  paintCells(colors, vals, mapping, lut)
  return colors
}

const zeroValue = new Float64Array(1)
const zeroColor = new Uint32Array(1)

/** The color paintCells gives a 0 (an empty pixel) under a mapping. */
function colorOfZero(mapping: ColorMapping, lut: Uint32Array): number {
  paintCells(zeroColor, zeroValue, mapping, lut)
  return zeroColor[0]!
}

/**
 * Paints the pooled window of `cells` into `pixels` (w x h, packed RGBA), reusing `state` when it
 * was made for the same size, window, LUT and special line (else starting over with every pixel
 * painted). Pooling is rasterize's: a pixel keeps the first stored value unless a later one is
 * larger in magnitude. Returns the state to keep and the rectangle of pixels that changed (null:
 * none).
 */
export function paintPooled(state: PooledImage | undefined, pixels: Uint32Array, cells: CellList, view: CellWindow, w: number, h: number, mapping: ColorMapping, lut: Uint32Array, special?: SpecialLine): PooledPaint {
  return runSteps(paintPooledSteps(state, pixels, cells, view, w, h, mapping, lut, special))
}

export interface PooledPaint {
  state: PooledImage
  dirty: DirtyRect | null
}

/** Cells pooled per step of a stepped first paint. */
export const FRESH_STEP_CELLS = 8192

/**
 * paintPooled in steps, the same pixels: a first paint (of a new state) yields after every
 * FRESH_STEP_CELLS cells it pools and before it colors, so a caller can spread a large first paint
 * over several tasks (between steps, nothing else may draw with the state or the pixels); later
 * draws are one step.
 */
export function* paintPooledSteps(state: PooledImage | undefined, pixels: Uint32Array, cells: CellList, view: CellWindow, w: number, h: number, mapping: ColorMapping, lut: Uint32Array, special?: SpecialLine): Steps<PooledPaint> {
  const size = w * h
  let fresh = false
  if (!state || state.width !== w || state.height !== h || state.lut !== lut || state.window.r0 !== view.r0 || state.window.r1 !== view.r1 || state.window.c0 !== view.c0 || state.window.c1 !== view.c1 || !sameSpecial(state.special, special)) {
    state = {
      width: w,
      height: h,
      window: { ...view },
      lut,
      special: special ? { ...special } : undefined,
      mapping: null,
      values: new Float64Array(size),
      next: new Float64Array(size),
      stamp: new Uint32Array(size),
      gen: 0,
      touched: new Int32Array(64),
      touchedCount: 0,
      spare: new Int32Array(64),
    }
    fresh = true
  }
  if (fresh) return { state, dirty: yield* paintFreshSteps(state, pixels, cells, mapping, lut) }
  const { values, next, stamp } = state
  // Stamps start at zero (a fresh draw uses none) and are cleared when the generation wraps around.
  if (state.gen === 0xffffffff) stamp.fill(0)
  const gen = (state.gen = (state.gen + 1) >>> 0 || 1)
  const remap = state.mapping === null || state.mapping.min !== mapping.min || state.mapping.max !== mapping.max || state.mapping.unit !== mapping.unit || state.mapping.scale !== mapping.scale || state.mapping.scheme !== mapping.scheme
  state.mapping = mapping
  // 1. Pool this draw's cells into `next`, noting each pixel that gets one.
  // Locals only in the hot loop: matrices of several shapes come through here.
  const { r0, r1, c0, c1 } = state.window
  const rk = h / (r1 - r0)
  const ck = w / (c1 - c0)
  const { nnz, row, col, value } = cells
  const sRow = special ? special.row : -1
  const sCol = special ? special.col : -1
  const factor = special ? special.factor : 1
  let touched = state.spare
  let count = 0
  for (let k = 0; k < nnz; k++) {
    const r = row[k]!
    const c = col[k]!
    if (r < r0 || r >= r1 || c < c0 || c >= c1) continue
    let v = value[k]!
    if (r === sRow || c === sCol) v *= factor
    // Non-negative: truncation is Math.floor, as rasterize has it.
    const at = (((r - r0) * rk) | 0) * w + (((c - c0) * ck) | 0)
    if (stamp[at] !== gen) {
      stamp[at] = gen
      next[at] = v
      if (count === touched.length) {
        const grown = new Int32Array(touched.length * 2)
        grown.set(touched)
        touched = grown
      }
      touched[count++] = at
    } else {
      const old = next[at]!
      if (old === 0 || (v === v && Math.abs(v) > Math.abs(old))) next[at] = v
    }
  }
  // 2. The pixels to repaint: those whose value changed (or all that hold a value when the color
  //    scale moved; empty pixels keep the empty color).
  if (changedScratch.length < state.touchedCount + count) changedScratch = new Int32Array(2 * (state.touchedCount + count))
  const changed = changedScratch
  let nChanged = 0
  const old = state.touched
  for (let i = 0; i < state.touchedCount; i++) {
    const p = old[i]!
    if (stamp[p] === gen || values[p] === 0) continue
    // Emptied since the last draw.
    values[p] = 0
    changed[nChanged++] = p
  }
  for (let i = 0; i < count; i++) {
    const p = touched[i]!
    const v = next[p]!
    const before = values[p]!
    if (remap || !(v === before || (v !== v && before !== before))) {
      values[p] = v
      changed[nChanged++] = p
    }
  }
  state.spare = state.touched
  state.touched = touched
  state.touchedCount = count
  // 3. Colors, through the same arithmetic as a full paint.
  if (nChanged === 0) return { state, dirty: null }
  const colors = colorsOf(values, changed, nChanged, mapping, lut)
  let x0 = w
  let y0 = h
  let x1 = -1
  let y1 = -1
  for (let i = 0; i < nChanged; i++) {
    const p = changed[i]!
    pixels[p] = colors[i]!
    const y = (p / w) | 0
    const x = p - y * w
    if (x < x0) x0 = x
    if (x > x1) x1 = x
    if (y < y0) y0 = y
    if (y > y1) y1 = y
  }
  return { state, dirty: { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 } }
}

/**
 * Touches the per-pixel scratch of a state that has only had its first draw, so that the next
 * draw (a threshold step) does not pay for that memory's first use. For idle time; changes nothing
 * a draw gives.
 */
export function warmPooled(state: PooledImage): void {
  if (state.gen !== 0) return
  state.next.fill(0)
  state.stamp.fill(0)
}

/**
 * The first draw of a state: every pixel. The cells are pooled straight into `values` (all 0 to
 * begin with, and a 0 gives way to any value, as in the pooling of later draws), so the per-pixel
 * scratch of later draws is not touched yet; the pixels without a cell (most of them) get one fill
 * of the color paintCells gives 0, and those with one their own. O(cells) but for that fill.
 */
function* paintFreshSteps(state: PooledImage, pixels: Uint32Array, cells: CellList, mapping: ColorMapping, lut: Uint32Array): Steps<DirtyRect> {
  const { width: w, height: h, values, special } = state
  state.mapping = mapping
  const { r0, r1, c0, c1 } = state.window
  const rk = h / (r1 - r0)
  const ck = w / (c1 - c0)
  const { nnz, row, col, value } = cells
  const sRow = special ? special.row : -1
  const sCol = special ? special.col : -1
  const factor = special ? special.factor : 1
  let touched = state.touched
  let count = 0
  // New memory is mapped on first use: one pass in order costs less than scattered first writes.
  values.fill(0)
  for (let k = 0; k < nnz; k++) {
    if (k > 0 && k % FRESH_STEP_CELLS === 0) yield
    const r = row[k]!
    const c = col[k]!
    if (r < r0 || r >= r1 || c < c0 || c >= c1) continue
    let v = value[k]!
    if (r === sRow || c === sCol) v *= factor
    const at = (((r - r0) * rk) | 0) * w + (((c - c0) * ck) | 0)
    const old = values[at]!
    if (old === 0) {
      values[at] = v
      // A pixel is listed once, unless a stored 0 came first (listed again: harmless).
      if (count === touched.length) {
        const grown = new Int32Array(touched.length * 2)
        grown.set(touched)
        touched = grown
      }
      touched[count++] = at
    } else if (v === v && Math.abs(v) > Math.abs(old)) values[at] = v
  }
  state.touched = touched
  state.touchedCount = count
  yield
  const colors = colorsOf(values, touched, count, mapping, lut)
  pixels.fill(colorOfZero(mapping, lut), 0, w * h)
  for (let i = 0; i < count; i++) pixels[touched[i]!] = colors[i]!
  return { x: 0, y: 0, w, h }
}

// ---------------------------------------------------------------------------------------------
// Geometry shared by pointer handling, the overlay and labels

export interface PlotGeometry {
  view: CellWindow
  /** CSS pixels of the plot area. */
  width: number
  height: number
}

/** The cell under a point of the plot (CSS pixels from its top-left), or null outside. */
export function cellAt(g: PlotGeometry, x: number, y: number): { row: number; col: number } | null {
  if (x < 0 || y < 0 || x >= g.width || y >= g.height) return null
  const viewRows = g.view.r1 - g.view.r0
  const viewCols = g.view.c1 - g.view.c0
  if (viewRows <= 0 || viewCols <= 0) return null
  const row = g.view.r0 + Math.min(viewRows - 1, Math.floor((y * viewRows) / g.height))
  const col = g.view.c0 + Math.min(viewCols - 1, Math.floor((x * viewCols) / g.width))
  return { row, col }
}

/** The rectangle of a cell in plot CSS pixels (may lie outside when the cell is not in view). */
export function cellRect(g: PlotGeometry, row: number, col: number): { x: number; y: number; w: number; h: number } {
  const cw = g.width / (g.view.c1 - g.view.c0)
  const ch = g.height / (g.view.r1 - g.view.r0)
  return { x: (col - g.view.c0) * cw, y: (row - g.view.r0) * ch, w: cw, h: ch }
}

/**
 * Which of `count` labels to show in `pixels` of axis so they do not overlap: every step-th,
 * anchored at multiples of the step so they stay put while panning.
 */
export function thinLabels(first: number, last: number, pixels: number, minSpacing: number): number[] {
  const count = last - first
  if (count <= 0 || pixels <= 0) return []
  const fit = Math.max(1, Math.floor(pixels / minSpacing))
  const step = Math.max(1, Math.ceil(count / fit))
  const out: number[] = []
  for (let i = Math.ceil(first / step) * step; i < last; i += step) out.push(i)
  return out
}

/**
 * Where a label `size` pixels long starts along an axis of `extent` pixels, centred on `center`;
 * null when it would hang outside the axis and be cut (the first and last rows of a pooled
 * overview, whose cells are under a pixel): thinned labels are samples, so it is left out rather
 * than moved onto its neighbour.
 */
export function labelStart(center: number, size: number, extent: number): number | null {
  const start = center - size / 2
  return start < -0.5 || start + size > extent + 0.5 ? null : Math.max(0, Math.min(extent - size, start))
}

/** A window of about half the size around a cell (zoom in), clamped to the matrix. */
export function zoomAround(view: CellWindow, rows: number, cols: number, row: number, col: number, factor: number): CellWindow {
  const span = (a: number, b: number, total: number, center: number): [number, number] => {
    const size = Math.min(total, Math.max(1, Math.round((b - a) * factor)))
    let start = Math.round(center - size / 2)
    start = Math.max(0, Math.min(total - size, start))
    return [start, start + size]
  }
  const [r0, r1] = span(view.r0, view.r1, rows, row + 0.5)
  const [c0, c1] = span(view.c0, view.c1, cols, col + 0.5)
  return { r0, r1, c0, c1 }
}

/** The smallest shift of `view` that brings the cell into it. */
export function panTo(view: CellWindow, rows: number, cols: number, row: number, col: number): CellWindow {
  let { r0, r1, c0, c1 } = view
  if (row < r0) {
    r1 -= r0 - row
    r0 = row
  } else if (row >= r1) {
    r0 += row - r1 + 1
    r1 = row + 1
  }
  if (col < c0) {
    c1 -= c0 - col
    c0 = col
  } else if (col >= c1) {
    c0 += col - c1 + 1
    c1 = col + 1
  }
  return { r0: Math.max(0, r0), r1: Math.min(rows, r1), c0: Math.max(0, c0), c1: Math.min(cols, c1) }
}

// ---------------------------------------------------------------------------------------------
// Hover: what the tooltip says and the overlay outline

export interface LineSums {
  rowSums: Float64Array
  colSums: Float64Array
  total: number
}

/** Row and column sums, once per matrix, so a hover is O(1). */
export function lineSums(values: ArrayLike<number>, rows: number, cols: number): LineSums {
  const rowSums = new Float64Array(rows)
  const colSums = new Float64Array(cols)
  let total = 0
  for (let i = 0; i < rows; i++) {
    let s = 0
    const base = i * cols
    for (let j = 0; j < cols; j++) {
      const v = values[base + j]!
      s += v
      colSums[j] = colSums[j]! + v
    }
    rowSums[i] = s
    total += s
  }
  return { rowSums, colSums, total }
}

export interface HoverInfo {
  row: number
  col: number
  value: number
  /** Share of the row's sum and of the column's sum; null when that sum is 0. */
  rowShare: number | null
  colShare: number | null
}

export function hoverInfo(values: ArrayLike<number>, cols: number, sums: LineSums, row: number, col: number): HoverInfo {
  const value = values[row * cols + col]!
  const rs = sums.rowSums[row]!
  const cs = sums.colSums[col]!
  return { row, col, value, rowShare: rs === 0 ? null : value / rs, colShare: cs === 0 ? null : value / cs }
}

export interface OverlayMarks {
  hover: { row: number; col: number } | null
  active: { row: number; col: number } | null
  selected: { row: number; col: number } | null
  /** A drag selection in progress, inclusive cell corners. */
  drag: { row0: number; col0: number; row1: number; col1: number } | null
}

/** Minimal 2D context surface the overlay uses (a real CanvasRenderingContext2D fits). */
export interface OverlayContext {
  clearRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void
  strokeStyle: string | CanvasGradient | CanvasPattern
  fillStyle: string | CanvasGradient | CanvasPattern
  lineWidth: number
}

/** Redraws the overlay canvas: selection, keyboard cursor, hover crosshair, drag rectangle. */
export function drawOverlay(ctx: OverlayContext, g: PlotGeometry, dpr: number, marks: OverlayMarks, isDark: boolean): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, g.width, g.height)
  const ink = isDark ? '#f8fafc' : '#0f172a'
  if (marks.hover) {
    // A faint crosshair along the hovered row and column, then the cell.
    const r = cellRect(g, marks.hover.row, marks.hover.col)
    ctx.fillStyle = isDark ? 'rgba(248,250,252,0.10)' : 'rgba(15,23,42,0.08)'
    ctx.fillRect(0, r.y, g.width, r.h)
    ctx.fillRect(r.x, 0, r.w, g.height)
    ctx.strokeStyle = ink
    ctx.lineWidth = 1
    ctx.strokeRect(r.x + 0.5, r.y + 0.5, Math.max(1, r.w - 1), Math.max(1, r.h - 1))
  }
  if (marks.selected) {
    const r = cellRect(g, marks.selected.row, marks.selected.col)
    ctx.strokeStyle = '#f97316'
    ctx.lineWidth = 2
    ctx.strokeRect(r.x - 1, r.y - 1, r.w + 2, r.h + 2)
  }
  if (marks.active) {
    const r = cellRect(g, marks.active.row, marks.active.col)
    ctx.strokeStyle = '#2563eb'
    ctx.lineWidth = 2
    ctx.strokeRect(r.x - 2, r.y - 2, r.w + 4, r.h + 4)
  }
  if (marks.drag) {
    const a = cellRect(g, Math.min(marks.drag.row0, marks.drag.row1), Math.min(marks.drag.col0, marks.drag.col1))
    const b = cellRect(g, Math.max(marks.drag.row0, marks.drag.row1), Math.max(marks.drag.col0, marks.drag.col1))
    ctx.fillStyle = 'rgba(37,99,235,0.15)'
    ctx.fillRect(a.x, a.y, b.x + b.w - a.x, b.y + b.h - a.y)
    ctx.strokeStyle = '#2563eb'
    ctx.lineWidth = 1
    ctx.strokeRect(a.x + 0.5, a.y + 0.5, b.x + b.w - a.x - 1, b.y + b.h - a.y - 1)
  }
}
