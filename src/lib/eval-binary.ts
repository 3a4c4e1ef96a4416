// The per-concept binary_metrics of an evaluation (counts, AUC, F1 and the ROC and
// precision-recall curves) as flat typed arrays: at 10,000 concepts they are tens of MB of JSON
// and millions of numbers, so they cross from the preparing worker as a few buffers instead of
// an object per concept and per curve. `BinaryCurves` reads them back as the wire shape, one
// concept at a time, when a panel asks for it; the figures every row of the per-concept table
// needs (API counts, AUC of the curve, average precision) are computed once, in the worker.

import { averagePrecision, rocAuc, type BinaryMetricsWire, type EvalConceptWire } from './eval-metrics.ts'

const SCALARS = ['num_pos', 'num_neg', 'num_tot', 'roc_auc', 'f1', 'avg_precision'] as const
type Scalar = (typeof SCALARS)[number]

const ROC_KEYS = ['fpr', 'tpr', 'thresholds'] as const
const PR_KEYS = ['recall', 'precision', 'thresholds'] as const

// Presence bits per concept: which curve objects and which of their lists were sent.
const ROC = 1
const PR = 16

export interface CurveTable {
  /** Points of concept k: [offsets[k], offsets[k+1]). */
  readonly offsets: Uint32Array
  /** The three lists of the curve (fpr, tpr, thresholds or recall, precision, thresholds). */
  readonly lists: readonly [Float64Array, Float64Array, Float64Array]
}

export interface BinaryTable {
  /** Concept key (id, else name) of each entry, the first entry per concept in the order sent. */
  readonly ids: readonly string[]
  /** Names sent with the concepts ('' when none). */
  readonly names: readonly string[]
  /** Scalars per entry; NaN when absent (JSON carries no NaN, so nothing is lost). */
  readonly scalars: Readonly<Record<Scalar, Float64Array>>
  /** Bit 0 roc_curve sent, bits 1-3 its lists; bit 4 precision_recall_curve sent, bits 5-7 its lists. */
  readonly present: Uint8Array
  readonly roc: CurveTable
  readonly pr: CurveTable
  /** Per entry, computed once: area under the ROC curve and average precision (sent or from the curve); NaN for none. */
  readonly curveAuc: Float64Array
  readonly ap: Float64Array
}

function conceptKey(c: EvalConceptWire | null | undefined): string | undefined {
  if (!c || typeof c !== 'object') return undefined
  if (typeof c.id === 'string' && c.id !== '') return c.id
  if (typeof c.name === 'string' && c.name !== '') return c.name
  return undefined
}

function numOrNaN(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : NaN
}

/** A list of numbers into out[at, end), NaN past its end or for what is not a finite number; false when it is no list. */
function fillList(xs: unknown, out: Float64Array, at: number, end: number): boolean {
  if (!Array.isArray(xs)) {
    out.fill(NaN, at, end)
    return false
  }
  const n = Math.min(xs.length, end - at)
  for (let q = 0; q < n; q++) {
    const v: unknown = xs[q]
    out[at + q] = typeof v === 'number' && v - v === 0 ? v : NaN
  }
  if (at + n < end) out.fill(NaN, at + n, end)
  return true
}

function curveLength(curve: Record<string, unknown> | null | undefined, keys: readonly string[]): number {
  if (!curve || typeof curve !== 'object') return 0
  let n = 0
  for (const k of keys) {
    const xs = curve[k]
    if (Array.isArray(xs)) n = Math.max(n, xs.length)
  }
  return n
}

