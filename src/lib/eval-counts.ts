// Sparse counts of an evaluation at a threshold, kept up to date incrementally as the threshold
// moves: every (input, actual concept, predicted concept) contribution is sorted by score once,
// so a threshold step touches only the contributions it crosses, not every input or cell. The
// matrices leave here as SparseMatrix (non-zero cells only): nothing is concepts x concepts.

import {
  NONE_ID,
  OTHER_ID,
  type ConceptStats,
  type ConfusionMatrixWire,
  type CooccurrenceMatrixWire,
  type EvalConceptWire,
  type PreparedEvaluation,
  type ThresholdStats,
} from './eval-metrics.ts'
import { SparseBuilder, type SparseMatrix } from './sparse-matrix.ts'

// ---------------------------------------------------------------------------------------------
// Layout: which concept sits on which row/column of the matrix

export interface MatrixLayout {
  /** Row ids, in display order; OTHER_ID last when top-N folds concepts away. */
  readonly ids: readonly string[]
  /** Display position of each concept of the evaluation (its index in ev.conceptIds); -1 when not shown. */
  readonly pos: Int32Array
  /** Position of "(other)", -1 without folding. */
  readonly other: number
}

/** Rows for the concepts in `order`; with `top`, the first `top` stay and the rest fold into "(other)". */
export function matrixLayout(ev: PreparedEvaluation, order: readonly string[], top?: number): MatrixLayout {
  const pos = new Int32Array(ev.conceptIds.length).fill(-1)
  const ids: string[] = []
  const limit = top !== undefined && top >= 0 && top < order.length ? Math.floor(top) : Infinity
  let folded = false
  const foldedConcepts: number[] = []
  for (const id of order) {
    const k = ev.conceptIndex.get(id)
    if (k === undefined || pos[k] !== -1) continue
    if (ids.length < limit) {
      pos[k] = ids.length
      ids.push(id)
    } else {
      folded = true
      pos[k] = -2
      foldedConcepts.push(k)
    }
  }
  const other = folded ? ids.length : -1
  if (folded) {
    ids.push(OTHER_ID)
    for (const k of foldedConcepts) pos[k] = other
  }
  return { ids, pos, other }
}

// ---------------------------------------------------------------------------------------------
// The count engine

export interface CountEngine {
  readonly ev: PreparedEvaluation
  /** Distinct (actual, predicted) pairs ever counted, row-major (actual, then predicted); predicted -1 is the (none) column, last in its row. */
  readonly cellActual: Uint32Array
  readonly cellPredicted: Int32Array
  /** Contributions, score descending: (input has actual a, scored p at `score`) adds one to cell. */
  readonly contribScore: Float64Array
  readonly contribCell: Uint32Array
  /** (none) contributions, best score of the input ascending: counted while below the threshold. */
  readonly noneScore: Float64Array
  readonly noneCell: Uint32Array
  /** Predictions by score descending, for TP/FP per concept. */
  readonly predScore: Float64Array
  readonly predConcept: Uint32Array
  readonly predIsGt: Uint8Array
  /** State at `threshold`. */
  threshold: number
  /** Contributions counted (a prefix of the sorted arrays). */
  kContrib: number
  kNone: number
  kPred: number
  readonly counts: Uint32Array
  readonly tp: Uint32Array
  readonly fp: Uint32Array
  /** Bumped on every change of counts, so views can tell a stale matrix. */
  version: number
  /** Concepts whose TP or FP moved since the last `engineStats`. */
  readonly dirty: Uint8Array
  /** The per-concept figures `engineStats` gave last: unchanged concepts keep their objects. */
  lastConcepts: ConceptStats[] | null
  /**
   * Precision, recall and F1 of each concept (3 per concept) as in `lastConcepts`, so the macro
   * averages are summed over a typed array; made by the first `engineStats`.
   */
  macroParts?: Float64Array
}

