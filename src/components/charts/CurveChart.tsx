import { memo, useId, useRef, useState } from 'react'
import { AxisTitles, BottomTicks, ValueGrid } from './axes.tsx'
import { ScrollRegion } from '../ScrollRegion.tsx'

export interface CurvePointXY {
  x: number
  y: number
  /** The threshold the point was taken at, listed in the table. */
  threshold?: number
}

export interface CurveSeries {
  /** Unique key. */
  id: string
  /** Legend and table label. */
  name: string
  points: readonly CurvePointXY[]
  /** A point to mark (the current threshold). */
  marker?: CurvePointXY | null
  /** Legend suffix ("AUC 0.912"). */
  note?: string
  /** Position in the palette; series of one concept in two evaluations share it. Default: index. */
  colorIndex?: number
  dashed?: boolean
}

interface CurveChartProps {
  /** Accessible name, caption and table caption. */
  title: string
  xLabel: string
  yLabel: string
  series: readonly CurveSeries[]
  /** The chance line of a ROC chart, from (0,0) to (1,1). */
  diagonal?: boolean
  /** Base name of the PNG export. */
  fileName?: string
  width?: number
  height?: number
}

// Okabe–Ito, readable on light and dark backgrounds and in the common color-vision deficiencies.
export const CURVE_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#7f7f7f', '#F0E442']
const MARGIN = { top: 10, right: 12, bottom: 40, left: 48 }
const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1]
const label = (t: number) => String(t)

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v
}

function fmt(v: number | undefined, digits = 3): string {
  return v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits)
}

/**
 * ROC and precision-recall curves on the unit square: several series overlaid, a marker per
 * series at the current threshold, the area figures in the legend, a "view as table" alternative
 * listing every point, and a PNG export (SVG drawn onto a canvas).
 */
