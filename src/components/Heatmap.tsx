import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode, type RefCallback } from 'react'
import {
  buildLut,
  cellAt,
  cellRect,
  colorIndex,
  colorMappingFor,
  drawHeatmap,
  drawOverlay,
  fullView,
  isPooledWindow,
  labelStart,
  paintPooledSteps,
  lutCss,
  panTo,
  thinLabels,
  zoomAround,
  type CellWindow,
  type ColorMapping,
  type ColorScale,
  type ColorScheme,
  type DrawCache,
  type PlotGeometry,
  type PooledImage,
  warmPooled,
} from './heatmap-paint.ts'
import { lineTotals, maxAbsOn, rasterize, sparseFromDense, strongestIn, valueAt, valuesWithout, type SparseMatrix } from '@/lib/sparse-matrix.ts'
import { runSteps, yieldToMain, type Steps } from '@/lib/yield-to-main.ts'
import { HeatmapTable, percent, share } from './HeatmapTable.tsx'
import { useTheme } from './theme.ts'

export interface HeatmapCell {
  row: number
  col: number
}

export interface HeatmapProps {
  /** Accessible name of the chart and caption of its table. */
  label: string
  rows: number
  cols: number
  /** Row-major, cell (i, j) at i * cols + j; a decoded MatrixUint64's `values` fits as is. */
  values?: Float64Array
  /** The non-zero cells (any size: memory follows the cells, not rows x cols); wins over `values`. */
  matrix?: SparseMatrix
  /**
   * A row and column drawn apart (the "(other)" bucket of a top-N view): left out of the color
   * scale, scaled down to it when larger, and set off by a gap, so it never flattens the rest.
   */
  specialLine?: number
  /** "View as table", when the caller keeps it (in the URL); uncontrolled otherwise. */
  isTable?: boolean
  onTableChange?: (isTable: boolean) => void
  rowLabels: readonly string[]
  colLabels: readonly string[]
  /** Axis titles ("Actual", "Predicted"). */
  rowAxisLabel?: string
  colAxisLabel?: string
  scale?: ColorScale
  scheme?: ColorScheme
  /** Short value for the tooltip and cell text. */
  formatValue?: (value: number, row: number, col: number) => string
  /** Exact value for the table (a MatrixUint64's getExact keeps uint64 digits). */
  formatExact?: (row: number, col: number) => string
  /** Extra tooltip and table lines for a cell: [label, text]. */
  cellDetails?: (row: number, col: number) => ReadonlyArray<readonly [string, string]>
  /** Show the cell's share of its row and column sums in the tooltip. Default true. */
  showShares?: boolean
  selected?: HeatmapCell | null
  /** Enter, or a click without dragging, on a cell. */
  onSelect?: (cell: HeatmapCell) => void
  /** Bring a cell into view and put the keyboard cursor on it (e.g. a concept search). */
  focusCell?: HeatmapCell | null
  /** Largest drawing size in CSS pixels. */
  maxSize?: number
  /** Base name of the PNG export. */
  fileName?: string
  /** Extra toolbar content (exports of the caller). */
  toolbar?: ReactNode
}

const LEFT = 128
const TOP = 100
const LABEL_SPACING = 13
const MAX_CELL = 96

function defaultFormat(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en')
  return String(Number(value.toPrecision(4)))
}

function useIsDark(): boolean {
  return useTheme() === 'dark'
}

/**
 * The element's width, and whether it has been measured. A ResizeObserver gives it after the
 * page's own layout (its first report comes with the frame after mounting), so mounting forces no
 * synchronous layout; without one (tests), it is read once on mount.
 */
function useElementWidth(): [RefCallback<HTMLElement>, number, boolean] {
  const [width, setWidth] = useState<number | null>(null)
  const observer = useRef<ResizeObserver | null>(null)
  const ref = useCallback((node: HTMLElement | null) => {
    observer.current?.disconnect()
    observer.current = null
    if (!node) return
    if (typeof ResizeObserver === 'undefined') {
      setWidth(node.getBoundingClientRect().width)
      return
    }
    observer.current = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width
      if (w !== undefined) setWidth(w)
    })
    observer.current.observe(node)
  }, [])
  return [ref, width ?? 0, width !== null]
}

