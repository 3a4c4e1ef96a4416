// The pixels of the canvas heatmap, apart from React so the benchmark can bundle them alone.
//
// A matrix of up to millions of cells is drawn as one device-size image: every pixel of the
// canvas gets the color of the cell under it through a 256-entry lookup table (no fillRect per
// cell), then one putImageData. When cells are smaller than pixels (1,000 columns in 700 pixels)
// a pixel shows the cell of largest magnitude under it, so a lone hot cell never disappears.

export type ColorScale = 'linear' | 'log'
export type ColorScheme = 'sequential' | 'diverging'

/** A window of the matrix: rows [r0, r1), columns [c0, c1). */
export interface CellWindow {
  r0: number
  r1: number
  c0: number
  c1: number
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
 * symmetric around 0. NaN and infinities are ignored.
 */
export function colorMappingFor(values: ArrayLike<number>, scheme: ColorScheme, scale: ColorScale): ColorMapping {
  let min = Infinity
  let max = -Infinity
  let unit = Infinity
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!
    if (!Number.isFinite(v)) continue
    if (v < min) min = v
    if (v > max) max = v
    const a = v < 0 ? -v : v
    if (a > 0 && a < unit) unit = a
  }
  if (min === Infinity) {
    min = 0
    max = 0
  }
  if (unit === Infinity) unit = 1
  if (scheme === 'diverging') {
    const m = Math.max(Math.abs(min), Math.abs(max))
    return { scheme, scale, min: -m, max: m, unit }
  }
  return { scheme, scale, min: Math.min(0, min), max, unit }
}

/** LUT index of one value; the same arithmetic as the paint loops, for legends and tests. */
export function colorIndex(v: number, m: ColorMapping): number {
  if (!Number.isFinite(v)) return m.scheme === 'diverging' ? NEUTRAL_INDEX : EMPTY_INDEX
  if (m.scheme === 'diverging') {
    if (v === 0 || m.max <= 0) return NEUTRAL_INDEX
    let t: number
    if (m.scale === 'log') {
      t = Math.log1p(Math.abs(v) / m.unit) / Math.log1p(m.max / m.unit)
      if (v < 0) t = -t
    } else t = v / m.max
    const i = NEUTRAL_INDEX + Math.round(t * 127)
    return i < 1 ? 1 : i > 255 ? 255 : i
  }
  if (v === 0) return EMPTY_INDEX
  const span = m.max - m.min
  if (span <= 0) return 255
  let t: number
  if (m.scale === 'log') {
    const a = v - m.min
    t = a <= 0 ? 0 : Math.log1p(a / m.unit) / Math.log1p(span / m.unit)
  } else t = (v - m.min) / span
  // Non-zero values never take the empty color.
  const i = 1 + Math.floor(t * 254.999)
  return i < 1 ? 1 : i > 255 ? 255 : i
}

/**
 * Per-cell LUT indices of `count` values starting at `offset`, written to `out` (length >= count).
 * Inlined arithmetic of colorIndex: this loop runs once per cell per draw.
 */
function indexRun(values: ArrayLike<number>, offset: number, count: number, m: ColorMapping, out: Uint8Array): void {
  if (m.scheme === 'diverging') {
    const isLog = m.scale === 'log'
    const k = m.max > 0 ? (isLog ? 127 / Math.log1p(m.max / m.unit) : 127 / m.max) : 0
    const invUnit = 1 / m.unit
    for (let j = 0; j < count; j++) {
      const v = values[offset + j]!
      if (v === 0 || !(v === v) || k === 0) {
        out[j] = NEUTRAL_INDEX
        continue
      }
      let s: number
      if (isLog) s = v > 0 ? Math.log1p(v * invUnit) * k : -Math.log1p(-v * invUnit) * k
      else s = v * k
      let i = NEUTRAL_INDEX + Math.round(s)
      if (i < 1) i = 1
      else if (i > 255) i = 255
      out[j] = i
    }
    return
  }
  const span = m.max - m.min
  const min = m.min
  if (m.scale === 'log') {
    const invUnit = 1 / m.unit
    const k = span > 0 ? 254.999 / Math.log1p(span * invUnit) : 0
    for (let j = 0; j < count; j++) {
      const v = values[offset + j]!
      if (v === 0 || !(v === v)) {
        out[j] = EMPTY_INDEX
        continue
      }
      const a = v - min
      let i = k === 0 ? 255 : 1 + ((a > 0 ? Math.log1p(a * invUnit) * k : 0) | 0)
      if (i < 1) i = 1
      else if (i > 255) i = 255
      out[j] = i
    }
    return
  }
  const k = span > 0 ? 254.999 / span : 0
  for (let j = 0; j < count; j++) {
    const v = values[offset + j]!
    if (v === 0 || !(v === v)) {
      out[j] = EMPTY_INDEX
      continue
    }
    let i = k === 0 ? 255 : 1 + (((v - min) * k) | 0)
    if (i < 1) i = 1
    else if (i > 255) i = 255
    out[j] = i
  }
}

