// View logic of the evaluation viewer: which matrix the heatmap draws in each mode, the
// per-concept table with its checks against the API, reading an evaluation file, and the
// sanity checks that keep a malformed section from taking the page down. Pure: no React.

import { nameRanks as rowNameRanks, tagConcepts } from './concept-order.ts'
import { toCsv } from './csv.ts'
import { BinaryCurves, type ConceptApiFacts } from './eval-binary.ts'
import { tryDecodeMatrixUint64, type DecodeResult } from './matrix-uint64.ts'
import {
  cellsOnLayout,
  confusionCells,
  cooccurrenceCells,
  countMatrix,
  createCountEngine,
  engineStats,
  matrixLayout,
  setEngineThreshold,
  SmallestK,
  smallestK,
  type ConceptCells,
  type CountEngine,
  type MatrixLayout,
} from './eval-counts.ts'
import {
  averagePrecision,
  nameCollator,
  rocAuc,
  NONE_ID,
  OTHER_ID,
  type BestF1,
  type BinaryMetricsWire,
  type ConceptStats,
  type EvalConceptWire,
  type EvalMetricsWire,
  type PreparedEvaluation,
  type ThresholdStats,
} from './eval-metrics.ts'
import { lazy } from './lazy.ts'
import { lineTotals, normalizeSparse, subtractSparse, valueAt, type LineTotals, type SparseMatrix } from './sparse-matrix.ts'

// ---------------------------------------------------------------------------------------------
// Status

export type EvaluationState = 'evaluated' | 'pending' | 'failed' | 'not-evaluated' | 'unknown'

/** Evaluation status codes: 21300 evaluated, 21301/21303 running or queued, 21302 not evaluated, 21310-21319 failures. */
export function evaluationState(code: number | undefined): EvaluationState {
  if (code === 21300) return 'evaluated'
  if (code === 21301 || code === 21303) return 'pending'
  if (code === 21302) return 'not-evaluated'
  if (code !== undefined && code >= 21310 && code <= 21319) return 'failed'
  return 'unknown'
}

// ---------------------------------------------------------------------------------------------
// The count engine, once per evaluation

const engines = new WeakMap<PreparedEvaluation, CountEngine>()

/** The incremental count engine of an evaluation, built once (or given by the loader). */
export function engineFor(ev: PreparedEvaluation): CountEngine {
  let e = engines.get(ev)
  if (!e) {
    e = createCountEngine(ev)
    engines.set(ev, e)
  }
  return e
}

/** Hands an evaluation the count engine built where it was prepared. */
export function seedEngine(ev: PreparedEvaluation, engine: CountEngine): void {
  engines.set(ev, engine)
}

const lastStats = new WeakMap<CountEngine, { version: number; stats: ThresholdStats }>()

/** Per-concept statistics at t, from the incremental engine; the same object while the counts stay put. */
export function statsAt(ev: PreparedEvaluation, t: number): ThresholdStats {
  const e = engineFor(ev)
  setEngineThreshold(e, t)
  const last = lastStats.get(e)
  if (last && last.version === e.version) return last.stats
  const stats = engineStats(e)
  lastStats.set(e, { version: e.version, stats })
  return stats
}

const layouts = new WeakMap<PreparedEvaluation, WeakMap<readonly string[], Map<number | undefined, MatrixLayout>>>()

/** matrixLayout, kept per evaluation, concept order (by identity) and top-N: a threshold step reuses it. */
export function layoutFor(ev: PreparedEvaluation, concepts: readonly string[], top?: number): MatrixLayout {
  let byOrder = layouts.get(ev)
  if (!byOrder) layouts.set(ev, (byOrder = new WeakMap()))
  let byTop = byOrder.get(concepts)
  if (!byTop) byOrder.set(concepts, (byTop = new Map()))
  let layout = byTop.get(top)
  if (!layout) byTop.set(top, (layout = matrixLayout(ev, concepts, top)))
  return layout
}

export function hasTestSet(ev: PreparedEvaluation): boolean {
  return ev.inputCount > 0
}

// ---------------------------------------------------------------------------------------------
// The matrix of each mode, sparse

export type MatrixMode = 'probability' | 'counts' | 'row' | 'column' | 'all'

export interface MatrixViewOptions {
  mode: MatrixMode
  threshold: number
  /** Concepts in display order (rows and columns). */
  concepts: readonly string[]
  /** Keep the first n concepts and fold the rest into "(other)"; undefined keeps all. */
  top?: number
}

export type LabeledMatrix = SparseMatrix & { rowIds: string[]; colIds: string[] }