/** Runs `fn` when the page is idle (soon, where there is no idle callback). */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 })
  else setTimeout(fn, 200)
}

function sameMapping(a: ColorMapping, b: ColorMapping): boolean {
  return a.scheme === b.scheme && a.scale === b.scale && a.min === b.min && a.max === b.max && a.unit === b.unit
}

function sameCell(a: HeatmapCell | null | undefined, b: HeatmapCell | null | undefined): boolean {
  return (a ?? null) === (b ?? null) || (!!a && !!b && a.row === b.row && a.col === b.col)
}

/**
 * A canvas heatmap for matrices up to thousands of rows and columns: one putImageData per draw,
 * DOM labels thinned to stay readable, hover tooltip with row and column shares, keyboard
 * navigation with a live region, zoom by dragging a rectangle or with +/-, and an exact table.
 */
export function Heatmap(props: HeatmapProps) {
  const { label, rows, cols, rowLabels, colLabels, rowAxisLabel = 'Row', colAxisLabel = 'Column', scale = 'linear', scheme = 'sequential', selected = null, onSelect, focusCell = null, maxSize = 720, fileName = 'heatmap', toolbar } = props
  const formatValue = props.formatValue ?? defaultFormat
  const showShares = props.showShares ?? true
  const denseValues = props.values
  const sparse = useMemo(() => props.matrix ?? sparseFromDense(denseValues ?? new Float64Array(0), rows, cols), [props.matrix, denseValues, rows, cols])
  const specialLine = props.specialLine ?? -1
  const isDark = useIsDark()
  const [containerRef, containerWidth, isMeasured] = useElementWidth()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const overlayRef = useRef<HTMLCanvasElement>(null)
  const cacheRef = useRef<DrawCache>({})
  const tableId = useId()
  const helpId = useId()
  const liveId = useId()

  const [shape, setShape] = useState({ rows, cols })
  const [view, setView] = useState<CellWindow>(() => fullView(rows, cols))
  const [hover, setHover] = useState<HeatmapCell | null>(null)
  const [active, setActive] = useState<HeatmapCell | null>(null)
  const [drag, setDrag] = useState<{ row0: number; col0: number; row1: number; col1: number } | null>(null)
  const [isTableLocal, setIsTableLocal] = useState(false)
  const isTable = props.isTable ?? isTableLocal
  const setIsTable = (next: boolean) => {
    setIsTableLocal(next)
    props.onTableChange?.(next)
  }
  const [lastFocus, setLastFocus] = useState<HeatmapCell | null>(null)
  // A new shape (another matrix, top-N changed) starts from the whole matrix again.
  if (shape.rows !== rows || shape.cols !== cols) {
    setShape({ rows, cols })
    setView(fullView(rows, cols))
    setHover(null)
    setActive(null)
    setDrag(null)
  }
  if (!sameCell(focusCell, lastFocus)) {
    setLastFocus(focusCell)
    if (focusCell && focusCell.row < rows && focusCell.col < cols) {
      const size = Math.min(Math.max(rows, cols), 40)
      setView(zoomAround(fullView(rows, cols), rows, cols, focusCell.row, focusCell.col, size / Math.max(rows, cols, 1)))
      setActive(focusCell)
    }
  }

  const viewRows = view.r1 - view.r0
  const viewCols = view.c1 - view.c0
  // Small matrices get cells of at most MAX_CELL pixels rather than a wall of four squares.
  const plotW = Math.max(120, Math.min(maxSize, viewCols * MAX_CELL, Math.floor((containerWidth || maxSize + LEFT) - LEFT - 8)))
  const plotH = viewCols > 0 ? Math.max(40, Math.min(maxSize, Math.round((plotW * viewRows) / viewCols))) : 40
  const geometry: PlotGeometry = useMemo(() => ({ view, width: plotW, height: plotH }), [view, plotW, plotH])
  // The scale leaves the special line out; that line is scaled down to it when it is larger.
  const freshMapping: ColorMapping = useMemo(() => colorMappingFor(valuesWithout(sparse, specialLine, specialLine), scheme, scale), [sparse, specialLine, scheme, scale])
  // The same scale keeps the same object, so the legend and the special line's factor stay put across threshold steps.
  const [mapping, setMapping] = useState(freshMapping)
  if (mapping !== freshMapping && !sameMapping(mapping, freshMapping)) setMapping(freshMapping)
  const special = useMemo(() => {
    if (specialLine < 0) return undefined
    const top = Math.max(Math.abs(mapping.max), Math.abs(mapping.min))
    const own = maxAbsOn(sparse, specialLine, specialLine)
    return { row: specialLine, col: specialLine, factor: own > top && own > 0 ? top / own : 1, max: own }
  }, [sparse, specialLine, mapping])
  // Row and column sums cost a pass over the cells: only when shares are shown.
  const sums = useMemo(() => (showShares ? lineTotals(sparse) : null), [showShares, sparse])
  const rasterBuffer = useRef<Float64Array | undefined>(undefined)
  // The pooled overview kept between draws, so a new matrix of the same window repaints only the pixels that changed.
  const pooled = useRef<{ image: ImageData; state?: PooledImage } | null>(null)
  const lut = useMemo(() => buildLut(scheme, isDark), [scheme, isDark])
  const dpr = typeof window !== 'undefined' ? Math.min(3, window.devicePixelRatio || 1) : 1

  // Cells: the cell image scaled by drawImage, or one pooled device-size putImageData; once the
  // width is known (the canvas stays 1 x 1 until then), so the first paint is at its final size.
  const hasPainted = useRef(false)
  useLayoutEffect(() => {
    const canvas = canvasRef.current
    const ctx = isMeasured ? canvas?.getContext('2d') : null
    if (!canvas || !ctx) return
    // In steps: a large first paint of a pooled overview yields between them (paintPooledSteps).
    function* paint(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): Steps<void> {
      const w = Math.max(1, Math.round(plotW * dpr))
      const h = Math.max(1, Math.round(plotH * dpr))
      // Sized when its image is ready (sizing clears it), so a stepped first paint shows at once.
      const size = () => {
        if (canvas.width !== w) canvas.width = w
        if (canvas.height !== h) canvas.height = h
      }
      if (isPooledWindow(view, w, h)) {
        // More cells than pixels both ways: each pixel the strongest cell of its block, repainted
        // where it changed and put back as the bounding box of those pixels.
        let kept = pooled.current
        if (!kept || kept.image.width !== w || kept.image.height !== h) kept = pooled.current = { image: ctx.createImageData(w, h) }
        const { state, dirty } = yield* paintPooledSteps(kept.state, new Uint32Array(kept.image.data.buffer), sparse, view, w, h, mapping, lut, special)
        // A new image: the scratch of its next draws is touched while the page is idle, not in the first threshold step.
        if (state !== kept.state) whenIdle(() => warmPooled(state))
        kept.state = state
        size()
        if (dirty) ctx.putImageData(kept.image, 0, 0, dirty.x, dirty.y, dirty.w, dirty.h)
      } else {
        size()
        if (pooled.current) pooled.current.state = undefined
        // The window at one raster cell per matrix cell (bounded: fewer cells than pixels one way),
        // then drawn; the raster buffer is reused, so the draw cache must not trust its identity.
        const raster = rasterize(sparse, view, h, w, rasterBuffer.current, special)
        if (!rasterBuffer.current || rasterBuffer.current.length < raster.values.length) rasterBuffer.current = raster.values
        const cache = cacheRef.current
        cache.layerOf = undefined
        cache.indicesOf = undefined
        cache.imageOf = undefined
        drawHeatmap(ctx, cache, raster.values, mapping, raster.rows, raster.cols, fullView(raster.rows, raster.cols), w, h, lut)
      }
      if (special) {
        // A gap of the page background before the special row and column.
        ctx.fillStyle = isDark ? '#020617' : '#ffffff'
        const y = ((special.row - view.r0) / viewRows) * h
        const x = ((special.col - view.c0) / viewCols) * w
        if (special.row >= view.r0 && special.row < view.r1) ctx.fillRect(0, Math.round(y) - dpr, w, 2 * dpr)
        if (special.col >= view.c0 && special.col < view.c1) ctx.fillRect(Math.round(x) - dpr, 0, 2 * dpr, h)
      }
      // Values in the cells when they are big enough to read.
      const cw = (plotW / viewCols) * dpr
      const ch = (plotH / viewRows) * dpr
      if (cw >= 34 * dpr && ch >= 18 * dpr && viewRows * viewCols <= 900) {
        ctx.font = `${11 * dpr}px ui-sans-serif, system-ui, sans-serif`
        ctx.textAlign = 'center'
        ctx.textBaseline = 'middle'
        for (let i = view.r0; i < view.r1; i++) {
          for (let j = view.c0; j < view.c1; j++) {
            const v = valueAt(sparse, i, j)
            ctx.fillStyle = textColorOn(scheme, colorIndex(v, mapping), isDark)
            ctx.fillText(formatValue(v, i, j), (j - view.c0 + 0.5) * cw, (i - view.r0 + 0.5) * ch, cw - 4)
          }
        }
      }
      hasPainted.current = true
    }
    const steps = paint(canvas, ctx)
    // Every paint after the first is at once, in the frame of the change.
    if (hasPainted.current) {
      runSteps(steps)
      return
    }
    // The first paint (of a blank canvas) is tasks of its own, apart from the render that laid the
    // heatmap out, one per step.
    let isCancelled = false
    void (async () => {
      do {
        await yieldToMain()
        if (isCancelled) return
      } while (!steps.next().done)
    })()
    return () => {
      isCancelled = true
    }
  }, [isMeasured, sparse, mapping, special, view, scheme, isDark, lut, plotW, plotH, dpr, viewCols, viewRows, formatValue])

  // Overlay: hover crosshair, keyboard cursor, selection, drag rectangle. Cheap, redrawn per move.
  useLayoutEffect(() => {
    const canvas = overlayRef.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return
    const w = Math.max(1, Math.round(plotW * dpr))
    const h = Math.max(1, Math.round(plotH * dpr))
    if (canvas.width !== w) canvas.width = w
    if (canvas.height !== h) canvas.height = h
    drawOverlay(ctx, geometry, dpr, { hover, active, selected, drag }, isDark)
  }, [geometry, dpr, hover, active, selected, drag, isDark, plotW, plotH])

  const rowTicks = useMemo(() => thinLabels(view.r0, view.r1, plotH, LABEL_SPACING), [view.r0, view.r1, plotH])
  const colTicks = useMemo(() => thinLabels(view.c0, view.c1, plotW, LABEL_SPACING), [view.c0, view.c1, plotW])

  const pointerCell = (event: PointerEvent<HTMLCanvasElement>): HeatmapCell | null => {
    const rect = event.currentTarget.getBoundingClientRect()
    return cellAt(geometry, event.clientX - rect.left, event.clientY - rect.top)
  }
  const handlePointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const cell = pointerCell(event)
    if (!sameCell(cell, hover)) setHover(cell)
    if (drag && cell && (event.buttons & 1) === 1 && (cell.row !== drag.row1 || cell.col !== drag.col1)) setDrag({ ...drag, row1: cell.row, col1: cell.col })
  }
  const handlePointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return
    const cell = pointerCell(event)
    if (!cell) return
    event.currentTarget.setPointerCapture?.(event.pointerId)
    setDrag({ row0: cell.row, col0: cell.col, row1: cell.row, col1: cell.col })
  }
  const handlePointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag
    setDrag(null)
    if (!d) return
    const cell = pointerCell(event) ?? { row: d.row1, col: d.col1 }
    const row1 = cell.row
    const col1 = cell.col
    if (row1 === d.row0 && col1 === d.col0) {
      setActive(cell)
      onSelect?.(cell)
      return
    }
    setView({ r0: Math.min(d.row0, row1), r1: Math.max(d.row0, row1) + 1, c0: Math.min(d.col0, col1), c1: Math.max(d.col0, col1) + 1 })
  }

  const moveActive = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rows - 1, row))
    const c = Math.max(0, Math.min(cols - 1, col))
    setActive({ row: r, col: c })
    setView((v) => panTo(v, rows, cols, r, c))
  }
  const zoomBy = (factor: number) => {
    const center = active ?? { row: Math.floor((view.r0 + view.r1) / 2), col: Math.floor((view.c0 + view.c1) / 2) }
    setView((v) => zoomAround(v, rows, cols, center.row, center.col, factor))
  }
  const handleKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (rows === 0 || cols === 0) return
    const cur = active ?? selected ?? { row: view.r0, col: view.c0 }
    const page = Math.max(1, viewRows - 1)
    let handled = true
    switch (event.key) {
      case 'ArrowUp':
        moveActive(cur.row - 1, cur.col)
        break
      case 'ArrowDown':
        moveActive(cur.row + 1, cur.col)
        break
      case 'ArrowLeft':
        moveActive(cur.row, cur.col - 1)
        break
      case 'ArrowRight':
        moveActive(cur.row, cur.col + 1)
        break
      case 'Home':
        moveActive(event.ctrlKey || event.metaKey ? 0 : cur.row, 0)
        break
      case 'End':
        moveActive(event.ctrlKey || event.metaKey ? rows - 1 : cur.row, cols - 1)
        break
      case 'PageUp':
        moveActive(cur.row - page, cur.col)
        break
      case 'PageDown':
        moveActive(cur.row + page, cur.col)
        break
      case 'Enter':
      case ' ':
        setActive(cur)
        onSelect?.(cur)
        break
      case '+':
      case '=':
        zoomBy(0.5)
        break
      case '-':
      case '_':
        zoomBy(2)
        break
      case '0':
        setView(fullView(rows, cols))
        break
      case 'Escape':
        setActive(null)
        break
      default:
        handled = false
    }
    if (handled) event.preventDefault()
  }
  const handleFocus = () => {
    if (!active && rows > 0 && cols > 0) setActive(selected ?? { row: view.r0, col: view.c0 })
  }

  // More cells than device pixels: each pixel shows the largest value of its block.
  const isPooled = viewRows > plotH * dpr || viewCols > plotW * dpr
  const blockOf = (cell: HeatmapCell) => {
    const rk = Math.min(1, (plotH * dpr) / viewRows)
    const ck = Math.min(1, (plotW * dpr) / viewCols)
    const br = Math.floor((cell.row - view.r0) * rk)
    const bc = Math.floor((cell.col - view.c0) * ck)
    return {
      r0: view.r0 + Math.ceil(br / rk),
      r1: Math.min(view.r1, view.r0 + Math.ceil((br + 1) / rk)),
      c0: view.c0 + Math.ceil(bc / ck),
      c1: Math.min(view.c1, view.c0 + Math.ceil((bc + 1) / ck)),
    }
  }
  const describe = (cell: HeatmapCell): string[] => {
    const value = valueAt(sparse, cell.row, cell.col)
    const lines = [`${rowAxisLabel}: ${rowLabels[cell.row] ?? cell.row + 1}`, `${colAxisLabel}: ${colLabels[cell.col] ?? cell.col + 1}`, `Value: ${formatValue(value, cell.row, cell.col)}`]
    for (const [k, v] of props.cellDetails?.(cell.row, cell.col) ?? []) lines.push(`${k}: ${v}`)
    if (sums) lines.push(`Row share: ${percent(share(value, sums.rowSums[cell.row]!))}`, `Column share: ${percent(share(value, sums.colSums[cell.col]!))}`)
    if (isPooled) {
      // The pixel stands for a block of cells: name the block and its strongest cell.
      const block = blockOf(cell)
      const best = strongestIn(sparse, block)
      lines.push(`Block: rows ${block.r0 + 1}–${block.r1}, columns ${block.c0 + 1}–${block.c1} (${best ? best.count.toLocaleString('en') : 'no'} non-zero cells)`)
      if (best) lines.push(`Largest: ${formatValue(best.value, best.row, best.col)} at ${rowLabels[best.row] ?? best.row + 1} / ${colLabels[best.col] ?? best.col + 1}`)
    }
    return lines
  }
  const tipCell = hover ?? active
  const tipLines = tipCell ? describe(tipCell) : null
  const tipRect = tipCell ? cellRect(geometry, tipCell.row, tipCell.col) : null
  const announcement = active ? `${describe(active).join(', ')}. Row ${active.row + 1} of ${rows}, column ${active.col + 1} of ${cols}.` : ''
  const isZoomed = view.r0 !== 0 || view.c0 !== 0 || view.r1 !== rows || view.c1 !== cols

  const handlePng = () => {
    canvasRef.current?.toBlob((blob) => {
      if (!blob) return
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = `${fileName}.png`
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 0)
    }, 'image/png')
  }

  if (rows === 0 || cols === 0) return <p className="text-sm text-slate-500">The matrix is empty.</p>
  const button = 'rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-900'
  return (
    <figure className="space-y-2" data-testid="heatmap" data-nnz={sparse.nnz}>
      <figcaption className="flex flex-wrap items-center gap-2 text-xs">
        <span className="mr-auto text-slate-600 dark:text-slate-400">
          {rows} × {cols}
          {isZoomed && (
            <>
              {' '}
              · showing rows {view.r0 + 1}–{view.r1}, columns {view.c0 + 1}–{view.c1}
            </>
          )}
          {isPooled && <span data-testid="heatmap-pooled"> · pooled overview: each pixel shows the largest value of its block; zoom in for cells</span>}
        </span>
        <button type="button" className={button} onClick={() => zoomBy(0.5)} disabled={viewRows <= 1 && viewCols <= 1} aria-label="Zoom in">
          +
        </button>
        <button type="button" className={button} onClick={() => zoomBy(2)} disabled={!isZoomed} aria-label="Zoom out">
          −
        </button>
        <button type="button" className={button} onClick={() => setView(fullView(rows, cols))} disabled={!isZoomed}>
          Reset zoom
        </button>
        <button type="button" className={button} aria-expanded={isTable} aria-controls={tableId} onClick={() => setIsTable(!isTable)}>
          {isTable ? 'Hide table' : 'View as table'}
        </button>
        <button type="button" className={button} onClick={handlePng}>
          PNG
        </button>
        {toolbar}
      </figcaption>
      <div ref={containerRef} className="w-full">
        <div className="relative" style={{ width: LEFT + plotW, height: TOP + plotH + 4 }}>
          <span className="absolute left-0 top-0 text-[11px] font-medium text-slate-500" style={{ width: LEFT }} aria-hidden="true">
            {rowAxisLabel} ↓ / {colAxisLabel} →
          </span>
          <AxisLabels geometry={geometry} rowTicks={rowTicks} colTicks={colTicks} rowLabels={rowLabels} colLabels={colLabels} />
          <canvas ref={canvasRef} width={1} height={1} aria-hidden="true" className="absolute" style={{ left: LEFT, top: TOP, width: plotW, height: plotH, imageRendering: 'pixelated' }} />
          <canvas
            ref={overlayRef}
            tabIndex={0}
            role="application"
            aria-roledescription="heatmap"
            aria-label={`${label}: ${rows} by ${cols} cells`}
            aria-describedby={`${helpId} ${liveId}`}
            data-testid="heatmap-canvas"
            className="absolute cursor-crosshair touch-none rounded-sm focus-visible:outline-2 focus-visible:outline-blue-600"
            style={{ left: LEFT, top: TOP, width: plotW, height: plotH }}
            onPointerMove={handlePointerMove}
            onPointerDown={handlePointerDown}
            onPointerUp={handlePointerUp}
            onPointerLeave={() => setHover(null)}
            onKeyDown={handleKeyDown}
            onFocus={handleFocus}
            onBlur={() => setHover(null)}
          />
          {tipLines && tipRect && (
            <div
              role="tooltip"
              data-testid="heatmap-tooltip"
              className="pointer-events-none absolute z-10 max-w-72 rounded-md border border-slate-200 bg-white/95 px-2 py-1 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900/95"
              style={tooltipPosition(tipRect, plotW, plotH)}
            >
              {tipLines.map((line) => (
                <div key={line} className="truncate">
                  {line}
                </div>
              ))}
            </div>
          )}
        </div>
      </div>
      <ColorLegendMemo mapping={mapping} scheme={scheme} isDark={isDark} formatValue={formatValue} />
      {special && special.factor !== 1 && (
        <p className="text-[11px] text-slate-600 dark:text-slate-400" data-testid="heatmap-special-scale">
          “{rowLabels[special.row]}” row and column are set apart on their own scale (up to {formatValue(special.max, -1, -1)}), so they do not flatten the rest.
        </p>
      )}
      <p id={helpId} className="sr-only">
        Arrow keys move between cells, Home and End go to the ends of a row, Enter selects the cell, plus and minus zoom, 0 resets the zoom. The table alternative lists exact values.
      </p>
      <p id={liveId} aria-live="polite" className="sr-only" data-testid="heatmap-live">
        {announcement}
      </p>
      <div id={tableId} hidden={!isTable}>
        {isTable && <HeatmapTable {...props} matrix={sparse} formatValue={formatValue} view={view} sums={sums} />}
      </div>
    </figure>
  )
}

