import { decodeMatrixUint64 } from '../src/lib/matrix-uint64.ts'
import { compareInterleaved, verdict, type Bench } from './harness.ts'

const SIZE = 1000

// Deterministic, so runs are comparable.
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function safeStrings(n: number, next: () => number): string[] {
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    // Uniform below 2^53: mostly 16-digit strings, the hardest case for the fast path.
    out.push(String(Math.floor(next() * 2 ** 21) * 2 ** 32 + Math.floor(next() * 2 ** 32)))
  }
  return out
}

function uint64Strings(n: number, next: () => number): string[] {
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const hi = BigInt(Math.floor(next() * 2 ** 32))
    const lo = BigInt(Math.floor(next() * 2 ** 32))
    out.push(((hi << 32n) | lo).toString())
  }
  return out
}

function smallStrings(n: number, next: () => number): string[] {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(String(Math.floor(next() * 1000)))
  return out
}

// Strings as the API's JSON arrives: made by JSON.parse, not by String().
function viaJson<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T
}

function numberLoop(data: readonly string[]): Float64Array {
  const out = new Float64Array(data.length)
  for (let i = 0; i < data.length; i++) out[i] = Number(data[i])
  return out
}

function run(): void {
  const next = rng(42)
  const n = SIZE * SIZE
  const safe = viaJson({ n_cols: String(SIZE), data: safeStrings(n, next) })
  const fast = compareInterleaved(
    () => numberLoop(safe.data),
    () => decodeMatrixUint64(safe),
  )
  console.log(verdict(`decode fast path (${SIZE}x${SIZE}, values < 2^53)`, fast, 2, 'Number() loop'))

  // Counts as region_location_matrix holds them: short strings, where Number() is at its fastest.
  const small = viaJson({ n_cols: String(SIZE), data: smallStrings(n, next) })
  const counts = compareInterleaved(
    () => numberLoop(small.data),
    () => decodeMatrixUint64(small),
  )
  console.log(verdict(`decode fast path (${SIZE}x${SIZE}, counts < 1000)`, counts, 2, 'Number() loop'))

  const big = viaJson({ n_cols: String(SIZE), data: uint64Strings(n, next) })
  const exact = compareInterleaved(
    () => numberLoop(big.data),
    () => decodeMatrixUint64(big),
  )
  console.log(verdict(`decode exact path (${SIZE}x${SIZE}, uniform uint64)`, exact, 6, 'Number() loop'))

  // One value beyond 2^53 at the very end: the fast path runs to the end, then switches.
  const mixed = viaJson({ n_cols: String(SIZE), data: [...safe.data.slice(0, n - 1), '18446744073709551615'] })
  const late = compareInterleaved(
    () => numberLoop(mixed.data),
    () => decodeMatrixUint64(mixed),
  )
  console.log(verdict(`decode exact path (${SIZE}x${SIZE}, one value >= 2^53 last)`, late, 6, 'Number() loop'))
}

export const decodeMatrixBench: Bench = { name: 'MatrixUint64 decode', run }
