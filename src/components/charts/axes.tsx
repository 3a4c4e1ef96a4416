// The axes every SVG chart draws the same way: round tick values, grid lines with labels, and
// the axis titles. Charts keep their own scales and marks.

/**
 * About `count` round tick values (1, 2 or 5 times a power of ten) covering [min, max]. A single
 * value gets one tick; non-finite input gets none.
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || count < 1) return []
  if (min > max) [min, max] = [max, min]
  if (min === max) return [min]
  const raw = (max - min) / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power
  const start = Math.floor(min / step) * step
  const ticks: number[] = []
  for (let i = 0; ; i++) {
    const t = Number((start + i * step).toPrecision(12))
    ticks.push(t)
    if (t >= max || i > 1000) break
  }
  return ticks
}

/** Ticks from 0 up to at least `max`, for counts; nothing to count gets the single tick 0. */
export function countTicks(max: number, count = 4): number[] {
  return max > 0 && Number.isFinite(max) ? niceTicks(0, max, count) : [0]
}

/** Tick labels without float noise: 0.30000000000000004 -> "0.3". */
export function formatTick(value: number): string {
  if (value === 0) return '0'
  const abs = Math.abs(value)
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(2)
  return String(Number(value.toPrecision(6)))
}

export interface PlotBox {
  /** Where the plot area starts and ends, in SVG units. */
  left: number
  right: number
  top: number
  bottom: number
}

const GRID = { stroke: 'currentColor', strokeOpacity: 0.15 }

/** Horizontal grid lines at the value ticks, labelled on the left. */
export function ValueGrid({ ticks, y, box, format = formatTick }: { ticks: readonly number[]; y: (value: number) => number; box: PlotBox; format?: (value: number) => string }) {
  return (
    <>
      {ticks.map((t) => (
        <g key={`y${t}`}>
          <line x1={box.left} x2={box.right} y1={y(t)} y2={y(t)} {...GRID} />
          <text x={box.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="currentColor">
            {format(t)}
          </text>
        </g>
      ))}
    </>
  )
}

/** The ticks along the bottom, labelled under the plot: short marks, or grid lines with `isGrid`. */
export function BottomTicks({ ticks, x, box, format = formatTick, isGrid = false }: { ticks: readonly number[]; x: (value: number) => number; box: PlotBox; format?: (value: number) => string; isGrid?: boolean }) {
  return (
    <>
      {ticks.map((t) => (
        <g key={`x${t}`}>
          {isGrid ? <line x1={x(t)} x2={x(t)} y1={box.top} y2={box.bottom} {...GRID} /> : <line x1={x(t)} x2={x(t)} y1={box.bottom} y2={box.bottom + 4} stroke="currentColor" />}
          <text x={x(t)} y={box.bottom + 16} textAnchor="middle" fontSize={11} fill="currentColor">
            {format(t)}
          </text>
        </g>
      ))}
    </>
  )
}

/** The axis titles: x centred under the plot, y rotated along its left edge. */
export function AxisTitles({ xLabel, yLabel, box, height, yTitleX = 14 }: { xLabel: string; yLabel: string; box: PlotBox; height: number; yTitleX?: number }) {
  return (
    <>
      <text x={(box.left + box.right) / 2} y={height - 6} textAnchor="middle" fontSize={12} fill="currentColor">
        {xLabel}
      </text>
      <text transform={`translate(${yTitleX} ${(box.top + box.bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize={12} fill="currentColor">
        {yLabel}
      </text>
    </>
  )
}
