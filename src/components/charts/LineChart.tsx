import { useId, useState, type ReactNode } from 'react'
import { AxisTitles, BottomTicks, formatTick, niceTicks, ValueGrid } from './axes.tsx'
import { ScrollRegion } from '../ScrollRegion.tsx'

export interface LinePoint {
  x: number
  y: number
}

export interface LineSeries {
  name: string
  points: readonly LinePoint[]
}

interface LineChartProps {
  /** Accessible name of the chart and caption of its table. */
  title: string
  series: readonly LineSeries[]
  xLabel: string
  yLabel: string
  /** Drawing size in SVG units; the chart scales to its container's width. */
  width?: number
  height?: number
  formatY?: (value: number) => string
  /** Where to put the x ticks (whole numbers for an ordinal axis); round values by default. */
  xTicks?: readonly number[]
  formatX?: (value: number) => string
  /**
   * Makes each listed x a link: a column over the plot at that x, one tab stop per x (not per
   * point), given to `wrap` to put in a link. The chart is then a group of links, not an image.
   */
  xLinks?: ReadonlyArray<{ x: number; wrap: (mark: ReactNode) => ReactNode }>
  /** What "View as table" shows instead of the points table (a table with the links). */
  tableView?: ReactNode
}

// Distinguishable in light and dark themes, and in the usual colour-vision deficiencies; series
// also differ by dash pattern so colour is never the only cue.
const COLORS = ['#2563eb', '#ea580c', '#059669', '#9333ea', '#dc2626', '#0891b2']
const DASHES = [undefined, '6 3', '2 3', '8 3 2 3', '1 2', '10 4']
// Room on the right for the last x label, centred on its tick (a version id is eight characters).
const MARGIN = { top: 12, right: 32, bottom: 40, left: 56 }

/**
 * A small SVG line chart with axes, ticks and a legend, and a "view as table" alternative that
 * lists every point exactly. For curves of up to a few thousand points; not for dense heatmaps.
 */
export function LineChart({ title, series, xLabel, yLabel, width = 640, height = 260, formatY = defaultFormat, xTicks: givenXTicks, formatX, xLinks, tableView }: LineChartProps) {
  const [isTable, setIsTable] = useState(false)
  const tableId = useId()
  const drawn = series.filter((s) => s.points.length > 0)
  const all = drawn.flatMap((s) => s.points)
  if (all.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No points to draw.</p>
  }
  const xs = extent(all.map((p) => p.x))
  const ys = extent(all.map((p) => p.y))
  const xTicks = givenXTicks ?? niceTicks(xs[0], xs[1], 6)
  const yTicks = niceTicks(ys[0], ys[1], 5)
  const x0 = Math.min(xs[0], xTicks[0] ?? xs[0])
  const x1 = Math.max(xs[1], xTicks.at(-1) ?? xs[1])
  const y0 = Math.min(ys[0], yTicks[0] ?? ys[0])
  const y1 = Math.max(ys[1], yTicks.at(-1) ?? ys[1])
  const plotW = width - MARGIN.left - MARGIN.right
  const plotH = height - MARGIN.top - MARGIN.bottom
  const sx = (x: number) => MARGIN.left + (x1 === x0 ? plotW / 2 : ((x - x0) / (x1 - x0)) * plotW)
  const sy = (y: number) => MARGIN.top + (y1 === y0 ? plotH / 2 : plotH - ((y - y0) / (y1 - y0)) * plotH)
  const box = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom }
  const summary = `${title}: ${drawn.length} series, ${xLabel} from ${formatTick(xs[0])} to ${formatTick(xs[1])}, ${yLabel} from ${formatY(ys[0])} to ${formatY(ys[1])}.`

  return (
    <figure className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-sm font-medium">{title}</figcaption>
        <button
          type="button"
          aria-expanded={isTable}
          aria-controls={tableId}
          onClick={() => setIsTable((v) => !v)}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-xs hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
        >
          {isTable ? 'View as chart' : 'View as table'}
        </button>
      </div>
      {isTable ? (
        <div id={tableId}>
          {tableView ?? <PointsTable title={title} series={drawn} xLabel={xLabel} formatY={formatY} />}
        </div>
      ) : (
        <>
          <svg id={tableId} role={xLinks ? 'group' : 'img'} aria-label={summary} viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-3xl text-slate-500">
            <title>{summary}</title>
            <ValueGrid ticks={yTicks} y={sy} box={box} format={formatY} />
            <BottomTicks ticks={xTicks} x={sx} box={box} format={formatX} />
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={height - MARGIN.bottom} y2={height - MARGIN.bottom} stroke="currentColor" />
            <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={height - MARGIN.bottom} stroke="currentColor" />
            <AxisTitles xLabel={xLabel} yLabel={yLabel} box={box} height={height} />
            {drawn.map((s, i) => (
              <polyline
                key={s.name}
                data-series={s.name}
                fill="none"
                stroke={COLORS[i % COLORS.length]}
                strokeDasharray={DASHES[i % DASHES.length]}
                strokeWidth={1.75}
                strokeLinejoin="round"
                points={s.points.map((p) => `${round(sx(p.x))},${round(sy(p.y))}`).join(' ')}
              />
            ))}
            {drawn.map((s, i) =>
              s.points.length === 1 || xLinks ? (
                <g key={`${s.name}-dots`} data-dots={s.name}>
                  {s.points.map((p) => (
                    <circle key={p.x} cx={round(sx(p.x))} cy={round(sy(p.y))} r={3} fill={COLORS[i % COLORS.length]} />
                  ))}
                </g>
              ) : null,
            )}
            {xLinks?.map(({ x, wrap }) => {
              const half = Math.max(3, Math.min(24, plotW / Math.max(1, xLinks.length) / 2))
              return (
                <g key={`link-${x}`}>
                  {wrap(<rect x={sx(x) - half} y={MARGIN.top} width={half * 2} height={plotH} fill="transparent" className="hover:fill-blue-500/10" />)}
                </g>
              )
            })}
          </svg>
          {drawn.length > 1 && (
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
              {drawn.map((s, i) => (
                <li key={s.name} className="flex items-center gap-1.5">
                  <svg width="24" height="8" aria-hidden="true">
                    <line x1="0" x2="24" y1="4" y2="4" stroke={COLORS[i % COLORS.length]} strokeDasharray={DASHES[i % DASHES.length]} strokeWidth={2} />
                  </svg>
                  <span className="font-mono">{s.name}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </figure>
  )
}

function PointsTable({ title, series, xLabel, formatY }: { title: string; series: readonly LineSeries[]; xLabel: string; formatY: (value: number) => string }) {
  // One row per x, one column per series: series sampled at different x leave gaps.
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b)
  const lookup = series.map((s) => new Map(s.points.map((p) => [p.x, p.y])))
  return (
    <ScrollRegion label={title} className="max-h-80 overflow-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{title}</caption>
        <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              {xLabel}
            </th>
            {series.map((s) => (
              <th key={s.name} scope="col" className="px-3 py-1.5 font-mono font-medium normal-case">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800">
          {xs.map((x) => (
            <tr key={x}>
              <th scope="row" className="px-3 py-1 font-normal">
                {x}
              </th>
              {lookup.map((m, i) => {
                const y = m.get(x)
                return (
                  <td key={series[i]?.name ?? i} className="px-3 py-1" title={y === undefined ? undefined : String(y)}>
                    {y === undefined ? '—' : formatY(y)}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  )
}

function extent(values: number[]): [number, number] {
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (v < min) min = v
    if (v > max) max = v
  }
  return [min, max]
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

function defaultFormat(value: number): string {
  return formatTick(value)
}
