import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { bestF1Thresholds, cellInputsAtThreshold, ConceptLimitError, conceptStatsAtThreshold, NONE_ID, OTHER_ID, prepareEvaluation, type EvalMetricsWire, type EvalTestSetEntryWire } from './eval-metrics.ts'
import { sparseFromDense, valueAt } from './sparse-matrix.ts'
import {
  alignedDifference,
  areaTable,
  binaryByConcept,
  buildMatrixView,
  checkEvalMetrics,
  checkSummary,
  conceptApiFacts,
  conceptRows,
  conceptRowsAt,
  countsAt,
  evaluationState,
  labelCounts,
  labelDistribution,
  sortLabels,
  topLabels,
  layoutFor,
  matrixCsv,
  parseEvaluationFile,
  sparseCsv,
  statsAt,
  type LabeledMatrix,
  probabilityMatrix,
  withoutSections,
  worstConcepts,
} from './eval-view.ts'

function entry(id: string, gt: string[], preds: [string, number][]): EvalTestSetEntryWire {
  return {
    input: { id },
    ground_truth_concepts: gt.map((c) => ({ id: c, name: c.toUpperCase(), value: 1 })),
    predicted_concepts: preds.map(([c, value]) => ({ id: c, name: c.toUpperCase(), value })),
  }
}

const small: EvalMetricsWire = {
  confusion_matrix: {
    concept_ids: ['dog', 'cat', 'bird'],
    matrix: [
      { actual: 'cat', predicted: 'cat', value: 0.65 },
      { actual: 'cat', predicted: 'dog', value: 0.55 },
      { actual: 'dog', predicted: 'dog', value: 0.675 },
      { actual: 'bird', predicted: 'bird', value: 0.1 },
    ],
  },
  binary_metrics: [
    { concept: { id: 'dog', name: 'DOG' }, num_pos: 2, roc_auc: 0.9, f1: 0.5, roc_curve: { fpr: [0, 0.5, 1], tpr: [0, 1, 1], thresholds: [1, 0.5, 0] } },
    { concept: { id: 'cat', name: 'CAT' }, num_pos: 3 },
  ],
  test_set: [
    entry('in1', ['cat'], [['cat', 0.9], ['dog', 0.3]]),
    entry('in2', ['dog'], [['cat', 0.6], ['dog', 0.55]]),
    entry('in3', ['cat', 'dog'], [['cat', 0.4], ['dog', 0.8], ['bird', 0.2]]),
    entry('in4', ['bird'], [['bird', 0.1]]),
    entry('in5', [], [['dog', 0.7]]),
  ],
}

function at(m: LabeledMatrix, row: string, col: string): number {
  return valueAt(m, m.rowIds.indexOf(row), m.colIds.indexOf(col))
}

