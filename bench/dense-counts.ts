// The dense count matrix the evaluation viewer used before its counts went sparse: every
// (actual, predicted) cell of a concepts x concepts array, recounted from scratch at each
// threshold. Kept here, out of the console, as the baseline the threshold bench compares against.

import { decodeMatrixUint64, encodeMatrixUint64Flat, type EncodedMatrixUint64, type MatrixUint64 } from '../src/lib/matrix-uint64.ts'
import { NONE_ID, type PreparedEvaluation } from '../src/lib/eval-metrics.ts'


export interface ConfusionCountOptions {
  /** Concepts for rows and columns, in order; default every concept in `conceptIds` order. */
  concepts?: readonly string[]
  /** Add a last column counting actual concepts of inputs with no prediction at the threshold. Default true. */
  noneColumn?: boolean
  /**
   * Add a last row counting predictions on inputs without any ground truth. Default false.
   * Left out when there are no columns at all (a MatrixUint64 cannot hold rows without columns).
   */
  noneRow?: boolean
}

export interface ConfusionCounts {
  /** Actual concepts (rows); NONE_ID last when noneRow. */
  readonly rowIds: string[]
  /** Predicted concepts (columns); NONE_ID last when noneColumn. */
  readonly colIds: string[]
  readonly rows: number
  readonly cols: number
  /** Row-major counts. */
  readonly counts: Uint32Array
  /**
   * The counts through decodeMatrixUint64, the decoder of the API's region_location_matrix,
   * fed the typed counts: a slider move costs no million strings. Built on first read.
   */
  readonly matrix: MatrixUint64
  /** The API's wire form ({n_cols, data: string[]}) for export, built on first read. */
  readonly wire: EncodedMatrixUint64
}

function positions(ev: PreparedEvaluation, concepts: readonly string[] | undefined): { pos: Int32Array; ids: string[] } {
  const pos = new Int32Array(ev.conceptIds.length).fill(-1)
  const ids: string[] = []
  const wanted = concepts ?? ev.conceptIds
  for (const id of wanted) {
    const k = ev.conceptIndex.get(id)
    if (k === undefined || pos[k] !== -1) continue
    pos[k] = ids.length
    ids.push(id)
  }
  return { pos, ids }
}

/**
 * Cell (a, p) counts inputs whose ground truth has a and whose score for p is >= threshold;
 * multi-label inputs count once in every such cell, so row sums can exceed input counts.
 * The (none) column and row look at every prediction, including concepts not shown.
 */
export function confusionCountsAtThreshold(
  ev: PreparedEvaluation,
  threshold: number,
  options: ConfusionCountOptions = {},
): ConfusionCounts {
  const { pos, ids } = positions(ev, options.concepts)
  const noneColumn = options.noneColumn ?? true
  const noneRow = options.noneRow ?? false
  const size = ids.length
  const cols = size + (noneColumn ? 1 : 0)
  // A MatrixUint64 without columns has no rows either: a lone (none) row cannot be sent.
  const hasNoneRow = noneRow && cols > 0
  const rows = size + (hasNoneRow ? 1 : 0)
  const counts = new Uint32Array(rows * cols)
  const { gtOffsets, gtConcepts, predOffsets, predConcepts, predScores } = ev
  // Column positions of this input's predictions at the threshold; grown for long prediction lists.
  let hitBuf = new Int32Array(64)
  for (let i = 0; i < ev.inputCount; i++) {
    const p0 = predOffsets[i]!
    const p1 = predOffsets[i + 1]!
    if (p1 - p0 > hitBuf.length) hitBuf = new Int32Array(p1 - p0)
    let nHits = 0
    let anyPredicted = false
    for (let q = p0; q < p1; q++) {
      if (predScores[q]! >= threshold) {
        anyPredicted = true
        const c = pos[predConcepts[q]!]!
        if (c >= 0) hitBuf[nHits++] = c
      }
    }
    const g0 = gtOffsets[i]!
    const g1 = gtOffsets[i + 1]!
    if (g0 === g1) {
      if (hasNoneRow) {
        const base = size * cols
        for (let h = 0; h < nHits; h++) counts[base + hitBuf[h]!]!++
        // The (none, none) corner: inputs with neither ground truth nor prediction.
        if (!anyPredicted && noneColumn) counts[base + size]!++
      }
      continue
    }
    for (let q = g0; q < g1; q++) {
      const a = pos[gtConcepts[q]!]!
      if (a < 0) continue
      const base = a * cols
      for (let h = 0; h < nHits; h++) counts[base + hitBuf[h]!]!++
      if (!anyPredicted && noneColumn) counts[base + size]!++
    }
  }
  const rowIds = hasNoneRow ? [...ids, NONE_ID] : ids.slice()
  const colIds = noneColumn ? [...ids, NONE_ID] : ids.slice()
  let matrix: MatrixUint64 | undefined
  let wire: EncodedMatrixUint64 | undefined
  return {
    rowIds,
    colIds,
    rows,
    cols,
    counts,
    get matrix() {
      return (matrix ??= decodeMatrixUint64({ n_cols: cols, data: counts }))
    },
    get wire() {
      return (wire ??= encodeMatrixUint64Flat(counts, cols))
    },
  }
}

