import { useMemo } from 'react'
import { DataTable, downloadText, tableCsv, type Column } from '@/components/DataTable.tsx'
import { Heatmap } from '@/components/Heatmap.tsx'
import { conceptStatsDelta, type ConceptStatsDelta, type PreparedEvaluation, type ThresholdStats } from '@/lib/eval-metrics.ts'
import { alignedDifference, buildMatrixView, exactCell, type MatrixMode, type MatrixView } from '@/lib/eval-view.ts'
import { CellsCsvButton, useMatrixLabels } from './matrix-parts.tsx'
import type { MatrixScale } from './search.ts'
import type { ViewerMetrics } from './types.ts'
import { buttonClass, fmt3, Note } from './ui.tsx'

interface ComparePanelProps {
  evA: PreparedEvaluation
  evB: PreparedEvaluation
  metricsB: ViewerMetrics
  viewA: MatrixView
  mode: MatrixMode
  threshold: number
  concepts: readonly string[]
  top: number | undefined
  scale: MatrixScale
  statsA: ThresholdStats | null
  statsB: ThresholdStats | null
  fileBase: string
}

function signed(v: number, digits: number, percent = false): string {
  if (Number.isNaN(v)) return '—'
  const x = percent ? v * 100 : v
  const text = Math.abs(x).toFixed(digits)
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${text}${percent ? ' pt' : ''}`
}

/** A minus B: the matrix on the concepts both have (diverging colors), and per-concept deltas. */
export function ComparePanel({ evA, evB, metricsB, viewA, mode, threshold, concepts, top, scale, statsA, statsB, fileBase }: ComparePanelProps) {
  const viewB = useMemo(() => buildMatrixView(evB, metricsB, { mode, threshold, concepts, top }), [evB, metricsB, mode, threshold, concepts, top])
  const diff = useMemo(() => alignedDifference(viewA.matrix, viewB.matrix), [viewA.matrix, viewB.matrix])
  const { rowLabels, colLabels } = useMatrixLabels(evA, diff)
  const deltas = useMemo(() => (statsA && statsB ? conceptStatsDelta(statsA.concepts, statsB.concepts).sort((a, b) => Math.abs(b.f1) - Math.abs(a.f1) || a.name.localeCompare(b.name)) : []), [statsA, statsB])
  const kind = viewA.valueKind
  const digits = kind === 'count' ? 0 : 3
  const format = (v: number) => signed(v, kind === 'share' ? 1 : digits, kind === 'share')
  const exact = exactCell(diff)
  const columns: Column<ConceptStatsDelta>[] = [
    { id: 'name', header: 'Concept', cell: (d) => d.name, csv: (d) => d.name },
    { id: 'id', header: 'ID', cell: (d) => <span className="font-mono text-xs">{d.id}</span>, csv: (d) => d.id },
    { id: 'f1_a', header: 'F1 A', cell: (d) => fmt3(d.a.f1), csv: (d) => d.a.f1, className: 'text-right tabular-nums' },
    { id: 'f1_b', header: 'F1 B', cell: (d) => fmt3(d.b.f1), csv: (d) => d.b.f1, className: 'text-right tabular-nums' },
    { id: 'f1', header: 'Δ F1', cell: (d) => <Delta v={d.f1} />, csv: (d) => d.f1, className: 'text-right tabular-nums' },
    { id: 'precision', header: 'Δ Precision', cell: (d) => <Delta v={d.precision} />, csv: (d) => d.precision, className: 'text-right tabular-nums' },
    { id: 'recall', header: 'Δ Recall', cell: (d) => <Delta v={d.recall} />, csv: (d) => d.recall, className: 'text-right tabular-nums' },
    { id: 'support', header: 'Support A / B', cell: (d) => `${d.a.support} / ${d.b.support}`, csv: (d) => `${d.a.support}/${d.b.support}`, className: 'text-right tabular-nums' },
  ]
  return (
    <div className="space-y-4">
      {(diff.onlyInA.length > 0 || diff.onlyInB.length > 0) && (
        <Note>
          Aligned on the {diff.rows} concepts both evaluations have.
          {diff.onlyInA.length > 0 && ` Only in A: ${diff.onlyInA.slice(0, 8).join(', ')}${diff.onlyInA.length > 8 ? ` and ${diff.onlyInA.length - 8} more` : ''}.`}
          {diff.onlyInB.length > 0 && ` Only in B: ${diff.onlyInB.slice(0, 8).join(', ')}${diff.onlyInB.length > 8 ? ` and ${diff.onlyInB.length - 8} more` : ''}.`}
        </Note>
      )}
      {viewA.valueKind !== viewB.valueKind && <Note>B has no test set, so its matrix shows average probabilities; the difference mixes two kinds of values.</Note>}
      <p className="text-xs text-slate-600 dark:text-slate-400">Red: A is higher; blue: B is higher. Same mode, threshold, order and top-N as the matrix above.</p>
      <Heatmap
        label="Confusion matrix, A minus B"
        rows={diff.rows}
        cols={diff.cols}
        matrix={diff}
        specialLine={diff.rowIds.indexOf('(other)')}
        rowLabels={rowLabels}
        colLabels={colLabels}
        rowAxisLabel="Actual"
        colAxisLabel="Predicted"
        scheme="diverging"
        scale={scale}
        formatValue={format}
        formatExact={exact}
        showShares={false}
        fileName={`${fileBase}-a-minus-b`}
        toolbar={<CellsCsvButton matrix={diff} fileName={`${fileBase}-a-minus-b-${mode}-cells.csv`} header={['actual_id', 'predicted_id', 'a_minus_b']} />}
      />
      {deltas.length > 0 ? (
        <div className="space-y-2">
          <div className="flex items-center gap-2">
            <h3 className="mr-auto text-sm font-semibold">Per-concept deltas at {threshold.toFixed(2)} (A − B), largest F1 change first</h3>
            <button type="button" className={buttonClass} onClick={() => downloadText(`${fileBase}-deltas-t${threshold.toFixed(2)}.csv`, tableCsv(columns, deltas))}>
              CSV
            </button>
          </div>
          <DataTable caption="Per-concept deltas, A minus B" columns={columns} rows={deltas} rowKey={(d) => d.id} />
        </div>
      ) : (
        <p className="text-sm text-slate-500">Per-concept deltas need the test sets of both evaluations and shared concepts.</p>
      )}
    </div>
  )
}

function Delta({ v }: { v: number }) {
  const tone = v > 0.0005 ? 'text-emerald-700 dark:text-emerald-400' : v < -0.0005 ? 'text-red-700 dark:text-red-400' : 'text-slate-500'
  return <span className={tone}>{signed(v, 3)}</span>
}
