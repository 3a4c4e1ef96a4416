import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  MatrixUint64Error,
  decodeMatrixUint64,
  encodeMatrixUint64,
  encodeMatrixUint64Flat,
  encodeMatrixUint64Grid,
  tryDecodeMatrixUint64,
  type MatrixUint64,
} from './matrix-uint64.ts'

const U64_MAX = 2n ** 64n - 1n
const P53 = 2n ** 53n

function decodeError(input: unknown): MatrixUint64Error {
  try {
    decodeMatrixUint64(input)
  } catch (e) {
    expect(e).toBeInstanceOf(MatrixUint64Error)
    return e as MatrixUint64Error
  }
  throw new Error('expected decode to fail')
}

function allBigInts(m: MatrixUint64): bigint[] {
  const out: bigint[] = []
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out.push(m.getBigInt(i, j))
  return out
}

describe('decodeMatrixUint64: valid shapes', () => {
  it('reads the documented example', () => {
    const m = decodeMatrixUint64({ n_cols: '2', data: ['5', '0', '3', '1'] })
    expect([m.rows, m.cols]).toEqual([2, 2])
    expect(m.get(0, 0)).toBe(5)
    expect(m.get(1, 0)).toBe(3)
    expect(m.getExact(1, 1)).toBe('1')
    expect(Array.from(m.values)).toEqual([5, 0, 3, 1])
    expect(Array.from(m.rowSums())).toEqual([5, 4])
    expect(Array.from(m.colSums())).toEqual([8, 1])
    expect(m.total()).toBe(9)
    expect(m.max()).toBe(5)
    expect(m.isExact).toBe(true)
    expect(m.exceedsSafe).toBe(false)
    expect(m.sumsExact).toBe(true)
  })

  it.each([
    ['number n_cols', { n_cols: 3, data: ['1', '2', '3'] }, 1, 3],
    ['number values', { n_cols: '2', data: [1, 2, 3, 4] }, 2, 2],
    ['mixed strings and numbers', { n_cols: 2, data: ['1', 2] }, 1, 2],
    ['n_cols with leading zeros', { n_cols: '02', data: ['1', '2'] }, 1, 2],
    ['absent data with valid n_cols', { n_cols: '4' }, 0, 4],
    ['empty data with valid n_cols', { n_cols: '4', data: [] }, 0, 4],
    ['null data', { n_cols: '4', data: null }, 0, 4],
    ['{} (proto3 omits zero fields)', {}, 0, 0],
    ['n_cols 0 with empty data (zero fields emitted)', { n_cols: '0', data: [] }, 0, 0],
    ['one column', { n_cols: '1', data: ['7', '8', '9'] }, 3, 1],
    ['bigint values', { n_cols: '1', data: [5n, 2n ** 64n - 1n] }, 2, 1],
  ])('%s', (_, input, rows, cols) => {
    const m = decodeMatrixUint64(input)
    expect([m.rows, m.cols]).toEqual([rows, cols])
    expect(m.values.length).toBe(rows * cols)
  })

  it.each([
    ['0', '0'],
    ['007', '7'],
    ['0000000000000000000000000001', '1'],
    ['9007199254740991', '9007199254740991'],
    ['9007199254740992', '9007199254740992'],
    ['9007199254740993', '9007199254740993'],
    ['18446744073709551615', '18446744073709551615'],
    ['018446744073709551615', '18446744073709551615'],
    ['9999999999', '9999999999'],
    ['10000000000', '10000000000'],
  ])('value %s keeps every digit as %s', (wire, exact) => {
    const m = decodeMatrixUint64({ n_cols: '1', data: [wire] })
    expect(m.getExact(0, 0)).toBe(exact)
    expect(m.getBigInt(0, 0)).toBe(BigInt(exact))
    expect(m.get(0, 0)).toBe(Number(exact))
    expect(m.exceedsSafe).toBe(BigInt(exact) >= P53)
  })

  it('takes typed data (counts computed here) through the same checks', () => {
    const counts = decodeMatrixUint64({ n_cols: 2, data: new Uint32Array([1, 2, 3, 4294967295]) })
    expect(Array.from(counts.values)).toEqual([1, 2, 3, 4294967295])
    expect(counts.totalExact()).toBe('4294967301')
    expect(decodeMatrixUint64({ n_cols: '3', data: new Uint8Array([1, 2, 3]) }).rows).toBe(1)
    expect(decodeMatrixUint64({ n_cols: '1', data: new Float64Array([0, 7]) }).get(1, 0)).toBe(7)
    const big = decodeMatrixUint64({ n_cols: '1', data: new BigUint64Array([2n ** 64n - 1n]) })
    expect(big.getExact(0, 0)).toBe('18446744073709551615')
    expect(decodeError({ n_cols: '2', data: new Uint32Array(3) }).kind).toBe('length')
    expect(decodeError({ n_cols: '0', data: new Uint16Array(3) }).kind).toBe('n_cols')
  })

  it('keeps values beyond 2^53 exact while values stays approximate', () => {
    const m = decodeMatrixUint64({ n_cols: '2', data: ['18446744073709551615', '1', '9007199254740993', '2'] })
    expect(m.isExact).toBe(false)
    expect(m.exceedsSafe).toBe(true)
    expect(m.getExact(0, 0)).toBe('18446744073709551615')
    expect(m.getExact(1, 0)).toBe('9007199254740993')
    expect(m.get(1, 0)).toBe(9007199254740992) // nearest double
    expect(m.rowSumsExact()).toEqual(['18446744073709551616', '9007199254740995'])
    expect(m.colSumsExact()).toEqual(['18455751272964292608', '3'])
    expect(m.totalExact()).toBe('18455751272964292611')
    expect(m.maxExact()).toBe('18446744073709551615')
    expect(m.sumsExact).toBe(false)
  })

  it('sums safe values past 2^53 exactly', () => {
    const m = decodeMatrixUint64({ n_cols: '2', data: ['9007199254740991', '9007199254740991'] })
    expect(m.isExact).toBe(true)
    expect(m.sumsExact).toBe(false)
    expect(m.totalExact()).toBe('18014398509481982')
    expect(m.rowSumsExact()).toEqual(['18014398509481982'])
  })

  // Low parts just under 1e10: a million of them pass 2^53 unless carried between limbs.
  it.each([
    ['the exact path', '18446744073709551615'],
    ['the fast path', '9999999999'],
  ])('carries limb sums exactly on %s', (_, first) => {
    const n = 1_000_003
    const data = new Array<string>(n).fill('9999999999')
    data[0] = first
    const m = decodeMatrixUint64({ n_cols: '1', data })
    const expected = BigInt(first) + 9_999_999_999n * BigInt(n - 1)
    expect(m.totalExact()).toBe(expected.toString())
    expect(m.colSumsExact()).toEqual([expected.toString()])
    expect(m.rowSumsExact()[n - 1]).toBe('9999999999')
  })

  it('reports max 0 for an empty matrix', () => {
    const m = decodeMatrixUint64({ n_cols: '3' })
    expect(m.max()).toBe(0)
    expect(m.maxExact()).toBe('0')
    expect(m.totalExact()).toBe('0')
    expect(m.colSumsExact()).toEqual(['0', '0', '0'])
  })

  it('stores -0 as 0', () => {
    const m = decodeMatrixUint64({ n_cols: 1, data: [-0] })
    expect(Object.is(m.values[0], 0)).toBe(true)
  })
})