describe('evaluationState', () => {
  it.each([
    [21300, 'evaluated'],
    [21301, 'pending'],
    [21303, 'pending'],
    [21302, 'not-evaluated'],
    [21310, 'failed'],
    [21317, 'failed'],
    [21319, 'failed'],
    [21320, 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%s is %s', (code, state) => {
    expect(evaluationState(code)).toBe(state)
  })
})

describe('buildMatrixView', () => {
  const ev = prepareEvaluation(small)
  const concepts = ['dog', 'cat', 'bird']

  it('counts at the threshold, with a (none) column, and the counts aligned for tooltips', () => {
    const view = buildMatrixView(ev, small, { mode: 'counts', threshold: 0.5, concepts })
    expect(view.valueKind).toBe('count')
    expect(view.matrix.colIds).toEqual(['dog', 'cat', 'bird', NONE_ID])
    // in1 (cat): cat 0.9; in2 (dog): cat 0.6, dog 0.55; in3 (cat, dog): dog 0.8; in4 (bird): nothing.
    expect(at(view.matrix, 'cat', 'cat')).toBe(1)
    expect(at(view.matrix, 'cat', 'dog')).toBe(1)
    expect(at(view.matrix, 'dog', 'dog')).toBe(2)
    expect(at(view.matrix, 'dog', 'cat')).toBe(1)
    expect(at(view.matrix, 'bird', NONE_ID)).toBe(1)
    expect(at(view.matrix, 'bird', 'bird')).toBe(0)
    expect(view.counts).toBe(view.matrix)
    expect(Array.from(view.countTotals!.rowSums)).toEqual([3, 2, 1])
    expect(view.other).toBe(-1)
  })

  it('normalizes counts by row, column and over all', () => {
    const row = buildMatrixView(ev, small, { mode: 'row', threshold: 0.5, concepts })
    expect(at(row.matrix, 'dog', 'dog')).toBeCloseTo(2 / 3)
    expect(at(row.counts!, 'dog', 'dog')).toBe(2)
    const col = buildMatrixView(ev, small, { mode: 'column', threshold: 0.5, concepts })
    expect(at(col.matrix, 'cat', 'dog')).toBeCloseTo(1 / 3)
    const all = buildMatrixView(ev, small, { mode: 'all', threshold: 0.5, concepts })
    let total = 0
    for (const v of all.matrix.value.subarray(0, all.matrix.nnz)) total += v
    expect(total).toBeCloseTo(1)
    expect(all.valueKind).toBe('share')
  })

  it('shows the API probabilities and counts on the same rows, and folds top-N', () => {
    const view = buildMatrixView(ev, small, { mode: 'probability', threshold: 0.5, concepts })
    expect(view.valueKind).toBe('probability')
    expect(view.matrix.colIds).toEqual(concepts)
    expect(at(view.matrix, 'cat', 'dog')).toBe(0.55)
    expect(at(view.counts!, 'cat', 'dog')).toBe(1)
    const folded = buildMatrixView(ev, small, { mode: 'counts', threshold: 0.5, concepts, top: 1 })
    expect(folded.matrix.rowIds).toEqual(['dog', OTHER_ID])
    expect(folded.matrix.colIds).toEqual(['dog', OTHER_ID, NONE_ID])
    expect(folded.other).toBe(1)
    // (other) x (other): cat->cat 1, plus nothing else among cat and bird at 0.5.
    expect(at(folded.matrix, OTHER_ID, OTHER_ID)).toBe(1)
    expect(at(folded.matrix, OTHER_ID, 'dog')).toBe(1)
    expect(at(folded.matrix, OTHER_ID, NONE_ID)).toBe(1)
    const p = probabilityMatrix(ev, small, concepts, 1)
    expect(p.matrix.rowIds).toEqual(['dog', OTHER_ID])
    // Folded row: cat (3 inputs) and bird (1 input) weighted by frequency; columns add up.
    expect(at(p.matrix, OTHER_ID, 'dog')).toBeCloseTo((0.55 * 2) / 3)
  })

  it('falls back to probabilities without a test set', () => {
    const noTests = { confusion_matrix: small.confusion_matrix }
    const view = buildMatrixView(prepareEvaluation(noTests), noTests, { mode: 'counts', threshold: 0.5, concepts })
    expect(view.valueKind).toBe('probability')
    expect(view.counts).toBeNull()
  })

  it('property: each count cell equals the inputs listed for that cell, whatever the order of threshold moves', () => {
    const ids = ['a', 'b', 'c', 'd']
    const arbEntry = fc.record({
      gt: fc.subarray(ids),
      preds: fc.array(fc.tuple(fc.constantFrom(...ids), fc.integer({ min: 0, max: 100 }).map((x) => x / 100)), { maxLength: 4 }),
    })
    const arbT = fc.integer({ min: 0, max: 100 }).map((x) => x / 100)
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 30 }), fc.array(arbT, { minLength: 1, maxLength: 4 }), (entries, ts) => {
        const metrics: EvalMetricsWire = { test_set: entries.map((e, i) => entry(`i${i}`, e.gt, e.preds)) }
        const e = prepareEvaluation(metrics)
        const shown = e.conceptIds.slice()
        // The engine moves incrementally between thresholds: each step must match a fresh count.
        for (const t of ts) {
          const view = buildMatrixView(e, metrics, { mode: 'counts', threshold: t, concepts: shown })
          for (let i = 0; i < view.matrix.rows; i++) {
            for (let j = 0; j < view.matrix.cols; j++) {
              expect(valueAt(view.matrix, i, j)).toBe(cellInputsAtThreshold(e, view.matrix.rowIds[i]!, view.matrix.colIds[j]!, t).length)
            }
          }
          const fresh = conceptStatsAtThreshold(e, t)
          expect(statsAt(e, t).concepts).toEqual(fresh.concepts)
        }
      }),
      { numRuns: 60 },
    )
  })
})