function sortedBy(scores: Float64Array, descending: boolean): Uint32Array {
  const idx = new Uint32Array(scores.length)
  for (let i = 0; i < idx.length; i++) idx[i] = i
  return descending ? idx.sort((a, b) => scores[b]! - scores[a]! || a - b) : idx.sort((a, b) => scores[a]! - scores[b]! || a - b)
}

/** One pass over the test set: O(contributions log contributions), memory O(contributions). */
export function createCountEngine(ev: PreparedEvaluation): CountEngine {
  const n = ev.conceptIds.length
  const { gtOffsets, gtConcepts, predOffsets, predConcepts, predScores } = ev
  // Size the contributions.
  let nContrib = 0
  let nNone = 0
  for (let i = 0; i < ev.inputCount; i++) {
    const g = gtOffsets[i + 1]! - gtOffsets[i]!
    nContrib += g * (predOffsets[i + 1]! - predOffsets[i]!)
    nNone += g
  }
  const cellKey = new Map<number, number>()
  const actual: number[] = []
  const predicted: number[] = []
  const cellOf = (a: number, p: number): number => {
    const key = a * (n + 1) + (p < 0 ? n : p)
    let c = cellKey.get(key)
    if (c === undefined) {
      c = actual.length
      cellKey.set(key, c)
      actual.push(a)
      predicted.push(p)
    }
    return c
  }
  const cScore = new Float64Array(nContrib)
  const cCell = new Uint32Array(nContrib)
  const nScore = new Float64Array(nNone)
  const nCell = new Uint32Array(nNone)
  let q = 0
  let r = 0
  for (let i = 0; i < ev.inputCount; i++) {
    const g0 = gtOffsets[i]!
    const g1 = gtOffsets[i + 1]!
    if (g0 === g1) continue
    const p0 = predOffsets[i]!
    const p1 = predOffsets[i + 1]!
    let best = -Infinity
    for (let x = p0; x < p1; x++) if (predScores[x]! > best) best = predScores[x]!
    for (let y = g0; y < g1; y++) {
      const a = gtConcepts[y]!
      for (let x = p0; x < p1; x++) {
        cScore[q] = predScores[x]!
        cCell[q] = cellOf(a, predConcepts[x]!)
        q++
      }
      nScore[r] = best
      nCell[r] = cellOf(a, -1)
      r++
    }
  }
  // Cells numbered row-major (actual, then predicted with (none) last): the count matrices come
  // out in that order, so drawing them walks the image forwards instead of jumping around it.
  const cellCount = actual.length
  const byPlace = new Uint32Array(cellCount)
  for (let c = 0; c < cellCount; c++) byPlace[c] = c
  const placeKey = (c: number) => actual[c]! * (n + 1) + (predicted[c]! < 0 ? n : predicted[c]!)
  byPlace.sort((x, y) => placeKey(x) - placeKey(y))
  const renumber = new Uint32Array(cellCount)
  for (let k = 0; k < cellCount; k++) renumber[byPlace[k]!] = k
  const cellActual = new Uint32Array(cellCount)
  const cellPredicted = new Int32Array(cellCount)
  for (let k = 0; k < cellCount; k++) {
    cellActual[k] = actual[byPlace[k]!]!
    cellPredicted[k] = predicted[byPlace[k]!]!
  }
  const cOrder = sortedBy(cScore, true)
  const nOrder = sortedBy(nScore, false)
  const pOrder = sortedBy(predScores, true)
  const contribScore = new Float64Array(nContrib)
  const contribCell = new Uint32Array(nContrib)
  for (let k = 0; k < nContrib; k++) {
    contribScore[k] = cScore[cOrder[k]!]!
    contribCell[k] = renumber[cCell[cOrder[k]!]!]!
  }
  const noneScore = new Float64Array(nNone)
  const noneCell = new Uint32Array(nNone)
  for (let k = 0; k < nNone; k++) {
    noneScore[k] = nScore[nOrder[k]!]!
    noneCell[k] = renumber[nCell[nOrder[k]!]!]!
  }
  const predScore = new Float64Array(pOrder.length)
  const predConcept = new Uint32Array(pOrder.length)
  const predIsGt = new Uint8Array(pOrder.length)
  for (let k = 0; k < pOrder.length; k++) {
    predScore[k] = predScores[pOrder[k]!]!
    predConcept[k] = predConcepts[pOrder[k]!]!
    predIsGt[k] = ev.predIsGt[pOrder[k]!]!
  }
  return {
    ev,
    cellActual,
    cellPredicted,
    contribScore,
    contribCell,
    noneScore,
    noneCell,
    predScore,
    predConcept,
    predIsGt,
    threshold: Infinity,
    kContrib: 0,
    kNone: 0,
    kPred: 0,
    counts: new Uint32Array(actual.length),
    tp: new Uint32Array(n),
    fp: new Uint32Array(n),
    version: 0,
    dirty: new Uint8Array(n),
    lastConcepts: null,
  }
}