describe('decodeMatrixUint64: errors', () => {
  it.each([
    ['n_cols "0" with data', { n_cols: '0', data: ['1'] }],
    ['n_cols 0 with data', { n_cols: 0, data: ['1'] }],
    ['negative n_cols', { n_cols: '-1', data: ['1'] }],
    ['negative number n_cols', { n_cols: -2, data: ['1', '2'] }],
    ['fractional n_cols', { n_cols: '1.5', data: ['1'] }],
    ['fractional number n_cols', { n_cols: 1.5, data: ['1'] }],
    ['non-numeric n_cols', { n_cols: 'abc', data: ['1'] }],
    ['empty n_cols', { n_cols: '', data: ['1'] }],
    ['NaN n_cols', { n_cols: NaN, data: ['1'] }],
    ['Infinity n_cols', { n_cols: Infinity, data: ['1'] }],
    ['boolean n_cols', { n_cols: true, data: ['1'] }],
    ['object n_cols', { n_cols: {}, data: ['1'] }],
    ['missing n_cols with data', { data: ['1'] }],
    ['huge n_cols', { n_cols: '99999999999999', data: [] }],
  ])('%s is an n_cols error', (_, input) => {
    const e = decodeError(input)
    expect(e.kind).toBe('n_cols')
    expect(e.message).toMatch(/n_cols/)
  })

  it('names a length that is not a multiple of n_cols', () => {
    const e = decodeError({ n_cols: '2', data: ['1', '2', '3'] })
    expect(e.kind).toBe('length')
    expect(e.index).toBe(3)
    expect(e.message).toBe('data has 3 values, not a multiple of n_cols (2)')
  })

  it('names the offending value and its index', () => {
    const data = Array.from({ length: 20 }, () => '1')
    data[17] = '-3'
    const e = decodeError({ n_cols: '4', data })
    expect(e.kind).toBe('value')
    expect(e.index).toBe(17)
    expect(e.message).toBe("value at index 17 ('-3') is not a non-negative integer")
  })

  it.each([
    ['-3', /not a non-negative integer/],
    ['', /empty string/],
    ['1e3', /not a non-negative integer/],
    [' 1', /not a non-negative integer/],
    ['1 ', /not a non-negative integer/],
    ['+1', /not a non-negative integer/],
    ['0x10', /not a non-negative integer/],
    ['1.0', /not a non-negative integer/],
    ['１', /not a non-negative integer/],
    ['18446744073709551616', /above the uint64 maximum/],
    ['99999999999999999999', /above the uint64 maximum/],
    ['1'.repeat(400), /above the uint64 maximum/],
    [1.5, /not a non-negative integer/],
    [-1, /not a non-negative integer/],
    [NaN, /not a non-negative integer/],
    [Infinity, /not a non-negative integer/],
    [2 ** 53, /JSON number above 2\^53-1/],
    [1e20, /JSON number above 2\^53-1/],
    [-1n, /not a non-negative integer/],
    [2n ** 64n, /above the uint64 maximum/],
    [null, /\(null\) is not a non-negative integer/],
    [undefined, /\(undefined\) is not/],
    [true, /\(true\) is not/],
    [{}, /\(an object\) is not/],
    [[], /\(an array\) is not/],
    [Symbol('x'), /\(a symbol\) is not/],
  ])('value %s is a value error', (bad, pattern) => {
    for (const at of [0, 3]) {
      const data: unknown[] = ['1', '2', '18446744073709551615', '4']
      data[at] = bad
      const e = decodeError({ n_cols: '2', data })
      expect(e.kind).toBe('value')
      expect(e.index).toBe(at)
      expect(e.message).toMatch(pattern)
      expect(e.message).toContain(`index ${at}`)
    }
  })

  it('reports the first bad value even after the switch to the exact path', () => {
    const e = decodeError({ n_cols: '1', data: ['1', '18446744073709551615', '5', 'x', '-1'] })
    expect(e.index).toBe(3)
  })

  it('shortens long values in messages', () => {
    const e = decodeError({ n_cols: '1', data: ['x'.repeat(1000)] })
    expect(e.message.length).toBeLessThan(120)
  })

  it('treats holes in data as missing values', () => {
    const data = new Array<string>(4)
    data[0] = '1'
    const e = decodeError({ n_cols: '2', data })
    expect(e.kind).toBe('value')
    expect(e.index).toBe(1)
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 5],
    ['a string', '{"n_cols":"1"}'],
    ['an array', [['1']]],
    ['data as a string', { n_cols: '1', data: '1,2' }],
    ['data as an object', { n_cols: '1', data: { 0: '1', length: 1 } }],
    ['data as a DataView', { n_cols: '1', data: new DataView(new ArrayBuffer(8)) }],
    ['data as an ArrayBuffer', { n_cols: '1', data: new ArrayBuffer(8) }],
  ])('%s is a shape error', (_, input) => {
    expect(decodeError(input).kind).toBe('shape')
  })

  it.each([
    ['Float64Array with a fraction', new Float64Array([1, 1.5]), 1],
    ['Int32Array with a negative', new Int32Array([-1, 2]), 0],
    ['Float64Array above 2^53-1', new Float64Array([2 ** 53, 1]), 0],
    ['BigInt64Array with a negative', new BigInt64Array([1n, -1n]), 1],
  ])('checks every element of a %s', (_, data, index) => {
    const e = decodeError({ n_cols: '1', data })
    expect(e.kind).toBe('value')
    expect(e.index).toBe(index)
  })

  it('turns throwing getters and proxies into MatrixUint64Error', () => {
    const throwing = Object.defineProperty({}, 'n_cols', {
      get() {
        throw new TypeError('boom')
      },
    })
    expect(decodeError(throwing).kind).toBe('shape')
    const proxyData = new Proxy(['1'], {
      get(target, key) {
        if (key === '0') throw new Error('boom')
        return Reflect.get(target, key)
      },
    })
    expect(decodeError({ n_cols: '1', data: proxyData }).kind).toBe('shape')
  })

  it('tryDecode returns a result union', () => {
    const ok = tryDecodeMatrixUint64({ n_cols: '1', data: ['1'] })
    expect(ok.ok && ok.matrix.total()).toBe(1)
    const bad = tryDecodeMatrixUint64({ n_cols: '1', data: ['a'] })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.kind).toBe('value')
  })

  it('rejects cells outside the matrix with a shape error', () => {
    const m = decodeMatrixUint64({ n_cols: '2', data: ['1', '2'] })
    expect(() => m.get(1, 0)).toThrow(MatrixUint64Error)
    expect(() => m.get(0, 2)).toThrow(MatrixUint64Error)
    expect(() => m.getExact(-1, 0)).toThrow(MatrixUint64Error)
    expect(() => m.get(0.5, 0)).toThrow(MatrixUint64Error)
    expect(() => m.exactAt(2)).toThrow(MatrixUint64Error)
  })
})

