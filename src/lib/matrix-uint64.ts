// The API's dense uint64 matrix ({n_cols, data}) decoded once, validated and exact.
//
// The wire sends uint64 values as decimal strings because they may exceed 2^53, the largest
// integer a double holds exactly. One BigInt per element is about 10x slower than a numeric
// parse, so decoding takes two paths:
// - fast path: every value is below 2^53, each string is validated and parsed by char codes in
//   one loop straight into a Float64Array, which is then exact;
// - exact path: at least one value reaches 2^53; every value is also kept as two exact parts in
//   base 1e10 (hi < 1844674408 in a Uint32Array, lo < 1e10 in a Float64Array) and `values`
//   holds the nearest double for drawing. A BigInt is made only to display or export one value.
//
// Numbers in `data` are accepted when they are non-negative safe integers (<= 2^53-1). A JSON
// number above that has already been rounded by JSON.parse, so its exact value is unknowable:
// such numbers are rejected and must be sent as strings.
//
// n_cols: the proto omits zero fields, so `{}` (no n_cols, no data) is the empty 0x0 matrix, and
// `n_cols: 0` is accepted only together with empty data (the same empty matrix with zero fields
// emitted). n_cols 0 with any data, a missing n_cols with data, negative, fractional or
// non-numeric n_cols are errors.

export type MatrixUint64ErrorKind = 'n_cols' | 'length' | 'value' | 'shape'

export class MatrixUint64Error extends Error {
  readonly kind: MatrixUint64ErrorKind
  /** Element index for 'value' errors, data length for 'length', row index for ragged grids. */
  readonly index: number | undefined

  constructor(kind: MatrixUint64ErrorKind, message: string, index?: number) {
    super(message)
    this.name = 'MatrixUint64Error'
    this.kind = kind
    this.index = index
  }
}

/**
 * What the API sends; every field may be absent and anything may arrive. `data` may also be a
 * typed array, for counts computed here: they take the same validation without making strings.
 */
export interface MatrixUint64Wire {
  n_cols?: string | number
  data?: readonly (string | number)[] | Uint8Array | Uint16Array | Uint32Array | Float64Array | BigUint64Array
}

/** What the encoder produces: the canonical wire form (strings, no leading zeros). */
export interface EncodedMatrixUint64 {
  n_cols: string
  data: string[]
}

export type Uint64Like = string | number | bigint

export interface MatrixUint64 {
  readonly rows: number
  readonly cols: number
  /**
   * Row-major, length rows*cols, element (i, j) at i*cols + j. Exact when `isExact`, otherwise
   * the nearest double for values at or beyond 2^53. Shared, not copied: do not write to it.
   */
  readonly values: Float64Array
  /** Every value is below 2^53, so `values` and `get` are exact. */
  readonly isExact: boolean
  /** Some value is at or beyond 2^53: use the *Exact methods to show or export values. */
  readonly exceedsSafe: boolean
  /** The numeric row/column sums and total are exact (the total is below 2^53). */
  readonly sumsExact: boolean
  get(row: number, col: number): number
  getExact(row: number, col: number): string
  getBigInt(row: number, col: number): bigint
  /** Exact decimal string of the element at a flat row-major index. */
  exactAt(index: number): string
  /** Cached and shared: do not write to the returned arrays. */
  rowSums(): Float64Array
  colSums(): Float64Array
  total(): number
  /** 0 for an empty matrix (all values are non-negative). */
  max(): number
  rowSumsExact(): string[]
  colSumsExact(): string[]
  totalExact(): string
  maxExact(): string
}

export type DecodeResult =
  | { ok: true; matrix: MatrixUint64 }
  | { ok: false; error: MatrixUint64Error }

const MAX_SAFE = Number.MAX_SAFE_INTEGER
const BASE = 1e10
const BASE_BIG = 10_000_000_000n
const UINT64_MAX = 18_446_744_073_709_551_615n
// 2^64-1 = 1844674407 * 1e10 + 3709551615
const MAX_HI = 1_844_674_407
const MAX_LO_AT_MAX_HI = 3_709_551_615
// Limb sums are normalized before they can reach 2^53: each added part is < 2^31 or < 1e10.
const NORMALIZE_EVERY = 1 << 19
const MAX_N_COLS = 0xffff_ffff

