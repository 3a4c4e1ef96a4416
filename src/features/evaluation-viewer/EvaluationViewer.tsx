import { memo, startTransition, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { HeatmapCell } from '@/components/Heatmap.tsx'
import { PanelSkeleton } from '@/components/QueryPanel.tsx'
import type { BinaryCurves } from '@/lib/eval-binary.ts'
import type { LoadedEvaluation } from '@/lib/eval-load.ts'
import { bestF1Thresholds, NONE_ID, OTHER_ID, orderConcepts, type PreparedEvaluation } from '@/lib/eval-metrics.ts'
import {
  buildMatrixView,
  conceptApiFacts,
  conceptRowsAt,
  evaluationState,
  hasTestSet,
  countsAt,
  probabilityMatrix,
  rowRanksOf,
  statsAt,
  worstConcepts,
  type SectionProblem,
} from '@/lib/eval-view.ts'
import { ComparePanel } from './ComparePanel.tsx'
import { ConceptTable } from './ConceptTable.tsx'
import { ConfusedPairs } from './ConfusedPairs.tsx'
import { CurvesPanel } from './CurvesPanel.tsx'
import { DetectionPanel } from './DetectionPanel.tsx'
import { Cooccurrence, LabelDistribution } from './LabelsPanel.tsx'
import { MatrixPanel } from './MatrixPanel.tsx'
import { cellParam, DEFAULT_THRESHOLD, splitCellParam, type EvalSearch, type MatrixMode } from './search.ts'
import { SelectionDetails } from './SelectionDetails.tsx'
import { SummaryCards } from './SummaryCards.tsx'
import { ThresholdControl } from './ThresholdControl.tsx'
import type { CompareState, OnSearch, ViewerMetrics } from './types.ts'
import { buttonClass, Note, Panel, ProblemPanel } from './ui.tsx'

const DEFAULT_CURVES = 3

// A threshold step re-renders only the panels whose props it changes (LabelsPanel memoizes its own).
const ConceptTableMemo = memo(ConceptTable)
const DetectionPanelMemo = memo(DetectionPanel)
const SummaryCardsMemo = memo(SummaryCards)
const ThresholdControlMemo = memo(ThresholdControl)
const MatrixPanelMemo = memo(MatrixPanel)
const ConfusedPairsMemo = memo(ConfusedPairs)
const SelectionDetailsMemo = memo(SelectionDetails)
const CurvesPanelMemo = memo(CurvesPanel)
const ComparePanelMemo = memo(ComparePanel)

/** A function of stable identity that always calls the latest `fn` (for memoized panels' props). */
function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn)
  useLayoutEffect(() => {
    ref.current = fn
  })
  return useCallback((...args: A) => ref.current(...args), [])
}

/**
 * The viewer mounts in stages: first the summary (the matrix's panel a placeholder), then the
 * matrix's preparation and the heatmap (which paints in a task of its own once its width is
 * known), then the pairs and the per-concept table, then the rest. The heaviest preparations and
 * the heatmap's first paint so land in different tasks.
 */
const STAGE_MATRIX = 1
const STAGE_TABLE = 2
const STAGE_REST = 3

/** Longest wait for a frame before the next stage goes ahead anyway (a hidden tab has no frames). */
const STAGE_FRAME_WAIT_MS = 100

/**
 * How far a progressive mount has got: 0 on the first render, then one more once each stage is on
 * screen (after the next frame, so what a stage mounted, such as the heatmap's first paint, comes
 * before the next stage's work), each step a background render of its own (a task of its own,
 * interruptible by input), up to `last`.
 */
