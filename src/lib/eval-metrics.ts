// Evaluation metrics recomputed at a chosen threshold. The API's own confusion matrix holds
// average probabilities, not counts: counts at a threshold come from the test set (prepared here
// into flat typed arrays, counted sparsely in eval-counts.ts), never as a concepts x concepts array.
//
// Reading of the wire (every field may be absent or null):
// - a concept is keyed by `id`, falling back to `name`; concepts with neither are skipped;
// - Concept.value is always sent by the API (cl_show_if_empty) and defaults to 1.0 in the proto
//   (cl_default_float), so an absent value reads as 1: a ground-truth concept is a positive label
//   unless its value is <= 0 (an explicit negative), a predicted concept without a score is sure;
// - a concept listed twice in one input counts once (the highest score for predictions);
// - "predicted" means score >= threshold.

import { annotationShapes, imageSize, type RegionShape } from './regions.ts'
import { lazy } from './lazy.ts'

// ---------------------------------------------------------------------------------------------
// Wire shapes (minimal, structural; the generated contract lives in src/api and is not imported)

export interface EvalConceptWire {
  id?: string
  name?: string
  value?: number
}

export interface EvalInputWire {
  id?: string
  data?: { image?: { url?: string } | null } | null
}

export interface EvalTestSetEntryWire {
  input?: EvalInputWire | null
  predicted_concepts?: readonly EvalConceptWire[] | null
  ground_truth_concepts?: readonly EvalConceptWire[] | null
  annotation?: unknown
}

export interface ConfusionMatrixEntryWire {
  predicted?: string
  actual?: string
  value?: number
  predicted_concept?: EvalConceptWire | null
  actual_concept?: EvalConceptWire | null
}

export interface ConfusionMatrixWire {
  matrix?: readonly ConfusionMatrixEntryWire[] | null
  concept_ids?: readonly string[] | null
}

export interface CooccurrenceMatrixWire {
  matrix?: readonly { row?: string; col?: string; count?: number }[] | null
  concept_ids?: readonly string[] | null
}

export interface RocCurveWire {
  fpr?: readonly number[] | null
  tpr?: readonly number[] | null
  thresholds?: readonly number[] | null
}

export interface PrecisionRecallCurveWire {
  recall?: readonly number[] | null
  precision?: readonly number[] | null
  thresholds?: readonly number[] | null
}

export interface BinaryMetricsWire {
  num_pos?: number
  num_neg?: number
  num_tot?: number
  roc_auc?: number
  f1?: number
  concept?: EvalConceptWire | null
  roc_curve?: RocCurveWire | null
  precision_recall_curve?: PrecisionRecallCurveWire | null
  avg_precision?: number
}

export interface LabelCountWire {
  concept_name?: string
  count?: number
  concept?: EvalConceptWire | null
}

export interface EvalMetricsWire {
  test_set?: readonly EvalTestSetEntryWire[] | null
  confusion_matrix?: ConfusionMatrixWire | null
  cooccurrence_matrix?: CooccurrenceMatrixWire | null
  binary_metrics?: readonly BinaryMetricsWire[] | null
  label_counts?: { positive_label_counts?: readonly LabelCountWire[] | null } | null
}

// ---------------------------------------------------------------------------------------------
// Pseudo concepts

/** Column: the actual concept got no prediction at the threshold. Row: a prediction without ground truth. */
export const NONE_ID = '(none)'
/** Row/column aggregating the concepts folded away by top-N. */
export const OTHER_ID = '(other)'

/**
 * Most concepts the viewer takes. Memory grows with the data, not with concepts squared, but the
 * per-concept arrays, labels and tables still grow with the count: past this a panel says so.
 */
export const MAX_CONCEPTS = 50_000

/** An evaluation naming more concepts than MAX_CONCEPTS. */
export class ConceptLimitError extends RangeError {
  readonly conceptCount: number
  constructor(conceptCount: number) {
    super(`This evaluation names ${conceptCount.toLocaleString('en')} concepts; the viewer handles at most ${MAX_CONCEPTS.toLocaleString('en')}.`)
    this.name = 'ConceptLimitError'
    this.conceptCount = conceptCount
  }
}

// ---------------------------------------------------------------------------------------------
// Preparation: one pass over the evaluation into flat typed arrays, so every threshold change
// afterwards is a pass over the predictions, never over concepts x inputs.

