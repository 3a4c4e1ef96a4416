import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  NONE_ID,
  averagePrecision,
  bestF1Thresholds,
  cellInputsAtThreshold,
  conceptStatsAtThreshold,
  conceptStatsDelta,
  nearestThresholdIndex,
  orderConcepts,
  prPointAtThreshold,
  prepareEvaluation,
  rocAuc,
  rocPointAtThreshold,
  type EvalMetricsWire,
  type EvalTestSetEntryWire,
} from './eval-metrics.ts'

function entry(
  id: string,
  gt: string[],
  preds: [string, number][],
  url?: string,
): EvalTestSetEntryWire {
  return {
    input: { id, ...(url ? { data: { image: { url } } } : {}) },
    ground_truth_concepts: gt.map((c) => ({ id: c, name: c.toUpperCase(), value: 1 })),
    predicted_concepts: preds.map(([c, value]) => ({ id: c, name: c.toUpperCase(), value })),
  }
}

// Worked by hand in the comments of each test below.
const small: EvalMetricsWire = {
  confusion_matrix: {
    concept_ids: ['dog', 'cat', 'bird'],
    matrix: [
      { actual: 'cat', predicted: 'cat', value: 0.65 },
      { actual: 'cat', predicted: 'dog', value: 0.55 },
      { actual: 'dog', predicted: 'dog', value: 0.675 },
      { actual: 'bird', predicted: 'bird', value: 0.1 },
      { actual: 'zebra', predicted: 'cat', value: 0.3 },
    ],
  },
  test_set: [
    entry('in1', ['cat'], [['cat', 0.9], ['dog', 0.3]], 'https://x/1.jpg'),
    entry('in2', ['dog'], [['cat', 0.6], ['dog', 0.55]]),
    entry('in3', ['cat', 'dog'], [['cat', 0.4], ['dog', 0.8], ['bird', 0.2]]),
    entry('in4', ['bird'], [['bird', 0.1]]),
    entry('in5', [], [['dog', 0.7]]),
  ],
}

describe('prepareEvaluation', () => {
  it('indexes concepts with the API order first and counts support', () => {
    const ev = prepareEvaluation(small)
    expect(ev.conceptIds).toEqual(['dog', 'cat', 'bird', 'zebra'])
    expect(ev.apiOrder).toEqual(['dog', 'cat', 'bird'])
    expect(ev.conceptNames).toEqual(['DOG', 'CAT', 'BIRD', 'zebra'])
    expect(Array.from(ev.support)).toEqual([2, 2, 1, 0])
    expect(Array.from(ev.frequency)).toEqual([2, 2, 1, 0])
    expect(ev.inputCount).toBe(5)
    expect(ev.imageUrls[0]).toBe('https://x/1.jpg')
    expect(ev.imageUrls[1]).toBeUndefined()
  })

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['{}', {}],
    ['null lists', { test_set: null, binary_metrics: null, confusion_matrix: { matrix: null, concept_ids: null } }],
    ['junk entries', { test_set: [null, {}, { input: null, predicted_concepts: [null, {}], ground_truth_concepts: [{}] }] }],
  ])('survives %s', (_, metrics) => {
    const ev = prepareEvaluation(metrics as EvalMetricsWire)
    const stats = conceptStatsAtThreshold(ev, 0.5)
    expect(stats.macro.conceptCount).toBe(0)
    expect(stats.concepts.every((c) => c.tp === 0 && c.fp === 0)).toBe(true)
  })

  it('reads absent values as 1, explicit 0 ground truth as negative, and dedupes', () => {
    const ev = prepareEvaluation({
      test_set: [
        {
          input: { id: 'a' },
          ground_truth_concepts: [{ id: 'x' }, { id: 'y', value: 0 }, { id: 'x', value: 1 }],
          predicted_concepts: [{ id: 'y' }, { id: 'x', value: 0.2 }, { id: 'x', value: 0.7 }],
        },
      ],
    })
    expect(Array.from(ev.support)).toEqual([1, 0])
    expect(Array.from(ev.predScores)).toEqual([1, 0.7])
    expect(Array.from(ev.predIsGt)).toEqual([0, 1])
  })

  it('falls back to binary_metrics, then label_counts for frequency', () => {
    const fromBinary = prepareEvaluation({
      binary_metrics: [
        { concept: { id: 'a', name: 'A' }, num_pos: 3 },
        { concept: { id: 'b', name: 'B' }, num_pos: 7 },
      ],
    })
    expect(orderConcepts(fromBinary, 'frequency')).toEqual(['b', 'a'])
    const fromLabels = prepareEvaluation({
      confusion_matrix: { matrix: [{ actual: 'a', predicted: 'b', actual_concept: { id: 'a', name: 'Apple' } }] },
      label_counts: { positive_label_counts: [{ concept_name: 'Apple', count: 2 }, { concept: { id: 'b' }, count: 5 }] },
    })
    expect(Array.from(fromLabels.frequency)).toEqual([2, 5])
  })
})