export interface MatrixView {
  /** What the heatmap draws. */
  matrix: LabeledMatrix
  /** 'probability': the API's average probabilities; 'count': counts at the threshold; 'share': normalized counts. */
  valueKind: 'probability' | 'count' | 'share'
  /** Counts at the threshold on the same rows and columns (plus a last (none) column); null without a test set. */
  counts: LabeledMatrix | null
  /** Row and column sums of the counts, for the shares in tooltips; computed on first read. */
  readonly countTotals: LineTotals | null
  /** Position of the "(other)" row and column, -1 without top-N. */
  other: number
  /** Pairs of the API's matrix outside the concepts shown. */
  ignored: number
}

const cellCache = new WeakMap<object, ConceptCells>()

function cachedCells(key: object, make: () => ConceptCells): ConceptCells {
  let c = cellCache.get(key)
  if (!c) {
    c = make()
    cellCache.set(key, c)
  }
  return c
}

export interface ProbabilityMatrix {
  matrix: LabeledMatrix
  /** Pairs of the API's matrix outside the concepts shown. */
  ignored: number
}

/**
 * The API's average probabilities in the given concept order; with top-N, a folded row is the
 * ground-truth-weighted mean of its rows. Independent of the threshold: compute once per order.
 */
export function probabilityMatrix(ev: PreparedEvaluation, metrics: EvalMetricsWire, concepts: readonly string[], top?: number): ProbabilityMatrix {
  const cells = ev.confusionCells ?? cachedCells(metrics.confusion_matrix ?? metrics, () => confusionCells(ev, metrics.confusion_matrix))
  const layout = layoutFor(ev, concepts, top)
  const m = cellsOnLayout(cells, layout, 'average', ev.frequency)
  return { matrix: m, ignored: cells.ignored + m.outside }
}

/** The API's co-occurrence counts on the matrix's concept order. */
export function cooccurrenceMatrix(ev: PreparedEvaluation, metrics: EvalMetricsWire, concepts: readonly string[], top?: number): LabeledMatrix {
  const cells = ev.cooccurrenceCells ?? cachedCells(metrics.cooccurrence_matrix ?? {}, () => cooccurrenceCells(ev, metrics.cooccurrence_matrix))
  return cellsOnLayout(cells, layoutFor(ev, concepts, top), 'sum')
}

/** Counts at a threshold on a concept order (and top-N), with a last (none) column. */
export function countsAt(ev: PreparedEvaluation, threshold: number, concepts: readonly string[], top?: number): LabeledMatrix {
  const e = engineFor(ev)
  setEngineThreshold(e, threshold)
  return countMatrix(e, layoutFor(ev, concepts, top))
}

/**
 * The heatmap's matrix: the API's average probabilities, or counts at the threshold (raw or
 * normalized by row, column or total), in the given concept order, optionally top-N folded.
 * `probability` may be passed precomputed (it does not move with the threshold).
 */
export function buildMatrixView(ev: PreparedEvaluation, metrics: EvalMetricsWire, options: MatrixViewOptions, probability?: ProbabilityMatrix): MatrixView {
  const { mode, threshold, concepts, top } = options
  const counts = hasTestSet(ev) ? countsAt(ev, threshold, concepts, top) : null
  let matrix: LabeledMatrix
  let valueKind: MatrixView['valueKind']
  let ignored = 0
  if (mode === 'probability' || counts === null) {
    const p = probability ?? probabilityMatrix(ev, metrics, concepts, top)
    matrix = p.matrix
    ignored = p.ignored
    valueKind = 'probability'
  } else if (mode === 'counts') {
    matrix = counts
    valueKind = 'count'
  } else {
    matrix = { ...normalizeSparse(counts, mode), rowIds: counts.rowIds, colIds: counts.colIds }
    valueKind = 'share'
  }
  let countTotals: LineTotals | null | undefined
  return {
    matrix,
    valueKind,
    counts,
    get countTotals() {
      if (countTotals === undefined) countTotals = counts === null ? null : lineTotals(counts)
      return countTotals
    },
    other: matrix.rowIds.indexOf(OTHER_ID),
    ignored,
  }
}

interface Alignment {
  rowIds: string[]
  colIds: string[]
  rowMapA: Int32Array
  colMapA: Int32Array
  rowMapB: Int32Array
  colMapB: Int32Array
  onlyInA: string[]
  onlyInB: string[]
}