/** A label's line height (11px text, `leading-none`) plus a pixel. */
const LABEL_LINE = 12

/** The thinned row and column labels; memoized, so a new matrix on the same rows does not touch them. */
const AxisLabels = memo(function AxisLabels({ geometry, rowTicks, colTicks, rowLabels, colLabels }: { geometry: PlotGeometry; rowTicks: readonly number[]; colTicks: readonly number[]; rowLabels: readonly string[]; colLabels: readonly string[] }) {
  return (
    <>
      <div aria-hidden="true" className="absolute overflow-hidden" style={{ left: LEFT, top: 0, width: geometry.width, height: TOP }}>
        {colTicks.map((j) => {
          const r = cellRect(geometry, 0, j)
          const left = labelStart(r.x + r.w / 2, LABEL_LINE, geometry.width)
          if (left === null) return null
          return (
            <span key={j} className="absolute bottom-1 whitespace-nowrap text-[11px] leading-none text-slate-600 dark:text-slate-400" style={{ left, maxHeight: TOP - 20, overflow: 'hidden', textOverflow: 'ellipsis', writingMode: 'vertical-rl', transform: 'rotate(180deg)' }}>
              {colLabels[j] ?? j + 1}
            </span>
          )
        })}
      </div>
      <div aria-hidden="true" className="absolute overflow-hidden" style={{ left: 0, top: TOP, width: LEFT - 4, height: geometry.height }}>
        {rowTicks.map((i) => {
          const r = cellRect(geometry, i, 0)
          const top = labelStart(r.y + r.h / 2, LABEL_LINE, geometry.height)
          if (top === null) return null
          return (
            <span key={i} className="absolute right-0 truncate text-right text-[11px] leading-none text-slate-600 dark:text-slate-400" style={{ top, maxWidth: LEFT - 8 }}>
              {rowLabels[i] ?? i + 1}
            </span>
          )
        })}
      </div>
    </>
  )
})

