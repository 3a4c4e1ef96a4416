// The evaluation data must agree with itself: everything is recomputed here, independently,
// from the test set the API returns.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeEvaluation, conceptMetrics, confusionOf, type TestSet } from './data/evaluation'
import { getWorld, type EvalRec } from './data/world'
import { ALL_FIELDS, call, demoApi } from '../../test/demo-utils'

interface WireConcept {
  id: string
  name: string
  value: number
}
interface WireEntry {
  input: { id: string; data: { image?: { url: string }; text?: { raw: string } } }
  predicted_concepts?: WireConcept[]
  ground_truth_concepts?: WireConcept[]
  predicted_annotation?: { data: { regions: { region_info: { bounding_box: Record<string, number> } }[] } }
  ground_truth_annotation?: { data: { regions: unknown[] } }
}
interface WireBinary {
  num_pos: number
  num_neg: number
  num_tot: number
  roc_auc: number
  f1: number
  concept: WireConcept
  roc_curve: { fpr: number[]; tpr: number[]; thresholds: number[] }
  precision_recall_curve: { recall: number[]; precision: number[]; thresholds: number[] }
}

const api = demoApi()

async function fetchEval(rec: EvalRec | undefined) {
  if (!rec) throw new Error('no such evaluation in the demo world')
  const r = await call(api, `/v2/users/demo/apps/${rec.appId}/evaluations/${rec.id}?${ALL_FIELDS}`)
  expect(r.status).toBe(200)
  return r.body.eval_metrics
}

function scoresOf(entry: WireEntry): Map<string, number> {
  return new Map((entry.predicted_concepts ?? []).map((c) => [c.id, c.value]))
}

function truthOf(entry: WireEntry): Set<string> {
  return new Set((entry.ground_truth_concepts ?? []).map((c) => c.id))
}