/** Number of leading entries of a descending array that are >= t. */
function countAtLeast(desc: Float64Array, t: number): number {
  let lo = 0
  let hi = desc.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (desc[mid]! >= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Number of leading entries of an ascending array that are < t. */
function countBelow(asc: Float64Array, t: number): number {
  let lo = 0
  let hi = asc.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (asc[mid]! < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Moves the engine to threshold t, touching only the contributions between the old and new t. */
export function setEngineThreshold(e: CountEngine, t: number): void {
  if (t === e.threshold) return
  const kc = countAtLeast(e.contribScore, t)
  const counts = e.counts
  for (let k = e.kContrib; k < kc; k++) counts[e.contribCell[k]!]!++
  for (let k = kc; k < e.kContrib; k++) counts[e.contribCell[k]!]!--
  const kn = countBelow(e.noneScore, t)
  for (let k = e.kNone; k < kn; k++) counts[e.noneCell[k]!]!++
  for (let k = kn; k < e.kNone; k++) counts[e.noneCell[k]!]!--
  const kp = countAtLeast(e.predScore, t)
  const dirty = e.dirty
  for (let k = e.kPred; k < kp; k++) {
    const c = e.predConcept[k]!
    if (e.predIsGt[k] === 1) e.tp[c]!++
    else e.fp[c]!++
    dirty[c] = 1
  }
  for (let k = kp; k < e.kPred; k++) {
    const c = e.predConcept[k]!
    if (e.predIsGt[k] === 1) e.tp[c]!--
    else e.fp[c]!--
    dirty[c] = 1
  }
  e.kContrib = kc
  e.kNone = kn
  e.kPred = kp
  e.threshold = t
  e.version++
}

const layoutIds = new WeakMap<MatrixLayout, { rowIds: string[]; colIds: string[] }>()

/** The row and column ids of count matrices on a layout: the same arrays at every threshold. */
function countIds(layout: MatrixLayout): { rowIds: string[]; colIds: string[] } {
  let ids = layoutIds.get(layout)
  if (!ids) layoutIds.set(layout, (ids = { rowIds: layout.ids.slice(), colIds: [...layout.ids, NONE_ID] }))
  return ids
}

/**
 * Counts at the engine's threshold on a layout: rows are the layout's ids, columns the same plus
 * a last (none) column. Cells folded into "(other)" add up. The id arrays are shared by every
 * count matrix of the layout (read only), so views can tell the rows did not change.
 */
export function countMatrix(e: CountEngine, layout: MatrixLayout): SparseMatrix & { colIds: string[]; rowIds: string[] } {
  const size = layout.ids.length
  const cols = size + 1
  const { counts, cellActual, cellPredicted } = e
  // Sized once: at most one stored cell per non-zero count.
  let nonZero = 0
  for (let c = 0; c < counts.length; c++) if (counts[c] !== 0) nonZero++
  const out = new SparseBuilder(nonZero)
  const folded = new Map<number, number>()
  const pos = layout.pos
  for (let c = 0; c < counts.length; c++) {
    const v = counts[c]!
    if (v === 0) continue
    const r = pos[cellActual[c]!]!
    if (r < 0) continue
    const p = cellPredicted[c]!
    const col = p < 0 ? size : pos[p]!
    if (col < 0) continue
    if (r === layout.other || col === layout.other) {
      const key = r * cols + col
      folded.set(key, (folded.get(key) ?? 0) + v)
    } else out.push(r, col, v)
  }
  for (const [key, v] of folded) out.push(Math.floor(key / cols), key % cols, v)
  const { rowIds, colIds } = countIds(layout)
  return { ...out.finish(size, cols), rowIds, colIds }
}

/**
 * TP/FP/FN/TN per concept at the engine's threshold: only the concepts a step moved get new
 * objects (the others are the objects of the previous call, in a copy of its list), and the macro
 * averages are a sum over a typed array.
 */
export function engineStats(e: CountEngine): ThresholdStats {
  const ev = e.ev
  const count = ev.conceptIds.length
  const last = e.lastConcepts
  const dirty = e.dirty
  let parts = e.macroParts
  const isFresh = last === null || last.length !== count || parts === undefined || parts.length !== 3 * count
  if (isFresh) parts = e.macroParts = new Float64Array(3 * count)
  // A copy of the last list (one block copy), with new objects for the concepts a step moved.
  const concepts: ConceptStats[] = isFresh ? new Array<ConceptStats>(count) : last.slice()
  for (let c = 0; c < count; c++) {
    if (!isFresh && dirty[c] !== 1) continue
    const support = ev.support[c]!
    const t = e.tp[c]!
    const f = e.fp[c]!
    const fn = support - t
    const precision = t + f === 0 ? 0 : t / (t + f)
    const recall = support === 0 ? 0 : t / support
    const f1 = 2 * t + f + fn === 0 ? 0 : (2 * t) / (2 * t + f + fn)
    concepts[c] = { id: ev.conceptIds[c]!, name: ev.conceptNames[c]!, support, tp: t, fp: f, fn, tn: ev.inputCount - t - f - fn, precision, recall, f1 }
    parts![3 * c] = precision
    parts![3 * c + 1] = recall
    parts![3 * c + 2] = f1
  }
  // The same sums in the same order as over the objects: the averages are exactly those of a fresh count.
  let sp = 0
  let sr = 0
  let sf = 0
  let averaged = 0
  for (let c = 0; c < count; c++) {
    if (!(ev.support[c]! > 0)) continue
    sp += parts![3 * c]!
    sr += parts![3 * c + 1]!
    sf += parts![3 * c + 2]!
    averaged++
  }
  dirty.fill(0)
  e.lastConcepts = concepts
  const avg = (s: number) => (averaged === 0 ? 0 : s / averaged)
  return { threshold: e.threshold, concepts, macro: { precision: avg(sp), recall: avg(sr), f1: avg(sf), conceptCount: averaged } }
}

// ---------------------------------------------------------------------------------------------
// The API's matrices, sparse

function keyOf(c: EvalConceptWire | null | undefined): string | undefined {
  if (c === null || typeof c !== 'object') return undefined
  if (typeof c.id === 'string' && c.id !== '') return c.id
  if (typeof c.name === 'string' && c.name !== '') return c.name
  return undefined
}

/** The API's cells as concept indices, parsed once. */
export interface ConceptCells {
  a: Uint32Array
  p: Uint32Array
  v: Float64Array
  /** Cells naming a concept the evaluation does not know. */
  ignored: number
}

/** The API's confusion matrix (average probabilities); a pair sent twice keeps the last value. */
export function confusionCells(ev: PreparedEvaluation, cm: ConfusionMatrixWire | null | undefined): ConceptCells {
  const list = Array.isArray(cm?.matrix) ? cm.matrix : []
  const seen = new Map<number, number>()
  const b = new SparseBuilder(list.length)
  let ignored = 0
  const n = ev.conceptIds.length
  for (const e of list) {
    if (e === null || typeof e !== 'object') continue
    const actual = typeof e.actual === 'string' && e.actual !== '' ? e.actual : keyOf(e.actual_concept)
    const predicted = typeof e.predicted === 'string' && e.predicted !== '' ? e.predicted : keyOf(e.predicted_concept)
    const a = actual === undefined ? undefined : ev.conceptIndex.get(actual)
    const p = predicted === undefined ? undefined : ev.conceptIndex.get(predicted)
    if (a === undefined || p === undefined) {
      ignored++
      continue
    }
    const v = typeof e.value === 'number' && Number.isFinite(e.value) ? e.value : 0
    const key = a * n + p
    const at = seen.get(key)
    if (at !== undefined) b.value[at] = v
    else {
      seen.set(key, b.nnz)
      b.push(a, p, v)
    }
  }
  return { a: b.row.subarray(0, b.nnz), p: b.col.subarray(0, b.nnz), v: b.value.subarray(0, b.nnz), ignored }
}

/** The API's co-occurrence counts. */
export function cooccurrenceCells(ev: PreparedEvaluation, cm: CooccurrenceMatrixWire | null | undefined): ConceptCells {
  const list = Array.isArray(cm?.matrix) ? cm.matrix : []
  const b = new SparseBuilder(list.length)
  let ignored = 0
  for (const e of list) {
    if (e === null || typeof e !== 'object') continue
    const a = typeof e.row === 'string' ? ev.conceptIndex.get(e.row) : undefined
    const p = typeof e.col === 'string' ? ev.conceptIndex.get(e.col) : undefined
    if (a === undefined || p === undefined) {
      ignored++
      continue
    }
    const v = typeof e.count === 'number' && Number.isFinite(e.count) ? e.count : 0
    if (v !== 0) b.push(a, p, v)
  }
  return { a: b.row.subarray(0, b.nnz), p: b.col.subarray(0, b.nnz), v: b.value.subarray(0, b.nnz), ignored }
}

/**
 * Concept cells on a layout. 'sum': folded cells add up. 'average' (probabilities): a folded row is
 * the mean of its rows weighted by `weights` (ground-truth frequency per concept; equal weights
 * when all are zero) while folded columns add up, keeping each row's probability mass.
 */
export function cellsOnLayout(cells: ConceptCells, layout: MatrixLayout, mode: 'sum' | 'average', weights?: ArrayLike<number>): SparseMatrix & { rowIds: string[]; colIds: string[]; outside: number } {
  const size = layout.ids.length
  const pos = layout.pos
  let otherWeight = 0
  let otherMembers = 0
  const useWeights = mode === 'average' && layout.other >= 0
  let anyWeight = false
  if (useWeights && weights) {
    for (let k = 0; k < pos.length; k++) {
      if (pos[k] === layout.other) {
        const w = weights[k]!
        if (w > 0) otherWeight += w
        otherMembers++
      }
    }
    anyWeight = otherWeight > 0
  } else if (useWeights) for (let k = 0; k < pos.length; k++) if (pos[k] === layout.other) otherMembers++
  const out = new SparseBuilder(cells.a.length)
  const folded = new Map<number, number>()
  let outside = 0
  for (let k = 0; k < cells.a.length; k++) {
    const r = pos[cells.a[k]!]!
    const c = pos[cells.p[k]!]!
    if (r < 0 || c < 0) {
      outside++
      continue
    }
    let v = cells.v[k]!
    if (r === layout.other || c === layout.other) {
      if (useWeights && r === layout.other) {
        const w = anyWeight && weights ? Math.max(0, weights[cells.a[k]!]!) / otherWeight : 1 / Math.max(1, otherMembers)
        v *= w
      }
      const key = r * size + c
      folded.set(key, (folded.get(key) ?? 0) + v)
    } else out.push(r, c, v)
  }
  for (const [key, v] of folded) if (v !== 0) out.push(Math.floor(key / size), key % size, v)
  return { ...out.finish(size, size), rowIds: layout.ids.slice(), colIds: layout.ids.slice(), outside }
}

// ---------------------------------------------------------------------------------------------
// Most confused pairs

export interface ConfusedPair {
  actual: string
  predicted: string
  count: number
  /** Share of the actual concept's row. */
  share: number
}

/**
 * Keeps the `limit` smallest items offered under `before` (a strict order): a bounded max-heap, so
 * O(n log limit) rather than sorting all n when only a few are shown.
 */
export class SmallestK<T> {
  private readonly heap: T[] = []
  constructor(
    private readonly limit: number,
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  offer(x: T): void {
    const { heap, before } = this
    if (!(this.limit > 0)) return
    if (heap.length < this.limit) {
      heap.push(x)
      let i = heap.length - 1
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!before(heap[parent]!, heap[i]!)) break
        ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
        i = parent
      }
      return
    }
    if (!before(x, heap[0]!)) return
    heap[0] = x
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && before(heap[m]!, heap[l]!)) m = l
      if (r < heap.length && before(heap[m]!, heap[r]!)) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }

  /** Whether `offer(x)` would keep x (so a costlier test of x can be skipped when it would not). */
  wouldKeep(x: T): boolean {
    return this.limit > 0 && (this.heap.length < this.limit || this.before(x, this.heap[0]!))
  }

  get size(): number {
    return this.heap.length
  }

  /** The largest item kept (the first to go), undefined when none is. */
  get top(): T | undefined {
    return this.heap[0]
  }

  /** The items kept, smallest first. */
  sorted(): T[] {
    return this.heap.slice().sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0))
  }
}