const DESCRIBE_LIMIT = 40

function describe(x: unknown): string {
  switch (typeof x) {
    case 'string': {
      const shown = x.length > DESCRIBE_LIMIT ? `${x.slice(0, DESCRIBE_LIMIT)}...` : x
      return `'${shown}'`
    }
    case 'number':
    case 'boolean':
      return String(x)
    case 'bigint':
      return `${x.toString()}n`
    case 'undefined':
      return 'undefined'
    case 'object':
      if (x === null) return 'null'
      return Array.isArray(x) ? 'an array' : 'an object'
    default:
      // Functions and symbols: never call their toString, it may be user code.
      return `a ${typeof x}`
  }
}

function valueError(index: number, x: unknown, problem: string): MatrixUint64Error {
  return new MatrixUint64Error('value', `value at index ${index} (${describe(x)}) ${problem}`, index)
}

const NOT_INTEGER = 'is not a non-negative integer'
const ABOVE_MAX = 'is above the uint64 maximum 18446744073709551615 (2^64-1)'
const UNSAFE_NUMBER =
  'is a JSON number above 2^53-1, already rounded when parsed; send uint64 values as strings'

// Results of parseElement, kept in module scope so the hot loops allocate nothing.
let parsedHi = 0
let parsedLo = 0

/**
 * Validates one wire value and leaves it in parsedHi/parsedLo (value = hi*1e10 + lo), or throws
 * the MatrixUint64Error naming the problem. The slow but complete path: the decode loops only
 * call it for what their inline parse does not settle.
 */
function parseElement(x: unknown, index: number): void {
  if (typeof x === 'string') {
    const len = x.length
    if (len === 0) throw valueError(index, x, 'is an empty string, not a non-negative integer')
    const split = len - 10
    let hi = 0
    let lo = 0
    for (let c = 0; c < len; c++) {
      const d = x.charCodeAt(c) - 48
      if (d < 0 || d > 9) throw valueError(index, x, NOT_INTEGER)
      // hi may lose precision or reach Infinity for absurd lengths; it is then > MAX_HI anyway.
      if (c < split) hi = hi * 10 + d
      else lo = lo * 10 + d
    }
    if (hi > MAX_HI || (hi === MAX_HI && lo > MAX_LO_AT_MAX_HI)) throw valueError(index, x, ABOVE_MAX)
    parsedHi = hi
    parsedLo = lo
    return
  }
  if (typeof x === 'number') {
    if (!Number.isInteger(x) || x < 0) throw valueError(index, x, NOT_INTEGER)
    if (x > MAX_SAFE) throw valueError(index, x, UNSAFE_NUMBER)
    splitSafe(x + 0)
    return
  }
  if (typeof x === 'bigint') {
    if (x < 0n) throw valueError(index, x, NOT_INTEGER)
    if (x > UINT64_MAX) throw valueError(index, x, ABOVE_MAX)
    parsedHi = Number(x / BASE_BIG)
    parsedLo = Number(x % BASE_BIG)
    return
  }
  throw valueError(index, x, NOT_INTEGER)
}

/** Splits an exact double below 2^53 into parsedHi/parsedLo. */
function splitSafe(v: number): void {
  let hi = Math.floor(v / BASE)
  let lo = v - hi * BASE
  // The quotient is rounded: just below a multiple of 1e10 it can round up by one.
  if (lo < 0) {
    hi -= 1
    lo += BASE
  }
  parsedHi = hi
  parsedLo = lo
}

function isBelow2p53(hi: number, lo: number): boolean {
  // 2^53 = 900719 * 1e10 + 9254740992
  return hi < 900_719 || (hi === 900_719 && lo < 9_254_740_992)
}

function pad10(n: number): string {
  return String(n).padStart(10, '0')
}

function partsToString(hi: number, lo: number): string {
  return hi === 0 ? String(lo) : String(hi) + pad10(lo)
}

/** Three base-1e10 limbs per accumulator: sums of up to 2^32 uint64 values stay exact. */
class LimbSums {
  readonly l0: Float64Array
  readonly l1: Float64Array
  readonly l2: Float64Array

  constructor(n: number) {
    this.l0 = new Float64Array(n)
    this.l1 = new Float64Array(n)
    this.l2 = new Float64Array(n)
  }

