import { useMemo } from 'react'
import { tryDecodeMatrixUint64, type MatrixUint64 } from '@/lib/matrix-uint64.ts'
import { downloadText } from '@/components/DataTable.tsx'
import { Heatmap } from '@/components/Heatmap.tsx'
import { toCsv } from '@/lib/csv.ts'
import { formatCount } from '@/lib/format.ts'

/**
 * A version's region location matrix (where regions sit in the images, a grid of counts): decoded
 * by the shared exact MatrixUint64 decoder and drawn by the shared canvas heatmap (whose "view as
 * table" lists exact values). A malformed matrix gets an error panel that names the
 * problem; the rest of the page does not depend on it.
 */
export function RegionMatrix({ wire, label, fileName }: { wire: unknown; label: string; fileName: string }) {
  // The wire object comes from the query cache: decode once per answer, not per render.
  const result = useMemo(() => tryDecodeMatrixUint64(wire), [wire])
  if (!result.ok) {
    return (
      <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40">
        <h3 className="font-semibold text-amber-900 dark:text-amber-200">The region location matrix is malformed</h3>
        <p className="mt-1 text-amber-900 dark:text-amber-200">
          {result.error.message} <span className="text-xs">({result.error.kind})</span>
        </p>
        <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">The API sent a matrix this console cannot read exactly, so it is not drawn. The other metrics are unaffected.</p>
      </div>
    )
  }
  const matrix = result.matrix
  if (matrix.rows === 0 || matrix.cols === 0) return <p className="text-sm text-slate-500">The matrix is empty (0 × 0).</p>
  return <MatrixView matrix={matrix} label={label} fileName={fileName} />
}

function MatrixView({ matrix, label, fileName }: { matrix: MatrixUint64; label: string; fileName: string }) {
  const axis = useMemo(() => ({ rows: numbered(matrix.rows), cols: numbered(matrix.cols) }), [matrix])
  // Stable per matrix, so the heatmap redraws only when the matrix changes.
  const formats = useMemo(
    () => ({
      // Doubles beyond 2^53 are approximate: short on the cells, every digit in the table and tooltip.
      value: (value: number) => compactCount(value),
      exact: (row: number, col: number) => formatCount(matrix.getExact(row, col)),
      details: (row: number, col: number): Array<[string, string]> => [['Exact', formatCount(matrix.getExact(row, col))]],
    }),
    [matrix],
  )
  const handleExport = () => {
    const header = ['row', ...axis.cols.map((c) => `col ${c}`)]
    const rows = axis.rows.map((r, i) => [r, ...axis.cols.map((_, j) => matrix.getExact(i, j))])
    downloadText(`${fileName}.csv`, toCsv(header, rows))
  }
  return (
    <div className="space-y-2">
      <p className="text-sm">
        {label}: {matrix.rows} × {matrix.cols} cells (rows top to bottom, columns left to right of the image), total{' '}
        <span className="tabular-nums">{formatCount(matrix.totalExact())}</span>, largest <span className="tabular-nums">{formatCount(matrix.maxExact())}</span>
      </p>
      <Heatmap
        label={label}
        rows={matrix.rows}
        cols={matrix.cols}
        values={matrix.values}
        rowLabels={axis.rows}
        colLabels={axis.cols}
        rowAxisLabel="Image row"
        colAxisLabel="Image column"
        formatValue={formats.value}
        formatExact={formats.exact}
        cellDetails={formats.details}
        maxSize={360}
        fileName={fileName}
        toolbar={
          <button type="button" onClick={handleExport} className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
            Export CSV
          </button>
        }
      />
    </div>
  )
}

function numbered(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i + 1))
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })

function compactCount(value: number): string {
  return value >= 1e15 ? value.toExponential(1).replace('e+', 'e') : compact.format(value)
}
