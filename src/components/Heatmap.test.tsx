// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Heatmap } from './Heatmap.tsx'
import {
  buildLut,
  cellAt,
  colorIndex,
  colorIndices,
  colorMappingFor,
  drawOverlay,
  EMPTY_INDEX,
  hoverInfo,
  labelStart,
  lineSums,
  NEUTRAL_INDEX,
  paintCells,
  paintView,
  panTo,
  thinLabels,
  zoomAround,
} from './heatmap-paint.ts'

describe('color mapping', () => {
  it('keeps zero empty and spreads non-zero values over 1..255', () => {
    const values = Float64Array.of(0, 1, 5, 10, Number.NaN)
    const m = colorMappingFor(values, 'sequential', 'linear')
    expect(m).toMatchObject({ min: 0, max: 10 })
    expect([...values].map((v) => colorIndex(v, m))).toEqual([EMPTY_INDEX, 26, 128, 255, EMPTY_INDEX])
  })

  it('log scale lifts small values and still reaches the top', () => {
    const values = Float64Array.of(0, 1, 1000)
    const lin = colorMappingFor(values, 'sequential', 'linear')
    const log = colorMappingFor(values, 'sequential', 'log')
    expect(colorIndex(1, lin)).toBe(1)
    expect(colorIndex(1, log)).toBeGreaterThan(20)
    expect(colorIndex(1000, log)).toBe(255)
  })

  it('diverging is symmetric around a neutral zero', () => {
    const values = Float64Array.of(-2, 0, 1, 2)
    const m = colorMappingFor(values, 'diverging', 'linear')
    expect(m).toMatchObject({ min: -2, max: 2 })
    expect([...values].map((v) => colorIndex(v, m))).toEqual([1, NEUTRAL_INDEX, 192, 255])
    expect(colorIndex(0.0001, m)).toBe(NEUTRAL_INDEX + 1)
  })

  it('ignores infinities and survives empty and constant matrices', () => {
    expect(colorMappingFor(Float64Array.of(1, Infinity, 3), 'sequential', 'linear')).toMatchObject({ min: 0, max: 3 })
    expect(colorMappingFor(new Float64Array(0), 'sequential', 'linear')).toMatchObject({ min: 0, max: 0 })
    const flat = colorMappingFor(Float64Array.of(4, 4), 'sequential', 'linear')
    expect(colorIndex(4, flat)).toBe(255)
  })

  it('paints the same colors as the index arithmetic, for every scale', () => {
    const values = Float64Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? 0 : ((i * 37) % 101) - (i % 3 === 0 ? 50 : 0)))
    for (const scheme of ['sequential', 'diverging'] as const) {
      for (const scale of ['linear', 'log'] as const) {
        const m = colorMappingFor(values, scheme, scale)
        const lut = buildLut(scheme, false)
        const pixels = new Uint32Array(values.length)
        paintCells(pixels, values, m, lut)
        const indices = colorIndices(values, m, new Uint8ClampedArray(values.length))
        expect(Array.from(pixels)).toEqual(Array.from(indices, (i) => lut[i]))
        expect(Array.from(indices)).toEqual(Array.from(values, (v) => colorIndex(v, m)))
      }
    }
  })
})

describe('paintView', () => {
  it('scales cells up to pixel blocks', () => {
    const indices = Uint8ClampedArray.of(1, 2, 3, 4)
    const lut = Uint32Array.from({ length: 256 }, (_, i) => i)
    const pixels = new Uint32Array(16)
    paintView({ pixels, width: 4, height: 4 }, indices, 2, { r0: 0, r1: 2, c0: 0, c1: 2 }, lut, 'sequential')
    expect(Array.from(pixels)).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4])
  })

  it('keeps a lone hot cell visible when cells are smaller than pixels', () => {
    const size = 100
    const indices = new Uint8ClampedArray(size * size)
    indices[37 * size + 81] = 200
    const lut = Uint32Array.from({ length: 256 }, (_, i) => i)
    const pixels = new Uint32Array(30 * 30)
    paintView({ pixels, width: 30, height: 30 }, indices, size, { r0: 0, r1: size, c0: 0, c1: size }, lut, 'sequential')
    expect(pixels.filter((p) => p === 200)).toHaveLength(1)
    // Diverging: the farthest from neutral wins, negative or positive.
    const div = new Uint8ClampedArray(size * size).fill(NEUTRAL_INDEX)
    div[4] = 120
    div[5] = 10
    paintView({ pixels, width: 30, height: 30 }, div, size, { r0: 0, r1: size, c0: 0, c1: size }, lut, 'diverging')
    expect(pixels[1]).toBe(10)
  })

  it('draws a zoomed window only', () => {
    const indices = Uint8ClampedArray.from({ length: 9 }, (_, i) => i)
    const lut = Uint32Array.from({ length: 256 }, (_, i) => i)
    const pixels = new Uint32Array(4)
    paintView({ pixels, width: 2, height: 2 }, indices, 3, { r0: 1, r1: 3, c0: 1, c1: 3 }, lut, 'sequential')
    expect(Array.from(pixels)).toEqual([4, 5, 7, 8])
  })
})