describe('matrixCsv and sparseCsv', () => {
  const m = { ...sparseFromDense(Float64Array.of(0, 2), 1, 2), rowIds: ['a'], colIds: ['a', NONE_ID] }
  it('writes a header of column ids and one line per row', () => {
    expect(matrixCsv(m, (i, j) => String(i + j))).toBe('actual \\ predicted,a,(none)\r\na,0,1\r\n')
  })
  it('lists the non-zero cells of any matrix', () => {
    expect(sparseCsv(m)).toBe('actual_id,predicted_id,value\r\na,(none),2\r\n')
  })
  it('refuses a dense grid past the export bound', () => {
    const big = { rows: 10_000, cols: 10_001, nnz: 0, row: new Uint32Array(0), col: new Uint32Array(0), value: new Float64Array(0), rowIds: [], colIds: [] }
    expect(() => matrixCsv(big, () => '')).toThrow(/over the limit/)
  })
})

/** An evaluation with n concepts: one input per concept, each predicted as itself and its neighbour. */
function wideEvaluation(n: number): EvalMetricsWire {
  const ids = Array.from({ length: n }, (_, k) => `c${k}`)
  return {
    confusion_matrix: { concept_ids: ids, matrix: ids.map((id, k) => ({ actual: id, predicted: ids[(k + 1) % n]!, value: 0.3 })) },
    test_set: ids.map((id, k) => entry(`in${k}`, [id], [[id, 0.9], [ids[(k + 1) % n]!, 0.6]])),
  }
}

describe('scale', () => {
  it('names the concept limit for 100,000 concept ids instead of allocating', () => {
    const ids = Array.from({ length: 100_000 }, (_, k) => `c${k}`)
    expect(() => prepareEvaluation({ confusion_matrix: { concept_ids: ids } })).toThrow(ConceptLimitError)
    expect(() => prepareEvaluation({ confusion_matrix: { concept_ids: ids } })).toThrow(/100,000 concepts; the viewer handles at most 50,000/)
    const r = parseEvaluationFile(JSON.stringify({ confusion_matrix: { concept_ids: ids } }))
    expect(r.kind).toBe('evaluation')
  })

  it('views a 20,000-concept evaluation in memory proportional to its cells', () => {
    const metrics = wideEvaluation(20_000)
    const before = process.memoryUsage().arrayBuffers
    const ev = prepareEvaluation(metrics)
    const order = ev.conceptIds
    const counts = buildMatrixView(ev, metrics, { mode: 'row', threshold: 0.5, concepts: order })
    const probability = buildMatrixView(ev, metrics, { mode: 'probability', threshold: 0.5, concepts: order })
    const folded = buildMatrixView(ev, metrics, { mode: 'counts', threshold: 0.3, concepts: order, top: 50 })
    const grown = process.memoryUsage().arrayBuffers - before
    expect(counts.matrix.rows).toBe(20_000)
    expect(counts.counts!.nnz).toBe(40_000)
    expect(probability.matrix.nnz).toBe(20_000)
    expect(folded.matrix.rows).toBe(51)
    // A dense 20,000 x 20,000 matrix of doubles would be 3.2 GB; the sparse views stay under 64 MB.
    expect(grown).toBeLessThan(64 * 1024 * 1024)
  })
})

describe('conceptRows and checks', () => {
  const ev = prepareEvaluation(small)
  const rows = conceptRows(ev, conceptStatsAtThreshold(ev, 0.5), bestF1Thresholds(ev), conceptApiFacts(binaryByConcept(small.binary_metrics)))

  it('checks num_pos against TP + FN', () => {
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get('dog')!.check).toBe('match')
    expect(byId.get('cat')!.check).toBe('mismatch')
    expect(byId.get('bird')!.check).toBe('absent')
    const summary = checkSummary(rows)
    expect(summary.checked).toBe(2)
    expect(summary.mismatched.map((r) => r.id)).toEqual(['cat'])
  })

  it('carries the API figures and the curve areas', () => {
    const dog = rows.find((r) => r.id === 'dog')!
    expect(dog.apiRocAuc).toBe(0.9)
    expect(dog.curveAuc).toBeCloseTo(0.75)
    expect(dog.bestThreshold).not.toBeNull()
  })
})