describe('encoders', () => {
  it('encodes a decoded matrix canonically', () => {
    const m = decodeMatrixUint64({ n_cols: 2, data: ['007', 1, '18446744073709551615', '0'] })
    expect(encodeMatrixUint64(m)).toEqual({ n_cols: '2', data: ['7', '1', '18446744073709551615', '0'] })
  })

  it('encodes grids of numbers, bigints and strings', () => {
    expect(encodeMatrixUint64Grid([[1, 2n], ['3', 4]])).toEqual({ n_cols: '2', data: ['1', '2', '3', '4'] })
    expect(encodeMatrixUint64Grid([], { cols: 3 })).toEqual({ n_cols: '3', data: [] })
    expect(encodeMatrixUint64Grid([])).toEqual({ n_cols: '0', data: [] })
    expect(decodeMatrixUint64(encodeMatrixUint64Grid([])).rows).toBe(0)
  })

  it.each([
    ['ragged rows', [[1, 2], [3]], 'shape', 1],
    ['a row without columns', [[]], 'shape', 0],
    ['a negative value', [[1, -2]], 'value', 1],
    ['an unsafe number', [[2 ** 60]], 'value', 0],
    ['a value above 2^64-1', [[2n ** 64n]], 'value', 0],
  ])('rejects %s', (_, grid, kind, index) => {
    try {
      encodeMatrixUint64Grid(grid as never)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(MatrixUint64Error)
      expect((e as MatrixUint64Error).kind).toBe(kind)
      expect((e as MatrixUint64Error).index).toBe(index)
    }
  })

  it('validates flat values and column counts', () => {
    expect(encodeMatrixUint64Flat(new Uint32Array([1, 2, 3, 4]), 2)).toEqual({ n_cols: '2', data: ['1', '2', '3', '4'] })
    expect(() => encodeMatrixUint64Flat([1, 2, 3], 2)).toThrow(/not a multiple/)
    expect(() => encodeMatrixUint64Flat([1], 0)).toThrow(/n_cols/)
    expect(() => encodeMatrixUint64Flat([1.5], 1)).toThrow(/index 0/)
  })
})