describe('geometry', () => {
  const g = { view: { r0: 10, r1: 20, c0: 0, c1: 5 }, width: 100, height: 200 }
  it('finds the cell under a point', () => {
    expect(cellAt(g, 0, 0)).toEqual({ row: 10, col: 0 })
    expect(cellAt(g, 99.9, 199.9)).toEqual({ row: 19, col: 4 })
    expect(cellAt(g, 100, 5)).toBeNull()
    expect(cellAt(g, -1, 5)).toBeNull()
  })

  it('leaves out a label that would hang outside its axis, and centres the others on their cell', () => {
    // 10,000 rows on 720 pixels: the first row's centre is at 0.036 px, the last's 0.036 px from the end.
    expect(labelStart(0.036, 12, 720)).toBeNull()
    expect(labelStart(720 - 0.036, 12, 720)).toBeNull()
    expect(labelStart(100, 12, 720)).toBe(94)
    // Cells of 12 pixels and more: every label fits, the first and last flush with the ends.
    expect(labelStart(6, 12, 720)).toBe(0)
    expect(labelStart(714, 12, 720)).toBe(708)
    // An axis shorter than a label has none.
    expect(labelStart(4, 12, 8)).toBeNull()
  })

  it('thins labels to fit, anchored at multiples of the step', () => {
    expect(thinLabels(0, 10, 200, 13)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(thinLabels(0, 1000, 130, 13)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900])
    expect(thinLabels(5, 35, 65, 13)).toEqual([6, 12, 18, 24, 30])
  })

  it('zooms around a cell and pans to cells out of view', () => {
    expect(zoomAround({ r0: 0, r1: 100, c0: 0, c1: 100 }, 100, 100, 0, 99, 0.5)).toEqual({ r0: 0, r1: 50, c0: 50, c1: 100 })
    expect(zoomAround({ r0: 0, r1: 10, c0: 0, c1: 10 }, 100, 100, 50, 50, 4)).toEqual({ r0: 31, r1: 71, c0: 31, c1: 71 })
    expect(panTo({ r0: 0, r1: 10, c0: 0, c1: 10 }, 100, 100, 12, 3)).toEqual({ r0: 3, r1: 13, c0: 0, c1: 10 })
  })

  it('computes hover shares from line sums', () => {
    const values = Float64Array.of(1, 3, 0, 0)
    const sums = lineSums(values, 2, 2)
    expect(hoverInfo(values, 2, sums, 0, 1)).toEqual({ row: 0, col: 1, value: 3, rowShare: 0.75, colShare: 1 })
    expect(hoverInfo(values, 2, sums, 1, 0)).toEqual({ row: 1, col: 0, value: 0, rowShare: null, colShare: 0 })
  })

  it('draws the overlay marks', () => {
    const calls: string[] = []
    const ctx = {
      clearRect: () => calls.push('clear'),
      strokeRect: () => calls.push('stroke'),
      fillRect: () => calls.push('fill'),
      setTransform: () => calls.push('transform'),
      strokeStyle: '',
      fillStyle: '',
      lineWidth: 1,
    }
    drawOverlay(ctx, g, 2, { hover: { row: 11, col: 1 }, active: null, selected: { row: 12, col: 2 }, drag: null }, false)
    expect(calls).toEqual(['transform', 'clear', 'fill', 'fill', 'stroke', 'stroke'])
  })
})

