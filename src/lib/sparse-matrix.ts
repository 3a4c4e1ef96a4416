// Sparse matrices for the heatmaps: the non-zero cells as three parallel typed arrays (row,
// column, value). Memory follows the data (16 bytes per non-zero cell), never rows x cols, so a
// 10,000 x 10,000 confusion matrix with 150,000 non-zero cells costs 2.4 MB. A dense form only
// ever exists for a bounded window (`rasterize`) or a small matrix.

export interface SparseMatrix {
  readonly rows: number
  readonly cols: number
  /** Number of stored cells; the arrays may be longer (reused buffers). */
  readonly nnz: number
  readonly row: Uint32Array
  readonly col: Uint32Array
  readonly value: Float64Array
}

/** A window of a matrix: rows [r0, r1), columns [c0, c1). */
export interface Window {
  r0: number
  r1: number
  c0: number
  c1: number
}

/** Largest dense matrix any code here builds: 4M cells (32 MB of doubles). */
export const MAX_DENSE_CELLS = 4_000_000

/** Grows typed arrays as cells are pushed; `finish` trims nothing (views keep `nnz`). */
export class SparseBuilder {
  row: Uint32Array
  col: Uint32Array
  value: Float64Array
  nnz = 0

  constructor(capacity = 64) {
    const c = Math.max(1, capacity)
    this.row = new Uint32Array(c)
    this.col = new Uint32Array(c)
    this.value = new Float64Array(c)
  }

  push(r: number, c: number, v: number): void {
    if (this.nnz === this.row.length) {
      const size = this.row.length * 2
      const row = new Uint32Array(size)
      const col = new Uint32Array(size)
      const value = new Float64Array(size)
      row.set(this.row)
      col.set(this.col)
      value.set(this.value)
      this.row = row
      this.col = col
      this.value = value
    }
    this.row[this.nnz] = r
    this.col[this.nnz] = c
    this.value[this.nnz] = v
    this.nnz++
  }

  finish(rows: number, cols: number): SparseMatrix {
    return { rows, cols, nnz: this.nnz, row: this.row, col: this.col, value: this.value }
  }
}

/** The non-zero cells of a dense row-major matrix (NaN cells are kept: they mean "no value"). */
export function sparseFromDense(values: ArrayLike<number>, rows: number, cols: number): SparseMatrix {
  const b = new SparseBuilder(64)
  for (let i = 0; i < rows; i++) {
    const base = i * cols
    for (let j = 0; j < cols; j++) {
      const v = values[base + j]!
      if (v !== 0) b.push(i, j, v)
    }
  }
  return b.finish(rows, cols)
}

const lookups = new WeakMap<SparseMatrix, Map<number, number>>()

/** Value of cell (r, c), 0 when not stored. A key map is built on the first call, O(nnz). */
export function valueAt(m: SparseMatrix, r: number, c: number): number {
  let map = lookups.get(m)
  if (!map) {
    map = new Map()
    for (let k = 0; k < m.nnz; k++) map.set(m.row[k]! * m.cols + m.col[k]!, k)
    lookups.set(m, map)
  }
  const k = map.get(r * m.cols + c)
  return k === undefined ? 0 : m.value[k]!
}

export interface LineTotals {
  rowSums: Float64Array
  colSums: Float64Array
  total: number
}

/** Row and column sums (NaN cells skipped). */
export function lineTotals(m: SparseMatrix): LineTotals {
  const rowSums = new Float64Array(m.rows)
  const colSums = new Float64Array(m.cols)
  let total = 0
  for (let k = 0; k < m.nnz; k++) {
    const v = m.value[k]!
    if (v !== v) continue
    const r = m.row[k]!
    const c = m.col[k]!
    rowSums[r] = rowSums[r]! + v
    colSums[c] = colSums[c]! + v
    total += v
  }
  return { rowSums, colSums, total }
}

export type Normalization = 'none' | 'row' | 'column' | 'all'

/** Each cell divided by its row sum, column sum or the total; cells of an all-zero line stay 0. */
export function normalizeSparse(m: SparseMatrix, how: Normalization, totals: LineTotals = lineTotals(m)): SparseMatrix {
  const value = new Float64Array(m.nnz)
  for (let k = 0; k < m.nnz; k++) {
    const v = m.value[k]!
    const s = how === 'row' ? totals.rowSums[m.row[k]!]! : how === 'column' ? totals.colSums[m.col[k]!]! : how === 'all' ? totals.total : 1
    value[k] = s === 0 ? 0 : v / s
  }
  return { rows: m.rows, cols: m.cols, nnz: m.nnz, row: m.row.slice(0, m.nnz), col: m.col.slice(0, m.nnz), value }
}

/**
 * A minus B, cell by cell, where `rowMap`/`colMap` give B's row and column of each of A's (-1 when
 * B lacks it; such lines are dropped from the result along with A's lines kept out by `keepRow`).
 */
