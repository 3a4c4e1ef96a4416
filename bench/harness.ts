// Shared timing helpers. The machine is noisy: candidates and baselines run interleaved, in
// alternating order, and the verdict uses the median of the per-pair ratios.

export interface Bench {
  name: string
  run: () => void | Promise<void>
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

export function timeMs(fn: () => unknown): number {
  const t0 = performance.now()
  sink(fn())
  return performance.now() - t0
}

// Keeps results reachable so the engine cannot drop the work that produced them.
let sunk: unknown
export function sink(x: unknown): void {
  sunk = x
}
export function lastSunk(): unknown {
  return sunk
}

export interface Comparison {
  baselineMs: number
  candidateMs: number
  ratio: number
}

export function compareInterleaved(
  baseline: () => unknown,
  candidate: () => unknown,
  options: { reps?: number; warmup?: number } = {},
): Comparison {
  const reps = options.reps ?? 9
  const warmup = options.warmup ?? 3
  for (let i = 0; i < warmup; i++) {
    sink(baseline())
    sink(candidate())
  }
  const b: number[] = []
  const c: number[] = []
  const r: number[] = []
  for (let i = 0; i < reps; i++) {
    let tb: number
    let tc: number
    if (i % 2 === 0) {
      tb = timeMs(baseline)
      tc = timeMs(candidate)
    } else {
      tc = timeMs(candidate)
      tb = timeMs(baseline)
    }
    b.push(tb)
    c.push(tc)
    r.push(tc / tb)
  }
  return { baselineMs: median(b), candidateMs: median(c), ratio: median(r) }
}

export function verdict(label: string, cmp: Comparison, bar: number, baselineName: string): string {
  const status = cmp.ratio <= bar ? 'PASS' : 'MISS'
  return (
    `${label}: ${cmp.ratio.toFixed(2)}x of ${baselineName} (bar ${bar}x) ${status}` +
    `  [${cmp.candidateMs.toFixed(1)} ms vs ${cmp.baselineMs.toFixed(1)} ms, medians]`
  )
}