describe('Heatmap', () => {
  beforeEach(() => {
    // jsdom has no canvas: drawing is skipped, everything else works.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  const values = Float64Array.of(5, 1, 0, 2, 7, 1, 0, 0, 9)
  const labels = ['cat', 'dog', 'bird']

  function renderMap(extra: Partial<Parameters<typeof Heatmap>[0]> = {}) {
    const onSelect = vi.fn()
    render(
      <Heatmap
        label="Confusion"
        rows={3}
        cols={3}
        values={values}
        rowLabels={labels}
        colLabels={labels}
        rowAxisLabel="Actual"
        colAxisLabel="Predicted"
        onSelect={onSelect}
        cellDetails={(r, c) => [['Count', String(values[r * 3 + c])]]}
        {...extra}
      />,
    )
    return { onSelect, canvas: screen.getByRole('application', { name: /Confusion: 3 by 3 cells/ }) }
  }

  it('moves across cells with the keyboard, announces them and selects with Enter', async () => {
    const { onSelect, canvas } = renderMap()
    act(() => canvas.focus())
    const live = screen.getByTestId('heatmap-live')
    expect(live.textContent).toContain('Actual: cat, Predicted: cat, Value: 5, Count: 5, Row share: 83.3%, Column share: 71.4%')
    await userEvent.keyboard('{ArrowRight}{ArrowDown}')
    expect(live.textContent).toContain('Actual: dog, Predicted: dog, Value: 7')
    expect(live.textContent).toContain('Row 2 of 3, column 2 of 3')
    await userEvent.keyboard('{End}')
    expect(live.textContent).toContain('Predicted: bird')
    await userEvent.keyboard('{Control>}{End}{/Control}')
    expect(live.textContent).toContain('Actual: bird, Predicted: bird, Value: 9')
    await userEvent.keyboard('{Enter}')
    expect(onSelect).toHaveBeenCalledWith({ row: 2, col: 2 })
    expect(screen.getByTestId('heatmap-tooltip').textContent).toContain('Value: 9')
  })

  it('zooms with + and resets with 0', async () => {
    const { canvas } = renderMap()
    act(() => canvas.focus())
    await userEvent.keyboard('+')
    expect(screen.getByText(/showing rows/)).toBeTruthy()
    await userEvent.keyboard('0')
    expect(screen.queryByText(/showing rows/)).toBeNull()
  })

  it('selects on click and zooms on drag', () => {
    const { onSelect, canvas } = renderMap()
    // Small matrices get cells of at most 96 px (jsdom lays nothing out: the canvas sits at 0, 0).
    fireEvent.pointerDown(canvas, { button: 0, clientX: 100, clientY: 10, pointerId: 1 })
    fireEvent.pointerUp(canvas, { button: 0, clientX: 100, clientY: 10, pointerId: 1 })
    expect(onSelect).toHaveBeenCalledWith({ row: 0, col: 1 })
    fireEvent.pointerDown(canvas, { button: 0, clientX: 10, clientY: 10, pointerId: 1 })
    fireEvent.pointerMove(canvas, { buttons: 1, clientX: 150, clientY: 150, pointerId: 1 })
    fireEvent.pointerUp(canvas, { button: 0, clientX: 150, clientY: 150, pointerId: 1 })
    expect(screen.getByText(/showing rows 1–2, columns 1–2/)).toBeTruthy()
    expect(onSelect).toHaveBeenCalledTimes(1)
  })

  it('shows the exact values as a table', async () => {
    renderMap({ formatExact: (r, c) => `exact ${values[r * 3 + c]}` })
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }))
    const table = screen.getByRole('table')
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(4)
    expect(rows[2]!.textContent).toBe('dogexact 2exact 7exact 1')
  })

  it('lists the non-zero cells of a big matrix a page at a time', async () => {
    const n = 40
    const big = new Float64Array(n * n)
    for (let i = 0; i < n; i++) {
      big[i * n + i] = i + 1
      big[i * n + ((i + 1) % n)] = 0.5
    }
    const names = Array.from({ length: n }, (_, i) => `c${i}`)
    render(<Heatmap label="Big" rows={n} cols={n} values={big} rowLabels={names} colLabels={names} />)
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }))
    expect(screen.getByText(/80 non-zero cells in rows 1–40, columns 1–40, largest first/)).toBeTruthy()
    const table = screen.getByRole('table', { name: /non-zero cells/ })
    const first = within(table).getAllByRole('row')[1]!
    expect(first.textContent).toContain('c39c3940')
    expect(screen.getByText('Page 1 of 2')).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByText('Page 2 of 2')).toBeTruthy()
  })

  it('says when the matrix is empty', () => {
    render(<Heatmap label="Empty" rows={0} cols={0} values={new Float64Array(0)} rowLabels={[]} colLabels={[]} />)
    expect(screen.getByText('The matrix is empty.')).toBeTruthy()
  })
})