function checkConsistency(em: {
  test_set: WireEntry[]
  confusion_matrix: { matrix: { predicted: string; actual: string; value: number }[]; concept_ids: string[] }
  cooccurrence_matrix: { matrix: { row: string; col: string; count: number }[] }
  label_counts: { positive_label_counts: { count: number; concept: WireConcept }[] }
  binary_metrics: WireBinary[]
  summary: Record<string, number>
}): void {
  // Mismatches are gathered and asserted once: a 1,000-concept evaluation means ~10^5 checks.
  const problems: string[] = []
  const near = (what: string, got: number | undefined, want: number, tol: number): void => {
    if (got === undefined || Math.abs(got - want) > tol + 1e-9) problems.push(`${what}: got ${got}, want ${want}`)
  }
  const entries = em.test_set
  const n = entries.length
  const concepts = em.confusion_matrix.concept_ids
  const scoreMaps = entries.map(scoresOf)
  const truthSets = entries.map(truthOf)

  // Confusion matrix cells: mean predicted probability over inputs of the actual concept
  // (rounded to 4 decimals on the wire: within half a unit of the last place).
  const sums = new Map<string, number>()
  const rows = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    const scores = scoreMaps[i] ?? new Map<string, number>()
    for (const a of truthSets[i] ?? []) {
      rows.set(a, (rows.get(a) ?? 0) + 1)
      for (const [p, s] of scores) sums.set(`${a}|${p}`, (sums.get(`${a}|${p}`) ?? 0) + s)
    }
  }
  const cells = new Map(em.confusion_matrix.matrix.map((c) => [`${c.actual}|${c.predicted}`, c.value]))
  if (cells.size !== sums.size) problems.push(`confusion cells: ${cells.size} on the wire, ${sums.size} recomputed`)
  for (const [key, sum] of sums) near(`cell ${key}`, cells.get(key), sum / (rows.get(key.split('|')[0] ?? '') ?? 1), 5e-5)
  // concept_ids are ordered by the strength of the diagonal.
  const diag = concepts.map((c) => cells.get(`${c}|${c}`) ?? 0)
  for (let i = 1; i < diag.length; i++) if ((diag[i] ?? 0) > (diag[i - 1] ?? 1)) problems.push(`concept_ids order at ${i}`)

  // Per-concept binary metrics.
  expect(em.binary_metrics.map((b) => b.concept.id)).toEqual(concepts)
  const aucs: number[] = []
  for (const b of em.binary_metrics) {
    const c = b.concept.id
    const pos: number[] = []
    const neg: number[] = []
    for (let i = 0; i < n; i++) (truthSets[i]?.has(c) ? pos : neg).push(scoreMaps[i]?.get(c) ?? 0)
    if (b.num_pos !== pos.length || b.num_neg !== neg.length || b.num_tot !== n) {
      problems.push(`${c}: num_pos/neg/tot ${b.num_pos}/${b.num_neg}/${b.num_tot}, test set ${pos.length}/${neg.length}/${n}`)
    }
    // ROC AUC by pairwise comparison (ties count half).
    if (pos.length > 0 && neg.length > 0) {
      let u = 0
      for (const p of pos) for (const q of neg) u += p > q ? 1 : p === q ? 0.5 : 0
      near(`${c} roc_auc`, b.roc_auc, u / (pos.length * neg.length), 1e-4)
    }
    aucs.push(b.roc_auc)
    const roc = b.roc_curve
    if (roc.thresholds.length !== 101 || roc.thresholds[0] !== 1 || roc.thresholds[100] !== 0) problems.push(`${c}: roc thresholds`)
    for (let i = 1; i < 101; i++) {
      if ((roc.thresholds[i] ?? 0) >= (roc.thresholds[i - 1] ?? 2)) problems.push(`${c}: roc threshold ${i} not descending`)
      if ((roc.tpr[i] ?? 0) < (roc.tpr[i - 1] ?? 0) || (roc.fpr[i] ?? 0) < (roc.fpr[i - 1] ?? 0)) problems.push(`${c}: roc point ${i}`)
    }
    // Counts at threshold 0.5 from the test set agree with the curves and F1.
    const tp = pos.filter((s) => s >= 0.5).length
    const fp = neg.filter((s) => s >= 0.5).length
    near(`${c} tpr@0.5`, roc.tpr[50], pos.length ? tp / pos.length : 0, 5e-4)
    near(`${c} fpr@0.5`, roc.fpr[50], neg.length ? fp / neg.length : 0, 5e-4)
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0
    const recall = pos.length ? tp / pos.length : 0
    near(`${c} f1`, b.f1, precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0, 1e-4)
    const pr = b.precision_recall_curve
    if (pr.thresholds.length !== 101 || pr.thresholds[0] !== 0 || pr.thresholds[100] !== 1) problems.push(`${c}: pr thresholds`)
    for (let i = 1; i < 101; i++) if ((pr.thresholds[i] ?? 0) <= (pr.thresholds[i - 1] ?? 2)) problems.push(`${c}: pr threshold ${i} not ascending`)
    near(`${c} recall@0.5`, pr.recall[50], recall, 5e-4)
  }
  near('macro_avg_roc_auc', em.summary.macro_avg_roc_auc, aucs.reduce((s, x) => s + x, 0) / aucs.length, 1e-4)

  // Label counts and the co-occurrence diagonal are the positives per concept.
  const positives = new Map(em.binary_metrics.map((b) => [b.concept.id, b.num_pos]))
  for (const lc of em.label_counts.positive_label_counts) {
    if (lc.count !== positives.get(lc.concept.id)) problems.push(`label count ${lc.concept.id}`)
  }
  for (const cell of em.cooccurrence_matrix.matrix) {
    if (cell.row === cell.col && cell.count !== positives.get(cell.row)) problems.push(`cooccurrence ${cell.row}`)
  }
  expect(problems.slice(0, 20)).toEqual([])
}