export function CurveChart({ title, xLabel, yLabel, series, diagonal = false, fileName = 'curve', width = 420, height = 340 }: CurveChartProps) {
  const [isTable, setIsTable] = useState(false)
  const [exportError, setExportError] = useState<string | null>(null)
  const svgRef = useRef<SVGSVGElement>(null)
  const tableId = useId()
  const plotW = width - MARGIN.left - MARGIN.right
  const plotH = height - MARGIN.top - MARGIN.bottom
  const sx = (x: number) => MARGIN.left + clamp01(x) * plotW
  const sy = (y: number) => MARGIN.top + (1 - clamp01(y)) * plotH
  const box = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom }
  const drawn = series.filter((s) => s.points.length > 0)
  const colorOf = (s: CurveSeries, i: number) => CURVE_COLORS[(s.colorIndex ?? i) % CURVE_COLORS.length]!
  const summary = `${title}: ${drawn.length} ${drawn.length === 1 ? 'curve' : 'curves'}${drawn.length ? ` (${drawn.map((s) => `${s.name}${s.note ? `, ${s.note}` : ''}`).join('; ')})` : ''}.`

  const handlePng = async () => {
    setExportError(null)
    try {
      await exportSvgPng(svgRef.current, `${fileName}.png`)
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error))
    }
  }

  const button = 'rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900'
  return (
    <figure className="space-y-2" data-testid="curve-chart">
      <figcaption className="flex flex-wrap items-center gap-2">
        <span className="mr-auto text-sm font-medium">{title}</span>
        <button type="button" className={button} aria-expanded={isTable} aria-controls={tableId} onClick={() => setIsTable((v) => !v)}>
          {isTable ? 'View as chart' : 'View as table'}
        </button>
        <button type="button" className={button} onClick={() => void handlePng()} disabled={isTable}>
          PNG
        </button>
      </figcaption>
      {exportError && <p className="text-xs text-red-700 dark:text-red-400">PNG export failed: {exportError}</p>}
      {drawn.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-4 text-center text-sm text-slate-500 dark:border-slate-700">No curve points to draw.</p>
      ) : isTable ? (
        <div id={tableId}>
          <CurveTable title={title} series={drawn} xLabel={xLabel} yLabel={yLabel} />
        </div>
      ) : (
        <>
          <svg ref={svgRef} id={tableId} role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-md text-slate-600 dark:text-slate-300">
            <title>{summary}</title>
            <ValueGrid ticks={TICKS} y={sy} box={box} format={label} />
            <BottomTicks ticks={TICKS} x={sx} box={box} format={label} isGrid />
            <rect x={sx(0)} y={sy(1)} width={plotW} height={plotH} fill="none" stroke="currentColor" strokeOpacity={0.5} />
            {diagonal && <line x1={sx(0)} y1={sy(0)} x2={sx(1)} y2={sy(1)} stroke="currentColor" strokeOpacity={0.4} strokeDasharray="4 4" />}
            <AxisTitles xLabel={xLabel} yLabel={yLabel} box={box} height={height} yTitleX={12} />
            {drawn.map((s, i) => (
              <CurveLine key={s.id} name={s.name} points={s.points} color={colorOf(s, i)} isDashed={s.dashed === true} plotW={plotW} plotH={plotH} />
            ))}
            {drawn.map((s, i) =>
              s.marker ? (
                <circle key={`${s.id}-marker`} data-marker={s.name} cx={sx(s.marker.x)} cy={sy(s.marker.y)} r={4.5} fill={s.dashed ? 'white' : colorOf(s, i)} stroke={colorOf(s, i)} strokeWidth={2}>
                  <title>{`${s.name} at threshold ${fmt(s.marker.threshold, 2)}: ${xLabel} ${fmt(s.marker.x)}, ${yLabel} ${fmt(s.marker.y)}`}</title>
                </circle>
              ) : null,
            )}
          </svg>
          <ul className="flex flex-col gap-0.5 text-xs" aria-label={`${title} legend`}>
            {drawn.map((s, i) => (
              <li key={s.id} className="flex items-center gap-1.5">
                <svg width="24" height="8" aria-hidden="true">
                  <line x1="0" x2="24" y1="4" y2="4" stroke={colorOf(s, i)} strokeDasharray={s.dashed ? '6 3' : undefined} strokeWidth={2} />
                </svg>
                <span className="font-mono">{s.name}</span>
                {s.note && <span className="text-slate-600 dark:text-slate-400">{s.note}</span>}
                {s.marker && (
                  <span className="text-slate-500">
                    · at {fmt(s.marker.threshold, 2)}: ({fmt(s.marker.x)}, {fmt(s.marker.y)})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  )
}

/** One series' line; memoized, so moving the markers does not rebuild the points. */
const CurveLine = memo(function CurveLine({ name, points, color, isDashed, plotW, plotH }: { name: string; points: readonly CurvePointXY[]; color: string; isDashed: boolean; plotW: number; plotH: number }) {
  const sx = (x: number) => MARGIN.left + clamp01(x) * plotW
  const sy = (y: number) => MARGIN.top + (1 - clamp01(y)) * plotH
  return (
    <polyline
      data-series={name}
      fill="none"
      stroke={color}
      strokeWidth={1.75}
      strokeDasharray={isDashed ? '6 3' : undefined}
      strokeLinejoin="round"
      points={points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}
    />
  )
})

function CurveTable({ title, series, xLabel, yLabel }: { title: string; series: readonly CurveSeries[]; xLabel: string; yLabel: string }) {
  return (
    <ScrollRegion label={title} className="max-h-80 overflow-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-xs tabular-nums">
        <caption className="sr-only">{title}: every point of every curve</caption>
        <thead className="sticky top-0 bg-slate-50 text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Series
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Threshold
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {xLabel}
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {yLabel}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {series.flatMap((s) =>
            s.points.map((p, k) => (
              <tr key={`${s.id}-${k}`} className={s.marker && s.marker.x === p.x && s.marker.y === p.y && s.marker.threshold === p.threshold ? 'bg-amber-50 dark:bg-amber-950/40' : undefined}>
                <td className="px-2 py-0.5 font-mono">{s.name}</td>
                <td className="px-2 py-0.5">{p.threshold === undefined ? '—' : String(p.threshold)}</td>
                <td className="px-2 py-0.5">{String(p.x)}</td>
                <td className="px-2 py-0.5">{String(p.y)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </ScrollRegion>
  )
}

/** Serializes an SVG, draws it on a canvas at 2x and saves a PNG. */
export async function exportSvgPng(svg: SVGSVGElement | null, filename: string): Promise<void> {
  if (!svg) throw new Error('nothing to export')
  const clone = svg.cloneNode(true) as SVGSVGElement
  const box = svg.viewBox.baseVal
  const w = box && box.width ? box.width : svg.clientWidth
  const h = box && box.height ? box.height : svg.clientHeight
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  clone.setAttribute('width', String(w))
  clone.setAttribute('height', String(h))
  // currentColor resolves against the page's text color; a file has none.
  clone.setAttribute('style', 'color: #334155; background: #ffffff')
  const text = new XMLSerializer().serializeToString(clone)
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve()
      image.onerror = () => reject(new Error('the browser could not draw the SVG'))
      image.src = url
    })
    const scale = 2
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(w * scale)
    canvas.height = Math.round(h * scale)
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2D canvas')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('the canvas gave no image')
    const link = document.createElement('a')
    const pngUrl = URL.createObjectURL(blob)
    link.href = pngUrl
    link.download = filename
    link.click()
    setTimeout(() => URL.revokeObjectURL(pngUrl), 0)
  } finally {
    URL.revokeObjectURL(url)
  }
}