export interface PreparedEvaluation {
  /** Every concept seen: the API's confusion_matrix.concept_ids first, then first appearance. */
  readonly conceptIds: readonly string[]
  readonly conceptIndex: ReadonlyMap<string, number>
  /** Display name per concept (the id when no name was sent). */
  readonly conceptNames: readonly string[]
  /** confusion_matrix.concept_ids as sent (ordered by diagonal strength), possibly empty. */
  readonly apiOrder: readonly string[]
  /**
   * Ground-truth frequency per concept: test set counts when there is a test set, else
   * binary_metrics num_pos, else label_counts.
   */
  readonly frequency: Float64Array
  readonly inputCount: number
  readonly inputIds: readonly string[]
  readonly imageUrls: readonly (string | undefined)[]
  /** Ground truth of input i: gtConcepts[gtOffsets[i] .. gtOffsets[i+1]). */
  readonly gtOffsets: Uint32Array
  readonly gtConcepts: Uint32Array
  /** Predictions of input i: pred*[predOffsets[i] .. predOffsets[i+1]). */
  readonly predOffsets: Uint32Array
  readonly predConcepts: Uint32Array
  readonly predScores: Float64Array
  /** 1 when the predicted concept is also in that input's ground truth. */
  readonly predIsGt: Uint8Array
  /** Per concept: number of test inputs whose ground truth has it. */
  readonly support: Uint32Array
  /**
   * Regions of input i (detection): ground truth and predicted boxes from the test set entry's
   * annotations, read when an input is shown rather than kept per input.
   */
  readonly regionsAt?: (i: number) => { truth: RegionShape[]; predicted: RegionShape[]; size: { width: number; height: number } | undefined }
  /** The API's confusion matrix (average probabilities) as cells of concept indices, when the loader made them. */
  readonly confusionCells?: ConceptCellList
  /** The API's co-occurrence counts as cells of concept indices, null when none were sent, when the loader made them. */
  readonly cooccurrenceCells?: ConceptCellList | null
}

/** Cells of an API matrix by concept index: a (row), p (column), v (value); `ignored` names unknown concepts. */
export interface ConceptCellList {
  a: Uint32Array
  p: Uint32Array
  v: Float64Array
  ignored: number
}

function list<T>(x: readonly T[] | null | undefined): readonly T[] {
  return Array.isArray(x) ? x : []
}

function conceptKey(c: EvalConceptWire | null | undefined): string | undefined {
  if (c === null || typeof c !== 'object') return undefined
  if (typeof c.id === 'string' && c.id !== '') return c.id
  if (typeof c.name === 'string' && c.name !== '') return c.name
  return undefined
}

function conceptValue(c: EvalConceptWire): number {
  const v = c.value
  return typeof v === 'number' && !Number.isNaN(v) ? v : 1
}

class ConceptRegistry {
  readonly ids: string[] = []
  readonly names: (string | undefined)[] = []
  readonly index = new Map<string, number>()

  add(id: string, name?: string): number {
    let k = this.index.get(id)
    if (k === undefined) {
      k = this.ids.length
      this.index.set(id, k)
      this.ids.push(id)
      this.names.push(undefined)
    }
    if (this.names[k] === undefined && typeof name === 'string' && name !== '') this.names[k] = name
    return k
  }

  addConcept(c: EvalConceptWire | null | undefined): number {
    const id = conceptKey(c)
    return id === undefined ? -1 : this.add(id, c?.name)
  }
}