/** The `limit` smallest items under `before`, smallest first (all of them, sorted, for Infinity). */
export function smallestK<T>(items: Iterable<T>, limit: number, before: (a: T, b: T) => boolean): T[] {
  if (limit === Infinity) return [...items].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))
  const k = new SmallestK(limit, before)
  for (const x of items) k.offer(x)
  return k.sorted()
}

/** The largest off-diagonal cells between real concepts (no "(none)" or "(other)"), largest first. */
export function mostConfusedPairs(m: SparseMatrix & { rowIds: readonly string[]; colIds: readonly string[] }, limit: number): ConfusedPair[] {
  const { nnz, row, col, value, rowIds, colIds } = m
  const rowSums = new Float64Array(m.rows)
  for (let k = 0; k < nnz; k++) {
    const r = row[k]!
    rowSums[r] = rowSums[r]! + value[k]!
  }
  // Largest first, ties row-major.
  const before = (x: number, y: number) => value[x]! > value[y]! || (value[x] === value[y] && (row[x]! < row[y]! || (row[x] === row[y] && col[x]! < col[y]!)))
  const all: number[] = []
  const kept = new SmallestK(limit, before)
  const isPseudo = (id: string) => id === NONE_ID || id === OTHER_ID
  for (let k = 0; k < nnz; k++) {
    const v = value[k]!
    // A cell smaller than the smallest kept one cannot enter: skip the id checks.
    if (!(v > 0) || (kept.size === limit && v < value[kept.top!]!)) continue
    const a = rowIds[row[k]!]!
    const p = colIds[col[k]!]!
    if (a === p || isPseudo(a) || isPseudo(p)) continue
    if (limit === Infinity) all.push(k)
    else kept.offer(k)
  }
  const chosen = limit === Infinity ? all.sort((x, y) => (before(x, y) ? -1 : before(y, x) ? 1 : 0)) : kept.sorted()
  return chosen.map((k) => {
    const s = rowSums[row[k]!]!
    return { actual: rowIds[row[k]!]!, predicted: colIds[col[k]!]!, count: value[k]!, share: s > 0 ? value[k]! / s : 0 }
  })
}
