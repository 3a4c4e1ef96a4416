import { useMemo } from 'react'
import { downloadText } from '@/components/DataTable.tsx'
import { toCsv } from '@/lib/csv.ts'
import { mostConfusedPairs } from '@/lib/eval-counts.ts'
import type { PreparedEvaluation } from '@/lib/eval-metrics.ts'
import { idLabel, type LabeledMatrix } from '@/lib/eval-view.ts'
import { buttonClass, pct } from './ui.tsx'

const LIMIT = 25

/**
 * The largest off-diagonal cells at the threshold, whatever the matrix size: each pair with its
 * count and share of the actual concept's row, and a button that opens that cell's inputs.
 */
export function ConfusedPairs({ ev, counts, threshold, onSelectCell, fileBase }: { ev: PreparedEvaluation; counts: LabeledMatrix; threshold: number; onSelectCell: (actual: string, predicted: string) => void; fileBase: string }) {
  const pairs = useMemo(() => mostConfusedPairs(counts, LIMIT), [counts])
  if (pairs.length === 0) return <p className="text-sm text-slate-500">No concept is mistaken for another at {threshold.toFixed(2)}.</p>
  const handleCsv = () =>
    downloadText(
      `${fileBase}-confused-pairs-t${threshold.toFixed(2)}.csv`,
      toCsv(
        ['actual_id', 'predicted_id', 'count', 'share_of_row'],
        mostConfusedPairs(counts, Infinity).map((p) => [p.actual, p.predicted, p.count, p.share]),
      ),
    )
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <p className="mr-auto text-xs text-slate-600 dark:text-slate-400">
          The {pairs.length} largest off-diagonal cells at {threshold.toFixed(2)}: test inputs of the actual concept that also got the predicted one. Share: of the actual concept’s row.
        </p>
        <button type="button" className={buttonClass} onClick={handleCsv}>
          All pairs CSV
        </button>
      </div>
      <table className="w-full text-left text-sm" aria-label={`Most confused pairs at threshold ${threshold.toFixed(2)}`}>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3">Actual</th>
            <th scope="col" className="py-1 pr-3">Predicted as</th>
            <th scope="col" className="py-1 pr-3 text-right">Inputs</th>
            <th scope="col" className="py-1 pr-3 text-right">Share of row</th>
            <th scope="col" className="py-1">
              <span className="sr-only">Inputs</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800" data-testid="confused-pairs">
          {pairs.map((p) => (
            <tr key={`${p.actual}~${p.predicted}`}>
              <td className="py-1 pr-3 font-mono text-xs">{idLabel(ev, p.actual)}</td>
              <td className="py-1 pr-3 font-mono text-xs">{idLabel(ev, p.predicted)}</td>
              <td className="py-1 pr-3 text-right">{p.count.toLocaleString('en')}</td>
              <td className="py-1 pr-3 text-right">{pct(p.share)}</td>
              <td className="py-1 text-right">
                <button type="button" className={buttonClass} onClick={() => onSelectCell(p.actual, p.predicted)}>
                  Show inputs
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
