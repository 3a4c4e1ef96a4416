import { useId, useMemo, useState } from 'react'
import { Heatmap, type HeatmapCell } from '@/components/Heatmap.tsx'
import { downloadText } from '@/components/DataTable.tsx'
import type { PreparedEvaluation } from '@/lib/eval-metrics.ts'
import { idLabel, matrixCsv, type MatrixView } from '@/lib/eval-view.ts'
import { MODES, ORDERS, SCALES, type MatrixMode, type MatrixOrder, type MatrixScale } from './search.ts'
import type { OnSearch } from './types.ts'
import { buttonClass, inputClass, Note, selectClass } from './ui.tsx'

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

export function exactByKind(values: Float64Array, cols: number): (row: number, col: number) => string {
  return (row, col) => {
    const v = values[row * cols + col]!
    // Counts are integers (exact as doubles below 2^53); probabilities and shares in full precision.
    return Number.isNaN(v) ? '' : String(v)
  }
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
}

/** The confusion matrix: its controls, the heatmap and its exports. */
export function MatrixPanel({ ev, view, mode, order, top, scale, threshold, hasTests, selected, focusCell, onSelectCell, onSearch, fileBase }: MatrixPanelProps) {
  const { dense, valueKind, counts } = view
  const rowLabels = useMemo(() => dense.rowIds.map((id) => idLabel(ev, id)), [ev, dense.rowIds])
  const colLabels = useMemo(() => dense.colIds.map((id) => idLabel(ev, id)), [ev, dense.colIds])
  const format = useMemo(() => formatByKind(valueKind), [valueKind])
  const exact = useMemo(() => exactByKind(dense.values, dense.cols), [dense.values, dense.cols])
  const conceptCount = ev.conceptIds.length
  const searchId = useId()
  const listId = useId()
  const [searchText, setSearchText] = useState('')
  const [searchProblem, setSearchProblem] = useState<string | null>(null)
  // Built once per evaluation: a slider step must not re-render a thousand options.
  const conceptOptions = useMemo(() => ev.conceptNames.slice(0, 2000).map((name, k) => <option key={ev.conceptIds[k]} value={name} />), [ev])

  const cellDetails = useMemo(() => {
    if (!counts) return undefined
    return (row: number, col: number): Array<[string, string]> => {
      const c = counts[row * dense.cols + col]!
      if (Number.isNaN(c)) return [['Count', '—']]
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
  }, [counts, view, dense.cols])

  const handleCsv = () => downloadText(`${fileBase}-matrix-${mode}${valueKind === 'probability' ? '' : `-t${threshold.toFixed(2)}`}.csv`, matrixCsv(dense, exact))
  const handleUint64 = () => {
    // Every count at the threshold in the current concept order, (none) column last, unfolded.
    if (!view.fullCounts) return
    const wire = view.fullCounts.wire
    downloadText(`${fileBase}-counts-t${threshold.toFixed(2)}.json`, `${JSON.stringify(wire)}\n`, 'application/json')
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
          <datalist id={listId}>{conceptOptions}</datalist>
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
      {view.ignored > 0 && <Note>{view.ignored} cells of the API’s matrix name concepts outside the ones shown and are left out.</Note>}
      <Heatmap
        label={`Confusion matrix, ${MODE_LABELS[mode].toLowerCase()}`}
        rows={dense.rows}
        cols={dense.cols}
        values={dense.values}
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
        onSelect={({ row, col }) => onSelectCell(dense.rowIds[row]!, dense.colIds[col]!)}
        fileName={`${fileBase}-matrix`}
        toolbar={
          <>
            <button type="button" className={buttonClass} onClick={handleCsv}>
              Matrix CSV
            </button>
            <button type="button" className={buttonClass} onClick={handleUint64} disabled={!view.fullCounts} title="The counts at the threshold as the API's MatrixUint64 ({n_cols, data}), exact">
              MatrixUint64 JSON
            </button>
          </>
        }
      />
    </div>
  )
}