describe('alignedDifference', () => {
  const labeled = (values: number[], rowIds: string[], colIds: string[]): LabeledMatrix => ({ ...sparseFromDense(Float64Array.from(values), rowIds.length, colIds.length), rowIds, colIds })
  it('subtracts B from A on the lines both have, in A order, and names what only one side has', () => {
    const a = labeled([1, 2, 0, 3, 4, 5, 6, 0, 7], ['x', 'y', 'z'], ['x', 'y', NONE_ID])
    const b = labeled([4, 1, 2, 1, 9, 9], ['y', 'x', 'w'], ['y', 'x'])
    const d = alignedDifference(a, b)
    expect(d.rowIds).toEqual(['x', 'y'])
    expect(d.colIds).toEqual(['x', 'y'])
    // A(x,x)=1 - B(x,x)=1; A(x,y)=2 - B(x,y)=2; A(y,x)=3 - B(y,x)=1; A(y,y)=4 - B(y,y)=4.
    expect([at(d, 'x', 'x'), at(d, 'x', 'y'), at(d, 'y', 'x'), at(d, 'y', 'y')]).toEqual([0, 0, 2, 0])
    expect(d.nnz).toBe(1)
    expect(d.onlyInA).toEqual(['z', NONE_ID])
    expect(d.onlyInB).toEqual(['w'])
  })

  it('follows the counts as the threshold moves, aligning the same id arrays once', () => {
    const evA = prepareEvaluation(small)
    const evB = prepareEvaluation({ ...small, test_set: small.test_set!.slice(1) })
    const order = ['dog', 'cat', 'bird']
    const a1 = countsAt(evA, 0.5, order)
    const b1 = countsAt(evB, 0.5, order)
    const first = alignedDifference(a1, b1)
    const a2 = countsAt(evA, 0.95, order)
    const b2 = countsAt(evB, 0.95, order)
    expect(a2.rowIds).toBe(a1.rowIds)
    const second = alignedDifference(a2, b2)
    expect(second.rowIds).toBe(first.rowIds)
    // in1 (cat, cat 0.9) is only in A: at 0.5 A has one more (cat, cat) than B.
    expect(at(first, 'cat', 'cat')).toBe(1)
    expect(at(second, 'cat', 'cat')).toBe(0)
  })
})

describe('conceptRowsAt', () => {
  it('rebuilds the rows of the concepts a step moved and keeps the others', () => {
    const ev = prepareEvaluation(small)
    const facts = conceptApiFacts(binaryByConcept(small.binary_metrics))
    const best = bestF1Thresholds(ev)
    const a = conceptRowsAt(ev, statsAt(ev, 0.5), best, facts)
    expect(conceptRowsAt(ev, statsAt(ev, 0.5), best, facts)).toBe(a)
    const b = conceptRowsAt(ev, statsAt(ev, 0.58), best, facts)
    expect(b).toEqual(conceptRows(ev, conceptStatsAtThreshold(ev, 0.58), best, facts))
    // Between 0.5 and 0.58 only dog's 0.55 is crossed.
    const byId = (rows: typeof a, id: string) => rows.find((r) => r.id === id)!
    expect(byId(b, 'dog')).not.toBe(byId(a, 'dog'))
    expect(byId(b, 'dog').tp).toBe(byId(a, 'dog').tp - 1)
    expect(byId(b, 'cat')).toBe(byId(a, 'cat'))
    expect(byId(b, 'bird')).toBe(byId(a, 'bird'))
    // The step copied the earlier list: the rows at 0.5 are still the rows at 0.5.
    expect(a).toEqual(conceptRows(ev, conceptStatsAtThreshold(ev, 0.5), best, facts))
    expect(statsAt(ev, 0.5).concepts).toEqual(conceptStatsAtThreshold(ev, 0.5).concepts)
    expect(b).toEqual(conceptRows(ev, conceptStatsAtThreshold(ev, 0.58), best, facts))
  })
})

describe('worstConcepts', () => {
  const ev = prepareEvaluation(small)
  const facts = conceptApiFacts(binaryByConcept(small.binary_metrics))
  it('picks concepts with support and curves, worst F1 first, ties by name', () => {
    const rows = conceptRows(ev, conceptStatsAtThreshold(ev, 0.5), bestF1Thresholds(ev), facts)
    const all = () => true
    const expected = rows
      .filter((r) => r.support > 0)
      .sort((a, b) => a.f1 - b.f1 || a.name.localeCompare(b.name))
      .map((r) => r.id)
    expect(worstConcepts(ev, rows, all, 10)).toEqual(expected)
    expect(worstConcepts(ev, rows, all, 1)).toEqual(expected.slice(0, 1))
    expect(worstConcepts(ev, rows, (id) => id === 'dog', 3)).toEqual(['dog'])
    const tied = rows.map((r) => ({ ...r, f1: 0.5 }))
    expect(worstConcepts(ev, tied, all, 2)).toEqual(['bird', 'cat'])
  })
})

