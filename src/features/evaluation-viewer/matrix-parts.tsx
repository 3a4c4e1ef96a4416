import { useMemo } from 'react'
import { downloadText } from '@/components/DataTable.tsx'
import type { PreparedEvaluation } from '@/lib/eval-metrics.ts'
import { idLabel, sparseCsv, type LabeledMatrix } from '@/lib/eval-view.ts'
import { buttonClass } from './ui.tsx'

/**
 * The display names of a matrix's rows and columns. Count matrices of one layout share their id
 * arrays, so a threshold step keeps the labels.
 */
export function useMatrixLabels(ev: PreparedEvaluation, m: Pick<LabeledMatrix, 'rowIds' | 'colIds'>): { rowLabels: string[]; colLabels: string[] } {
  const rowLabels = useMemo(() => m.rowIds.map((id) => idLabel(ev, id)), [ev, m.rowIds])
  const colLabels = useMemo(() => m.colIds.map((id) => idLabel(ev, id)), [ev, m.colIds])
  return { rowLabels, colLabels }
}

/** "Non-zero cells CSV": one line per stored cell (row id, column id, value), whatever the size. */
export function CellsCsvButton({ matrix, fileName, header, title }: { matrix: LabeledMatrix; fileName: string; header?: readonly [string, string, string]; title?: string }) {
  return (
    <button type="button" className={buttonClass} onClick={() => downloadText(fileName, sparseCsv(matrix, header))} title={title}>
      Non-zero cells CSV
    </button>
  )
}
