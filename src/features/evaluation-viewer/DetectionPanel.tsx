import { memo, useMemo } from 'react'
import { DataTable, downloadText, tableCsv, type Column } from '@/components/DataTable.tsx'
import type { PreparedEvaluation } from '@/lib/eval-metrics.ts'
import { areaTable, idLabel } from '@/lib/eval-view.ts'
import type { AreaMetricsWire, ViewerMetrics } from './types.ts'
import { buttonClass, fmt3 } from './ui.tsx'

interface ClassRow {
  id: string
  name: string
  ap: number | undefined
  f1: number | undefined
  numPos: number | undefined
  iou: number | undefined
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined
}

/** Detection: average precision per class and per object size (threshold-free, memoized). */
export const DetectionPanel = memo(function DetectionPanel({ ev, metrics, fileBase }: { ev: PreparedEvaluation; metrics: ViewerMetrics; fileBase: string }) {
  const classes = useMemo<ClassRow[]>(() => {
    const list: readonly AreaMetricsWire[] = Array.isArray(metrics.metrics_by_class) ? metrics.metrics_by_class : []
    return list
      .filter((m) => m && typeof m === 'object')
      .map((m, k) => {
        const id = m.concept?.id || m.concept?.name || `class ${k + 1}`
        return { id, name: m.concept?.name || idLabel(ev, id), ap: num(m.avg_precision), f1: num(m.f1), numPos: num(m.num_pos), iou: num(m.iou) }
      })
  }, [metrics.metrics_by_class, ev])
  const areas = useMemo(() => areaTable(metrics.metrics_by_area, ev), [metrics.metrics_by_area, ev])

  const classColumns: Column<ClassRow>[] = [
    { id: 'name', header: 'Class', cell: (r) => r.name, csv: (r) => r.name },
    { id: 'id', header: 'ID', cell: (r) => <span className="font-mono text-xs">{r.id}</span>, csv: (r) => r.id },
    { id: 'ap', header: 'AP', cell: (r) => fmt3(r.ap), csv: (r) => r.ap ?? '', className: 'text-right tabular-nums' },
    { id: 'f1', header: 'F1', cell: (r) => fmt3(r.f1), csv: (r) => r.f1 ?? '', className: 'text-right tabular-nums' },
    { id: 'num_pos', header: 'Ground-truth boxes', cell: (r) => r.numPos ?? '—', csv: (r) => r.numPos ?? '', className: 'text-right tabular-nums' },
    { id: 'iou', header: 'IoU', cell: (r) => r.iou ?? '—', csv: (r) => r.iou ?? '', className: 'text-right tabular-nums' },
  ]
  type AreaRow = (typeof areas.rows)[number]
  const areaColumns: Column<AreaRow>[] = [
    { id: 'name', header: 'Class', cell: (r) => r.name, csv: (r) => r.name },
    ...areas.areas.map(
      (a, k): Column<AreaRow> => ({
        id: `area-${a}`,
        header: `AP ${a}`,
        cell: (r) => (
          <span title={r.numPos[k] === null ? undefined : `${r.numPos[k]} ground-truth boxes`}>
            {fmt3(r.ap[k])}
          </span>
        ),
        csv: (r) => r.ap[k] ?? '',
        className: 'text-right tabular-nums',
      }),
    ),
  ]
  return (
    <div className="space-y-4">
      {classes.length > 0 ? (
        <div className="space-y-2">
          <div className="flex items-center gap-2">
            <h3 className="mr-auto text-sm font-semibold">Metrics by class</h3>
            <button type="button" className={buttonClass} onClick={() => downloadText(`${fileBase}-by-class.csv`, tableCsv(classColumns, classes))}>
              CSV
            </button>
          </div>
          <DataTable caption="Detection metrics by class" columns={classColumns} rows={classes} rowKey={(r) => r.id} />
        </div>
      ) : (
        <p className="text-sm text-slate-500">No metrics by class were sent.</p>
      )}
      {areas.rows.length > 0 ? (
        <div className="space-y-2">
          <div className="flex items-center gap-2">
            <h3 className="mr-auto text-sm font-semibold">Average precision by object size</h3>
            <button type="button" className={buttonClass} onClick={() => downloadText(`${fileBase}-by-area.csv`, tableCsv(areaColumns, areas.rows))}>
              CSV
            </button>
          </div>
          <DataTable caption="Average precision by class and object size" columns={areaColumns} rows={areas.rows} rowKey={(r) => r.id} />
        </div>
      ) : (
        <p className="text-sm text-slate-500">No metrics by area were sent.</p>
      )}
    </div>
  )
})
