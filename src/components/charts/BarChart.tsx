import { useId, useState } from 'react'
import { countTicks } from './axes.tsx'
import { addUint64, uint64Approx, uint64Text } from '@/lib/datasets.ts'
import { formatCount } from '@/lib/format.ts'
import { lazy } from '@/lib/lazy.ts'
import { ScrollRegion } from '../ScrollRegion.tsx'

export interface BarChartCategory {
  id: string
  label: string
}

export interface BarChartSeries {
  id: string
  label: string
  /** Series sharing a stack are drawn end to end in one bar; each stack gets its own bar. */
  stack?: string
  /** One per category: counts as numbers or uint64 decimal strings (exact in the table). */
  values: ReadonlyArray<string | number | undefined>
}

interface BarChartProps {
  title: string
  categories: readonly BarChartCategory[]
  series: readonly BarChartSeries[]
  /** Header of the category column in the table ("Version", "Worker"). */
  categoryHeader: string
  /** Said when there is nothing to draw. */
  emptyText?: string
}

/** Colorblind-safe (Okabe–Ito), readable on light and dark backgrounds. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999']

const WIDTH = 640
const LABEL_WIDTH = 132
const VALUE_ROOM = 56
const BAR_HEIGHT = 14
const BAR_GAP = 3
const GROUP_GAP = 12
const AXIS_HEIGHT = 22

const compact = lazy(() => new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }))

function compactCount(value: number): string {
  return value >= 1e15 ? value.toExponential(1).replace('e+', 'e') : compact().format(value)
}

function exactText(value: string | number | undefined): string | undefined {
  return uint64Text(value)
}

interface Stack {
  id: string
  label: string
  series: Array<{ series: BarChartSeries; color: string }>
}

function stacksOf(series: readonly BarChartSeries[]): Stack[] {
  const stacks: Stack[] = []
  series.forEach((s, index) => {
    const id = s.stack ?? s.id
    let stack = stacks.find((st) => st.id === id)
    if (!stack) {
      stack = { id, label: s.stack ?? s.label, series: [] }
      stacks.push(stack)
    }
    stack.series.push({ series: s, color: PALETTE[index % PALETTE.length] as string })
  })
  return stacks
}

/**
 * Horizontal bars, one group per category, one bar per stack, series of a stack end to end.
 * Hand-written SVG (a few dozen bars at most), every value also in a "view as table" alternative
 * with exact counts; 64-bit counts keep every digit there and in the bar tooltips.
 */
export function BarChart({ title, categories, series, categoryHeader, emptyText = 'Nothing to chart.' }: BarChartProps) {
  const [isTableShown, setIsTableShown] = useState(false)
  const tableId = useId()
  const stacks = stacksOf(series)
  const hasData = series.some((s) => s.values.some((v) => uint64Approx(v) > 0))

  const stackTotal = (stack: Stack, categoryIndex: number) => stack.series.reduce((sum, { series: s }) => sum + uint64Approx(s.values[categoryIndex]), 0)
  const max = Math.max(0, ...categories.flatMap((_, i) => stacks.map((st) => stackTotal(st, i))))
  const ticks = countTicks(max)
  const scaleMax = ticks.at(-1) || 1
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_ROOM
  const x = (value: number) => LABEL_WIDTH + (value / scaleMax) * plotWidth
  const groupHeight = stacks.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
  const height = AXIS_HEIGHT + categories.length * (groupHeight + GROUP_GAP)

  return (
    <figure className="space-y-2">
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium">{title}</span>
        <button
          type="button"
          aria-expanded={isTableShown}
          aria-controls={tableId}
          onClick={() => setIsTableShown((shown) => !shown)}
          className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
        >
          {isTableShown ? 'Hide table' : 'View as table'}
        </button>
      </figcaption>
      {!hasData ? (
        <p className="rounded border border-dashed border-slate-300 p-4 text-center text-sm text-slate-500 dark:border-slate-700">{emptyText}</p>
      ) : (
        <>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400" aria-label="Legend">
            {stacks.flatMap((stack) =>
              stack.series.map(({ series: s, color }) => (
                <li key={s.id} className="flex items-center gap-1.5">
                  <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: color }} />
                  {s.label}
                </li>
              )),
            )}
          </ul>
          <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`${title}: bar chart; the table has the exact values`} className="max-w-3xl text-slate-600 dark:text-slate-300">
            {ticks.map((tick) => (
              <g key={tick}>
                <line x1={x(tick)} x2={x(tick)} y1={AXIS_HEIGHT - 4} y2={height} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
                <text x={x(tick)} y={AXIS_HEIGHT - 8} textAnchor="middle" fontSize={10} fill="currentColor">
                  {compactCount(tick)}
                </text>
              </g>
            ))}
            {categories.map((category, i) => {
              const top = AXIS_HEIGHT + i * (groupHeight + GROUP_GAP) + GROUP_GAP / 2
              return (
                <g key={category.id}>
                  <text x={LABEL_WIDTH - 6} y={top + groupHeight / 2} dominantBaseline="middle" textAnchor="end" fontSize={11} fill="currentColor">
                    <title>{category.label}</title>
                    {category.label.length > 20 ? `${category.label.slice(0, 19)}…` : category.label}
                  </text>
                  {stacks.map((stack, k) => {
                    const y = top + k * (BAR_HEIGHT + BAR_GAP)
                    let offset = 0
                    const total = stackTotal(stack, i)
                    const exactTotal = addUint64(stack.series.map(({ series: s }) => exactText(s.values[i])))
                    return (
                      <g key={stack.id}>
                        {stack.series.map(({ series: s, color }) => {
                          const value = uint64Approx(s.values[i])
                          const start = offset
                          offset += value
                          if (value <= 0) return null
                          return (
                            <rect key={s.id} x={x(start)} y={y} width={Math.max(0.5, x(start + value) - x(start))} height={BAR_HEIGHT} fill={color}>
                              <title>{`${category.label} · ${s.label}: ${formatCount(exactText(s.values[i]))}`}</title>
                            </rect>
                          )
                        })}
                        {exactTotal !== undefined && (
                          <text x={x(total) + 4} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize={10} fill="currentColor">
                            {compactCount(total)}
                          </text>
                        )}
                      </g>
                    )
                  })}
                </g>
              )
            })}
          </svg>
        </>
      )}
      <div id={tableId} hidden={!isTableShown}>
        <ScrollRegion label={title}>
        <table className="text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-2 py-1 font-medium">
                {categoryHeader}
              </th>
              {stacks.map((stack) => [
                ...stack.series.map(({ series: s }) => (
                  <th key={s.id} scope="col" className="px-2 py-1 text-right font-medium">
                    {s.label}
                  </th>
                )),
                stack.series.length > 1 ? (
                  <th key={`${stack.id}-total`} scope="col" className="px-2 py-1 text-right font-medium">
                    Total {stack.label}
                  </th>
                ) : null,
              ])}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800">
            {categories.map((category, i) => (
              <tr key={category.id}>
                <th scope="row" className="px-2 py-1 font-mono text-xs font-normal">
                  {category.label}
                </th>
                {stacks.map((stack) => [
                  ...stack.series.map(({ series: s }) => (
                    <td key={s.id} className="px-2 py-1 text-right">
                      {formatCount(exactText(s.values[i]))}
                    </td>
                  )),
                  stack.series.length > 1 ? (
                    <td key={`${stack.id}-total`} className="px-2 py-1 text-right font-medium">
                      {formatCount(addUint64(stack.series.map(({ series: s }) => exactText(s.values[i]))))}
                    </td>
                  ) : null,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      </div>
    </figure>
  )
}