function tooltipPosition(r: { x: number; y: number; w: number; h: number }, plotW: number, plotH: number): CSSProperties {
  const x = LEFT + r.x + r.w + 8
  const y = TOP + r.y
  const style: CSSProperties = {}
  if (r.x + r.w > plotW * 0.6) style.right = LEFT + plotW - (LEFT + r.x) + 8
  else style.left = x
  if (r.y > plotH * 0.6) style.bottom = TOP + plotH - y + 4
  else style.top = y
  return style
}

function textColorOn(scheme: ColorScheme, index: number, isDark: boolean): string {
  if (scheme === 'diverging') return Math.abs(index - 128) > 70 ? '#ffffff' : isDark ? '#f8fafc' : '#0f172a'
  if (index === 0) return isDark ? '#94a3b8' : '#64748b'
  // Viridis is dark below about 60% of the ramp.
  return index < 160 ? '#ffffff' : '#0f172a'
}

const ColorLegendMemo = memo(ColorLegend)

function ColorLegend({ mapping, scheme, isDark, formatValue }: { mapping: ColorMapping; scheme: ColorScheme; isDark: boolean; formatValue: (value: number, row: number, col: number) => string }) {
  const stops = Array.from({ length: 11 }, (_, k) => lutCss(scheme, isDark, scheme === 'diverging' ? Math.round((k / 10) * 255) : 1 + Math.round((k / 10) * 254)))
  return (
    <div className="flex items-center gap-2 text-[11px] text-slate-600 dark:text-slate-400" aria-hidden="true">
      <span>{formatValue(mapping.min, -1, -1)}</span>
      <span className="h-2.5 w-40 rounded-sm" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
      <span>{formatValue(mapping.max, -1, -1)}</span>
      <span>({mapping.scale === 'log' ? 'log' : 'linear'} scale{scheme === 'sequential' ? '; empty cells in the background color' : ''})</span>
    </div>
  )
}
