// The heatmap's table alternative: every cell of a small matrix, or the non-zero cells of the
// zoomed region a page at a time, with exact values and the caller's extra columns.
import { useMemo, useState } from 'react'
import { fullView, type CellWindow } from './heatmap-paint.ts'
import { ScrollRegion } from './ScrollRegion.tsx'
import { cellsIn, valueAt, type LineTotals, type SparseMatrix } from '@/lib/sparse-matrix.ts'

export interface HeatmapTableProps {
  /** Caption of the table. */
  label: string
  rows: number
  cols: number
  matrix: SparseMatrix
  rowLabels: readonly string[]
  colLabels: readonly string[]
  rowAxisLabel?: string
  colAxisLabel?: string
  formatValue: (value: number, row: number, col: number) => string
  /** Exact value of a cell (a MatrixUint64's getExact keeps uint64 digits). */
  formatExact?: (row: number, col: number) => string
  /** Extra columns for a cell: [label, text]. */
  cellDetails?: (row: number, col: number) => ReadonlyArray<readonly [string, string]>
  /** The heatmap's zoomed region. */
  view: CellWindow
  /** Null when shares are not shown. */
  sums: LineTotals | null
}

const TABLE_GRID_LIMIT = 25 * 25
const PAGE = 50

/** A cell's share of its line's sum, null for an empty line. */
export function share(value: number, sum: number): number | null {
  return sum === 0 ? null : value / sum
}

export function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`
}

/**
 * The exact values: the whole grid for small matrices; otherwise the non-zero cells of the zoomed
 * region (or of the whole matrix), largest first, a page at a time.
 */
export function HeatmapTable({ label, rows, cols, matrix, rowLabels, colLabels, rowAxisLabel = 'Row', colAxisLabel = 'Column', formatValue, formatExact, cellDetails, view, sums }: HeatmapTableProps) {
  const [isWhole, setIsWhole] = useState(false)
  const [page, setPage] = useState(0)
  const exact = formatExact ?? ((i: number, j: number) => formatValue(valueAt(matrix, i, j), i, j))
  const region = isWhole ? fullView(rows, cols) : view
  const cells = useMemo(() => {
    if (rows * cols <= TABLE_GRID_LIMIT) return null
    // Stored cells of the region, largest first: O(non-zero cells), whatever rows x cols.
    return Array.from(cellsIn(matrix, region), (k) => matrix.row[k]! * cols + matrix.col[k]!)
  }, [rows, cols, matrix, region])
  const [pagedCells, setPagedCells] = useState(cells)
  if (pagedCells !== cells) {
    setPagedCells(cells)
    setPage(0)
  }

  if (cells === null) {
    return (
      <ScrollRegion label={`${label}: exact values`} className="overflow-auto">
        <table className="text-right text-xs tabular-nums">
          <caption className="sr-only">{label}: exact values, rows are {rowAxisLabel.toLowerCase()}, columns {colAxisLabel.toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-1.5 py-1 text-left font-medium text-slate-500">
                {rowAxisLabel} \ {colAxisLabel}
              </th>
              {colLabels.map((c, j) => (
                <th key={j} scope="col" className="px-1.5 py-1 font-medium text-slate-500">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rowLabels.map((r, i) => (
              <tr key={i}>
                <th scope="row" className="px-1.5 py-1 text-left font-medium text-slate-500">
                  {r}
                </th>
                {colLabels.map((_, j) => (
                  <td key={j} className="px-1.5 py-1" data-row={i} data-col={j}>
                    {exact(i, j)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    )
  }
  const pages = Math.max(1, Math.ceil(cells.length / PAGE))
  const shown = cells.slice(page * PAGE, page * PAGE + PAGE)
  const detailKeys = shown.length > 0 ? (cellDetails?.(Math.floor(shown[0]! / cols), shown[0]! % cols) ?? []).map(([k]) => k) : []
  const button = 'rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-900'
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 text-xs">
        <span>
          {cells.length.toLocaleString('en')} non-zero cells in {isWhole ? 'the whole matrix' : `rows ${region.r0 + 1}–${region.r1}, columns ${region.c0 + 1}–${region.c1}`}, largest first
        </span>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={isWhole} onChange={(e) => setIsWhole(e.target.checked)} /> Whole matrix
        </label>
        <span className="ml-auto flex items-center gap-2">
          <button type="button" className={button} disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" className={button} disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </span>
      </div>
      <ScrollRegion label={`${label}: non-zero cells`} className="rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-xs">
          <caption className="sr-only">{label}: non-zero cells with exact values</caption>
          <thead className="bg-slate-50 text-slate-600 dark:bg-slate-900 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-medium">
                {rowAxisLabel}
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                {colAxisLabel}
              </th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">
                Value
              </th>
              {detailKeys.map((k) => (
                <th key={k} scope="col" className="px-2 py-1.5 text-right font-medium">
                  {k}
                </th>
              ))}
              {sums && (
                <>
                  <th scope="col" className="px-2 py-1.5 text-right font-medium">
                    Row share
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-medium">
                    Column share
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800">
            {shown.map((k) => {
              const i = Math.floor(k / cols)
              const j = k % cols
              const v = sums ? valueAt(matrix, i, j) : 0
              const info = sums ? { rowShare: share(v, sums.rowSums[i]!), colShare: share(v, sums.colSums[j]!) } : null
              return (
                <tr key={k}>
                  <td className="px-2 py-1 font-mono">{rowLabels[i]}</td>
                  <td className="px-2 py-1 font-mono">{colLabels[j]}</td>
                  <td className="px-2 py-1 text-right" data-row={i} data-col={j}>
                    {exact(i, j)}
                  </td>
                  {(cellDetails?.(i, j) ?? []).map(([key, text]) => (
                    <td key={key} className="px-2 py-1 text-right">
                      {text}
                    </td>
                  ))}
                  {info && (
                    <>
                      <td className="px-2 py-1 text-right">{percent(info.rowShare)}</td>
                      <td className="px-2 py-1 text-right">{percent(info.colShare)}</td>
                    </>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  )
}
