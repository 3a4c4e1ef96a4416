import { memo, useMemo } from 'react'
import { BarChart } from '@/components/charts/BarChart.tsx'
import { downloadText } from '@/components/DataTable.tsx'
import { Heatmap } from '@/components/Heatmap.tsx'
import { toCsv } from '@/lib/csv.ts'
import type { PreparedEvaluation } from '@/lib/eval-metrics.ts'
import { cooccurrenceMatrix, exactCell, hasCooccurrence, labelCounts, sortLabels, topLabels } from '@/lib/eval-view.ts'
import { CellsCsvButton, useMatrixLabels } from './matrix-parts.tsx'
import type { MatrixScale } from './search.ts'
import type { ViewerMetrics } from './types.ts'
import { buttonClass } from './ui.tsx'

const BARS = 20

/** How many ground-truth labels each concept has. Memoized: it does not move with the threshold. */
export const LabelDistribution = memo(function LabelDistribution({ ev, metrics, fileBase }: { ev: PreparedEvaluation; metrics: ViewerMetrics; fileBase: string }) {
  // The bars need the largest few; all of them are sorted only for the CSV.
  const counts = useMemo(() => labelCounts(ev, metrics), [ev, metrics])
  const top = useMemo(() => topLabels(counts, BARS), [counts])
  if (counts.length === 0) return <p className="text-sm text-slate-500">No label counts were sent.</p>
  const handleCsv = () =>
    downloadText(
      `${fileBase}-label-counts.csv`,
      toCsv(
        ['concept_id', 'concept_name', 'count'],
        sortLabels(counts).map((c) => [c.id, c.name, c.count]),
      ),
    )
  return (
    <div className="space-y-2">
      <BarChart
        title={counts.length > BARS ? `Positive labels, the ${BARS} most frequent of ${counts.length} concepts` : 'Positive labels per concept'}
        categories={top.map((c) => ({ id: c.id, label: c.name }))}
        series={[{ id: 'count', label: 'Positive labels', values: top.map((c) => c.count) }]}
        categoryHeader="Concept"
      />
      <button type="button" className={buttonClass} onClick={handleCsv}>
        All {counts.length.toLocaleString('en')} as CSV
      </button>
    </div>
  )
})

/** Test inputs whose ground truth holds both concepts, in the matrix's concept order. Memoized like the labels. */
export const Cooccurrence = memo(function Cooccurrence({ ev, metrics, concepts, top, scale, fileBase }: { ev: PreparedEvaluation; metrics: ViewerMetrics; concepts: readonly string[]; top: number | undefined; scale: MatrixScale; fileBase: string }) {
  const dense = useMemo(() => cooccurrenceMatrix(ev, metrics, concepts, top), [ev, metrics, concepts, top])
  const { rowLabels, colLabels } = useMatrixLabels(ev, dense)
  if (!hasCooccurrence(ev, metrics)) return <p className="text-sm text-slate-500">No co-occurrence matrix was sent.</p>
  return (
    <Heatmap
      label="Co-occurrence of ground-truth labels"
      rows={dense.rows}
      cols={dense.cols}
      matrix={dense}
      specialLine={dense.rowIds.indexOf('(other)')}
      rowLabels={rowLabels}
      colLabels={colLabels}
      rowAxisLabel="Concept"
      colAxisLabel="With concept"
      scale={scale}
      formatValue={(v) => v.toLocaleString('en')}
      formatExact={exactCell(dense)}
      fileName={`${fileBase}-cooccurrence`}
      toolbar={<CellsCsvButton matrix={dense} fileName={`${fileBase}-cooccurrence-cells.csv`} header={['concept_id', 'with_concept_id', 'count']} />}
    />
  )
})