describe('statsAt and layoutFor', () => {
  it('gives the same stats object while the counts stay put, and fresh figures when they move', () => {
    const ev = prepareEvaluation(small)
    const a = statsAt(ev, 0.5)
    expect(statsAt(ev, 0.5)).toBe(a)
    const b = statsAt(ev, 0.95)
    expect(b).not.toBe(a)
    expect(b.concepts.map((c) => c.tp)).toEqual(conceptStatsAtThreshold(ev, 0.95).concepts.map((c) => c.tp))
    expect(statsAt(ev, 0.5).concepts.map((c) => c.tp)).toEqual(a.concepts.map((c) => c.tp))
  })

  it('keeps one layout per concept order and top-N', () => {
    const ev = prepareEvaluation(small)
    const order = ['cat', 'dog', 'bird']
    expect(layoutFor(ev, order)).toBe(layoutFor(ev, order))
    expect(layoutFor(ev, order, 1)).not.toBe(layoutFor(ev, order))
    expect(layoutFor(ev, order, 1).ids).toEqual(['cat', OTHER_ID])
    expect(layoutFor(ev, [...order]).ids).toEqual(['cat', 'dog', 'bird'])
  })
})

describe('labelDistribution', () => {
  it('uses label_counts when sent, else the test set, largest first', () => {
    const ev = prepareEvaluation(small)
    expect(labelDistribution(ev, small).map((c) => [c.id, c.count])).toEqual([
      ['cat', 2],
      ['dog', 2],
      ['bird', 1],
    ])
    const sent = { label_counts: { positive_label_counts: [{ concept: { id: 'dog', name: 'DOG' }, count: 9 }, { concept_name: 'mystery', count: 3 }] } }
    expect(labelDistribution(ev, sent).map((c) => [c.id, c.name, c.count])).toEqual([
      ['dog', 'DOG', 9],
      ['mystery', 'mystery', 3],
    ])
  })

  it('gives its first n without sorting them all, in the same order', () => {
    const ev = prepareEvaluation(small)
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.constantFrom('a', 'B', 'b', 'é', 'z', 'Zed', '10', '9'), count: fc.integer({ min: 0, max: 4 }) })), fc.integer({ min: 0, max: 8 }), (entries, n) => {
        const sent = { label_counts: { positive_label_counts: entries.map((e, k) => ({ concept: { id: `c${k}`, name: e.name }, count: e.count })) } }
        const all = labelDistribution(ev, sent)
        expect(sortLabels(labelCounts(ev, sent))).toEqual(all)
        // Concepts equal in count and in name as compared (case and accents aside) may come in either order.
        const top = topLabels(labelCounts(ev, sent), n)
        expect(top).toHaveLength(Math.min(n, all.length))
        const names = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
        top.forEach((c, k) => {
          expect(c.count).toBe(all[k]!.count)
          expect(names.compare(c.name, all[k]!.name)).toBe(0)
        })
      }),
    )
  })
})

describe('areaTable', () => {
  it('pivots metrics by area into one row per class', () => {
    const ev = prepareEvaluation({})
    const t = areaTable(
      [
        { concept: { id: 'a' }, area_name: 'small', avg_precision: 0.5, num_pos: 3 },
        { concept: { id: 'a' }, area_name: 'large', avg_precision: 0.7 },
        { concept: { id: 'b' }, area_name: 'large', avg_precision: 0.2 },
      ],
      ev,
    )
    expect(t.areas).toEqual(['small', 'large'])
    expect(t.rows).toEqual([
      { id: 'a', name: 'a', ap: [0.5, 0.7], numPos: [3, null] },
      { id: 'b', name: 'b', ap: [null, 0.2], numPos: [null, null] },
    ])
  })
})

