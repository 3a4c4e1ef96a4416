import { countMatrix, createCountEngine, engineStats, matrixLayout, setEngineThreshold } from '../src/lib/eval-counts.ts'
import { decodeMatrixUint64 } from '../src/lib/matrix-uint64.ts'
import {
  bestF1Thresholds,
  cellInputsAtThreshold,
  conceptStatsAtThreshold,
  prepareEvaluation,
  type EvalMetricsWire,
  type EvalTestSetEntryWire,
} from '../src/lib/eval-metrics.ts'
import { confusionCountsAtThreshold } from './dense-counts.ts'
import { median, sink, timeMs, type Bench } from './harness.ts'

const CONCEPTS = 1000
const INPUTS = 5000
const PREDICTIONS = 5
const BUDGET_MS = 100

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

// Skewed concept frequencies and a model that is right most of the time, like a real test set.
function syntheticEvaluation(): EvalMetricsWire {
  const next = rng(7)
  const pick = (): number => Math.floor(CONCEPTS * next() ** 2)
  const testSet: EvalTestSetEntryWire[] = []
  for (let i = 0; i < INPUTS; i++) {
    const gt = new Set([pick()])
    if (next() < 0.3) gt.add(pick())
    const preds = new Map<number, number>()
    for (const c of gt) if (next() < 0.8) preds.set(c, 0.5 + next() / 2)
    while (preds.size < PREDICTIONS) preds.set(pick(), next() * 0.7)
    testSet.push({
      input: { id: `input-${i}`, data: { image: { url: `https://example.com/${i}.jpg` } } },
      ground_truth_concepts: [...gt].map((c) => ({ id: `c${c}`, name: `concept ${c}`, value: 1 })),
      predicted_concepts: [...preds].map(([c, value]) => ({ id: `c${c}`, name: `concept ${c}`, value })),
    })
  }
  return { test_set: testSet }
}

function measure(label: string, fn: () => unknown, reps = 9): number {
  for (let i = 0; i < 3; i++) sink(fn())
  const times: number[] = []
  for (let i = 0; i < reps; i++) times.push(timeMs(fn))
  const ms = median(times)
  console.log(`${label}: ${ms.toFixed(2)} ms (median of ${reps})`)
  return ms
}

function run(): void {
  const metrics = syntheticEvaluation()
  const shape = `${CONCEPTS} concepts x ${INPUTS} inputs x ${PREDICTIONS} predictions`
  const prepare = measure(`prepareEvaluation (${shape}, once per evaluation)`, () => prepareEvaluation(metrics))
  const ev = prepareEvaluation(metrics)
  let t = 0.3
  // The threshold moves between runs, as under a slider.
  const nextT = (): number => (t = t >= 0.9 ? 0.3 : t + 0.05)
  // What a slider move costs the viewer: the incremental engine moves, then the sparse counts on
  // the layout and the per-concept stats; one cell's inputs.
  const engine = createCountEngine(ev)
  const layout = matrixLayout(ev, ev.conceptIds)
  const counts = measure('sparse counts: setEngineThreshold + countMatrix (incremental, a 0.05 step)', () => {
    setEngineThreshold(engine, nextT())
    return countMatrix(engine, layout)
  })
  const stats = measure('engineStats (per-concept TP/FP/FN at the engine threshold)', () => engineStats(engine))
  const cell = measure('cellInputsAtThreshold (one cell)', () => cellInputsAtThreshold(ev, 'c0', 'c0', nextT()))
  const perThreshold = counts + stats + cell
  const status = perThreshold <= BUDGET_MS ? 'PASS' : 'MISS'
  console.log(`threshold change total: ${perThreshold.toFixed(1)} ms (bar ${BUDGET_MS} ms) ${status}`)
  // For comparison: the dense count matrix the viewer no longer builds.
  measure('  dense confusionCountsAtThreshold + .matrix (1000 x 1001, not in the viewer path)', () => confusionCountsAtThreshold(ev, nextT()).matrix)
  measure('  conceptStatsAtThreshold (one pass over predictions)', () => conceptStatsAtThreshold(ev, nextT()))
  // Export only: a million strings, then the string decoder as the API's matrices take.
  const wire = measure('  export: .wire (1,001,000 strings)', () => confusionCountsAtThreshold(ev, nextT()).wire)
  const fixedWire = confusionCountsAtThreshold(ev, 0.5).wire
  const decode = measure('  export: decodeMatrixUint64 of that string wire', () => decodeMatrixUint64(fixedWire))
  sink(wire + decode)
  // A fresh object each time: the result is kept per evaluation object.
  measure('bestF1Thresholds (threshold-independent, once)', () => bestF1Thresholds({ ...ev }))
  sink(prepare)
}

export const evalThresholdBench: Bench = { name: 'Evaluation metrics at a threshold', run }