/** binary_metrics (already checked: lists of numbers of equal length) packed; the first entry per concept counts. */
export function packBinary(list: readonly BinaryMetricsWire[] | null | undefined): BinaryTable {
  const entries: BinaryMetricsWire[] = []
  const ids: string[] = []
  const seen = new Set<string>()
  for (const b of Array.isArray(list) ? list : []) {
    if (!b || typeof b !== 'object') continue
    const id = conceptKey(b.concept)
    if (id === undefined || seen.has(id)) continue
    seen.add(id)
    entries.push(b)
    ids.push(id)
  }
  const n = entries.length
  const scalars = Object.fromEntries(SCALARS.map((k) => [k, new Float64Array(n)])) as Record<Scalar, Float64Array>
  const present = new Uint8Array(n)
  const rocOffsets = new Uint32Array(n + 1)
  const prOffsets = new Uint32Array(n + 1)
  let rocTotal = 0
  let prTotal = 0
  entries.forEach((b, k) => {
    rocOffsets[k] = rocTotal
    prOffsets[k] = prTotal
    rocTotal += curveLength(b.roc_curve as Record<string, unknown> | null | undefined, ROC_KEYS)
    prTotal += curveLength(b.precision_recall_curve as Record<string, unknown> | null | undefined, PR_KEYS)
  })
  rocOffsets[n] = rocTotal
  prOffsets[n] = prTotal
  const roc: [Float64Array, Float64Array, Float64Array] = [new Float64Array(rocTotal), new Float64Array(rocTotal), new Float64Array(rocTotal)]
  const pr: [Float64Array, Float64Array, Float64Array] = [new Float64Array(prTotal), new Float64Array(prTotal), new Float64Array(prTotal)]
  const curveAuc = new Float64Array(n)
  const ap = new Float64Array(n)
  const fill = (curve: unknown, keys: readonly string[], lists: Float64Array[], at: number, end: number, bit: number): number => {
    if (!curve || typeof curve !== 'object') return 0
    let bits = bit
    for (let j = 0; j < keys.length; j++) if (fillList((curve as Record<string, unknown>)[keys[j]!], lists[j]!, at, end)) bits |= bit << (j + 1)
    return bits
  }
  entries.forEach((b, k) => {
    for (const s of SCALARS) scalars[s][k] = numOrNaN(b[s])
    present[k] = fill(b.roc_curve, ROC_KEYS, roc, rocOffsets[k]!, rocOffsets[k + 1]!, ROC) | fill(b.precision_recall_curve, PR_KEYS, pr, prOffsets[k]!, prOffsets[k + 1]!, PR)
    curveAuc[k] = packedArea(roc, rocOffsets[k]!, rocOffsets[k + 1]!, 'roc') ?? rocAuc(b.roc_curve) ?? NaN
    ap[k] = numOrNaN(b.avg_precision)
    if (Number.isNaN(ap[k]!)) ap[k] = packedArea(pr, prOffsets[k]!, prOffsets[k + 1]!, 'pr') ?? averagePrecision(b.precision_recall_curve) ?? NaN
  })
  return {
    ids,
    names: entries.map((b) => (b.concept && typeof b.concept.name === 'string' ? b.concept.name : '')),
    scalars,
    present,
    roc: { offsets: rocOffsets, lists: roc },
    pr: { offsets: prOffsets, lists: pr },
    curveAuc,
    ap,
  }
}

/**
 * rocAuc or averagePrecision of a packed curve without making point objects, when its points
 * already come in the order those functions sort them into (forwards or backwards), as the API's
 * curves do. undefined otherwise, and the caller falls back to the general function; NaN for a
 * curve without a finite point.
 */
function packedArea(lists: readonly [Float64Array, Float64Array, Float64Array], a: number, z: number, kind: 'roc' | 'pr'): number | undefined {
  const [xs, ys] = lists
  // The order the general functions sort into: x ascending, then y ascending (ROC) or descending (PR).
  const ySign = kind === 'roc' ? 1 : -1
  let forward = true
  let backward = true
  let px = NaN
  let py = NaN
  let finite = 0
  for (let q = a; q < z; q++) {
    const x = xs[q]!
    const y = ys[q]!
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue
    if (finite > 0) {
      // (px, py) before (x, y), and the other way round.
      if (!(px < x || (px === x && ySign * (y - py) >= 0))) forward = false
      if (!(x < px || (x === px && ySign * (py - y) >= 0))) backward = false
      if (!forward && !backward) return undefined
    }
    px = x
    py = y
    finite++
  }
  if (finite === 0) return NaN
  const step = forward ? 1 : -1
  const start = forward ? a : z - 1
  const end = forward ? z : a - 1
  let area = 0
  if (kind === 'roc') {
    let x0 = 0
    let y0 = 0
    for (let q = start; q !== end; q += step) {
      const x = xs[q]!
      const y = ys[q]!
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue
      area += ((x - x0) * (y0 + y)) / 2
      x0 = x
      y0 = y
    }
    return area + ((1 - x0) * (y0 + 1)) / 2
  }
  let prevRecall = 0
  for (let q = start; q !== end; q += step) {
    const r = xs[q]!
    const p = ys[q]!
    if (!Number.isFinite(r) || !Number.isFinite(p) || r <= prevRecall) continue
    area += (r - prevRecall) * p
    prevRecall = r
  }
  return area
}