  normalize(): void {
    const { l0, l1, l2 } = this
    for (let i = 0; i < l0.length; i++) {
      const a = l0[i]!
      if (a >= BASE) {
        const carry = Math.floor(a / BASE)
        l0[i] = a - carry * BASE
        l1[i] = l1[i]! + carry
      }
      const b = l1[i]!
      if (b >= BASE) {
        const carry = Math.floor(b / BASE)
        l1[i] = b - carry * BASE
        l2[i] = l2[i]! + carry
      }
    }
  }

  toStrings(): string[] {
    this.normalize()
    const out: string[] = []
    for (let i = 0; i < this.l0.length; i++) {
      const a = this.l0[i]!
      const b = this.l1[i]!
      const c = this.l2[i]!
      out.push(c !== 0 ? String(c) + pad10(b) + pad10(a) : partsToString(b, a))
    }
    return out
  }
}

class DecodedMatrix implements MatrixUint64 {
  readonly rows: number
  readonly cols: number
  readonly values: Float64Array
  readonly isExact: boolean
  readonly exceedsSafe: boolean
  #hi: Uint32Array | undefined
  #lo: Float64Array | undefined
  #rowSums: Float64Array | undefined
  #colSums: Float64Array | undefined
  #total: number | undefined
  #max: number | undefined
  #exact: { rows: string[]; cols: string[]; total: string } | undefined

  constructor(rows: number, cols: number, values: Float64Array, hi?: Uint32Array, lo?: Float64Array) {
    this.rows = rows
    this.cols = cols
    this.values = values
    this.#hi = hi
    this.#lo = lo
    this.exceedsSafe = hi !== undefined
    this.isExact = !this.exceedsSafe
  }

  get sumsExact(): boolean {
    return this.total() <= MAX_SAFE
  }