function align(idsA: readonly string[], idsB: readonly string[]): { ids: string[]; mapA: Int32Array; mapB: Int32Array } {
  const inB = new Map(idsB.map((id, k) => [id, k]))
  const mapA = new Int32Array(idsA.length).fill(-1)
  const mapB = new Int32Array(idsB.length).fill(-1)
  const ids: string[] = []
  idsA.forEach((id, k) => {
    const kb = inB.get(id)
    if (kb === undefined) return
    mapA[k] = ids.length
    mapB[kb] = ids.length
    ids.push(id)
  })
  return { ids, mapA, mapB }
}

const alignments = new WeakMap<readonly string[], WeakMap<readonly string[], WeakMap<readonly string[], WeakMap<readonly string[], Alignment>>>>()

/** The lines A and B share, kept per set of id arrays: count matrices of one layout share theirs, so a threshold step aligns nothing again. */
function alignmentOf(a: LabeledMatrix, b: LabeledMatrix): Alignment {
  const level = <K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V => {
    let v = map.get(key)
    if (v === undefined) map.set(key, (v = make()))
    return v
  }
  const byColA = level(alignments, a.rowIds, () => new WeakMap())
  const byRowB = level(byColA, a.colIds, () => new WeakMap())
  const byColB = level(byRowB, b.rowIds, () => new WeakMap())
  return level(byColB, b.colIds, () => {
    const rows = align(a.rowIds, b.rowIds)
    const cols = align(a.colIds, b.colIds)
    const aIds = new Set([...a.rowIds, ...a.colIds])
    const bIds = new Set([...b.rowIds, ...b.colIds])
    return {
      rowIds: rows.ids,
      colIds: cols.ids,
      rowMapA: rows.mapA,
      colMapA: cols.mapA,
      rowMapB: rows.mapB,
      colMapB: cols.mapB,
      onlyInA: [...aIds].filter((id) => !bIds.has(id)),
      onlyInB: [...bIds].filter((id) => !aIds.has(id)),
    }
  })
}

/**
 * A minus B on the rows and columns both have (matched by id, in A's order), sparse: O(cells of A
 * and B). What only one side has is listed so the panel can say what was left out.
 */
export function alignedDifference(a: LabeledMatrix, b: LabeledMatrix): LabeledMatrix & { onlyInA: string[]; onlyInB: string[] } {
  const al = alignmentOf(a, b)
  const m = subtractSparse(a, b, al.rowMapA, al.colMapA, al.rowMapB, al.colMapB, al.rowIds.length, al.colIds.length)
  return { ...m, rowIds: al.rowIds, colIds: al.colIds, onlyInA: al.onlyInA, onlyInB: al.onlyInB }
}

/** Largest matrix offered as a dense CSV (rows x cols cells); bigger ones export their non-zero cells. */
export const MAX_DENSE_EXPORT_CELLS = 1_000_000

/** The CSV of a small matrix: a header of column ids, one row per row id. Throws past MAX_DENSE_EXPORT_CELLS. */
export function matrixCsv(m: LabeledMatrix, cell: (row: number, col: number) => string, corner = 'actual \\ predicted'): string {
  if (m.rows * m.cols > MAX_DENSE_EXPORT_CELLS) throw new RangeError(`a dense CSV of ${m.rows} x ${m.cols} cells is over the limit of ${MAX_DENSE_EXPORT_CELLS.toLocaleString('en')}; export the non-zero cells`)
  const rows: string[][] = []
  for (let i = 0; i < m.rows; i++) {
    const line = [m.rowIds[i]!]
    for (let j = 0; j < m.cols; j++) line.push(cell(i, j))
    rows.push(line)
  }
  return toCsv([corner, ...m.colIds], rows)
}

/** The non-zero cells as a long CSV (row id, column id, value), row-major: any size, O(nnz). */
export function sparseCsv(m: LabeledMatrix, header: readonly [string, string, string] = ['actual_id', 'predicted_id', 'value']): string {
  const idx = Array.from({ length: m.nnz }, (_, k) => k).sort((x, y) => m.row[x]! - m.row[y]! || m.col[x]! - m.col[y]!)
  return toCsv([...header], idx.filter((k) => m.value[k] !== 0).map((k) => [m.rowIds[m.row[k]!]!, m.colIds[m.col[k]!]!, String(m.value[k])]))
}

/** The exact cell text of a sparse matrix (empty for NaN). */
export function exactCell(m: SparseMatrix): (row: number, col: number) => string {
  return (row, col) => {
    const v = valueAt(m, row, col)
    return Number.isNaN(v) ? '' : String(v)
  }
}