/** The source index at each pixel edge: edges[p] = first source index drawn at pixel p. */
function edges(first: number, count: number, pixels: number): Int32Array {
  const out = new Int32Array(pixels + 1)
  for (let p = 0; p <= pixels; p++) out[p] = first + Math.floor((p * count) / pixels)
  return out
}

/** The pixel edge of each source index: starts[s] = first pixel of source s (s relative). */
function pixelStarts(count: number, pixels: number): Int32Array {
  const out = new Int32Array(count + 1)
  for (let s = 0; s <= count; s++) out[s] = Math.round((s * pixels) / count)
  return out
}

export interface PaintTarget {
  /** The image, one packed RGBA Uint32 per pixel, row-major, width * height. */
  pixels: Uint32Array
  width: number
  height: number
}

/** Scratch buffers kept between draws so a slider drag allocates nothing per frame. */
let scratchIndex = new Uint8Array(0)
let scratchLine = new Float64Array(0)

/**
 * Paints `view` of a rows x cols matrix (row-major `values`) over the whole target, each pixel
 * the color of the cell under it; where several cells share a pixel, the largest magnitude wins.
 */
export function paintMatrix(target: PaintTarget, values: ArrayLike<number>, cols: number, view: CellWindow, mapping: ColorMapping, lut: Uint32Array): void {
  const { pixels, width, height } = target
  const viewRows = view.r1 - view.r0
  const viewCols = view.c1 - view.c0
  if (width <= 0 || height <= 0) return
  if (viewRows <= 0 || viewCols <= 0) {
    pixels.fill(lut[mapping.scheme === 'diverging' ? NEUTRAL_INDEX : EMPTY_INDEX]!, 0, width * height)
    return
  }
  if (scratchIndex.length < Math.max(viewCols, width)) scratchIndex = new Uint8Array(Math.max(viewCols, width))
  const idx = scratchIndex
  const colsFit = width >= viewCols
  const rowsFit = height >= viewRows
  const colStart = colsFit ? pixelStarts(viewCols, width) : null
  const colEdges = colsFit ? null : edges(0, viewCols, width)
  const rowEdges = rowsFit ? null : edges(view.r0, viewRows, height)
  let line: ArrayLike<number> = values
  let lineOffset = 0
  let prevSourceRow = -1
  for (let y = 0; y < height; y++) {
    const out = y * width
    if (rowsFit) {
      const r = view.r0 + Math.floor((y * viewRows) / height)
      if (r === prevSourceRow) {
        pixels.copyWithin(out, out - width, out)
        continue
      }
      prevSourceRow = r
      line = values
      lineOffset = r * cols + view.c0
    } else {
      // Several rows in this pixel row: the largest magnitude per column.
      const ra = rowEdges![y]!
      const rb = Math.max(ra + 1, rowEdges![y + 1]!)
      if (rb - ra === 1) {
        line = values
        lineOffset = ra * cols + view.c0
      } else {
        if (scratchLine.length < viewCols) scratchLine = new Float64Array(viewCols)
        const acc = scratchLine
        const base0 = ra * cols + view.c0
        for (let j = 0; j < viewCols; j++) acc[j] = values[base0 + j]!
        for (let r = ra + 1; r < rb; r++) {
          const base = r * cols + view.c0
          for (let j = 0; j < viewCols; j++) {
            const v = values[base + j]!
            const a = acc[j]!
            if ((v < 0 ? -v : v) > (a < 0 ? -a : a)) acc[j] = v
          }
        }
        line = acc
        lineOffset = 0
      }
    }
    if (colsFit) {
      indexRun(line, lineOffset, viewCols, mapping, idx)
      const starts = colStart!
      if (width === viewCols) {
        for (let j = 0; j < viewCols; j++) pixels[out + j] = lut[idx[j]!]!
      } else {
        for (let j = 0; j < viewCols; j++) {
          const color = lut[idx[j]!]!
          const a = out + starts[j]!
          const b = out + starts[j + 1]!
          for (let p = a; p < b; p++) pixels[p] = color
        }
      }
    } else {
      // Columns pooled per pixel: the largest magnitude, then its color.
      if (scratchLine.length < viewCols + width) scratchLine = new Float64Array(viewCols + width)
      const pooled = scratchLine.subarray(viewCols, viewCols + width)
      const ce = colEdges!
      for (let x = 0; x < width; x++) {
        const ca = ce[x]!
        const cb = Math.max(ca + 1, ce[x + 1]!)
        let best = line[lineOffset + ca]!
        let bestAbs = best < 0 ? -best : best
        for (let c = ca + 1; c < cb; c++) {
          const v = line[lineOffset + c]!
          const a = v < 0 ? -v : v
          if (a > bestAbs) {
            best = v
            bestAbs = a
          }
        }
        pooled[x] = best
      }
      indexRun(pooled, 0, width, mapping, idx)
      for (let x = 0; x < width; x++) pixels[out + x] = lut[idx[x]!]!
    }
  }
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