describe('orderConcepts', () => {
  const ev = prepareEvaluation(small)
  it.each([
    ['api', ['dog', 'cat', 'bird', 'zebra']],
    ['name', ['bird', 'cat', 'dog', 'zebra']],
    // cat and dog both have 2 ground-truth inputs: the tie falls back to the name.
    ['frequency', ['cat', 'dog', 'bird', 'zebra']],
  ] as const)('%s', (order, expected) => {
    expect(orderConcepts(ev, order)).toEqual(expected)
  })

  it('sorts names numerically and case-insensitively', () => {
    const e = prepareEvaluation({ confusion_matrix: { concept_ids: ['c10', 'C2', 'c1'] } })
    expect(orderConcepts(e, 'name')).toEqual(['c1', 'C2', 'c10'])
  })
})

describe('cellInputsAtThreshold', () => {
  const ev = prepareEvaluation(small)
  it('lists the inputs of a cell, highest score first', () => {
    const inputs = cellInputsAtThreshold(ev, 'dog', 'dog', 0.5)
    expect(inputs.map((x) => [x.inputId, x.predictedScore, x.actualScore])).toEqual([
      ['in3', 0.8, 0.8],
      ['in2', 0.55, 0.55],
    ])
    const off = cellInputsAtThreshold(ev, 'cat', 'dog', 0.5)
    expect(off.map((x) => [x.inputId, x.predictedScore, x.actualScore, x.topScore])).toEqual([['in3', 0.8, 0.4, 0.8]])
  })

  it('handles the (none) row and column', () => {
    expect(cellInputsAtThreshold(ev, 'bird', NONE_ID, 0.5).map((x) => [x.inputId, x.predictedScore, x.topScore])).toEqual([
      ['in4', null, 0.1],
    ])
    expect(cellInputsAtThreshold(ev, NONE_ID, 'dog', 0.5).map((x) => [x.inputId, x.actualScore])).toEqual([['in5', null]])
    expect(cellInputsAtThreshold(ev, 'unknown', 'dog', 0.5)).toEqual([])
  })

  it('carries image urls', () => {
    expect(cellInputsAtThreshold(ev, 'cat', 'cat', 0.5)[0]?.imageUrl).toBe('https://x/1.jpg')
  })
})