describe('evaluation consistency', () => {
  const world = getWorld()

  it('covers 2 to 10,000 concepts, classification and detection', () => {
    const counts = world.evaluations.map((e) => e.conceptCount)
    expect(Math.min(...counts)).toBe(2)
    expect(Math.max(...counts)).toBe(10000)
    expect(world.evaluations.length).toBeGreaterThanOrEqual(38)
    expect(world.evaluations.filter((e) => e.kind === 'detection').length).toBeGreaterThanOrEqual(6)
  })

  it('10,000 concepts: about 20,000 inputs, top-5 predictions, long-tailed and confused among related concepts', () => {
    const rec = world.evaluations.find((e) => e.conceptCount === 10000)!
    const d = computeEvaluation(rec, false)
    const ts = d.testSet
    expect(ts.n).toBe(20000)
    for (let i = 0; i < ts.n; i++) expect((ts.predStart[i + 1] ?? 0) - (ts.predStart[i] ?? 0)).toBeLessThanOrEqual(5)
    // Long tail: the most frequent concept is far above the median one.
    const freq = d.metrics.map((m) => m.numPos).sort((a, b) => b - a)
    expect(freq[0]!).toBeGreaterThan(50 * freq[5000]!)
    // Confusions mostly stay among concepts sharing a noun ("red-car" with "blue-car").
    const noun = (id: string) => id.replace(/-\d+$/, '').split('-').pop()
    let related = 0
    let off = 0
    for (const c of d.confusion) {
      if (c.a === c.p || c.v < 0.2) continue
      off++
      if (noun(d.concepts[c.a]!.id) === noun(d.concepts[c.p]!.id)) related++
    }
    expect(off).toBeGreaterThan(1000)
    expect(related / off).toBeGreaterThan(0.5)
    // Deterministic: the same world gives the same test set.
    expect(computeEvaluation(rec, false).testSet.predS).toEqual(ts.predS)
  })

  it('2-concept classification', async () => {
    checkConsistency(await fetchEval(world.evaluations.find((e) => e.conceptCount === 2 && e.kind === 'classification')))
  })

  it('multi-label classification (co-occurring ground truth)', async () => {
    const em = await fetchEval(world.evaluations.find((e) => e.multiLabel && e.conceptCount === 30))
    checkConsistency(em)
    expect(em.cooccurrence_matrix.matrix.some((c: { row: string; col: string }) => c.row !== c.col)).toBe(true)
  })

  it('detection, with mAP and metrics by area', async () => {
    const em = await fetchEval(world.evaluations.find((e) => e.kind === 'detection' && e.conceptCount === 10))
    checkConsistency(em)
    expect(em.summary.mean_avg_precision_iou_50).toBeGreaterThan(0)
    expect(em.summary.mean_avg_precision_iou_range).toBeLessThan(em.summary.mean_avg_precision_iou_50)
    const areas = new Set(em.metrics_by_area.map((m: { area_name: string }) => m.area_name))
    expect([...areas].sort()).toEqual(['large', 'medium', 'small'])
    expect(em.metrics_by_class).toHaveLength(10)
    const mean = em.metrics_by_class.reduce((s: number, m: { avg_precision: number }) => s + m.avg_precision, 0) / 10
    expect(em.summary.mean_avg_precision_iou_50).toBeCloseTo(mean, 3)
    const withBoxes = em.test_set.filter((e: WireEntry) => e.ground_truth_annotation)
    expect(withBoxes.length).toBe(em.test_set.length)
  })

  it('1,000 concepts: consistent, 3,000 inputs with top-5 predictions and offline thumbnails', async () => {
    const em = await fetchEval(world.evaluations.find((e) => e.conceptCount === 1000))
    checkConsistency(em)
    expect(em.test_set).toHaveLength(3000)
    for (const e of em.test_set as WireEntry[]) {
      expect(e.predicted_concepts).toHaveLength(5)
      expect(e.input.data.image?.url.startsWith('data:image/svg+xml,')).toBe(true)
    }
  })

  it('the version metrics summary matches the evaluation summary', async () => {
    const rec = world.evaluations.find((e) => e.conceptCount === 50)
    const em = await fetchEval(rec)
    const v = await call(api, `/v2/users/demo/apps/${rec?.appId}/models/${rec?.modelId}/versions/${rec?.versionId}`)
    expect(v.body.model_version.metrics.summary).toEqual(em.summary)
    expect(v.body.model_version.metrics.id).toBe(rec?.id)
  })
})

