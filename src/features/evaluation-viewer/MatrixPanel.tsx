import { useId, useMemo, useState } from 'react'
import { Heatmap, type HeatmapCell } from '@/components/Heatmap.tsx'
import { downloadText } from '@/components/DataTable.tsx'
import type { PreparedEvaluation } from '@/lib/eval-metrics.ts'
import { exactCell, matrixCsv, MAX_DENSE_EXPORT_CELLS, type LabeledMatrix, type MatrixView } from '@/lib/eval-view.ts'
import { encodeMatrixUint64Flat } from '@/lib/matrix-uint64.ts'
import { valueAt } from '@/lib/sparse-matrix.ts'
import { MODES, ORDERS, SCALES, type MatrixMode, type MatrixOrder, type MatrixScale } from './search.ts'
import { CellsCsvButton, useMatrixLabels } from './matrix-parts.tsx'
import type { OnSearch } from './types.ts'
import { buttonClass, Datalist, inputClass, Note, selectClass } from './ui.tsx'

const MODE_LABELS: Record<MatrixMode, string> = {
  probability: 'Average probability (API)',
  counts: 'Counts at threshold',
  row: 'Counts, normalized by row',
  column: 'Counts, normalized by column',
  all: 'Counts, normalized over all',
}
const ORDER_LABELS: Record<MatrixOrder, string> = { api: 'API order', name: 'Name', frequency: 'Frequency' }

export function formatByKind(kind: MatrixView['valueKind']): (value: number) => string {
  if (kind === 'count') return (v) => (Number.isNaN(v) ? '—' : v.toLocaleString('en'))
  if (kind === 'share') return (v) => (Number.isNaN(v) ? '—' : `${(v * 100).toFixed(1)}%`)
  return (v) => (Number.isNaN(v) ? '—' : v.toFixed(3))
}

/** The counts as the API's MatrixUint64 wire form; only for matrices within the dense export bound. */
export function countsWire(counts: LabeledMatrix) {
  const dense = new Uint32Array(counts.rows * counts.cols)
  for (let k = 0; k < counts.nnz; k++) dense[counts.row[k]! * counts.cols + counts.col[k]!] = counts.value[k]!
  return encodeMatrixUint64Flat(dense, counts.cols)
}

interface MatrixPanelProps {
  ev: PreparedEvaluation
  view: MatrixView
  mode: MatrixMode
  order: MatrixOrder
  top: number | undefined
  scale: MatrixScale
  threshold: number
  hasTests: boolean
  selected: HeatmapCell | null
  focusCell: HeatmapCell | null
  onSelectCell: (rowId: string, colId: string) => void
  onSearch: OnSearch
  fileBase: string
  isTable?: boolean
}