/** Display name of a matrix id: the concept's name, or the pseudo concept as is. */
export function idLabel(ev: PreparedEvaluation, id: string): string {
  if (id === NONE_ID || id === OTHER_ID) return id
  const k = ev.conceptIndex.get(id)
  return k === undefined ? id : ev.conceptNames[k]!
}

// ---------------------------------------------------------------------------------------------
// Per-concept table

export type ApiCheck = 'match' | 'mismatch' | 'absent'

export interface ConceptRow {
  id: string
  name: string
  support: number
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
  bestThreshold: number | null
  bestF1: number
  /** The API's binary_metrics for this concept, when sent. */
  apiNumPos: number | null
  apiRocAuc: number | null
  apiF1: number | null
  /** Area under the API's ROC curve and average precision of its PR curve. */
  curveAuc: number | null
  ap: number | null
  /** num_pos from the API against TP + FN recomputed from the test set. */
  check: ApiCheck
}

function conceptKey(c: EvalConceptWire | null | undefined): string | undefined {
  if (!c || typeof c !== 'object') return undefined
  if (typeof c.id === 'string' && c.id !== '') return c.id
  if (typeof c.name === 'string' && c.name !== '') return c.name
  return undefined
}

/** binary_metrics by concept id (the first entry per concept). */
export function binaryByConcept(list: readonly BinaryMetricsWire[] | null | undefined): Map<string, BinaryMetricsWire> {
  const out = new Map<string, BinaryMetricsWire>()
  for (const b of Array.isArray(list) ? list : []) {
    if (!b || typeof b !== 'object') continue
    const id = conceptKey(b.concept)
    if (id !== undefined && !out.has(id)) out.set(id, b)
  }
  return out
}

function num(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null
}

export type { ConceptApiFacts }

/** What the API sent per concept, apart from the threshold: computed once per evaluation (in the loader for packed curves). */
export function conceptApiFacts(binary: ReadonlyMap<string, BinaryMetricsWire>): ReadonlyMap<string, ConceptApiFacts> {
  if (binary instanceof BinaryCurves) return binary.facts()
  const out = new Map<string, ConceptApiFacts>()
  for (const [id, b] of binary) {
    out.set(id, {
      apiNumPos: num(b.num_pos),
      apiRocAuc: num(b.roc_auc),
      apiF1: num(b.f1),
      curveAuc: rocAuc(b.roc_curve),
      ap: num(b.avg_precision) ?? averagePrecision(b.precision_recall_curve),
    })
  }
  return out
}

/** Whether the API sent a co-occurrence matrix. */
export function hasCooccurrence(ev: PreparedEvaluation, metrics: EvalMetricsWire): boolean {
  return ev.cooccurrenceCells !== undefined ? ev.cooccurrenceCells !== null : !!metrics.cooccurrence_matrix
}

const NO_FACTS: ConceptApiFacts = { apiNumPos: null, apiRocAuc: null, apiF1: null, curveAuc: null, ap: null }

function conceptRow(s: ConceptStats, k: number, best: readonly BestF1[], facts: ReadonlyMap<string, ConceptApiFacts>, hasTests: boolean): ConceptRow {
  const f = facts.get(s.id) ?? NO_FACTS
  return {
    id: s.id,
    name: s.name,
    support: s.support,
    tp: s.tp,
    fp: s.fp,
    fn: s.fn,
    precision: s.precision,
    recall: s.recall,
    f1: s.f1,
    bestThreshold: best[k]?.threshold ?? null,
    bestF1: best[k]?.f1 ?? 0,
    apiNumPos: f.apiNumPos,
    apiRocAuc: f.apiRocAuc,
    apiF1: f.apiF1,
    curveAuc: f.curveAuc,
    ap: f.ap,
    check: f.apiNumPos === null || !hasTests ? 'absent' : f.apiNumPos === s.tp + s.fn ? 'match' : 'mismatch',
  }
}

/**
 * One row per concept. With `previous` (rows made from the same best-F1 list and facts), a concept
 * whose stats object is the previous one keeps its row object: a threshold step builds rows only
 * for the concepts it moved.
 */