describe('metric engine (property-based)', () => {
  // Random small test sets: n inputs, k concepts, 1-2 ground-truth concepts, up to k predictions.
  const testSets = fc
    .record({ k: fc.integer({ min: 2, max: 6 }), n: fc.integer({ min: 1, max: 40 }) })
    .chain(({ k, n }) =>
      fc.array(
        fc.record({
          gt: fc.uniqueArray(fc.integer({ min: 0, max: k - 1 }), { minLength: 1, maxLength: 2 }),
          pred: fc.uniqueArray(fc.record({ c: fc.integer({ min: 0, max: k - 1 }), s: fc.integer({ min: 1, max: 9999 }) }), {
            selector: (p) => p.c,
            maxLength: k,
          }),
        }),
        { minLength: n, maxLength: n },
      ).map((entries) => ({ k, entries })),
    )

  function pack(k: number, entries: { gt: number[]; pred: { c: number; s: number }[] }[]): TestSet {
    const gtStart = [0]
    const predStart = [0]
    const gt: number[] = []
    const predC: number[] = []
    const predS: number[] = []
    for (const e of entries) {
      gt.push(...e.gt)
      gtStart.push(gt.length)
      for (const p of [...e.pred].sort((a, b) => b.s - a.s)) {
        predC.push(p.c)
        predS.push(p.s)
      }
      predStart.push(predC.length)
    }
    return {
      n: entries.length,
      k,
      gtStart: Int32Array.from(gtStart),
      gt: Int32Array.from(gt),
      predStart: Int32Array.from(predStart),
      predC: Int32Array.from(predC),
      predS: Int32Array.from(predS),
    }
  }

  it('binary metrics and confusion cells equal a brute-force recomputation', () => {
    fc.assert(
      fc.property(testSets, ({ k, entries }) => {
        const ts = pack(k, entries)
        const metrics = conceptMetrics(ts)
        for (let c = 0; c < k; c++) {
          const pos: number[] = []
          const neg: number[] = []
          for (const e of entries) (e.gt.includes(c) ? pos : neg).push(e.pred.find((p) => p.c === c)?.s ?? 0)
          const m = metrics[c]
          expect(m?.numPos).toBe(pos.length)
          expect(m?.numNeg).toBe(neg.length)
          let u = 0
          for (const p of pos) for (const q of neg) u += p > q ? 1 : p === q ? 0.5 : 0
          expect(m?.rocAuc).toBeCloseTo(pos.length && neg.length ? u / (pos.length * neg.length) : 0, 3)
          for (const j of [0, 1, 37, 50, 99, 100]) {
            const tp = pos.filter((s) => s >= j * 100).length
            expect(m?.roc.b[100 - j]).toBeCloseTo(pos.length ? tp / pos.length : 0, 2)
          }
        }
        const cells = confusionOf(ts)
        for (const cell of cells) {
          const rows = entries.filter((e) => e.gt.includes(cell.a))
          const sum = rows.reduce((s, e) => s + (e.pred.find((p) => p.c === cell.p)?.s ?? 0), 0)
          expect(Math.abs(cell.v - sum / 1e4 / rows.length)).toBeLessThanOrEqual(5e-5 + 1e-9)
        }
      }),
      { numRuns: 150 },
    )
  })
})