describe('checkEvalMetrics', () => {
  it('accepts a sound evaluation', () => {
    expect(checkEvalMetrics(small as Record<string, unknown>)).toEqual([])
  })

  it.each([
    [{ confusion_matrix: 'x' }, 'confusion_matrix', "confusion_matrix is the text 'x', not an object"],
    [{ confusion_matrix: { matrix: [{ value: 'abc' }] } }, 'confusion_matrix', "confusion_matrix.matrix[0].value is the text 'abc', not a number"],
    [{ cooccurrence_matrix: { matrix: [{ count: -1 }] } }, 'cooccurrence_matrix', 'cooccurrence_matrix.matrix[0].count is number -1, not a count'],
    [{ test_set: {} }, 'test_set', 'test_set is an object, not a list'],
    [{ test_set: [{ predicted_concepts: [{ id: 'a', value: '0.5' }] }] }, 'test_set', "test_set[0].predicted_concepts[0].value is the text '0.5', not a number"],
    [{ binary_metrics: [{ roc_curve: { fpr: [0, 1], tpr: [0] } }] }, 'binary_metrics', 'binary_metrics[0].roc_curve.tpr has 1 points but fpr has 2'],
    [{ summary: { macro_avg_f1_score: 'high' } }, 'summary', 'summary.macro_avg_f1_score is not a number'],
    [{ label_counts: { positive_label_counts: 3 } }, 'label_counts', 'label_counts.positive_label_counts is number 3, not a list'],
  ])('names the problem in %j', (m, section, message) => {
    expect(checkEvalMetrics(m as Record<string, unknown>)).toEqual([{ section, message }])
  })

  it('leaves the failed sections out and keeps the rest', () => {
    const m = { summary: { macro_avg_f1_score: 0.5 }, test_set: 'bad' } as Record<string, unknown>
    const problems = checkEvalMetrics(m)
    expect(withoutSections(m, problems)).toEqual({ summary: { macro_avg_f1_score: 0.5 } })
    expect(withoutSections(m, [])).toBe(m)
  })
})

describe('parseEvaluationFile', () => {
  it('reads a GetEvaluation answer and a bare EvalMetrics', () => {
    const body = JSON.stringify({ status: { code: 10000 }, eval_metrics: small })
    const a = parseEvaluationFile(body)
    expect(a.kind).toBe('evaluation')
    expect(a.kind === 'evaluation' && a.metrics.test_set).toEqual(small.test_set)
    const b = parseEvaluationFile(JSON.stringify(small))
    expect(b.kind === 'evaluation' && b.problems).toEqual([])
  })

  it('reads a list answer of one evaluation and refuses longer lists', () => {
    expect(parseEvaluationFile(JSON.stringify({ eval_metrics: [small] })).kind).toBe('evaluation')
    const many = parseEvaluationFile(JSON.stringify({ eval_metrics: [small, small] }))
    expect(many).toEqual({ kind: 'error', message: expect.stringContaining('a list of 2 evaluations') })
  })

  it('names invalid JSON and files that are not evaluations', () => {
    expect(parseEvaluationFile('{"eval_metrics": ')).toEqual({ kind: 'error', message: expect.stringMatching(/^The file is not valid JSON: /) })
    expect(parseEvaluationFile('[1, 2]')).toEqual({ kind: 'error', message: 'The file holds a list, not an evaluation object.' })
    expect(parseEvaluationFile('{"hello": 1}')).toEqual({ kind: 'error', message: expect.stringContaining('has no evaluation fields') })
    expect(parseEvaluationFile('{"eval_metrics": 5}')).toEqual({ kind: 'error', message: 'eval_metrics is number 5, not an evaluation object.' })
  })

  it('reads a MatrixUint64 with the exact decoder, which names what is malformed', () => {
    const ok = parseEvaluationFile('{"n_cols": "2", "data": ["1", "18446744073709551615", "0", "3"]}')
    expect(ok.kind === 'matrix' && ok.result.ok && ok.result.matrix.getExact(0, 1)).toBe('18446744073709551615')
    const bad = parseEvaluationFile('{"n_cols": "2", "data": ["1", "-2", "0", "3"]}')
    expect(bad.kind === 'matrix' && !bad.result.ok && bad.result.error.kind).toBe('value')
    const ragged = parseEvaluationFile('{"n_cols": "2", "data": ["1", "2", "3"]}')
    expect(ragged.kind === 'matrix' && !ragged.result.ok && ragged.result.error.kind).toBe('length')
  })

  it('reports a malformed section of an evaluation file', () => {
    const parsed = parseEvaluationFile(JSON.stringify({ ...small, confusion_matrix: { matrix: 'oops' } }))
    expect(parsed.kind === 'evaluation' && parsed.problems).toEqual([{ section: 'confusion_matrix', message: "confusion_matrix.matrix is the text 'oops', not a list" }])
  })
})