function useMountStage(last: number): number {
  const [stage, setStage] = useState(0)
  useEffect(() => {
    if (stage >= last) return
    let isDone = false
    const next = () => {
      if (isDone) return
      isDone = true
      startTransition(() => setStage(stage + 1))
    }
    // A task after the frame: the frame's own work (layout, resize observers, paint) comes first.
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(next, 0)) : undefined
    const timer = setTimeout(next, STAGE_FRAME_WAIT_MS)
    return () => {
      isDone = true
      if (frame !== undefined) cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [stage, last])
  return stage
}

const SECTION_TITLES: Record<SectionProblem['section'], string> = {
  summary: 'The summary is malformed',
  confusion_matrix: 'The confusion matrix is malformed',
  cooccurrence_matrix: 'The co-occurrence matrix is malformed',
  binary_metrics: 'The per-concept metrics (binary_metrics) are malformed',
  test_set: 'The test set is malformed',
  label_counts: 'The label counts are malformed',
  metrics_by_class: 'The metrics by class are malformed',
  metrics_by_area: 'The metrics by area are malformed',
}

export interface EvaluationViewerProps {
  /** Prepared off the page's thread (`evaluationQueries.prepared`, `loadEvaluationFile`). */
  evaluation: LoadedEvaluation
  search: EvalSearch
  /** Corrections of the URL, shown as notes. */
  notes?: readonly string[]
  onSearch: OnSearch
  /** Base of exported file names. */
  fileBase: string
  compare?: CompareState
  /** The picker of another evaluation to compare with (needs the API). */
  comparePicker?: ReactNode
}

function isDetectionOf(m: ViewerMetrics): boolean {
  return m.model?.model_type_id?.includes('detector') === true || (Array.isArray(m.metrics_by_area) && m.metrics_by_area.length > 0) || typeof m.summary?.mean_avg_precision_iou_50 === 'number'
}

/**
 * The evaluation viewer, fed by the API or by a file: summary, threshold, confusion matrix,
 * selection, per-concept table, curves, labels, co-occurrence, detection and comparison.
 */
export function EvaluationViewer({ evaluation, search, notes = [], onSearch, fileBase, compare, comparePicker }: EvaluationViewerProps) {
  const metrics = evaluation.metrics as ViewerMetrics
  const state = evaluationState(metrics.status?.code ?? undefined)
  if ((state === 'pending' || state === 'failed' || state === 'not-evaluated') && !evaluation.hasResults) {
    return (
      <div className="space-y-4">
        {notes.length > 0 && <UrlNotes notes={notes} />}
        <StatusPanel metrics={metrics} />
      </div>
    )
  }
  return <PreparedViewer evaluation={evaluation} search={search} notes={notes} onSearch={onSearch} fileBase={fileBase} compare={compare} comparePicker={comparePicker} />
}

function UrlNotes({ notes }: { notes: readonly string[] }) {
  return (
    <Note>
      <ul data-testid="url-notes">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </Note>
  )
}

function StatusPanel({ metrics }: { metrics: ViewerMetrics }) {
  const state = evaluationState(metrics.status?.code ?? undefined)
  const description = metrics.status?.description
  const details = metrics.status?.details
  if (state === 'failed') {
    return (
      <ProblemPanel title="This evaluation failed">
        <p data-testid="evaluation-status">
          {description || 'The API gave no reason.'}
          {details ? ` ${details}` : ''} <span className="text-xs">(status {metrics.status?.code})</span>
        </p>
        <p className="mt-1 text-xs">A failed evaluation has no matrices or curves. Fix the cause (often too few labelled inputs per concept) and evaluate again.</p>
      </ProblemPanel>
    )
  }
  return (
    <div role="status" className="rounded-lg border border-sky-300 bg-sky-50 p-4 text-sm dark:border-sky-900 dark:bg-sky-950/40">
      <h2 className="font-semibold text-sky-900 dark:text-sky-200">{state === 'pending' ? 'This evaluation is still running' : 'This model version has not been evaluated'}</h2>
      <p className="mt-1 text-sky-900 dark:text-sky-200" data-testid="evaluation-status">
        {description || 'No results yet.'} <span className="text-xs">(status {metrics.status?.code})</span>
      </p>
      {state === 'pending' && <p className="mt-1 text-xs text-sky-800 dark:text-sky-300">Results appear here once it finishes; reload the page to check.</p>}
    </div>
  )
}

/** The evaluation as prepared by the loader; one over the concept limit gets a panel naming it. */
function PreparedViewer({ evaluation, ...props }: EvaluationViewerProps) {
  const { notes = [] } = props
  // The viewer's first render of a large evaluation is heavy and would run in the same task as the
  // data's arrival: it runs as a background render instead (interruptible, in slices), after a
  // placeholder, so no single task holds the page.
  const shown = useDeferredValue(evaluation, null)
  if (evaluation.limit || !evaluation.ev) {
    return (
      <div className="space-y-4">
        {notes.length > 0 && <UrlNotes notes={notes} />}
        <ProblemPanel title="This evaluation is too large to view">
          <p data-testid="concept-limit">{evaluation.limit?.message}</p>
          <p className="mt-1 text-xs">Its summary and sections can still be read from the raw JSON; split the concepts into several evaluations to view them here.</p>
        </ProblemPanel>
      </div>
    )
  }
  if (shown === null || !shown.ev) return <PanelSkeleton name="Evaluation" rows={8} />
  const metrics = shown.metrics as ViewerMetrics
  return <Viewer {...props} metrics={metrics} problems={shown.problems} clean={metrics} ev={shown.ev} binary={shown.binary} />
}

type ViewerProps = Omit<EvaluationViewerProps, 'evaluation'> & { metrics: ViewerMetrics; problems: SectionProblem[]; clean: ViewerMetrics; ev: PreparedEvaluation; binary: BinaryCurves }

function Viewer({ metrics, search, notes = [], onSearch: onSearchProp, fileBase, compare, comparePicker, problems, clean, ev, binary }: ViewerProps) {
  const onSearch: OnSearch = useStableCallback(onSearchProp)
  // The first render mounts the summary and the matrix only; the panels below follow in later
  // background renders (each its own task), with the per-evaluation work only they need.
  const stage = useMountStage(STAGE_REST)
  // Booleans, so the work behind a stage runs once and not again at the next stage.
  const isMatrixMounted = stage >= STAGE_MATRIX
  const isTableMounted = stage >= STAGE_TABLE
  const isRestMounted = stage >= STAGE_REST
  const hasTests = hasTestSet(ev)
  const isDetection = isDetectionOf(clean)
  // The API's per-concept figures feed the table only: computed when it mounts.
  const facts = useMemo(() => (isTableMounted ? conceptApiFacts(binary) : null), [binary, isTableMounted])
  const viewNotes = [...notes]

  // The threshold follows the slider live; the URL gets it on release.
  const urlThreshold = search.threshold ?? DEFAULT_THRESHOLD
  const [liveThreshold, setLiveThreshold] = useState(urlThreshold)
  const [seenUrlThreshold, setSeenUrlThreshold] = useState(urlThreshold)
  // The last value this viewer wrote to the URL: its echo arriving after the slider has moved on
  // must not pull the slider back. Any other change of the URL (a link, history) moves it.
  const [committedThreshold, setCommittedThreshold] = useState<number | null>(null)
  if (seenUrlThreshold !== urlThreshold) {
    setSeenUrlThreshold(urlThreshold)
    if (urlThreshold !== committedThreshold) setLiveThreshold(urlThreshold)
  }
  // Every part follows the live threshold in the same render: the panels that do not depend on
  // it are memoized, and the ones that do are kept cheap (incremental counts, bounded work).
  const threshold = liveThreshold
  const commitThreshold = useStableCallback((t: number) => {
    if (t === urlThreshold) return
    setCommittedThreshold(t)
    onSearch({ threshold: t === DEFAULT_THRESHOLD ? undefined : t }, { replace: true })
  })

  let mode: MatrixMode = search.mode ?? (hasTests ? 'counts' : 'probability')
  if (mode !== 'probability' && !hasTests) {
    viewNotes.push(`mode=${mode} needs the test set, which this evaluation does not have; showing average probabilities`)
    mode = 'probability'
  }
  const order = search.order ?? 'api'
  const scale = search.scale ?? 'linear'
  const orderedIds = useMemo(() => orderConcepts(ev, order), [ev, order])
  const top = search.top !== undefined && search.top < orderedIds.length ? search.top : undefined

  // The matrix is prepared in its own stage, after the summary's.
  const probability = useMemo(() => (isMatrixMounted && mode === 'probability' ? probabilityMatrix(ev, clean, orderedIds, top) : undefined), [isMatrixMounted, mode, ev, clean, orderedIds, top])
  // Counts at the threshold come from the incremental engine: a step touches only what it crosses.
  const view = useMemo(() => (isMatrixMounted ? buildMatrixView(ev, clean, { mode, threshold, concepts: orderedIds, top }, probability) : null), [isMatrixMounted, ev, clean, mode, threshold, orderedIds, top, probability])
  // Confused pairs look at every concept, folded or not.
  const livePairCounts = useMemo(() => (!hasTests || !isTableMounted ? null : top === undefined ? view?.counts : countsAt(ev, threshold, orderedIds)), [hasTests, isTableMounted, top, view?.counts, ev, threshold, orderedIds])
  // The list follows the threshold in a deferred render (its counts and the threshold it names
  // together), as do the curves' markers (the points nearest the threshold) and the selected
  // cell's inputs (a pass over the test set, and their thumbnails).
  const pairCounts = useDeferredValue(livePairCounts)
  const deferredThreshold = useDeferredValue(threshold)
  const stats = useMemo(() => (hasTests ? statsAt(ev, threshold) : null), [ev, hasTests, threshold])
  const best = useMemo(() => (hasTests && isTableMounted ? bestF1Thresholds(ev) : []), [ev, hasTests, isTableMounted])
  const rowRanks = isTableMounted ? rowRanksOf(ev) : undefined
  const rows = useMemo(() => (stats && facts ? conceptRowsAt(ev, stats, best, facts) : []), [ev, stats, best, facts])

  // The selected cell: ids from the URL, positions in the current matrix.
  const isKnown = (id: string) => id === NONE_ID || id === OTHER_ID || ev.conceptIndex.has(id)
  const cell = splitCellParam(search.cell, isKnown)
  if (search.cell && !cell) viewNotes.push(`cell=${search.cell} does not name two concepts of this evaluation; no cell selected`)
  const rowIds = view?.matrix.rowIds ?? []
  const colIds = view?.matrix.colIds ?? []
  const selectedRow = cell ? rowIds.indexOf(cell.actual) : -1
  const selectedCol = cell ? colIds.indexOf(cell.predicted) : -1
  const selected: HeatmapCell | null = useMemo(() => (selectedRow !== -1 && selectedCol !== -1 ? { row: selectedRow, col: selectedCol } : null), [selectedRow, selectedCol])
  const focusIndex = search.focus ? rowIds.indexOf(search.focus) : -1
  if (view && search.focus && focusIndex === -1) viewNotes.push(`focus=${search.focus} is not a concept shown in the matrix; nothing focused`)
  const matrixCols = view?.matrix.cols ?? 0
  const focusCell = useMemo(() => (focusIndex === -1 ? null : { row: focusIndex, col: Math.min(focusIndex, matrixCols - 1) }), [focusIndex, matrixCols])

  // Curves: the chosen concepts, else the first few with curves in the matrix order.
  const chosen = (search.concepts ?? []).filter((id) => ev.conceptIndex.has(id))
  if (search.concepts && chosen.length < search.concepts.length) viewNotes.push(`concepts: ${search.concepts.filter((id) => !ev.conceptIndex.has(id)).join(', ')} not in this evaluation; left out`)
  const isDefaultCurves = search.concepts === undefined
  // Default curves: the concepts worth seeing, the worst by F1 at the threshold (with curves).
  // They follow the threshold in a deferred render: a scrub step does not wait for them.
  const deferredRows = useDeferredValue(rows)
  const worst = useMemo(() => (isRestMounted ? worstConcepts(ev, deferredRows, (id) => binary.has(id), DEFAULT_CURVES) : []), [ev, deferredRows, binary, isRestMounted])
  const worstKey = worst.join('\u0000')
  const chosenKey = chosen.join('\u0000')
  const curveConcepts = useMemo(
    () => (isDefaultCurves ? (worst.length > 0 ? worst : firstWithCurves(orderedIds, binary, DEFAULT_CURVES)) : chosen),
    // The same concepts keep the same array, so the curves do not re-render for nothing.
    [isDefaultCurves, worstKey, chosenKey, orderedIds, binary], // eslint-disable-line react-hooks/exhaustive-deps
  )

  // Evaluation B.
  const compareLoaded = compare?.status === 'success' ? compare.evaluation : undefined
  const compareClean = compareLoaded?.metrics as ViewerMetrics | undefined
  const evB = compareLoaded?.ev ?? undefined
  const binaryB = compareLoaded?.binary
  const statsB = useMemo(() => (evB && hasTestSet(evB) ? statsAt(evB, threshold) : null), [evB, threshold])

  const handleSelectCell = useStableCallback((actual: string, predicted: string) => onSearch({ cell: cellParam(actual, predicted) }))
  const handleToggleCurve = useStableCallback((id: string) => {
    const next = curveConcepts.includes(id) ? curveConcepts.filter((c) => c !== id) : [...curveConcepts, id]
    onSearch({ concepts: next }, { replace: true })
  })
  const handleClearCell = useStableCallback(() => onSearch({ cell: undefined }))
  const handleUseThreshold = useStableCallback((t: number) => {
    setLiveThreshold(t)
    commitThreshold(t)
  })
  const handleCurveConcepts = useStableCallback((ids: string[] | undefined) => onSearch({ concepts: ids }, { replace: true }))
  const compareFileBase = compare ? `${fileBase}-vs-${compare.id.slice(0, 8)}` : fileBase

  return (
    // Every element scrolled into view (keyboard focus, concept search) stops below the sticky threshold bar.
    <div className="space-y-8 [&_*]:scroll-mt-20">
      {viewNotes.length > 0 && <UrlNotes notes={viewNotes} />}
      {state(metrics) !== 'evaluated' && state(metrics) !== 'unknown' && <StatusPanel metrics={metrics} />}
      {problems.map((p) => (
        <ProblemPanel key={p.section} title={SECTION_TITLES[p.section]}>
          <p data-testid="section-problem">{p.message}.</p>
          <p className="mt-1 text-xs">This part is left out; the rest of the evaluation is shown.</p>
        </ProblemPanel>
      ))}

      <SummaryCardsMemo metrics={clean} stats={stats} threshold={threshold} isDetection={isDetection} compare={compareClean} compareStats={statsB} />

      <div data-testid="threshold-bar" className="sticky top-0 z-20 -mx-2 rounded-md bg-white/90 px-2 py-2 backdrop-blur dark:bg-slate-950/90">
        <ThresholdControlMemo value={threshold} onInput={setLiveThreshold} onCommit={commitThreshold} />
      </div>

      <Panel id="matrix" title="Confusion matrix">
        {!view ? (
          <PanelSkeleton name="Confusion matrix" rows={8} />
        ) : view.matrix.rows === 0 ? (
          <p className="text-sm text-slate-500">This evaluation has no confusion matrix and no test set to count one from.</p>
        ) : (
          <MatrixPanelMemo
            ev={ev}
            view={view}
            mode={mode}
            order={order}
            top={top}
            scale={scale}
            threshold={threshold}
            hasTests={hasTests}
            selected={selected}
            focusCell={focusCell}
            onSelectCell={handleSelectCell}
            onSearch={onSearch}
            fileBase={fileBase}
            isTable={search.table}
          />
        )}
      </Panel>

      {isTableMounted && pairCounts && (
        <Panel isSkippedOffScreen id="confused" title="Most confused pairs">
          <ConfusedPairsMemo ev={ev} counts={pairCounts} threshold={deferredThreshold} onSelectCell={handleSelectCell} fileBase={fileBase} />
        </Panel>
      )}

      {isTableMounted && cell && hasTests && <SelectionDetailsMemo ev={ev} actual={cell.actual} predicted={cell.predicted} threshold={deferredThreshold} onClose={handleClearCell} />}
      {isTableMounted && cell && !hasTests && <Note>The selected cell’s inputs need the test set, which this evaluation does not have.</Note>}

      {isTableMounted && (
        <Panel id="concepts" title="Per-concept metrics">
          <ConceptTableMemo
            rows={rows}
            ranks={rowRanks}
            threshold={threshold}
            sort={search.sort}
            filter={search.q}
            curveConcepts={curveConcepts}
            onToggleCurve={handleToggleCurve}
            onUseThreshold={handleUseThreshold}
            onSearch={onSearch}
            fileBase={fileBase}
            hasTests={hasTests}
          />
        </Panel>
      )}

      {isRestMounted && (
        <>
          <Panel isSkippedOffScreen id="curves" title="ROC and precision-recall curves">
            <CurvesPanelMemo ev={ev} binary={binary} compareBinary={binaryB} concepts={curveConcepts} defaults={isDefaultCurves ? (worst.length > 0 ? 'worst' : 'first') : null} threshold={deferredThreshold} onConcepts={handleCurveConcepts} fileBase={fileBase} />
          </Panel>

          <div className="grid gap-8 lg:grid-cols-2">
            <Panel isSkippedOffScreen id="labels" title="Label distribution">
              <LabelDistribution ev={ev} metrics={clean} fileBase={fileBase} />
            </Panel>
            <Panel isSkippedOffScreen id="cooccurrence" title="Co-occurrence">
              <Cooccurrence ev={ev} metrics={clean} concepts={orderedIds} top={top} scale={scale} fileBase={fileBase} />
            </Panel>
          </div>

          {isDetection && (
            <Panel isSkippedOffScreen id="detection" title="Detection">
              <DetectionPanelMemo ev={ev} metrics={clean} fileBase={fileBase} />
            </Panel>
          )}

          {(comparePicker || compare) && (
            <Panel isSkippedOffScreen id="compare" title="Compare with another evaluation" actions={comparePicker}>
              {!compare && <p className="text-sm text-slate-500">Pick an evaluation of this app to see A − B: the matrix, per-concept deltas and overlaid curves.</p>}
              {compare?.status === 'pending' && (
                <p role="status" className="text-sm text-slate-500">
                  Loading evaluation B…
                </p>
              )}
              {compare?.status === 'error' && (
                <ProblemPanel title={`Evaluation ${compare.id} could not be loaded`}>
                  <p>{compare.error instanceof Error ? compare.error.message : String(compare.error)}</p>
                  {compare.onRetry && (
                    <button type="button" className={`${buttonClass} mt-2`} onClick={compare.onRetry}>
                      Retry
                    </button>
                  )}
                </ProblemPanel>
              )}
              {compare?.status === 'success' && compareClean && evB && view && (
                <ComparePanelMemo evA={ev} evB={evB} metricsB={compareClean} viewA={view} mode={mode} threshold={threshold} concepts={orderedIds} top={top} scale={scale} statsA={stats} statsB={statsB} fileBase={compareFileBase} />
              )}
            </Panel>
          )}
        </>
      )}
    </div>
  )
}

function firstWithCurves(ids: readonly string[], binary: ReadonlyMap<string, unknown>, n: number): string[] {
  const out: string[] = []
  for (const id of ids) {
    if (out.length >= n) break
    if (binary.has(id)) out.push(id)
  }
  return out
}

function state(m: ViewerMetrics) {
  return evaluationState(m.status?.code ?? undefined)
}