function nullable(x: number): number | null {
  return Number.isNaN(x) ? null : x
}

/** What the API sent per concept, apart from the threshold. */
export interface ConceptApiFacts {
  apiNumPos: number | null
  apiRocAuc: number | null
  apiF1: number | null
  curveAuc: number | null
  ap: number | null
}

/**
 * binary_metrics by concept id, read from the packed table: a concept's wire object (with plain
 * number lists) is made on first `get` and kept. Iterating every entry makes every object; the
 * per-concept table reads `facts()` instead.
 */
export class BinaryCurves implements ReadonlyMap<string, BinaryMetricsWire> {
  readonly table: BinaryTable
  readonly #index = new Map<string, number>()
  readonly #made = new Map<number, BinaryMetricsWire>()
  #facts: Map<string, ConceptApiFacts> | undefined

  constructor(table: BinaryTable) {
    this.table = table
    table.ids.forEach((id, k) => this.#index.set(id, k))
  }

  get size(): number {
    return this.table.ids.length
  }

  has(id: string): boolean {
    return this.#index.has(id)
  }

  get(id: string): BinaryMetricsWire | undefined {
    const k = this.#index.get(id)
    return k === undefined ? undefined : this.#entry(k)
  }

  #entry(k: number): BinaryMetricsWire {
    let b = this.#made.get(k)
    if (b) return b
    const t = this.table
    const out: Record<string, unknown> = {}
    const name = t.names[k]
    out.concept = name ? { id: t.ids[k], name } : { id: t.ids[k] }
    for (const s of SCALARS) {
      const v = t.scalars[s][k]!
      if (!Number.isNaN(v)) out[s] = v
    }
    const curve = (table: CurveTable, keys: readonly string[], bit: number): Record<string, number[]> | undefined => {
      if ((t.present[k]! & bit) === 0) return undefined
      const c: Record<string, number[]> = {}
      const a = table.offsets[k]!
      const z = table.offsets[k + 1]!
      keys.forEach((key, j) => {
        if ((t.present[k]! & (bit << (j + 1))) === 0) return
        const xs = table.lists[j]!.subarray(a, z)
        const list: number[] = []
        // A list shorter than its curve's longest was padded with NaN: the wire's length comes back.
        for (let q = 0; q < xs.length && !Number.isNaN(xs[q]!); q++) list.push(xs[q]!)
        c[key] = list
      })
      return c
    }
    const roc = curve(t.roc, ROC_KEYS, ROC)
    const pr = curve(t.pr, PR_KEYS, PR)
    if (roc) out.roc_curve = roc
    if (pr) out.precision_recall_curve = pr
    b = out as BinaryMetricsWire
    this.#made.set(k, b)
    return b
  }

  /** Per concept id: what the API sent apart from the threshold, from the packed figures. */
  facts(): ReadonlyMap<string, ConceptApiFacts> {
    if (this.#facts) return this.#facts
    const t = this.table
    const out = new Map<string, ConceptApiFacts>()
    t.ids.forEach((id, k) => {
      out.set(id, { apiNumPos: nullable(t.scalars.num_pos[k]!), apiRocAuc: nullable(t.scalars.roc_auc[k]!), apiF1: nullable(t.scalars.f1[k]!), curveAuc: nullable(t.curveAuc[k]!), ap: nullable(t.ap[k]!) })
    })
    this.#facts = out
    return out
  }

  forEach(fn: (value: BinaryMetricsWire, key: string, map: ReadonlyMap<string, BinaryMetricsWire>) => void): void {
    this.table.ids.forEach((id, k) => fn(this.#entry(k), id, this))
  }

  *entries(): MapIterator<[string, BinaryMetricsWire]> {
    for (let k = 0; k < this.table.ids.length; k++) yield [this.table.ids[k]!, this.#entry(k)]
  }

  keys(): MapIterator<string> {
    return this.table.ids[Symbol.iterator]() as MapIterator<string>
  }

  *values(): MapIterator<BinaryMetricsWire> {
    for (let k = 0; k < this.table.ids.length; k++) yield this.#entry(k)
  }

  [Symbol.iterator](): MapIterator<[string, BinaryMetricsWire]> {
    return this.entries()
  }
}