export function conceptRows(ev: PreparedEvaluation, stats: ThresholdStats, best: readonly BestF1[], facts: ReadonlyMap<string, ConceptApiFacts>, previous?: { stats: ThresholdStats; rows: readonly ConceptRow[] }): ConceptRow[] {
  const hasTests = hasTestSet(ev)
  const concepts = stats.concepts
  const prev = previous && previous.rows.length === concepts.length && previous.stats.concepts.length === concepts.length ? previous : undefined
  let rows: ConceptRow[]
  if (prev) {
    // A copy of the previous list (one block copy), then new rows where the stats moved.
    rows = prev.rows.slice()
    const before = prev.stats.concepts
    for (let k = 0; k < concepts.length; k++) if (before[k] !== concepts[k]) rows[k] = conceptRow(concepts[k]!, k, best, facts, hasTests)
  } else rows = concepts.map((s, k) => conceptRow(s, k, best, facts, hasTests))
  // Rows of one evaluation name its concepts in its order, whatever the threshold.
  tagConcepts(rows, ev)
  return rows
}

const rowCache = new WeakMap<PreparedEvaluation, { best: readonly BestF1[]; facts: ReadonlyMap<string, ConceptApiFacts>; stats: ThresholdStats; rows: ConceptRow[] }>()

/** conceptRows, reusing the rows of the last call for the same evaluation, best-F1 list and facts. */
export function conceptRowsAt(ev: PreparedEvaluation, stats: ThresholdStats, best: readonly BestF1[], facts: ReadonlyMap<string, ConceptApiFacts>): ConceptRow[] {
  const last = rowCache.get(ev)
  if (last && last.stats === stats && last.best === best && last.facts === facts) return last.rows
  const rows = conceptRows(ev, stats, best, facts, last && last.best === best && last.facts === facts ? last : undefined)
  rowCache.set(ev, { best, facts, stats, rows })
  return rows
}

const nameOrder = lazy(() => new Intl.Collator())
const nameRanks = new WeakMap<PreparedEvaluation, Int32Array>()

/**
 * Each concept's place in name order (the collator's), computed once per evaluation (where it is
 * prepared, when that is a worker: see `seedNameRanks`).
 */
export function nameRankOf(ev: PreparedEvaluation): Int32Array {
  let ranks = nameRanks.get(ev)
  if (!ranks) {
    const names = ev.conceptNames
    const byName = Array.from(names.keys()).sort((x, y) => nameOrder().compare(names[x]!, names[y]!))
    ranks = new Int32Array(names.length)
    byName.forEach((k, place) => (ranks![k] = place))
    nameRanks.set(ev, ranks)
  }
  return ranks
}

/** Hands an evaluation its name ranks (`nameRankOf`, `rowRanksOf`), computed where it was prepared. */
export function seedNameRanks(ev: PreparedEvaluation, ranks: Int32Array, rowRanks: Int32Array): void {
  if (ranks.length === ev.conceptNames.length) nameRanks.set(ev, ranks)
  if (rowRanks.length === ev.conceptNames.length) rowRanksCache.set(ev, rowRanks)
}

const rowRanksCache = new WeakMap<PreparedEvaluation, Int32Array>()

/**
 * The per-concept rows' name ranks (`nameRanks` of concept-order.ts over conceptRows, which are
 * in the evaluation's concept order), computed once per evaluation.
 */
export function rowRanksOf(ev: PreparedEvaluation): Int32Array {
  let ranks = rowRanksCache.get(ev)
  if (!ranks) {
    ranks = rowNameRanks(ev.conceptIds.map((id, k) => ({ id, name: ev.conceptNames[k]! })))
    rowRanksCache.set(ev, ranks)
  }
  return ranks
}

/**
 * The n concepts with support and `hasCurves`, worst F1 first (ties by name): O(rows log n).
 * `rows` are in the evaluation's concept order, as conceptRows gives them.
 */
export function worstConcepts(ev: PreparedEvaluation, rows: readonly ConceptRow[], hasCurves: (id: string) => boolean, n: number): string[] {
  const rank = nameRankOf(ev)
  const kept = new SmallestK<number>(n, (x, y) => rows[x]!.f1 < rows[y]!.f1 || (rows[x]!.f1 === rows[y]!.f1 && rank[x]! < rank[y]!))
  // Whether a concept has curves (a lookup by id) is asked only of those that would be kept.
  for (let k = 0; k < rows.length; k++) if (rows[k]!.support > 0 && kept.wouldKeep(k) && hasCurves(rows[k]!.id)) kept.offer(k)
  return kept.sorted().map((k) => rows[k]!.id)
}

export interface CheckSummary {
  checked: number
  mismatched: ConceptRow[]
}

export function checkSummary(rows: readonly ConceptRow[]): CheckSummary {
  let checked = 0
  const mismatched: ConceptRow[] = []
  for (const r of rows) {
    if (r.check === 'absent') continue
    checked++
    if (r.check === 'mismatch') mismatched.push(r)
  }
  return { checked, mismatched }
}