// Values that stress the boundaries: 0, around 2^32, 1e10, 2^53, 2^64.
const specialValues = [0n, 1n, 2n ** 32n - 1n, 2n ** 32n, 9_999_999_999n, 10_000_000_000n, P53 - 1n, P53, P53 + 1n, U64_MAX - 1n, U64_MAX]
const uint64 = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...specialValues) },
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: U64_MAX }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: P53 - 1n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 1000n }) },
)
const grid = fc
  .record({ rows: fc.integer({ min: 0, max: 7 }), cols: fc.integer({ min: 1, max: 7 }) })
  .chain(({ rows, cols }) =>
    fc.record({ cols: fc.constant(cols), cells: fc.array(uint64, { minLength: rows * cols, maxLength: rows * cols }) }),
  )

// Every way the wire may spell a value: canonical string, leading zeros, a safe number, a bigint.
function spell(v: bigint, how: number): string | number | bigint {
  if (how === 1) return `00${v}`
  if (how === 2 && v < P53) return Number(v)
  if (how === 3) return v
  return v.toString()
}

describe('properties', () => {
  it('round-trips random matrices exactly through encode and decode', () => {
    fc.assert(
      fc.property(grid, fc.array(fc.integer({ min: 0, max: 3 })), ({ cols, cells }, hows) => {
        const wire = { n_cols: String(cols), data: cells.map((v, k) => spell(v, hows[k % Math.max(1, hows.length)] ?? 0)) }
        const m = decodeMatrixUint64(wire)
        expect(m.rows).toBe(cells.length / cols)
        expect(allBigInts(m)).toEqual(cells)
        const encoded = encodeMatrixUint64(m)
        expect(encoded).toEqual({ n_cols: String(cols), data: cells.map(String) })
        expect(allBigInts(decodeMatrixUint64(encoded))).toEqual(cells)
        const rows: bigint[][] = []
        for (let i = 0; i < m.rows; i++) rows.push(cells.slice(i * cols, (i + 1) * cols))
        if (rows.length > 0) expect(encodeMatrixUint64Grid(rows)).toEqual(encoded)
        expect(m.exceedsSafe).toBe(cells.some((v) => v >= P53))
        expect(m.isExact).toBe(!m.exceedsSafe)
        // values holds the nearest double, exact below 2^53.
        cells.forEach((v, k) => expect(m.values[k]).toBe(Number(v)))
      }),
      { numRuns: 400 },
    )
  })

  it('agrees with a BigInt reference for sums and max', () => {
    fc.assert(
      fc.property(grid, ({ cols, cells }) => {
        const m = decodeMatrixUint64({ n_cols: cols, data: cells.map(String) })
        const rows = cells.length / cols
        const rowRef = Array.from({ length: rows }, (_, i) => cells.slice(i * cols, (i + 1) * cols).reduce((a, b) => a + b, 0n))
        const colRef = Array.from({ length: cols }, (_, j) => {
          let s = 0n
          for (let i = 0; i < rows; i++) s += cells[i * cols + j]!
          return s
        })
        const total = cells.reduce((a, b) => a + b, 0n)
        const max = cells.reduce((a, b) => (b > a ? b : a), 0n)
        expect(m.rowSumsExact()).toEqual(rowRef.map(String))
        expect(m.colSumsExact()).toEqual(colRef.map(String))
        expect(m.totalExact()).toBe(total.toString())
        expect(m.maxExact()).toBe(max.toString())
        expect(m.sumsExact).toBe(total < P53)
        if (m.sumsExact) {
          expect(Array.from(m.rowSums())).toEqual(rowRef.map(Number))
          expect(Array.from(m.colSums())).toEqual(colRef.map(Number))
          expect(m.total()).toBe(Number(total))
        }
        if (m.isExact) expect(m.max()).toBe(Number(max))
      }),
      { numRuns: 400 },
    )
  })

  it('throws only MatrixUint64Error, for any input', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }), (x) => {
        const r = tryDecodeMatrixUint64(x)
        if (!r.ok) expect(r.error).toBeInstanceOf(MatrixUint64Error)
        const wrapped = tryDecodeMatrixUint64({ n_cols: 1, data: [x] })
        if (!wrapped.ok) expect(wrapped.error).toBeInstanceOf(MatrixUint64Error)
        const asNCols = tryDecodeMatrixUint64({ n_cols: x, data: ['1'] })
        if (!asNCols.ok) expect(asNCols.error).toBeInstanceOf(MatrixUint64Error)
      }),
      { numRuns: 1000 },
    )
  })

  const badValue = fc.oneof(
    fc.string().filter((s) => !/^[0-9]+$/.test(s)),
    fc.bigInt({ min: 2n ** 64n, max: 2n ** 80n }).map(String),
    fc.bigInt({ min: 1n, max: 2n ** 64n }).map((v) => `-${v}`),
    fc.double().filter((d) => !(Number.isSafeInteger(d) && d >= 0)),
    fc.constantFrom(null, undefined, true, {}, []),
  )

  it('names the first malformed value in an otherwise valid matrix', () => {
    fc.assert(
      fc.property(grid, badValue, fc.nat(), (g, bad, at) => {
        fc.pre(g.cells.length > 0)
        const k = at % g.cells.length
        const data: unknown[] = g.cells.map(String)
        data[k] = bad
        const r = tryDecodeMatrixUint64({ n_cols: String(g.cols), data })
        expect(r.ok).toBe(false)
        if (!r.ok) {
          expect(r.error.kind).toBe('value')
          expect(r.error.index).toBe(k)
          expect(r.error.message).toContain(`value at index ${k} (`)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('rejects lengths that are not a multiple of n_cols', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.nat(40), (cols, len) => {
        fc.pre(len % cols !== 0)
        const r = tryDecodeMatrixUint64({ n_cols: cols, data: new Array<string>(len).fill('1') })
        expect(!r.ok && r.error.kind).toBe('length')
      }),
    )
  })
})