export function prepareEvaluation(metrics: EvalMetricsWire | null | undefined): PreparedEvaluation {
  const m: EvalMetricsWire = metrics ?? {}
  const reg = new ConceptRegistry()

  const apiOrder: string[] = []
  const sentIds = list(m.confusion_matrix?.concept_ids)
  if (sentIds.length > MAX_CONCEPTS && new Set(sentIds).size > MAX_CONCEPTS) throw new ConceptLimitError(new Set(sentIds).size)
  for (const id of sentIds) {
    if (typeof id === 'string' && id !== '') {
      reg.add(id)
      apiOrder.push(id)
    }
  }
  for (const e of list(m.confusion_matrix?.matrix)) {
    if (e === null || typeof e !== 'object') continue
    reg.addConcept(e.actual_concept)
    reg.addConcept(e.predicted_concept)
    if (typeof e.actual === 'string' && e.actual !== '') reg.add(e.actual)
    if (typeof e.predicted === 'string' && e.predicted !== '') reg.add(e.predicted)
  }
  for (const b of list(m.binary_metrics)) if (b !== null && typeof b === 'object') reg.addConcept(b.concept)
  for (const id of list(m.cooccurrence_matrix?.concept_ids)) if (typeof id === 'string' && id !== '') reg.add(id)

  // First pass over the test set: register concepts and size the flat arrays.
  const testSet = list(m.test_set)
  const n = testSet.length
  let gtBound = 0
  let predBound = 0
  for (const entry of testSet) {
    if (entry === null || typeof entry !== 'object') continue
    const gts = list(entry.ground_truth_concepts)
    const preds = list(entry.predicted_concepts)
    for (const c of gts) reg.addConcept(c)
    for (const c of preds) reg.addConcept(c)
    gtBound += gts.length
    predBound += preds.length
  }
  for (const lc of list(m.label_counts?.positive_label_counts)) {
    if (lc !== null && typeof lc === 'object' && lc.concept) reg.addConcept(lc.concept)
  }

  const conceptCount = reg.ids.length
  if (conceptCount > MAX_CONCEPTS) throw new ConceptLimitError(conceptCount)
  const inputIds: string[] = new Array<string>(n)
  const imageUrls: (string | undefined)[] = new Array<string | undefined>(n)
  const gtOffsets = new Uint32Array(n + 1)
  const predOffsets = new Uint32Array(n + 1)
  const gtConcepts = new Uint32Array(gtBound)
  const predConcepts = new Uint32Array(predBound)
  const predScores = new Float64Array(predBound)
  const predIsGt = new Uint8Array(predBound)
  const support = new Uint32Array(conceptCount)
  // Stamps (input index + 1) dedupe concepts within an input in O(1) without clearing per input.
  const gtStamp = new Int32Array(conceptCount)
  const predStamp = new Int32Array(conceptCount)
  const predSlot = new Uint32Array(conceptCount)

  let g = 0
  let p = 0
  for (let i = 0; i < n; i++) {
    const entry = testSet[i]
    const stamp = i + 1
    gtOffsets[i] = g
    predOffsets[i] = p
    if (entry === null || typeof entry !== 'object') {
      inputIds[i] = ''
      imageUrls[i] = undefined
      continue
    }
    const input = entry.input
    inputIds[i] = input && typeof input.id === 'string' ? input.id : ''
    const url = input?.data?.image?.url
    imageUrls[i] = typeof url === 'string' && url !== '' ? url : undefined
    for (const c of list(entry.ground_truth_concepts)) {
      const id = conceptKey(c)
      if (id === undefined || conceptValue(c) <= 0) continue
      const k = reg.index.get(id)!
      if (gtStamp[k] === stamp) continue
      gtStamp[k] = stamp
      gtConcepts[g++] = k
      support[k] = support[k]! + 1
    }
    for (const c of list(entry.predicted_concepts)) {
      const id = conceptKey(c)
      if (id === undefined) continue
      const k = reg.index.get(id)!
      const score = conceptValue(c)
      if (predStamp[k] === stamp) {
        const slot = predSlot[k]!
        if (score > predScores[slot]!) predScores[slot] = score
        continue
      }
      predStamp[k] = stamp
      predSlot[k] = p
      predConcepts[p] = k
      predScores[p] = score
      predIsGt[p] = gtStamp[k] === stamp ? 1 : 0
      p++
    }
  }
  gtOffsets[n] = g
  predOffsets[n] = p

  const frequency = new Float64Array(conceptCount)
  if (n > 0) {
    for (let k = 0; k < conceptCount; k++) frequency[k] = support[k]!
  } else if (list(m.binary_metrics).length > 0) {
    for (const b of list(m.binary_metrics)) {
      const k = b && typeof b === 'object' ? reg.index.get(conceptKey(b.concept) ?? '') : undefined
      if (k !== undefined && typeof b.num_pos === 'number') frequency[k] = b.num_pos
    }
  } else {
    // label_counts may carry only the (deprecated) concept_name: match it by name, then by id.
    const byName = new Map<string, number>()
    reg.names.forEach((name, k) => {
      if (name !== undefined && !byName.has(name)) byName.set(name, k)
    })
    for (const lc of list(m.label_counts?.positive_label_counts)) {
      if (lc === null || typeof lc !== 'object' || typeof lc.count !== 'number') continue
      const key = conceptKey(lc.concept)
      let k = key === undefined ? undefined : reg.index.get(key)
      if (k === undefined && typeof lc.concept_name === 'string') {
        k = byName.get(lc.concept_name) ?? reg.index.get(lc.concept_name)
      }
      if (k !== undefined) frequency[k] = lc.count
    }
  }

  return {
    conceptIds: reg.ids,
    conceptIndex: reg.index,
    conceptNames: reg.ids.map((id, k) => reg.names[k] ?? id),
    apiOrder,
    frequency,
    inputCount: n,
    inputIds,
    imageUrls,
    gtOffsets,
    gtConcepts: gtConcepts.subarray(0, g),
    predOffsets,
    predConcepts: predConcepts.subarray(0, p),
    predScores: predScores.subarray(0, p),
    predIsGt: predIsGt.subarray(0, p),
    support,
    regionsAt: (i) => {
      const entry = testSet[i] as { input?: unknown; ground_truth_annotation?: unknown; predicted_annotation?: unknown } | null | undefined
      return { truth: annotationShapes(entry?.ground_truth_annotation), predicted: annotationShapes(entry?.predicted_annotation), size: imageSize(entry?.input) }
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Concept orders

export type ConceptOrder = 'api' | 'name' | 'frequency'

/** Concept names in reading order: numbers by value, case and accents ignored. */
export const nameCollator = lazy(() => new Intl.Collator('en', { numeric: true, sensitivity: 'base' }))

/** Concept ids in the chosen order; ties fall back to name, then id, so orders are stable. */
export function orderConcepts(ev: PreparedEvaluation, order: ConceptOrder): string[] {
  const ids = ev.conceptIds
  const idx = ids.map((_, k) => k)
  const byName = (a: number, b: number): number =>
    nameCollator().compare(ev.conceptNames[a]!, ev.conceptNames[b]!) || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0)
  if (order === 'name') idx.sort(byName)
  else if (order === 'frequency') idx.sort((a, b) => ev.frequency[b]! - ev.frequency[a]! || byName(a, b))
  // 'api': the registry already starts with the API's concept_ids, then first appearance.
  return idx.map((k) => ids[k]!)
}

// ---------------------------------------------------------------------------------------------
// Inputs behind one cell

export interface CellInput {
  inputIndex: number
  inputId: string
  imageUrl: string | undefined
  /** Score of the predicted (column) concept; null for the (none) column. */
  predictedScore: number | null
  /** Score the model gave the actual (row) concept; null when it did not score it or for (none). */
  actualScore: number | null
  /** Highest score of any concept for the input (below the threshold for the (none) column). */
  topScore: number | null
}

/**
 * The test inputs counted in cell (actualId, predictedId) of confusionCountsAtThreshold at the
 * same threshold; NONE_ID selects the (none) row or column. Highest predicted score first.
 */
export function cellInputsAtThreshold(
  ev: PreparedEvaluation,
  actualId: string,
  predictedId: string,
  threshold: number,
): CellInput[] {
  const actualNone = actualId === NONE_ID
  const predictedNone = predictedId === NONE_ID
  const a = actualNone ? -1 : (ev.conceptIndex.get(actualId) ?? -2)
  const p = predictedNone ? -1 : (ev.conceptIndex.get(predictedId) ?? -2)
  if (a === -2 || p === -2) return []
  const { gtOffsets, gtConcepts, predOffsets, predConcepts, predScores } = ev
  const out: CellInput[] = []
  for (let i = 0; i < ev.inputCount; i++) {
    const g0 = gtOffsets[i]!
    const g1 = gtOffsets[i + 1]!
    if (actualNone) {
      if (g1 !== g0) continue
    } else {
      let has = false
      for (let q = g0; q < g1; q++) if (gtConcepts[q] === a) has = true
      if (!has) continue
    }
    let pScore: number | null = null
    let aScore: number | null = null
    let top: number | null = null
    let anyPredicted = false
    for (let q = predOffsets[i]!; q < predOffsets[i + 1]!; q++) {
      const s = predScores[q]!
      const c = predConcepts[q]!
      if (s >= threshold) anyPredicted = true
      if (top === null || s > top) top = s
      if (c === p) pScore = s
      if (c === a) aScore = s
    }
    if (predictedNone ? anyPredicted : pScore === null || pScore < threshold) continue
    out.push({
      inputIndex: i,
      inputId: ev.inputIds[i]!,
      imageUrl: ev.imageUrls[i],
      predictedScore: predictedNone ? null : pScore,
      actualScore: actualNone ? null : aScore,
      topScore: top,
    })
  }
  out.sort((x, y) => (y.predictedScore ?? y.topScore ?? -1) - (x.predictedScore ?? x.topScore ?? -1) || x.inputIndex - y.inputIndex)
  return out
}

// ---------------------------------------------------------------------------------------------
// Per-concept statistics (multi-label, one-vs-rest)

export interface ConceptStats {
  id: string
  name: string
  /** Inputs whose ground truth has the concept (tp + fn). */
  support: number
  tp: number
  fp: number
  fn: number
  tn: number
  /** 0 when nothing is predicted (tp + fp = 0), the zero-division convention of sklearn. */
  precision: number
  /** 0 when support is 0. */
  recall: number
  f1: number
}

export interface ThresholdStats {
  threshold: number
  concepts: ConceptStats[]
  /**
   * Unweighted means over concepts with support > 0: a concept nobody labelled has no recall
   * to speak of, and counting it would make the averages move with concepts outside the test.
   */
  macro: { precision: number; recall: number; f1: number; conceptCount: number }
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b
}

function f1Of(tp: number, fp: number, fn: number): number {
  return ratio(2 * tp, 2 * tp + fp + fn)
}

/** TP/FP/FN/TN per concept: one pass over the predictions, O(predictions + concepts). */
export function conceptStatsAtThreshold(ev: PreparedEvaluation, threshold: number): ThresholdStats {
  const count = ev.conceptIds.length
  const tp = new Uint32Array(count)
  const fp = new Uint32Array(count)
  const { predConcepts, predScores, predIsGt } = ev
  for (let q = 0; q < predScores.length; q++) {
    if (predScores[q]! >= threshold) {
      const c = predConcepts[q]!
      if (predIsGt[q] === 1) tp[c]!++
      else fp[c]!++
    }
  }
  const concepts: ConceptStats[] = new Array<ConceptStats>(count)
  let sp = 0
  let sr = 0
  let sf = 0
  let averaged = 0
  for (let c = 0; c < count; c++) {
    const support = ev.support[c]!
    const t = tp[c]!
    const f = fp[c]!
    const fn = support - t
    const precision = ratio(t, t + f)
    const recall = ratio(t, support)
    const f1 = f1Of(t, f, fn)
    concepts[c] = {
      id: ev.conceptIds[c]!,
      name: ev.conceptNames[c]!,
      support,
      tp: t,
      fp: f,
      fn,
      tn: ev.inputCount - t - f - fn,
      precision,
      recall,
      f1,
    }
    if (support > 0) {
      sp += precision
      sr += recall
      sf += f1
      averaged++
    }
  }
  return {
    threshold,
    concepts,
    macro: { precision: ratio(sp, averaged), recall: ratio(sr, averaged), f1: ratio(sf, averaged), conceptCount: averaged },
  }
}

export interface BestF1 {
  id: string
  /** The highest threshold reaching the best F1; null when no threshold gives F1 > 0. */
  threshold: number | null
  f1: number
  precision: number
  recall: number
}

const bestByEvaluation = new WeakMap<PreparedEvaluation, readonly BestF1[]>()

/**
 * Best-F1 threshold per concept, computed once per evaluation (or handed over by the loader,
 * which computes it where the page does not wait). Scores are grouped by concept once and sorted
 * per concept (positives and negatives apart, merged while scanning), O(P log P) over all
 * predictions.
 */
export function bestF1Thresholds(ev: PreparedEvaluation): readonly BestF1[] {
  let best = bestByEvaluation.get(ev)
  if (!best) {
    const packed = packedBestByEvaluation.get(ev)
    best = packed ? unpackBestF1(ev, packed) : computeBestF1(ev)
    bestByEvaluation.set(ev, best)
  }
  return best
}

/** Best-F1 thresholds as columns (NaN for no threshold), to cross from a worker. */
export interface PackedBestF1 {
  threshold: Float64Array
  f1: Float64Array
  precision: Float64Array
  recall: Float64Array
}

export function packBestF1(best: readonly BestF1[]): PackedBestF1 {
  const n = best.length
  const out = { threshold: new Float64Array(n), f1: new Float64Array(n), precision: new Float64Array(n), recall: new Float64Array(n) }
  best.forEach((b, k) => {
    out.threshold[k] = b.threshold ?? NaN
    out.f1[k] = b.f1
    out.precision[k] = b.precision
    out.recall[k] = b.recall
  })
  return out
}

const packedBestByEvaluation = new WeakMap<PreparedEvaluation, PackedBestF1>()

/**
 * Hands an evaluation its best-F1 thresholds, computed where it was prepared: kept packed, and
 * made into one object per concept when first read (not while the evaluation arrives).
 */
export function seedBestF1(ev: PreparedEvaluation, packed: PackedBestF1): void {
  bestByEvaluation.delete(ev)
  packedBestByEvaluation.set(ev, packed)
}

function unpackBestF1(ev: PreparedEvaluation, packed: PackedBestF1): BestF1[] {
  const best: BestF1[] = new Array<BestF1>(packed.f1.length)
  for (let k = 0; k < best.length; k++) {
    const t = packed.threshold[k]!
    best[k] = { id: ev.conceptIds[k]!, threshold: Number.isNaN(t) ? null : t, f1: packed.f1[k]!, precision: packed.precision[k]!, recall: packed.recall[k]! }
  }
  return best
}

function computeBestF1(ev: PreparedEvaluation): BestF1[] {
  const count = ev.conceptIds.length
  const { predConcepts, predScores, predIsGt } = ev
  const posStart = new Uint32Array(count + 1)
  const negStart = new Uint32Array(count + 1)
  for (let q = 0; q < predScores.length; q++) {
    const c = predConcepts[q]!
    if (predIsGt[q] === 1) posStart[c + 1]!++
    else negStart[c + 1]!++
  }
  for (let c = 0; c < count; c++) {
    posStart[c + 1] = posStart[c + 1]! + posStart[c]!
    negStart[c + 1] = negStart[c + 1]! + negStart[c]!
  }
  const pos = new Float64Array(posStart[count]!)
  const neg = new Float64Array(negStart[count]!)
  const posFill = posStart.slice(0, count)
  const negFill = negStart.slice(0, count)
  for (let q = 0; q < predScores.length; q++) {
    const c = predConcepts[q]!
    if (predIsGt[q] === 1) pos[posFill[c]!++] = predScores[q]!
    else neg[negFill[c]!++] = predScores[q]!
  }
  const out: BestF1[] = new Array<BestF1>(count)
  for (let c = 0; c < count; c++) {
    const ps = pos.subarray(posStart[c]!, posStart[c + 1]!).sort()
    const ns = neg.subarray(negStart[c]!, negStart[c + 1]!).sort()
    const support = ev.support[c]!
    let best: BestF1 = { id: ev.conceptIds[c]!, threshold: null, f1: 0, precision: 0, recall: 0 }
    // Walk distinct scores from the highest down; tp/fp are the scores at or above the current one.
    let i = ps.length - 1
    let j = ns.length - 1
    while (i >= 0 || j >= 0) {
      const s = Math.max(i >= 0 ? ps[i]! : -Infinity, j >= 0 ? ns[j]! : -Infinity)
      while (i >= 0 && ps[i] === s) i--
      while (j >= 0 && ns[j] === s) j--
      const tp = ps.length - 1 - i
      const fp = ns.length - 1 - j
      const f1 = f1Of(tp, fp, support - tp)
      if (f1 > best.f1) best = { id: best.id, threshold: s, f1, precision: ratio(tp, tp + fp), recall: ratio(tp, support) }
    }
    out[c] = best
  }
  return out
}

export interface ConceptStatsDelta {
  id: string
  name: string
  a: ConceptStats
  b: ConceptStats
  /** a minus b */
  precision: number
  recall: number
  f1: number
}

/** Per-concept deltas of two evaluations, on the concepts both have (matched by id), in a's order. */
export function conceptStatsDelta(a: readonly ConceptStats[], b: readonly ConceptStats[]): ConceptStatsDelta[] {
  const byId = new Map(b.map((s) => [s.id, s]))
  const out: ConceptStatsDelta[] = []
  for (const sa of a) {
    const sb = byId.get(sa.id)
    if (sb === undefined) continue
    out.push({ id: sa.id, name: sa.name, a: sa, b: sb, precision: sa.precision - sb.precision, recall: sa.recall - sb.recall, f1: sa.f1 - sb.f1 })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Curves

function finitePairs(xs: readonly number[] | null | undefined, ys: readonly number[] | null | undefined): [number, number][] {
  const x = list(xs)
  const y = list(ys)
  const n = Math.min(x.length, y.length)
  const out: [number, number][] = []
  for (let k = 0; k < n; k++) {
    const a = x[k]
    const b = y[k]
    if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) out.push([a, b])
  }
  return out
}

/**
 * ROC AUC by the trapezoid rule. Points are sorted by (fpr, tpr), which is the curve's order
 * whatever order the thresholds came in, and anchored at (0,0) and (1,1): every ROC curve
 * passes through both (threshold above every score, and at or below every score).
 * null when the curve has no finite point.
 */
export function rocAuc(roc: RocCurveWire | null | undefined): number | null {
  const pts = finitePairs(roc?.fpr, roc?.tpr)
  if (pts.length === 0) return null
  pts.sort((p, q) => p[0] - q[0] || p[1] - q[1])
  pts.unshift([0, 0])
  pts.push([1, 1])
  let area = 0
  for (let k = 1; k < pts.length; k++) {
    const [x0, y0] = pts[k - 1]!
    const [x1, y1] = pts[k]!
    area += ((x1 - x0) * (y0 + y1)) / 2
  }
  return area
}

/**
 * Average precision, step-wise and not interpolated (as sklearn): the sum over recall levels of
 * (recall step) x precision. Where several points share a recall, the highest precision counts:
 * that is the point at the highest threshold reaching that recall, whatever the point order.
 * null when the curve has no finite point.
 */
export function averagePrecision(pr: PrecisionRecallCurveWire | null | undefined): number | null {
  const pts = finitePairs(pr?.recall, pr?.precision)
  if (pts.length === 0) return null
  pts.sort((p, q) => p[0] - q[0] || q[1] - p[1])
  let ap = 0
  let prevRecall = 0
  for (const [r, p] of pts) {
    if (r <= prevRecall) continue
    ap += (r - prevRecall) * p
    prevRecall = r
  }
  return ap
}

export interface CurvePoint {
  index: number
  x: number
  y: number
  threshold: number
}

/** Index of the finite threshold nearest t (the first on ties), -1 when there is none. */
export function nearestThresholdIndex(thresholds: readonly number[] | null | undefined, t: number): number {
  const th = list(thresholds)
  let best = -1
  let bestDist = Infinity
  for (let k = 0; k < th.length; k++) {
    const v = th[k]
    if (typeof v !== 'number' || !Number.isFinite(v)) continue
    const d = Math.abs(v - t)
    if (d < bestDist) {
      bestDist = d
      best = k
    }
  }
  return best
}

function pointAt(
  xs: readonly number[] | null | undefined,
  ys: readonly number[] | null | undefined,
  thresholds: readonly number[] | null | undefined,
  t: number,
): CurvePoint | null {
  const x = list(xs)
  const y = list(ys)
  const th = list(thresholds)
  const n = Math.min(x.length, y.length, th.length)
  let best: CurvePoint | null = null
  let bestDist = Infinity
  for (let k = 0; k < n; k++) {
    const px = x[k]
    const py = y[k]
    const pt = th[k]
    if (typeof px !== 'number' || typeof py !== 'number' || typeof pt !== 'number') continue
    if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(pt)) continue
    const d = Math.abs(pt - t)
    if (d < bestDist) {
      bestDist = d
      best = { index: k, x: px, y: py, threshold: pt }
    }
  }
  return best
}

/** The ROC point (x = fpr, y = tpr) whose threshold is nearest t, for a marker. */
export function rocPointAtThreshold(roc: RocCurveWire | null | undefined, t: number): CurvePoint | null {
  return pointAt(roc?.fpr, roc?.tpr, roc?.thresholds, t)
}

/** The precision-recall point (x = recall, y = precision) whose threshold is nearest t. */
export function prPointAtThreshold(pr: PrecisionRecallCurveWire | null | undefined, t: number): CurvePoint | null {
  return pointAt(pr?.recall, pr?.precision, pr?.thresholds, t)
}
