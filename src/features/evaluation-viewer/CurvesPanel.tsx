import { useId, useMemo, useState } from 'react'
import { CurveChart, type CurvePointXY, type CurveSeries } from '@/components/charts/CurveChart.tsx'
import { averagePrecision, prPointAtThreshold, rocAuc, rocPointAtThreshold, type BinaryMetricsWire, type PreparedEvaluation } from '@/lib/eval-metrics.ts'
import { idLabel } from '@/lib/eval-view.ts'
import { MAX_CURVE_CONCEPTS } from './search.ts'
import { buttonClass, Datalist, inputClass } from './ui.tsx'

function points(xs: readonly number[] | null | undefined, ys: readonly number[] | null | undefined, ts: readonly number[] | null | undefined): CurvePointXY[] {
  const x = Array.isArray(xs) ? xs : []
  const y = Array.isArray(ys) ? ys : []
  const t = Array.isArray(ts) ? ts : []
  const out: CurvePointXY[] = []
  for (let k = 0; k < Math.min(x.length, y.length); k++) {
    const px = x[k]
    const py = y[k]
    if (typeof px === 'number' && typeof py === 'number' && Number.isFinite(px) && Number.isFinite(py)) out.push({ x: px, y: py, threshold: typeof t[k] === 'number' ? t[k] : undefined })
  }
  return out
}

interface CurveBase {
  id: string
  name: string
  b: BinaryMetricsWire
  colorIndex: number
  isB: boolean
  rocPts: CurvePointXY[]
  prPts: CurvePointXY[]
  auc: number | null
  ap: number | null
}

/** What does not move with the threshold: points and areas, computed once per choice of concepts. */
function curveBase(id: string, name: string, b: BinaryMetricsWire | undefined, colorIndex: number, isB: boolean): CurveBase | null {
  if (!b) return null
  return {
    id,
    name,
    b,
    colorIndex,
    isB,
    auc: typeof b.roc_auc === 'number' && b.roc_auc > 0 ? b.roc_auc : rocAuc(b.roc_curve),
    ap: averagePrecision(b.precision_recall_curve),
    rocPts: points(b.roc_curve?.fpr, b.roc_curve?.tpr, b.roc_curve?.thresholds),
    prPts: points(b.precision_recall_curve?.recall, b.precision_recall_curve?.precision, b.precision_recall_curve?.thresholds),
  }
}

/** The series at a threshold: the base's points with the marker nearest the threshold. */
function seriesAt(c: CurveBase, threshold: number): { roc: CurveSeries | null; pr: CurveSeries | null } {
  const suffix = c.isB ? ' (B)' : ''
  const key = `${c.id}${suffix}`
  const name = `${c.name}${suffix}`
  return {
    roc: c.rocPts.length ? { id: key, name, points: c.rocPts, note: c.auc === null ? undefined : `AUC ${c.auc.toFixed(3)}`, marker: rocPointAtThreshold(c.b.roc_curve, threshold), colorIndex: c.colorIndex, dashed: c.isB } : null,
    pr: c.prPts.length ? { id: key, name, points: c.prPts, note: c.ap === null ? undefined : `AP ${c.ap.toFixed(3)}`, marker: prPointAtThreshold(c.b.precision_recall_curve, threshold), colorIndex: c.colorIndex, dashed: c.isB } : null,
  }
}

interface CurvesPanelProps {
  ev: PreparedEvaluation
  binary: ReadonlyMap<string, BinaryMetricsWire>
  compareBinary?: ReadonlyMap<string, BinaryMetricsWire>
  concepts: readonly string[]
  /** Why these concepts when the user chose none: the worst F1 at the threshold, or the first with curves (no test set). */
  defaults: 'worst' | 'first' | null
  threshold: number
  onConcepts: (ids: string[] | undefined) => void
  fileBase: string
}