describe('conceptStatsAtThreshold', () => {
  const ev = prepareEvaluation(small)
  it('computes one-vs-rest counts and ratios', () => {
    const s = conceptStatsAtThreshold(ev, 0.5)
    const byId = Object.fromEntries(s.concepts.map((c) => [c.id, c]))
    // cat: predicted on in1 (gt) and in2 (not gt); missed in3.
    expect(byId.cat).toMatchObject({ name: 'CAT', support: 2, tp: 1, fp: 1, fn: 1, tn: 2, precision: 0.5, recall: 0.5, f1: 0.5 })
    // dog: predicted on in2, in3 (gt) and in5 (not gt).
    expect(byId.dog).toMatchObject({ support: 2, tp: 2, fp: 1, fn: 0, tn: 2, recall: 1 })
    expect(byId.dog!.precision).toBeCloseTo(2 / 3)
    expect(byId.dog!.f1).toBeCloseTo(0.8)
    expect(byId.bird).toMatchObject({ support: 1, tp: 0, fp: 0, fn: 1, tn: 4, precision: 0, recall: 0, f1: 0 })
    // zebra has no ground truth: reported, not averaged.
    expect(byId.zebra).toMatchObject({ support: 0, tp: 0, fp: 0, fn: 0, tn: 5 })
    expect(s.macro.conceptCount).toBe(3)
    expect(s.macro.precision).toBeCloseTo((0.5 + 2 / 3 + 0) / 3)
    expect(s.macro.recall).toBeCloseTo(0.5)
    expect(s.macro.f1).toBeCloseTo(1.3 / 3)
  })

  it('finds the best F1 threshold per concept', () => {
    const best = Object.fromEntries(bestF1Thresholds(ev).map((b) => [b.id, b]))
    // cat: at 0.4 both positives (0.9, 0.4) and one negative (0.6): F1 = 4/5.
    expect(best.cat!.threshold).toBe(0.4)
    expect(best.cat!.f1).toBeCloseTo(0.8)
    expect(best.cat!.recall).toBe(1)
    // dog: at 0.55 positives 0.8, 0.55 and negative 0.7: F1 = 4/5.
    expect(best.dog!.threshold).toBe(0.55)
    expect(best.dog!.f1).toBeCloseTo(0.8)
    // bird: only at 0.1 is the positive caught, with the 0.2 negative: F1 = 2/3.
    expect(best.bird!.threshold).toBe(0.1)
    expect(best.bird!.f1).toBeCloseTo(2 / 3)
    expect(best.zebra).toEqual({ id: 'zebra', threshold: null, f1: 0, precision: 0, recall: 0 })
  })

  it('prefers the highest threshold among equal F1', () => {
    const e = prepareEvaluation({
      test_set: [
        entry('a', ['x'], [['x', 0.9]]),
        entry('b', [], [['x', 0.6]]),
        entry('c', [], [['x', 0.5]]),
        entry('d', ['x'], [['x', 0.4]]),
      ],
    })
    // 0.9: tp1 fn1 -> 2/3; 0.6: 1/2; 0.5: 2/5; 0.4: tp2 fp2 -> 4/6 = 2/3 again.
    expect(bestF1Thresholds(e)[0]).toMatchObject({ threshold: 0.9, precision: 1, recall: 0.5 })
    expect(bestF1Thresholds(e)[0]!.f1).toBeCloseTo(2 / 3)
  })

  it('computes per-concept deltas on shared concepts', () => {
    const a = conceptStatsAtThreshold(ev, 0.5).concepts
    const b = conceptStatsAtThreshold(ev, 0.35).concepts.filter((c) => c.id !== 'bird')
    const d = conceptStatsDelta(a, b)
    expect(d.map((x) => x.id)).toEqual(['dog', 'cat', 'zebra'])
    // cat at 0.35: tp 2 fp 1 -> recall 1; at 0.5 recall 0.5.
    expect(d.find((x) => x.id === 'cat')!.recall).toBeCloseTo(-0.5)
  })
})