/** The confusion matrix: its controls, the heatmap and its exports. */
export function MatrixPanel({ ev, view, mode, order, top, scale, threshold, hasTests, selected, focusCell, onSelectCell, onSearch, fileBase, isTable }: MatrixPanelProps) {
  const { matrix, valueKind, counts } = view
  const { rowLabels, colLabels } = useMatrixLabels(ev, matrix)
  const format = useMemo(() => formatByKind(valueKind), [valueKind])
  const exact = useMemo(() => exactCell(matrix), [matrix])
  const isDenseExportable = matrix.rows * matrix.cols <= MAX_DENSE_EXPORT_CELLS
  const isCountsExportable = counts !== null && counts.rows * counts.cols <= MAX_DENSE_EXPORT_CELLS
  const conceptCount = ev.conceptIds.length
  const searchId = useId()
  const listId = useId()
  const [searchText, setSearchText] = useState('')
  const [searchProblem, setSearchProblem] = useState<string | null>(null)
  // Built once per evaluation: a slider step must not re-render a thousand options.

  const cellDetails = useMemo(() => {
    if (!counts) return undefined
    return (row: number, col: number): Array<[string, string]> => {
      if (col >= counts.cols) return [['Count', '—']]
      const c = valueAt(counts, row, col)
      // Row and column sums are computed on the first hover, not on every slider step.
      const totals = view.countTotals!
      const rs = totals.rowSums[row]!
      const cs = totals.colSums[col]!
      return [
        ['Count', c.toLocaleString('en')],
        ['Row %', rs > 0 ? `${((c / rs) * 100).toFixed(1)}%` : '—'],
        ['Column %', cs > 0 ? `${((c / cs) * 100).toFixed(1)}%` : '—'],
      ]
    }
  }, [counts, view])

  const suffix = `${mode}${valueKind === 'probability' ? '' : `-t${threshold.toFixed(2)}`}${top !== undefined ? `-top${top}` : ''}`
  const handleCsv = () => downloadText(`${fileBase}-matrix-${suffix}.csv`, matrixCsv(matrix, exact))
  const handleUint64 = () => {
    // Every count at the threshold in the current concept order and top-N, (none) column last.
    if (!counts || !isCountsExportable) return
    downloadText(`${fileBase}-counts-t${threshold.toFixed(2)}${top !== undefined ? `-top${top}` : ''}.json`, `${JSON.stringify(countsWire(counts))}\n`, 'application/json')
  }
  const handleFocus = () => {
    const needle = searchText.trim().toLowerCase()
    if (!needle) {
      setSearchProblem(null)
      onSearch({ focus: undefined }, { replace: true })
      return
    }
    const k = ev.conceptIds.findIndex((id, i) => id.toLowerCase() === needle || ev.conceptNames[i]!.toLowerCase() === needle)
    const fuzzy = k !== -1 ? k : ev.conceptIds.findIndex((id, i) => id.toLowerCase().includes(needle) || ev.conceptNames[i]!.toLowerCase().includes(needle))
    if (fuzzy === -1) {
      setSearchProblem(`No concept matches “${searchText.trim()}”.`)
      return
    }
    setSearchProblem(null)
    onSearch({ focus: ev.conceptIds[fuzzy] }, { replace: true })
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-slate-500">Values</span>
          <select aria-label="Values" className={selectClass} value={mode} onChange={(e) => onSearch({ mode: e.target.value as MatrixMode })}>
            {MODES.map((m) => (
              <option key={m} value={m} disabled={m !== 'probability' && !hasTests}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-slate-500">Order</span>
          <select aria-label="Order" className={selectClass} value={order} onChange={(e) => onSearch({ order: e.target.value as MatrixOrder })}>
            {ORDERS.map((o) => (
              <option key={o} value={o}>
                {ORDER_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-slate-500">Top N (rest as “(other)”)</span>
          <input
            type="number"
            min={1}
            max={conceptCount}
            className={`${inputClass} w-24`}
            placeholder="all"
            defaultValue={top ?? ''}
            key={top ?? 'all'}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur()
            }}
            onBlur={(e) => {
              const n = Number(e.currentTarget.value)
              const next = e.currentTarget.value.trim() === '' || !Number.isInteger(n) || n < 1 || n >= conceptCount ? undefined : n
              if (next !== top) onSearch({ top: next })
            }}
          />
        </label>
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-slate-500">Color scale</span>
          <select aria-label="Color scale" className={selectClass} value={scale} onChange={(e) => onSearch({ scale: e.target.value as MatrixScale }, { replace: true })}>
            {SCALES.map((s) => (
              <option key={s} value={s}>
                {s === 'log' ? 'Log' : 'Linear'}
              </option>
            ))}
          </select>
        </label>
        <form
          className="flex flex-col gap-0.5"
          role="search"
          onSubmit={(e) => {
            e.preventDefault()
            handleFocus()
          }}
        >
          <label htmlFor={searchId} className="text-xs text-slate-500">
            Find a concept
          </label>
          <span className="flex gap-1">
            <input id={searchId} list={listId} className={`${inputClass} w-48`} value={searchText} onChange={(e) => setSearchText(e.target.value)} placeholder="name or id" />
            <button type="submit" className={buttonClass}>
              Focus
            </button>
          </span>
          <Datalist id={listId} values={ev.conceptNames} query={searchText} />
        </form>
      </div>
      {searchProblem && <p className="text-xs text-red-700 dark:text-red-400">{searchProblem}</p>}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Rows: actual concept · columns: predicted concept
        {valueKind === 'probability'
          ? ' · cells: the average score the model gave the predicted concept on inputs of the actual concept (the API’s confusion matrix).'
          : ` · cells: test inputs with the actual concept whose score for the predicted concept is ≥ ${threshold.toFixed(2)}; “(none)”: nothing predicted at the threshold.`}
        {' '}Hover for counts and percentages; click or press Enter for the inputs; drag to zoom.
      </p>
      {!isDenseExportable && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="export-note">
          Exports: “Non-zero cells CSV” lists every non-zero cell ({matrix.nnz.toLocaleString('en')} lines); a grid of all {(matrix.rows * matrix.cols).toLocaleString('en')} cells is not offered — set Top N to export the top-N grid or MatrixUint64.
        </p>
      )}
      {view.ignored > 0 && <Note>{view.ignored} cells of the API’s matrix name concepts outside the ones shown and are left out.</Note>}
      <Heatmap
        label={`Confusion matrix, ${MODE_LABELS[mode].toLowerCase()}`}
        rows={matrix.rows}
        cols={matrix.cols}
        matrix={matrix}
        specialLine={view.other}
        isTable={isTable}
        onTableChange={(next) => onSearch({ table: next || undefined }, { replace: true })}
        rowLabels={rowLabels}
        colLabels={colLabels}
        rowAxisLabel="Actual"
        colAxisLabel="Predicted"
        scale={scale}
        formatValue={format}
        formatExact={exact}
        cellDetails={cellDetails}
        showShares={false}
        selected={selected}
        focusCell={focusCell}
        onSelect={({ row, col }) => onSelectCell(matrix.rowIds[row]!, matrix.colIds[col]!)}
        fileName={`${fileBase}-matrix`}
        toolbar={
          <>
            <CellsCsvButton matrix={matrix} fileName={`${fileBase}-matrix-${suffix}-cells.csv`} title="One line per non-zero cell: actual id, predicted id, value. Any size." />
            <button
              type="button"
              className={buttonClass}
              onClick={handleCsv}
              disabled={!isDenseExportable}
              title={isDenseExportable ? 'Every cell of the matrix as shown (top-N included), one row per actual concept' : `${matrix.rows.toLocaleString('en')} × ${matrix.cols.toLocaleString('en')} cells is too many for a grid: set Top N, or export the non-zero cells`}
            >
              Matrix CSV
            </button>
            <button
              type="button"
              className={buttonClass}
              onClick={handleUint64}
              disabled={!isCountsExportable}
              title={isCountsExportable ? "The counts at the threshold as the API's MatrixUint64 ({n_cols, data}), exact, (none) column last" : 'Too many cells for a dense MatrixUint64: set Top N, or export the non-zero cells'}
            >
              MatrixUint64 JSON
            </button>
          </>
        }
      />
    </div>
  )
}