/** ROC and precision-recall curves of the chosen concepts (and of evaluation B when comparing). */
export function CurvesPanel({ ev, binary, compareBinary, concepts, defaults, threshold, onConcepts, fileBase }: CurvesPanelProps) {
  const isDefault = defaults !== null
  const inputId = useId()
  const listId = useId()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const bases = useMemo(() => {
    const out: CurveBase[] = []
    concepts.forEach((id, i) => {
      const name = idLabel(ev, id)
      for (const [map, isB] of [[binary, false], [compareBinary, true]] as const) {
        const c = map ? curveBase(id, name, map.get(id), i, isB) : null
        if (c) out.push(c)
      }
    })
    return out
  }, [ev, binary, compareBinary, concepts])
  const { roc, pr } = useMemo(() => {
    const roc: CurveSeries[] = []
    const pr: CurveSeries[] = []
    for (const c of bases) {
      const s = seriesAt(c, threshold)
      if (s.roc) roc.push(s.roc)
      if (s.pr) pr.push(s.pr)
    }
    return { roc, pr }
  }, [bases, threshold])
  const candidates = useMemo(() => [...binary.keys()], [binary])
  const candidateNames = useMemo(() => candidates.map((id) => idLabel(ev, id)), [candidates, ev])

  const handleAdd = () => {
    const needle = text.trim().toLowerCase()
    if (!needle) return
    const id = candidates.find((c) => c.toLowerCase() === needle || idLabel(ev, c).toLowerCase() === needle) ?? candidates.find((c) => c.toLowerCase().includes(needle) || idLabel(ev, c).toLowerCase().includes(needle))
    if (!id) {
      setProblem(`No concept with curves matches “${text.trim()}”.`)
      return
    }
    setProblem(null)
    setText('')
    if (!concepts.includes(id)) onConcepts([...concepts, id].slice(-MAX_CURVE_CONCEPTS))
  }
  const handleRemove = (id: string) => {
    const next = concepts.filter((c) => c !== id)
    onConcepts(next.length ? next : [])
  }

  if (binary.size === 0) return <p className="text-sm text-slate-500">This evaluation has no per-concept curves (binary_metrics).</p>
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-xs text-slate-500">
          {defaults === 'worst'
            ? `Showing the ${concepts.length === 1 ? 'concept' : `${concepts.length} concepts`} with the lowest F1 at ${threshold.toFixed(2)}; choose others:`
            : defaults === 'first'
              ? 'Showing the first concepts with curves; choose others:'
              : 'Concepts:'}
        </span>
        <ul className="flex flex-wrap gap-1.5" aria-label="Concepts with curves">
          {concepts.map((id) => (
            <li key={id} className="flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">
              <span className="font-mono">{idLabel(ev, id)}</span>
              <button type="button" aria-label={`Remove ${idLabel(ev, id)}`} className="text-slate-500 hover:text-slate-900 dark:hover:text-white" onClick={() => handleRemove(id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault()
            handleAdd()
          }}
        >
          <label htmlFor={inputId} className="sr-only">
            Add a concept to the curves
          </label>
          <input id={inputId} list={listId} className={`${inputClass} w-44`} placeholder="add concept" value={text} onChange={(e) => setText(e.target.value)} />
          <Datalist id={listId} values={candidateNames} query={text} />
          <button type="submit" className={buttonClass}>
            Add
          </button>
        </form>
        {!isDefault && (
          <button type="button" className={buttonClass} onClick={() => onConcepts(undefined)}>
            Reset
          </button>
        )}
      </div>
      {problem && <p className="text-xs text-red-700 dark:text-red-400">{problem}</p>}
      <div className="grid gap-6 md:grid-cols-2">
        <CurveChart title="ROC curve" xLabel="False positive rate" yLabel="True positive rate" series={roc} diagonal fileName={`${fileBase}-roc`} />
        <CurveChart title="Precision-recall curve" xLabel="Recall" yLabel="Precision" series={pr} fileName={`${fileBase}-pr`} />
      </div>
      <p className="text-xs text-slate-500">Curves as the API sent them (binary_metrics); dots mark the point nearest the threshold {threshold.toFixed(2)}.{compareBinary ? ' Dashed: evaluation B.' : ''}</p>
    </div>
  )
}