describe('curves', () => {
  it.each([
    ['a perfect classifier', { fpr: [0, 0, 1], tpr: [0, 1, 1] }, 1],
    ['the diagonal', { fpr: [0, 0.5, 1], tpr: [0, 0.5, 1] }, 0.5],
    ['a hand-worked curve', { fpr: [0, 0.5, 1], tpr: [0.5, 1, 1] }, 0.875],
    ['the same curve, thresholds in the other order', { fpr: [1, 0.5, 0], tpr: [1, 1, 0.5] }, 0.875],
    ['a curve without its end points', { fpr: [0.5], tpr: [1] }, 0.875 - 0.125],
    ['non-finite points skipped', { fpr: [0, NaN, 0.5, 1], tpr: [0.5, 1, 1, 1] }, 0.875],
  ])('ROC AUC of %s', (_, roc, expected) => {
    expect(rocAuc(roc)).toBeCloseTo(expected)
  })

  it('has no ROC AUC without points', () => {
    expect(rocAuc(undefined)).toBeNull()
    expect(rocAuc({ fpr: [], tpr: [] })).toBeNull()
    expect(rocAuc({ fpr: [0.1], tpr: null })).toBeNull()
  })

  it('computes average precision like sklearn', () => {
    // y = [1,0,1,0], scores [0.9,0.6,0.4,0.3]: sklearn gives 0.5*1 + 0.5*(2/3) = 0.8333.
    const pr = { recall: [1, 1, 0.5, 0.5, 0], precision: [0.5, 2 / 3, 0.5, 1, 1], thresholds: [0.3, 0.4, 0.6, 0.9, 1] }
    expect(averagePrecision(pr)).toBeCloseTo(5 / 6)
    expect(averagePrecision({ recall: [...pr.recall].reverse(), precision: [...pr.precision].reverse() })).toBeCloseTo(5 / 6)
    expect(averagePrecision({ recall: [1], precision: [1] })).toBe(1)
    expect(averagePrecision({})).toBeNull()
  })

  it('finds the curve point nearest a threshold', () => {
    const roc = { fpr: [0, 0.2, 1], tpr: [0.3, 0.8, 1], thresholds: [0.9, 0.5, 0.1] }
    expect(rocPointAtThreshold(roc, 0.45)).toEqual({ index: 1, x: 0.2, y: 0.8, threshold: 0.5 })
    expect(rocPointAtThreshold(roc, 2)).toMatchObject({ index: 0 })
    const pr = { recall: [1, 0.5], precision: [0.5, 1], thresholds: [0.1, 0.9] }
    expect(prPointAtThreshold(pr, 0.6)).toEqual({ index: 1, x: 0.5, y: 1, threshold: 0.9 })
    expect(prPointAtThreshold({ recall: [1], precision: [NaN], thresholds: [0.5] }, 0.5)).toBeNull()
    expect(rocPointAtThreshold(undefined, 0.5)).toBeNull()
  })

  it('breaks ties in nearestThresholdIndex toward the first', () => {
    expect(nearestThresholdIndex([0.4, 0.6], 0.5)).toBe(0)
    expect(nearestThresholdIndex([NaN, 0.6], 0.5)).toBe(1)
    expect(nearestThresholdIndex([], 0.5)).toBe(-1)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties against naive loops

interface NaiveInput {
  gt: Set<string>
  scores: Map<string, number>
}

const conceptPool = ['a', 'b', 'c', 'd', 'e', 'f']
const score = fc.constantFrom(0, 0.1, 0.25, 0.5, 0.5, 0.75, 0.9, 1)
const wireConcept = fc.record(
  { id: fc.constantFrom(...conceptPool), value: fc.option(score, { nil: undefined }) },
  { requiredKeys: ['id'] },
)
const testSetArb = fc.array(
  fc.record({
    input: fc.record({ id: fc.string({ maxLength: 4 }) }),
    ground_truth_concepts: fc.array(wireConcept, { maxLength: 4 }),
    predicted_concepts: fc.array(wireConcept, { maxLength: 6 }),
  }),
  { maxLength: 25 },
)

function naive(testSet: readonly EvalTestSetEntryWire[]): NaiveInput[] {
  return testSet.map((e) => {
    const gt = new Set<string>()
    for (const c of e.ground_truth_concepts ?? []) if ((c.value ?? 1) > 0) gt.add(c.id!)
    const scores = new Map<string, number>()
    for (const c of e.predicted_concepts ?? []) scores.set(c.id!, Math.max(scores.get(c.id!) ?? -Infinity, c.value ?? 1))
    return { gt, scores }
  })
}

function predicted(x: NaiveInput, c: string, t: number): boolean {
  const s = x.scores.get(c)
  return s !== undefined && s >= t
}

describe('properties', () => {
  it('the inputs of every cell are the naive ones; stats agree with them', () => {
    fc.assert(
      fc.property(testSetArb, score, (testSet, t) => {
        const ev = prepareEvaluation({ test_set: testSet })
        const inputs = naive(testSet)
        const ids = [...ev.conceptIds]
        const lines = [...ids, NONE_ID]
        lines.forEach((a) =>
          lines.forEach((p) => {
            let expected = 0
            for (const x of inputs) {
              const anyPred = ids.some((c) => predicted(x, c, t))
              const actualOk = a === NONE_ID ? x.gt.size === 0 : x.gt.has(a)
              const predOk = p === NONE_ID ? !anyPred : predicted(x, p, t)
              if (actualOk && predOk) expected++
            }
            expect(cellInputsAtThreshold(ev, a, p, t).length, `inputs of ${a} x ${p}`).toBe(expected)
          }),
        )

        const stats = conceptStatsAtThreshold(ev, t)
        stats.concepts.forEach((s, k) => {
          const c = ids[k]!
          const support = inputs.filter((x) => x.gt.has(c)).length
          const fp = inputs.filter((x) => !x.gt.has(c) && predicted(x, c, t)).length
          expect(s.tp + s.fn).toBe(support)
          expect(s.fp).toBe(fp)
          expect(s.tp + s.fp + s.fn + s.tn).toBe(inputs.length)
          // The diagonal cell's inputs are the true positives.
          expect(cellInputsAtThreshold(ev, c, c, t).length).toBe(s.tp)
          expect(s.tn).toBeGreaterThanOrEqual(0)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('best F1 is the maximum over every distinct score, at the highest such threshold', () => {
    fc.assert(
      fc.property(testSetArb, (testSet) => {
        const ev = prepareEvaluation({ test_set: testSet })
        const inputs = naive(testSet)
        bestF1Thresholds(ev).forEach((best, k) => {
          const c = ev.conceptIds[k]!
          const candidates = [...new Set(inputs.flatMap((x) => (x.scores.has(c) ? [x.scores.get(c)!] : [])))].sort((x, y) => y - x)
          let bestF1 = 0
          let bestT: number | null = null
          for (const t of candidates) {
            const tp = inputs.filter((x) => x.gt.has(c) && predicted(x, c, t)).length
            const fp = inputs.filter((x) => !x.gt.has(c) && predicted(x, c, t)).length
            const fn = inputs.filter((x) => x.gt.has(c) && !predicted(x, c, t)).length
            const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
            if (f1 > bestF1 + 1e-12) {
              bestF1 = f1
              bestT = t
            }
          }
          expect(best.f1).toBeCloseTo(bestF1, 12)
          expect(best.threshold).toBe(bestT)
          if (best.threshold !== null) {
            const at = conceptStatsAtThreshold(ev, best.threshold).concepts[k]!
            expect(at.f1).toBeCloseTo(best.f1, 12)
          }
        })
      }),
      { numRuns: 300 },
    )
  })

})

describe('curve properties', () => {
  const labelled = fc.array(fc.record({ positive: fc.boolean(), score }), { minLength: 1, maxLength: 40 })

  // The exact curves of scored examples, one point per distinct threshold, highest first.
  function curves(xs: { positive: boolean; score: number }[]) {
    const pos = xs.filter((x) => x.positive).length
    const neg = xs.length - pos
    const thresholds = [...new Set(xs.map((x) => x.score))].sort((a, b) => b - a)
    const fpr: number[] = []
    const tpr: number[] = []
    const recall: number[] = []
    const precision: number[] = []
    for (const t of thresholds) {
      const tp = xs.filter((x) => x.positive && x.score >= t).length
      const fp = xs.filter((x) => !x.positive && x.score >= t).length
      fpr.push(neg === 0 ? 0 : fp / neg)
      tpr.push(pos === 0 ? 0 : tp / pos)
      recall.push(pos === 0 ? 0 : tp / pos)
      precision.push(tp + fp === 0 ? 1 : tp / (tp + fp))
    }
    return { pos, neg, thresholds, roc: { fpr, tpr, thresholds }, pr: { recall, precision, thresholds } }
  }

  it('ROC AUC by trapezoids equals the Mann-Whitney statistic', () => {
    fc.assert(
      fc.property(labelled, (xs) => {
        const { pos, neg, roc } = curves(xs)
        fc.pre(pos > 0 && neg > 0)
        let wins = 0
        for (const p of xs) if (p.positive) for (const n of xs) if (!n.positive) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0
        expect(rocAuc(roc)).toBeCloseTo(wins / (pos * neg), 10)
        // Shuffled point order gives the same area.
        expect(rocAuc({ fpr: [...roc.fpr].reverse(), tpr: [...roc.tpr].reverse() })).toBeCloseTo(wins / (pos * neg), 10)
      }),
    )
  })

  it('average precision equals the sum of recall steps times precision', () => {
    fc.assert(
      fc.property(labelled, (xs) => {
        const { pos, pr } = curves(xs)
        fc.pre(pos > 0)
        let expected = 0
        let prev = 0
        pr.recall.forEach((r, k) => {
          expected += (r - prev) * pr.precision[k]!
          prev = r
        })
        expect(averagePrecision(pr)).toBeCloseTo(expected, 10)
      }),
    )
  })
})