// ---------------------------------------------------------------------------------------------
// Label distribution

export interface LabelCount {
  id: string
  name: string
  count: number
}

/** Positive label counts: the API's label_counts when sent, else the test set's support. Largest first. */
export function labelDistribution(ev: PreparedEvaluation, metrics: EvalMetricsWire): LabelCount[] {
  return sortLabels(labelCounts(ev, metrics))
}

/** Largest count first, ties by name. */
function isLabelBefore(a: LabelCount, b: LabelCount): boolean {
  return a.count > b.count || (a.count === b.count && nameCollator().compare(a.name, b.name) < 0)
}

/** labelDistribution's order, of counts labelCounts gave. */
export function sortLabels(counts: readonly LabelCount[]): LabelCount[] {
  return counts.slice().sort((a, b) => b.count - a.count || nameCollator().compare(a.name, b.name))
}

/** The first `n` of labelDistribution's order, without sorting them all: O(concepts log n). */
export function topLabels(counts: readonly LabelCount[], n: number): LabelCount[] {
  return smallestK(counts, n, isLabelBefore)
}

/** The counts of labelDistribution, in the order sent (or the evaluation's concept order). */
export function labelCounts(ev: PreparedEvaluation, metrics: EvalMetricsWire): LabelCount[] {
  const out: LabelCount[] = []
  const sent = metrics.label_counts?.positive_label_counts
  if (Array.isArray(sent) && sent.length > 0) {
    for (const lc of sent) {
      if (!lc || typeof lc !== 'object' || typeof lc.count !== 'number') continue
      const id = conceptKey(lc.concept) ?? (typeof lc.concept_name === 'string' ? lc.concept_name : undefined)
      if (id === undefined) continue
      const name = (lc.concept && typeof lc.concept.name === 'string' && lc.concept.name) || idLabel(ev, id)
      out.push({ id, name, count: lc.count })
    }
  } else {
    ev.conceptIds.forEach((id, k) => {
      if (ev.frequency[k]! > 0) out.push({ id, name: ev.conceptNames[k]!, count: ev.frequency[k]! })
    })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Detection: metrics by area, one row per class, one column per area

export interface AreaTable {
  areas: string[]
  rows: { id: string; name: string; ap: (number | null)[]; numPos: (number | null)[] }[]
}

interface AreaMetricWire extends BinaryMetricsWire {
  area_name?: string
}

export function areaTable(list: readonly AreaMetricWire[] | null | undefined, ev: PreparedEvaluation): AreaTable {
  const areas: string[] = []
  const byConcept = new Map<string, Map<string, AreaMetricWire>>()
  for (const m of Array.isArray(list) ? list : []) {
    if (!m || typeof m !== 'object') continue
    const id = conceptKey(m.concept)
    const area = typeof m.area_name === 'string' && m.area_name !== '' ? m.area_name : 'all'
    if (id === undefined) continue
    if (!areas.includes(area)) areas.push(area)
    let row = byConcept.get(id)
    if (!row) byConcept.set(id, (row = new Map()))
    row.set(area, m)
  }
  const rows = [...byConcept].map(([id, m]) => ({
    id,
    name: idLabel(ev, id),
    ap: areas.map((a) => num(m.get(a)?.avg_precision)),
    numPos: areas.map((a) => num(m.get(a)?.num_pos)),
  }))
  return { areas, rows }
}

// ---------------------------------------------------------------------------------------------
// Sanity checks: a malformed section gets an error panel and is left out; the rest is shown

export type Section = 'summary' | 'confusion_matrix' | 'cooccurrence_matrix' | 'binary_metrics' | 'test_set' | 'label_counts' | 'metrics_by_class' | 'metrics_by_area'

export interface SectionProblem {
  section: Section
  message: string
}

function kind(x: unknown): string {
  if (x === null) return 'null'
  if (Array.isArray(x)) return 'a list'
  if (typeof x === 'string') return `the text '${x.length > 30 ? `${x.slice(0, 30)}…` : x}'`
  return typeof x === 'object' ? 'an object' : `${typeof x} ${String(x)}`
}

function firstProblem<T>(list: readonly T[], check: (item: T, i: number) => string | undefined): string | undefined {
  for (let i = 0; i < list.length; i++) {
    const p = check(list[i]!, i)
    if (p) return p
  }
  return undefined
}

const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x)
const okNum = (x: unknown) => x === undefined || (typeof x === 'number' && Number.isFinite(x))
const okStr = (x: unknown) => x === undefined || typeof x === 'string'

function checkConcept(c: unknown, where: string): string | undefined {
  if (c === undefined || c === null) return undefined
  if (!isObj(c)) return `${where} is ${kind(c)}, not a concept object`
  if (!okStr(c.id)) return `${where}.id is ${kind(c.id)}, not text`
  if (!okNum(c.value)) return `${where}.value is ${kind(c.value)}, not a number`
  return undefined
}

function checkCurve(c: unknown, where: string, keys: readonly string[]): string | undefined {
  if (c === undefined || c === null) return undefined
  if (!isObj(c)) return `${where} is ${kind(c)}, not a curve object`
  let length: number | undefined
  for (const k of keys) {
    const xs = c[k]
    if (xs === undefined || xs === null) continue
    if (!Array.isArray(xs)) return `${where}.${k} is ${kind(xs)}, not a list of numbers`
    let bad = -1
    for (let q = 0; q < xs.length; q++) {
      if (typeof xs[q] !== 'number') {
        bad = q
        break
      }
    }
    if (bad !== -1) return `${where}.${k}[${bad}] is ${kind(xs[bad])}, not a number`
    if (length !== undefined && xs.length !== length) return `${where}.${k} has ${xs.length} points but ${keys[0]} has ${length}`
    length ??= xs.length
  }
  return undefined
}

function checkBinaryList(list: unknown, section: Section): string | undefined {
  if (!Array.isArray(list)) return `${section} is ${kind(list)}, not a list`
  return firstProblem(list, (b, i) => {
    const at = `${section}[${i}]`
    if (!isObj(b)) return `${at} is ${kind(b)}, not an object`
    for (const k of ['num_pos', 'num_neg', 'num_tot', 'roc_auc', 'f1', 'avg_precision']) if (!okNum(b[k])) return `${at}.${k} is ${kind(b[k])}, not a number`
    return checkConcept(b.concept, `${at}.concept`) ?? checkCurve(b.roc_curve, `${at}.roc_curve`, ['fpr', 'tpr', 'thresholds']) ?? checkCurve(b.precision_recall_curve, `${at}.precision_recall_curve`, ['recall', 'precision', 'thresholds'])
  })
}

/** The first problem of each malformed section, naming where it is. */
export function checkEvalMetrics(m: Record<string, unknown>): SectionProblem[] {
  const problems: SectionProblem[] = []
  const add = (section: Section, message: string | undefined) => {
    if (message) problems.push({ section, message })
  }
  const present = (x: unknown) => x !== undefined && x !== null
  if (present(m.summary)) {
    const s = m.summary
    const bad = isObj(s) ? Object.keys(s).find((k) => !okNum(s[k])) : undefined
    add('summary', !isObj(s) ? `summary is ${kind(s)}, not an object` : bad !== undefined ? `summary.${bad} is not a number` : undefined)
  }
  if (present(m.confusion_matrix)) {
    const cm = m.confusion_matrix
    add(
      'confusion_matrix',
      !isObj(cm)
        ? `confusion_matrix is ${kind(cm)}, not an object`
        : present(cm.matrix) && !Array.isArray(cm.matrix)
          ? `confusion_matrix.matrix is ${kind(cm.matrix)}, not a list`
          : present(cm.concept_ids) && (!Array.isArray(cm.concept_ids) || cm.concept_ids.some((x) => typeof x !== 'string'))
            ? 'confusion_matrix.concept_ids is not a list of concept ids'
            : firstProblem(Array.isArray(cm.matrix) ? cm.matrix : [], (e, i) => {
                const at = `confusion_matrix.matrix[${i}]`
                if (!isObj(e)) return `${at} is ${kind(e)}, not an object`
                if (!okNum(e.value)) return `${at}.value is ${kind(e.value)}, not a number`
                if (!okStr(e.actual) || !okStr(e.predicted)) return `${at} names its concepts with something other than text`
                return checkConcept(e.actual_concept, `${at}.actual_concept`) ?? checkConcept(e.predicted_concept, `${at}.predicted_concept`)
              }),
    )
  }
  if (present(m.cooccurrence_matrix)) {
    const cm = m.cooccurrence_matrix
    add(
      'cooccurrence_matrix',
      !isObj(cm)
        ? `cooccurrence_matrix is ${kind(cm)}, not an object`
        : present(cm.matrix) && !Array.isArray(cm.matrix)
          ? `cooccurrence_matrix.matrix is ${kind(cm.matrix)}, not a list`
          : firstProblem(Array.isArray(cm.matrix) ? cm.matrix : [], (e, i) => {
              const at = `cooccurrence_matrix.matrix[${i}]`
              if (!isObj(e)) return `${at} is ${kind(e)}, not an object`
              if (!okNum(e.count) || (typeof e.count === 'number' && e.count < 0)) return `${at}.count is ${kind(e.count)}, not a count`
              return undefined
            }),
    )
  }
  if (present(m.test_set)) {
    const ts = m.test_set
    add(
      'test_set',
      !Array.isArray(ts)
        ? `test_set is ${kind(ts)}, not a list`
        : firstProblem(ts, (e, i) => {
            const at = `test_set[${i}]`
            if (!isObj(e)) return `${at} is ${kind(e)}, not an object`
            for (const k of ['predicted_concepts', 'ground_truth_concepts']) {
              const list = e[k]
              if (!present(list)) continue
              if (!Array.isArray(list)) return `${at}.${k} is ${kind(list)}, not a list`
              const p = firstProblem(list, (c, j) => checkConcept(c, `${at}.${k}[${j}]`))
              if (p) return p
            }
            if (present(e.input) && !isObj(e.input)) return `${at}.input is ${kind(e.input)}, not an object`
            return undefined
          }),
    )
  }
  for (const section of ['binary_metrics', 'metrics_by_class', 'metrics_by_area'] as const) {
    if (present(m[section])) add(section, checkBinaryList(m[section], section))
  }
  if (present(m.label_counts)) {
    const lc = m.label_counts
    add(
      'label_counts',
      !isObj(lc)
        ? `label_counts is ${kind(lc)}, not an object`
        : present(lc.positive_label_counts) && !Array.isArray(lc.positive_label_counts)
          ? `label_counts.positive_label_counts is ${kind(lc.positive_label_counts)}, not a list`
          : firstProblem(Array.isArray(lc.positive_label_counts) ? lc.positive_label_counts : [], (e, i) => (!isObj(e) ? `label_counts.positive_label_counts[${i}] is ${kind(e)}, not an object` : !okNum(e.count) ? `label_counts.positive_label_counts[${i}].count is ${kind(e.count)}, not a number` : undefined)),
    )
  }
  return problems
}

/** The metrics without the sections that failed their check. */
export function withoutSections<T extends Record<string, unknown>>(m: T, problems: readonly SectionProblem[]): T {
  if (problems.length === 0) return m
  const out: Record<string, unknown> = { ...m }
  for (const p of problems) delete out[p.section]
  return out as T
}

// ---------------------------------------------------------------------------------------------
// Evaluation files from disk

const EVAL_KEYS = ['summary', 'confusion_matrix', 'cooccurrence_matrix', 'binary_metrics', 'test_set', 'label_counts', 'metrics_by_class', 'metrics_by_area']

export type ParsedFile =
  | { kind: 'evaluation'; metrics: Record<string, unknown>; problems: SectionProblem[] }
  | { kind: 'matrix'; result: DecodeResult }
  | { kind: 'error'; message: string }

/**
 * An evaluation file: a bare EvalMetrics, a GetEvaluation response body (`{status, eval_metrics}`),
 * or a MatrixUint64 (`{n_cols, data}`, as this viewer exports counts). Errors name the problem.
 */
export function parseEvaluationFile(text: string): ParsedFile {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { kind: 'error', message: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (!isObj(data)) return { kind: 'error', message: `The file holds ${kind(data)}, not an evaluation object.` }
  let metrics: unknown = data
  if ('eval_metrics' in data) {
    metrics = data.eval_metrics
    if (Array.isArray(metrics)) {
      if (metrics.length !== 1) return { kind: 'error', message: `The file is a list of ${metrics.length} evaluations (a ListEvaluations answer); open a single evaluation.` }
      metrics = metrics[0]
    }
    if (!isObj(metrics)) return { kind: 'error', message: `eval_metrics is ${kind(metrics)}, not an evaluation object.` }
  } else if (('n_cols' in data || 'data' in data) && !EVAL_KEYS.some((k) => k in data)) {
    return { kind: 'matrix', result: tryDecodeMatrixUint64(data) }
  }
  const m = metrics as Record<string, unknown>
  if (!EVAL_KEYS.some((k) => k in m) && !('status' in m) && !('id' in m)) {
    return { kind: 'error', message: `The file has no evaluation fields: expected eval_metrics or one of ${EVAL_KEYS.join(', ')}.` }
  }
  return { kind: 'evaluation', metrics: m, problems: checkEvalMetrics(m) }
}