  #index(row: number, col: number): number {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row >= this.rows || col >= this.cols) {
      throw new MatrixUint64Error('shape', `cell (${row}, ${col}) is outside the ${this.rows} x ${this.cols} matrix`)
    }
    return row * this.cols + col
  }

  get(row: number, col: number): number {
    return this.values[this.#index(row, col)]!
  }

  getExact(row: number, col: number): string {
    return this.exactAt(this.#index(row, col))
  }

  getBigInt(row: number, col: number): bigint {
    const k = this.#index(row, col)
    if (this.#hi === undefined || this.#lo === undefined) return BigInt(this.values[k]!)
    return BigInt(this.#hi[k]!) * BASE_BIG + BigInt(this.#lo[k]!)
  }

  exactAt(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.values.length) {
      throw new MatrixUint64Error('shape', `index ${index} is outside the ${this.values.length} values`)
    }
    if (this.#hi === undefined || this.#lo === undefined) return String(this.values[index]!)
    return partsToString(this.#hi[index]!, this.#lo[index]!)
  }

  #sums(): void {
    const { rows, cols, values } = this
    const rs = new Float64Array(rows)
    const cs = new Float64Array(cols)
    let total = 0
    let k = 0
    for (let i = 0; i < rows; i++) {
      let r = 0
      for (let j = 0; j < cols; j++, k++) {
        const v = values[k]!
        r += v
        cs[j] = cs[j]! + v
      }
      rs[i] = r
      total += r
    }
    this.#rowSums = rs
    this.#colSums = cs
    this.#total = total
  }

  rowSums(): Float64Array {
    if (this.#rowSums === undefined) this.#sums()
    return this.#rowSums!
  }

  colSums(): Float64Array {
    if (this.#colSums === undefined) this.#sums()
    return this.#colSums!
  }

  total(): number {
    if (this.#total === undefined) this.#sums()
    return this.#total!
  }

  max(): number {
    if (this.#max === undefined) {
      const v = this.values
      let m = 0
      for (let k = 0; k < v.length; k++) if (v[k]! > m) m = v[k]!
      this.#max = m
    }
    return this.#max
  }

  maxExact(): string {
    if (this.#hi === undefined || this.#lo === undefined) return String(this.max())
    const hi = this.#hi
    const lo = this.#lo
    let bh = 0
    let bl = 0
    for (let k = 0; k < hi.length; k++) {
      const h = hi[k]!
      if (h > bh || (h === bh && lo[k]! > bl)) {
        bh = h
        bl = lo[k]!
      }
    }
    return partsToString(bh, bl)
  }

  #exactSums(): { rows: string[]; cols: string[]; total: string } {
    if (this.#exact !== undefined) return this.#exact
    if (this.sumsExact) {
      // Every partial sum is at most the total, below 2^53: the numeric sums are exact.
      this.#exact = {
        rows: Array.from(this.rowSums(), String),
        cols: Array.from(this.colSums(), String),
        total: String(this.total()),
      }
      return this.#exact
    }
    const { rows, cols } = this
    const rs = new LimbSums(rows)
    const cs = new LimbSums(cols)
    const ts = new LimbSums(1)
    const hi = this.#hi
    const lo = this.#lo
    let k = 0
    let sinceNormalize = 0
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++, k++) {
        let h: number
        let l: number
        if (hi !== undefined && lo !== undefined) {
          h = hi[k]!
          l = lo[k]!
        } else {
          splitSafe(this.values[k]!)
          h = parsedHi
          l = parsedLo
        }
        rs.l0[i] = rs.l0[i]! + l
        rs.l1[i] = rs.l1[i]! + h
        cs.l0[j] = cs.l0[j]! + l
        cs.l1[j] = cs.l1[j]! + h
        ts.l0[0] = ts.l0[0]! + l
        ts.l1[0] = ts.l1[0]! + h
        if (++sinceNormalize === NORMALIZE_EVERY) {
          sinceNormalize = 0
          rs.normalize()
          cs.normalize()
          ts.normalize()
        }
      }
    }
    this.#exact = { rows: rs.toStrings(), cols: cs.toStrings(), total: ts.toStrings()[0]! }
    return this.#exact
  }

  rowSumsExact(): string[] {
    return this.#exactSums().rows.slice()
  }

  colSumsExact(): string[] {
    return this.#exactSums().cols.slice()
  }

  totalExact(): string {
    return this.#exactSums().total
  }
}

function parseNCols(raw: unknown, dataLength: number): number {
  if (raw === undefined || raw === null) {
    if (dataLength === 0) return 0
    throw new MatrixUint64Error('n_cols', `n_cols is missing but data has ${dataLength} values`)
  }
  let n: number
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) throw new MatrixUint64Error('n_cols', `n_cols (${describe(raw)}) is not a positive integer`)
    n = raw
  } else if (typeof raw === 'string') {
    if (raw.length === 0) throw new MatrixUint64Error('n_cols', `n_cols ('') is not a positive integer`)
    n = 0
    for (let c = 0; c < raw.length; c++) {
      const d = raw.charCodeAt(c) - 48
      if (d < 0 || d > 9) throw new MatrixUint64Error('n_cols', `n_cols (${describe(raw)}) is not a positive integer`)
      n = n * 10 + d
    }
  } else {
    throw new MatrixUint64Error('n_cols', `n_cols (${describe(raw)}) is not a positive integer`)
  }
  if (n < 0) throw new MatrixUint64Error('n_cols', `n_cols (${describe(raw)}) is not a positive integer`)
  if (n === 0) {
    if (dataLength === 0) return 0
    throw new MatrixUint64Error('n_cols', `n_cols (${describe(raw)}) must be a positive integer when data has values`)
  }
  if (n > MAX_N_COLS) throw new MatrixUint64Error('n_cols', `n_cols (${describe(raw)}) is too large`)
  return n
}

function decodeUnchecked(input: unknown): MatrixUint64 {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MatrixUint64Error('shape', `the matrix is not an object with n_cols and data (got ${describe(input)})`)
  }
  const wire = input as { n_cols?: unknown; data?: unknown }
  const rawData = wire.data
  let data: readonly unknown[]
  let unsigned: Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array | undefined
  if (rawData === undefined || rawData === null) data = []
  else if (Array.isArray(rawData)) data = rawData
  else if (
    rawData instanceof Uint32Array ||
    rawData instanceof Uint16Array ||
    rawData instanceof Uint8Array ||
    rawData instanceof Uint8ClampedArray
  ) {
    unsigned = rawData
    data = []
  } else if (ArrayBuffer.isView(rawData) && !(rawData instanceof DataView)) {
    // Other typed arrays (signed, float, bigint) need every element checked: copy to a plain
    // array so the hot loop below only ever sees one kind of array.
    data = Array.from(rawData as unknown as ArrayLike<unknown>)
  } else throw new MatrixUint64Error('shape', `data is not an array (got ${describe(rawData)})`)

  const n = unsigned !== undefined ? unsigned.length : data.length
  const cols = parseNCols(wire.n_cols, n)
  if (cols === 0) return new DecodedMatrix(0, 0, new Float64Array(0))
  if (n % cols !== 0) {
    throw new MatrixUint64Error('length', `data has ${n} values, not a multiple of n_cols (${cols})`, n)
  }
  const rows = n / cols
  const values = new Float64Array(n)
  if (unsigned !== undefined) {
    // Every unsigned 8/16/32-bit value is a valid uint64 below 2^53. A plain loop, not
    // `values.set(unsigned)`: Chromium converts element types in set() about 30x slower.
    for (let i = 0; i < n; i++) values[i] = unsigned[i] as number
    return new DecodedMatrix(rows, cols, values)
  }

  let k = 0
  for (; k < n; k++) {
    const x = data[k]
    if (typeof x === 'string') {
      const len = x.length
      let v = 0
      let c = 0
      for (; c < len; c++) {
        const d = x.charCodeAt(c) - 48
        if (d < 0 || d > 9) break
        v = v * 10 + d
      }
      // While the true value is below 2^53 every prefix is exact; at or above it the rounded
      // result is at least 2^53, so this one comparison tells exact from not.
      if (c === len && len !== 0 && v <= MAX_SAFE) {
        values[k] = v
        continue
      }
    } else if (typeof x === 'number' && x >= 0 && x <= MAX_SAFE && Number.isInteger(x)) {
      values[k] = x + 0
      continue
    }
    parseElement(x, k)
    if (!isBelow2p53(parsedHi, parsedLo)) break
    values[k] = parsedHi * BASE + parsedLo
  }
  if (k === n) return new DecodedMatrix(rows, cols, values)
  return decodeExactFrom(data, rows, cols, values, k)
}

/** Continues a decode from index `start`, where the first value at or beyond 2^53 sits. */
function decodeExactFrom(
  data: readonly unknown[],
  rows: number,
  cols: number,
  values: Float64Array,
  start: number,
): MatrixUint64 {
  const n = data.length
  const hi = new Uint32Array(n)
  const lo = new Float64Array(n)
  for (let k = 0; k < start; k++) {
    splitSafe(values[k]!)
    hi[k] = parsedHi
    lo[k] = parsedLo
  }
  for (let k = start; k < n; k++) {
    const x = data[k]
    parse: {
      if (typeof x === 'string') {
        const len = x.length
        if (len === 0 || len > 20) break parse
        const split = len - 10
        let h = 0
        let l = 0
        let c = 0
        for (; c < split; c++) {
          const d = x.charCodeAt(c) - 48
          if (d < 0 || d > 9) break parse
          h = h * 10 + d
        }
        for (; c < len; c++) {
          const d = x.charCodeAt(c) - 48
          if (d < 0 || d > 9) break parse
          l = l * 10 + d
        }
        if (h > MAX_HI || (h === MAX_HI && l > MAX_LO_AT_MAX_HI)) break parse
        hi[k] = h
        lo[k] = l
        let v = h * BASE + l
        // Beyond 2^53 the sum above may be off by more than half a unit: let the engine round.
        if (v > MAX_SAFE) v = Number(x)
        values[k] = v
        continue
      }
    }
    parseElement(x, k)
    hi[k] = parsedHi
    lo[k] = parsedLo
    const v = parsedHi * BASE + parsedLo
    values[k] = v <= MAX_SAFE ? v : Number(BigInt(parsedHi) * BASE_BIG + BigInt(parsedLo))
  }
  return new DecodedMatrix(rows, cols, values, hi, lo)
}

/**
 * Decodes and validates the wire form. Throws only MatrixUint64Error, whatever the input
 * (null, wrong types, throwing getters, arrays too large to allocate).
 */
export function decodeMatrixUint64(input: unknown): MatrixUint64 {
  try {
    return decodeUnchecked(input)
  } catch (e) {
    if (e instanceof MatrixUint64Error) throw e
    if (e instanceof RangeError) {
      throw new MatrixUint64Error('length', 'the matrix is too large to hold in memory')
    }
    throw new MatrixUint64Error('shape', 'the matrix could not be read')
  }
}

export function tryDecodeMatrixUint64(input: unknown): DecodeResult {
  try {
    return { ok: true, matrix: decodeMatrixUint64(input) }
  } catch (e) {
    return { ok: false, error: e as MatrixUint64Error }
  }
}

// Strings for small counts, shared: count matrices are mostly zeros and small numbers.
// Outputs start as a filled array: `new Array(n)` left with holes beyond ~100k elements is a slow
// dictionary array, and push is slower still on large outputs.
const SMALL_STRINGS: readonly string[] = Array.from({ length: 1024 }, (_, i) => String(i))

function canonical(x: unknown, index: number): string {
  if (typeof x === 'number' && x >= 0 && x < 1024 && Number.isInteger(x)) return SMALL_STRINGS[x]!
  parseElement(x, index)
  return partsToString(parsedHi, parsedLo)
}

/** Exact canonical wire form of a decoded matrix. */
export function encodeMatrixUint64(matrix: MatrixUint64): EncodedMatrixUint64 {
  const n = matrix.values.length
  const data = new Array<string>(n).fill('0')
  if (matrix.isExact) {
    const v = matrix.values
    for (let k = 0; k < n; k++) {
      const x = v[k]!
      if (x !== 0) data[k] = x < 1024 ? SMALL_STRINGS[x]! : String(x)
    }
  } else {
    for (let k = 0; k < n; k++) data[k] = matrix.exactAt(k)
  }
  return { n_cols: String(matrix.cols), data }
}

/**
 * Wire form of row-major values. Validates like the decoder (non-negative integers, numbers
 * up to 2^53-1, bigints and digit strings up to 2^64-1); throws MatrixUint64Error.
 */
export function encodeMatrixUint64Flat(values: ArrayLike<Uint64Like>, cols: number): EncodedMatrixUint64 {
  const n = values.length
  if (!Number.isInteger(cols) || cols < 0 || (cols === 0 && n > 0)) {
    throw new MatrixUint64Error('n_cols', `n_cols (${describe(cols)}) is not a positive integer`)
  }
  if (cols > 0 && n % cols !== 0) {
    throw new MatrixUint64Error('length', `data has ${n} values, not a multiple of n_cols (${cols})`, n)
  }
  const data = new Array<string>(n).fill('0')
  if (values instanceof Uint32Array || values instanceof Uint16Array || values instanceof Uint8Array) {
    // Counts: every value is valid and most are 0.
    for (let k = 0; k < n; k++) {
      const x = values[k]!
      if (x !== 0) data[k] = x < 1024 ? SMALL_STRINGS[x]! : String(x)
    }
  } else {
    for (let k = 0; k < n; k++) data[k] = canonical(values[k], k)
  }
  return { n_cols: String(cols), data }
}

/**
 * Wire form of a grid of rows. An empty grid encodes as 0 x `cols` (0 x 0 by default);
 * ragged rows or rows without columns are 'shape' errors naming the row.
 */
export function encodeMatrixUint64Grid(
  grid: readonly (readonly Uint64Like[])[],
  options: { cols?: number } = {},
): EncodedMatrixUint64 {
  const first = grid[0]
  const cols = first === undefined ? (options.cols ?? 0) : first.length
  if (first !== undefined && cols === 0) {
    throw new MatrixUint64Error('shape', 'row 0 has no columns; a MatrixUint64 needs at least one', 0)
  }
  if (options.cols !== undefined && options.cols !== cols) {
    throw new MatrixUint64Error('shape', `row 0 has ${cols} columns, expected ${options.cols}`, 0)
  }
  const data = new Array<string>(grid.length * cols).fill('0')
  let k = 0
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i]!
    if (row.length !== cols) {
      throw new MatrixUint64Error('shape', `row ${i} has ${row.length} columns, expected ${cols}`, i)
    }
    for (let j = 0; j < cols; j++, k++) data[k] = canonical(row[j], k)
  }
  return { n_cols: String(cols), data }
}
