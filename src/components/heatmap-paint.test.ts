import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildLut, colorMappingFor, FRESH_STEP_CELLS, paintCells, paintPooled, paintPooledSteps, warmPooled, type CellWindow, type ColorScale, type ColorScheme, type PooledImage, type SpecialLine } from './heatmap-paint.ts'
import { rasterize, sparseFromDense, valuesWithout, type SparseMatrix } from '@/lib/sparse-matrix.ts'

/** The image a full paint gives: the window rasterized to w x h, every pixel through the LUT. */
function fullPaint(m: SparseMatrix, view: CellWindow, w: number, h: number, scheme: ColorScheme, scale: ColorScale, lut: Uint32Array, special?: SpecialLine): Uint32Array {
  const raster = rasterize(m, view, h, w, undefined, special)
  expect([raster.rows, raster.cols]).toEqual([h, w])
  const out = new Uint32Array(w * h)
  paintCells(out, raster.values, colorMappingFor(valuesWithout(m, special?.row ?? -1, special?.col ?? -1), scheme, scale), lut)
  return out
}

const ROWS = 9
const COLS = 11
// Dense matrices of small counts, mostly zero, sometimes negative (diverging) or NaN.
const matrixArb = (signed: boolean) =>
  fc.array(fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: signed ? -9 : 1, max: 9 }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) }), { minLength: ROWS * COLS, maxLength: ROWS * COLS }).map((cells) => sparseFromDense(Float64Array.from(cells), ROWS, COLS))

describe('paintPooled', () => {
  for (const [scheme, scale] of [
    ['sequential', 'linear'],
    ['sequential', 'log'],
    ['diverging', 'linear'],
  ] as const) {
    it(`repaints a ${scheme} ${scale} overview to exactly what a full paint gives, putting back only the rectangle that changed`, () => {
      fc.assert(
        // Each step a new matrix, on the same window or (starting over, on the pixels of the last draw) another.
        // Between draws, the scratch of later draws may have been warmed (idle time) or not.
        fc.property(fc.array(fc.tuple(matrixArb(scheme === 'diverging'), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), (steps, h, w, hasSpecial) => {
          const lut = buildLut(scheme, false)
          const views = [
            { r0: 1, r1: ROWS, c0: 0, c1: COLS - 1 },
            { r0: 0, r1: ROWS - 1, c0: 1, c1: COLS },
          ]
          const special = hasSpecial ? { row: ROWS - 2, col: COLS - 3, factor: 0.5 } : undefined
          const pixels = new Uint32Array(w * h)
          let state: PooledImage | undefined
          let shown = new Uint32Array(w * h)
          for (const [m, isOther, isWarmed] of steps) {
            if (state && isWarmed) warmPooled(state)
            const view = views[isOther ? 1 : 0]!
            const isNewWindow = state !== undefined && state.window.r0 !== view.r0
            const mapping = colorMappingFor(valuesWithout(m, special?.row ?? -1, special?.col ?? -1), scheme, scale)
            const result = paintPooled(state, pixels, m, view, w, h, mapping, lut, special)
            const expected = fullPaint(m, view, w, h, scheme, scale, lut, special)
            expect(Array.from(pixels)).toEqual(Array.from(expected))
            // What the canvas shows: the previous image with the dirty rectangle put back.
            const d = result.dirty
            if (d) for (let y = d.y; y < d.y + d.h; y++) for (let x = d.x; x < d.x + d.w; x++) shown[y * w + x] = pixels[y * w + x]!
            expect(Array.from(shown)).toEqual(Array.from(expected))
            if (state === undefined || isNewWindow) expect(d).toEqual({ x: 0, y: 0, w, h })
            state = result.state
            shown = shown.slice()
          }
        }),
      )
    })
  }

  it('paints a first image in steps to the same pixels, other images drawn between its steps', () => {
    const lut = buildLut('sequential', false)
    const n = 300
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const dense = new Float64Array(n * n)
    for (let k = 0; k < dense.length; k++) if (random() < 0.3) dense[k] = 1 + Math.floor(random() * 50)
    const m = sparseFromDense(dense, n, n)
    expect(m.nnz).toBeGreaterThan(2 * FRESH_STEP_CELLS)
    const view = { r0: 0, r1: n, c0: 0, c1: n }
    const mapping = colorMappingFor(m.value.subarray(0, m.nnz), 'sequential', 'linear')
    const special = { row: 5, col: 9, factor: 0.25 }
    const whole = new Uint32Array(60 * 40)
    const expected = paintPooled(undefined, whole, m, view, 60, 40, mapping, lut, special)
    const pixels = new Uint32Array(60 * 40).fill(12345)
    const steps = paintPooledSteps(undefined, pixels, m, view, 60, 40, mapping, lut, special)
    let yields = 0
    let r = steps.next()
    for (; !r.done; r = steps.next()) {
      yields++
      // Another heatmap draws meanwhile (module scratch is shared).
      paintPooled(undefined, new Uint32Array(7 * 5), m, { r0: 10, r1: 200, c0: 3, c1: 150 }, 7, 5, mapping, lut)
    }
    expect(yields).toBe(Math.ceil(m.nnz / FRESH_STEP_CELLS))
    expect(Array.from(pixels)).toEqual(Array.from(whole))
    expect(r.value.dirty).toEqual(expected.dirty)
    // And the stepped state repaints the next matrix as the whole one does.
    dense[3 * n + 4] = 99
    const next = sparseFromDense(dense, n, n)
    const nextMapping = colorMappingFor(next.value.subarray(0, next.nnz), 'sequential', 'linear')
    expect(paintPooled(r.value.state, pixels, next, view, 60, 40, nextMapping, lut, special).dirty).toEqual(paintPooled(expected.state, whole, next, view, 60, 40, nextMapping, lut, special).dirty)
    expect(Array.from(pixels)).toEqual(Array.from(whole))
  })

  it('repaints nothing for the same cells, and only the block of a changed cell', () => {
    const lut = buildLut('sequential', false)
    const view = { r0: 0, r1: 100, c0: 0, c1: 100 }
    const dense = new Float64Array(100 * 100)
    dense[5 * 100 + 5] = 4
    dense[90 * 100 + 90] = 8
    const a = sparseFromDense(dense, 100, 100)
    const mapping = colorMappingFor(a.value.subarray(0, a.nnz), 'sequential', 'linear')
    const pixels = new Uint32Array(10 * 10)
    const first = paintPooled(undefined, pixels, a, view, 10, 10, mapping, lut)
    expect(first.dirty).toEqual({ x: 0, y: 0, w: 10, h: 10 })
    expect(paintPooled(first.state, pixels, a, view, 10, 10, mapping, lut).dirty).toBeNull()
    // Cell (93, 97) shares pixel (9, 9) with the larger (90, 90): nothing to repaint.
    dense[93 * 100 + 97] = 2
    expect(paintPooled(first.state, pixels, sparseFromDense(dense, 100, 100), view, 10, 10, mapping, lut).dirty).toBeNull()
    // Cell (93, 47) is alone in pixel (x 4, y 9): that pixel alone, the scale (max 8) unchanged.
    dense[93 * 100 + 47] = 2
    const b = sparseFromDense(dense, 100, 100)
    expect(paintPooled(first.state, pixels, b, view, 10, 10, mapping, lut).dirty).toEqual({ x: 4, y: 9, w: 1, h: 1 })
    // A new window or size starts over.
    expect(paintPooled(first.state, pixels, b, { ...view, r1: 50 }, 10, 10, mapping, lut).dirty).toEqual({ x: 0, y: 0, w: 10, h: 10 })
  })
})