export function subtractSparse(a: SparseMatrix, b: SparseMatrix, rowMapA: Int32Array, colMapA: Int32Array, rowMapB: Int32Array, colMapB: Int32Array, rows: number, cols: number): SparseMatrix {
  const acc = new Map<number, number>()
  for (let k = 0; k < a.nnz; k++) {
    const r = rowMapA[a.row[k]!]!
    const c = colMapA[a.col[k]!]!
    if (r < 0 || c < 0) continue
    const key = r * cols + c
    acc.set(key, (acc.get(key) ?? 0) + a.value[k]!)
  }
  for (let k = 0; k < b.nnz; k++) {
    const r = rowMapB[b.row[k]!]!
    const c = colMapB[b.col[k]!]!
    if (r < 0 || c < 0) continue
    const key = r * cols + c
    acc.set(key, (acc.get(key) ?? 0) - b.value[k]!)
  }
  const out = new SparseBuilder(acc.size)
  for (const [key, v] of acc) if (v !== 0) out.push(Math.floor(key / cols), key % cols, v)
  return out.finish(rows, cols)
}

export interface Raster {
  /** Row-major, outRows x outCols. */
  values: Float64Array
  rows: number
  cols: number
}

/**
 * The window pooled into at most maxRows x maxCols cells: each output cell keeps the stored value
 * of largest magnitude in its block (a lone hot cell never disappears). `scaleRow`/`scaleCol`
 * (the "(other)" line, say) are multiplied by `specialFactor` so they do not flatten the rest.
 * O(nnz) plus the output size, which is bounded.
 */
export function rasterize(m: SparseMatrix, w: Window, maxRows: number, maxCols: number, out?: Float64Array, special?: { row: number; col: number; factor: number }): Raster {
  const vr = Math.max(0, w.r1 - w.r0)
  const vc = Math.max(0, w.c1 - w.c0)
  const rows = Math.max(1, Math.min(vr, Math.max(1, Math.floor(maxRows))))
  const cols = Math.max(1, Math.min(vc, Math.max(1, Math.floor(maxCols))))
  if (rows * cols > MAX_DENSE_CELLS) throw new RangeError(`a raster of ${rows} x ${cols} cells is over the limit of ${MAX_DENSE_CELLS}`)
  const values = out && out.length >= rows * cols ? out.subarray(0, rows * cols) : new Float64Array(rows * cols)
  values.fill(0)
  const rk = rows / Math.max(1, vr)
  const ck = cols / Math.max(1, vc)
  for (let k = 0; k < m.nnz; k++) {
    const r = m.row[k]!
    const c = m.col[k]!
    if (r < w.r0 || r >= w.r1 || c < w.c0 || c >= w.c1) continue
    let v = m.value[k]!
    if (special && (r === special.row || c === special.col)) v *= special.factor
    const at = Math.floor((r - w.r0) * rk) * cols + Math.floor((c - w.c0) * ck)
    const old = values[at]!
    if (old === 0 || (v === v && Math.abs(v) > Math.abs(old))) values[at] = v
  }
  return { values, rows, cols }
}

/** Stored values, optionally without one row and one column (the "(other)" lines), for the color scale. */
export function valuesWithout(m: SparseMatrix, skipRow = -1, skipCol = -1): Float64Array {
  const { nnz, row, col, value } = m
  if (skipRow < 0 && skipCol < 0) return value.subarray(0, nnz)
  const out = new Float64Array(nnz)
  let n = 0
  for (let k = 0; k < nnz; k++) if (row[k] !== skipRow && col[k] !== skipCol) out[n++] = value[k]!
  return out.subarray(0, n)
}

/** Largest |value| of the cells in one row or one column (-1 for none). */
export function maxAbsOn(m: SparseMatrix, row: number, col: number): number {
  const { nnz, row: rows, col: cols, value } = m
  let max = 0
  for (let k = 0; k < nnz; k++) {
    if (rows[k] !== row && cols[k] !== col) continue
    const a = Math.abs(value[k]!)
    if (a > max) max = a
  }
  return max
}

/** Indices of stored cells inside a window, largest |value| first, then row-major. */
export function cellsIn(m: SparseMatrix, w: Window): Uint32Array {
  const idx: number[] = []
  for (let k = 0; k < m.nnz; k++) {
    const r = m.row[k]!
    const c = m.col[k]!
    if (r >= w.r0 && r < w.r1 && c >= w.c0 && c < w.c1 && m.value[k] !== 0) idx.push(k)
  }
  idx.sort((x, y) => Math.abs(m.value[y]!) - Math.abs(m.value[x]!) || m.row[x]! - m.row[y]! || m.col[x]! - m.col[y]!)
  return Uint32Array.from(idx)
}

/** The strongest stored cell of a window, or null when it holds none. */
export function strongestIn(m: SparseMatrix, w: Window): { row: number; col: number; value: number; count: number } | null {
  let best = -1
  let count = 0
  for (let k = 0; k < m.nnz; k++) {
    const r = m.row[k]!
    const c = m.col[k]!
    if (r < w.r0 || r >= w.r1 || c < w.c0 || c >= w.c1 || m.value[k] === 0) continue
    count++
    if (best < 0 || Math.abs(m.value[k]!) > Math.abs(m.value[best]!)) best = k
  }
  return best < 0 ? null : { row: m.row[best]!, col: m.col[best]!, value: m.value[best]!, count }
}
