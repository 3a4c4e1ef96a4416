import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { BinaryCurves, packBinary } from './eval-binary.ts'
import { crossingText, loadedEvaluation, loadEvaluationBody, packStrings, prepareEvaluationWire, reviveEvaluation, reviveEvaluationSteps, reviveFile, textOf, transferablesOf, unpackStrings, type LoadMessage } from './eval-load.ts'
import { averagePrecision, bestF1Thresholds, ConceptLimitError, MAX_CONCEPTS, prepareEvaluation, rocAuc, type BinaryMetricsWire, type EvalMetricsWire, type EvalTestSetEntryWire } from './eval-metrics.ts'
import { nameRanks } from './concept-order.ts'
import { packRegions, regionsOf } from './eval-regions.ts'
import { annotationShapes, imageSize } from './regions.ts'
import { binaryByConcept, buildMatrixView, checkEvalMetrics, conceptApiFacts, cooccurrenceMatrix, conceptRowsAt, engineFor, hasCooccurrence, nameRankOf, rowRanksOf, statsAt } from './eval-view.ts'

function entry(id: string, gt: string[], preds: [string, number][]): EvalTestSetEntryWire {
  return {
    input: { id, data: { image: { url: `https://x/${id}.jpg` } } },
    ground_truth_concepts: gt.map((c) => ({ id: c, name: c.toUpperCase(), value: 1 })),
    predicted_concepts: preds.map(([c, value]) => ({ id: c, name: c.toUpperCase(), value })),
  }
}

const small = {
  status: { code: 21300, description: 'Model was successfully evaluated.' },
  summary: { macro_avg_f1_score: 0.5 },
  label_counts: { positive_label_counts: [{ concept: { id: 'cat' }, count: 2 }] },
  confusion_matrix: {
    concept_ids: ['dog', 'cat', 'bird'],
    matrix: [
      { actual: 'cat', predicted: 'cat', value: 0.65 },
      { actual: 'cat', predicted: 'dog', value: 0.55 },
      { actual: 'dog', predicted: 'dog', value: 0.675 },
    ],
  },
  cooccurrence_matrix: { matrix: [{ row: 'cat', col: 'dog', count: 1 }] },
  binary_metrics: [
    { concept: { id: 'dog', name: 'DOG' }, num_pos: 2, roc_auc: 0.9, f1: 0.5, roc_curve: { fpr: [0, 0.5, 1], tpr: [0, 1, 1], thresholds: [1, 0.5, 0] }, precision_recall_curve: { recall: [1, 0.5], precision: [0.5, 1], thresholds: [0, 0.5] } },
    { concept: { id: 'cat', name: 'CAT' }, num_pos: 3 },
    { concept: { id: 'dog' }, num_pos: 99 },
  ],
  test_set: [
    entry('in1', ['cat'], [['cat', 0.9], ['dog', 0.3]]),
    entry('in2', ['dog'], [['cat', 0.6], ['dog', 0.55]]),
    entry('in3', ['cat', 'dog'], [['cat', 0.4], ['dog', 0.8], ['bird', 0.2]]),
    { input: { id: 'in4' }, ground_truth_concepts: [{ id: 'bird' }], predicted_concepts: [{ id: 'bird', value: 0.1 }] },
  ],
}

/** The worker's trip: prepared, cloned with its buffers transferred, revived. */
function roundTrip(metrics: Record<string, unknown>) {
  const message: LoadMessage = { kind: 'evaluation', evaluation: prepareEvaluationWire(metrics) }
  const crossed = structuredClone(message, { transfer: transferablesOf(message) })
  if (crossed.kind !== 'evaluation') throw new Error('not an evaluation')
  return { message, loaded: reviveEvaluation(crossed.evaluation) }
}

describe('preparing an evaluation to cross to the page', () => {
  it('gives the page what preparing in place gives, through a structured clone with every buffer transferred', () => {
    const { message, loaded } = roundTrip(small)
    const direct = prepareEvaluation(small as EvalMetricsWire)
    const ev = loaded.ev!
    for (const k of ['conceptIds', 'conceptNames', 'apiOrder', 'inputIds', 'imageUrls', 'inputCount'] as const) expect(ev[k]).toEqual(direct[k])
    for (const k of ['frequency', 'gtOffsets', 'gtConcepts', 'predOffsets', 'predConcepts', 'predScores', 'predIsGt', 'support'] as const) expect(Array.from(ev[k])).toEqual(Array.from(direct[k]))
    expect([...ev.conceptIndex]).toEqual([...direct.conceptIndex])
    // Every typed array crossed by transfer: the sender's buffers are gone.
    expect(transferablesOf(message).every((b) => b.byteLength === 0)).toBe(true)
    if (message.kind === 'evaluation') expect(message.evaluation.prepared!.ev.predScores.length).toBe(0)
  })

  it('keeps the threshold engine, best F1 and the matrices working on the page side', () => {
    const { loaded } = roundTrip(small)
    const ev = loaded.ev!
    const direct = prepareEvaluation(small as EvalMetricsWire)
    for (const t of [0, 0.3, 0.5, 0.85, 1.1]) expect(statsAt(ev, t)).toEqual(statsAt(direct, t))
    expect(engineFor(ev).ev).toBe(ev)
    expect(bestF1Thresholds(ev)).toEqual(bestF1Thresholds(direct))
    const options = { mode: 'probability' as const, threshold: 0.5, concepts: ['dog', 'cat', 'bird'] }
    // The heavy sections are gone from the page's metrics; the prepared cells stand in for them.
    expect(loaded.metrics.confusion_matrix).toBeUndefined()
    const view = buildMatrixView(ev, loaded.metrics, options)
    const reference = buildMatrixView(direct, small as EvalMetricsWire, options)
    expect(Array.from(view.matrix.value.subarray(0, view.matrix.nnz))).toEqual(Array.from(reference.matrix.value.subarray(0, reference.matrix.nnz)))
    expect(cooccurrenceMatrix(ev, loaded.metrics, options.concepts).nnz).toBe(1)
    expect(hasCooccurrence(ev, loaded.metrics)).toBe(true)
    expect(hasCooccurrence(roundTrip({ ...small, cooccurrence_matrix: undefined }).loaded.ev!, {})).toBe(false)
  })

  it('hands the page the name ranks computed where it was prepared, equal to ranking in place', () => {
    const metrics = { ...small, binary_metrics: [{ concept: { id: 'zeta', name: 'Émile' } }, { concept: { id: 'alpha', name: 'zebra' } }, { concept: { id: 'mid', name: 'apple' } }] }
    const message: LoadMessage = { kind: 'evaluation', evaluation: prepareEvaluationWire(metrics) }
    const crossed = structuredClone(message, { transfer: transferablesOf(message) })
    if (crossed.kind !== 'evaluation') throw new Error('not an evaluation')
    const ev = reviveEvaluation(crossed.evaluation).ev!
    // The page ranks nothing itself: the ranks are the ones that crossed.
    expect(nameRankOf(ev)).toBe(crossed.evaluation.prepared!.nameRanks)
    expect(Array.from(nameRankOf(ev))).toEqual(Array.from(nameRankOf(prepareEvaluation(metrics as EvalMetricsWire))))
    expect(nameRankOf(ev)).toHaveLength(ev.conceptNames.length)
    expect(rowRanksOf(ev)).toBe(crossed.evaluation.prepared!.rowRanks)
    expect(Array.from(rowRanksOf(ev))).toEqual(Array.from(nameRanks(conceptRowsAt(ev, statsAt(ev, 0.5), [], new Map()))))
  })

  it('sends the small sections as they were and flags whether there are results', () => {
    const { loaded } = roundTrip(small)
    expect(loaded.metrics.summary).toEqual(small.summary)
    expect(loaded.metrics.label_counts).toEqual(small.label_counts)
    expect(loaded.metrics.label_counts).toBe(loaded.metrics.label_counts)
    expect(Object.keys(loaded.metrics).sort()).toEqual(['label_counts', 'status', 'summary'])
    expect(loaded.hasResults).toBe(true)
    expect(roundTrip({ status: { code: 21301 } }).loaded.hasResults).toBe(false)
  })

  it('reads binary_metrics back as sent, the first entry per concept, with the API facts computed once', () => {
    const { loaded } = roundTrip(small)
    const reference = binaryByConcept(small.binary_metrics as BinaryMetricsWire[])
    expect([...loaded.binary.keys()]).toEqual([...reference.keys()])
    expect(loaded.binary.get('dog')).toEqual(reference.get('dog'))
    expect(loaded.binary.get('cat')).toEqual({ concept: { id: 'cat', name: 'CAT' }, num_pos: 3 })
    expect(loaded.binary.get('dog')).toBe(loaded.binary.get('dog'))
    expect(loaded.binary.has('bird')).toBe(false)
    expect(conceptApiFacts(loaded.binary)).toEqual(conceptApiFacts(reference))
  })

  it('leaves malformed sections out and says which, as data', () => {
    const { loaded } = roundTrip({ ...small, binary_metrics: [{ num_pos: 'many' }], cooccurrence_matrix: 'oops' })
    expect(loaded.problems.map((p) => p.section)).toEqual(['cooccurrence_matrix', 'binary_metrics'])
    expect(loaded.binary.size).toBe(0)
    expect(loaded.ev!.conceptIds).toEqual(['dog', 'cat', 'bird'])
  })

  it('names the concept limit as data instead of preparing', () => {
    const ids = Array.from({ length: MAX_CONCEPTS * 2 }, (_, k) => `c${k}`)
    const { loaded } = roundTrip({ confusion_matrix: { concept_ids: ids } })
    expect(loaded.ev).toBeNull()
    expect(loaded.limit).toBeInstanceOf(ConceptLimitError)
    expect(loaded.limit!.message).toBe(new ConceptLimitError(MAX_CONCEPTS * 2).message)
  })

  it('carries detection regions and image sizes as typed arrays, read back per input', () => {
    const box = (top: number, value?: number) => ({ region_info: { bounding_box: { top_row: top, left_col: 0.1, bottom_row: 0.9, right_col: 0.8 } }, data: { concepts: [{ id: 'dent', name: 'dent' }] }, ...(value === undefined ? {} : { value }) })
    const testSet = [
      { input: { id: 'a', data: { image: { url: 'u', image_info: { width: 640, height: 480 } } } }, ground_truth_annotation: { data: { regions: [box(0.2)] } }, predicted_annotation: { data: { regions: [box(0.3, 0.7), { region_info: { polygon: { points: [{ row: 0.1, col: 0.1 }, { row: 0.5 }, { col: 0.9, row: 0.9 }] } } }] } } },
      { input: { id: 'b' } },
    ]
    const { loaded } = roundTrip({ test_set: testSet })
    for (const [i, e] of testSet.entries()) {
      expect(loaded.ev!.regionsAt!(i)).toEqual({ truth: annotationShapes(e.ground_truth_annotation), predicted: annotationShapes(e.predicted_annotation), size: imageSize(e.input) })
    }
    expect(packRegions([{ input: {} }])).toBeNull()
    expect(regionsOf(null, 0)).toEqual({ truth: [], predicted: [], size: undefined })
  })

  it('prepares an in-memory object with the same function', () => {
    const loaded = loadedEvaluation(small)
    expect(loaded.ev!.conceptIds).toEqual(['dog', 'cat', 'bird'])
    expect(checkEvalMetrics(small)).toEqual(loaded.problems)
  })
})

describe('the bodies the worker reads', () => {
  const encode = (x: unknown) => new TextEncoder().encode(typeof x === 'string' ? x : JSON.stringify(x))

  it('reads a GetEvaluation answer, and turns a non-10000 status or a bad body into a problem to report', () => {
    const ok = loadEvaluationBody(encode({ status: { code: 10000 }, eval_metrics: small }), 'api')
    expect(ok.kind === 'evaluation' && ok.evaluation.prepared?.ev.inputCount).toBe(4)
    expect(loadEvaluationBody(encode({ status: { code: 21200, description: 'Nope', details: 'd', req_id: 'r' } }), 'api')).toEqual({ kind: 'answer-error', problem: { kind: 'status', code: 21200, description: 'Nope', details: 'd', reqId: 'r' } })
    expect(loadEvaluationBody(encode('{"status": '), 'api')).toEqual({ kind: 'answer-error', problem: { kind: 'malformed' } })
    expect(loadEvaluationBody(encode('  '), 'api')).toMatchObject({ kind: 'answer-error', problem: { kind: 'malformed' } })
    const bare = loadEvaluationBody(encode({ status: { code: 10000 } }), 'api')
    expect(bare.kind === 'evaluation' && bare.evaluation.hasResults).toBe(false)
  })

  it('reads files: evaluations, matrices (exact beyond 2^53) and what cannot be opened', () => {
    const file = (x: unknown) => reviveFile(structuredClone(loadEvaluationBody(encode(x), 'file')))
    const ev = file({ status: { code: 10000 }, eval_metrics: small })
    expect(ev.kind === 'evaluation' && ev.evaluation.ev?.inputCount).toBe(4)
    const matrix = file('{"n_cols": "2", "data": ["1", "2", "3", "4"]}')
    expect(matrix.kind === 'matrix' && matrix.result.ok && matrix.result.matrix.totalExact()).toBe('10')
    const exact = file('{"n_cols": "2", "data": ["1", "18446744073709551615", "0", "3"]}')
    expect(exact.kind === 'matrix' && exact.result.ok && exact.result.matrix.getExact(0, 1)).toBe('18446744073709551615')
    const bad = file('{"n_cols": "2", "data": ["1", "-2", "3", "4"]}')
    expect(bad.kind === 'matrix' && !bad.result.ok && bad.result.error.kind).toBe('value')
    expect(file('{"eval_metrics": ')).toEqual({ kind: 'error', message: expect.stringMatching(/^The file is not valid JSON/) })
  })
})

describe('packed strings', () => {
  it('round-trip any list of strings and gaps', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'binary' }), { nil: undefined })), (list) => {
        expect(unpackStrings(structuredClone(packStrings(list)))).toEqual(list)
      }),
    )
  })

  it('round-trip long lists, which cross as UTF-8 bytes unless a lone surrogate would not survive', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'binary' }), { nil: undefined })), fc.constantFrom('a', 'é', '😀'), (list, filler) => {
        const long = [filler.repeat(5000), ...list]
        const packed = packStrings(long)
        const isWellFormed = !long.some((x) => x !== undefined && /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(x))
        expect(packed.text instanceof Uint8Array).toBe(isWellFormed)
        const crossed = structuredClone(packed, { transfer: transferablesOf(packed) })
        expect(unpackStrings(crossed)).toEqual(long)
      }),
    )
  })

  it('sends short texts as they are and long ones as bytes, read back the same', () => {
    expect(crossingText('short')).toBe('short')
    const long = '{"x":"' + 'ü'.repeat(5000) + '"}'
    const bytes = crossingText(long)
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(textOf(bytes)).toBe(long)
    const lone = 'x'.repeat(5000) + '\uD800'
    expect(crossingText(lone)).toBe(lone)
  })
})

describe('reviving in steps', () => {
  it('yields between steps and gives what reviving at once gives; long sections cross as bytes', () => {
    const metrics = { ...small, metrics_by_class: Array.from({ length: 200 }, (_, k) => ({ concept: { id: `c${k}` }, f1: k / 200 })) }
    const message: LoadMessage = { kind: 'evaluation', evaluation: prepareEvaluationWire(metrics) }
    if (message.kind !== 'evaluation') throw new Error('not an evaluation')
    expect(message.evaluation.metrics.metrics_by_class).toBeInstanceOf(Uint8Array)
    const crossed = structuredClone(message, { transfer: transferablesOf(message) })
    const steps = reviveEvaluationSteps(crossed.evaluation)
    let yields = 0
    let r = steps.next()
    for (; !r.done; r = steps.next()) yields++
    expect(yields).toBeGreaterThanOrEqual(2)
    const stepped = r.value
    const again = structuredClone({ kind: 'evaluation', evaluation: prepareEvaluationWire(metrics) } as LoadMessage)
    if (again.kind !== 'evaluation') throw new Error('not an evaluation')
    const atOnce = reviveEvaluation(again.evaluation)
    expect(stepped.ev!.conceptIds).toEqual(atOnce.ev!.conceptIds)
    expect(stepped.ev!.apiOrder).toEqual(atOnce.ev!.apiOrder)
    expect(stepped.ev!.inputIds).toEqual(atOnce.ev!.inputIds)
    expect(stepped.ev!.imageUrls).toEqual(atOnce.ev!.imageUrls)
    expect(bestF1Thresholds(stepped.ev!)).toEqual(bestF1Thresholds(atOnce.ev!))
    expect(stepped.metrics.metrics_by_class).toEqual(metrics.metrics_by_class)
    expect(stepped.metrics.summary).toEqual(small.summary)
    expect([...stepped.binary.keys()]).toEqual([...atOnce.binary.keys()])
  })
})

describe('packed binary metrics', () => {
  const xs = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 })
  it('give the same AUC and average precision as the curves they came from, in any point order', () => {
    fc.assert(
      fc.property(xs, xs, fc.boolean(), (a, b, isSorted) => {
        const n = Math.min(a.length, b.length)
        const x = a.slice(0, n)
        const y = b.slice(0, n)
        if (isSorted) {
          x.sort((p, q) => p - q)
          y.sort((p, q) => p - q)
        }
        const wire: BinaryMetricsWire = { concept: { id: 'c' }, roc_curve: { fpr: x, tpr: y }, precision_recall_curve: { recall: x, precision: y.slice().reverse() } }
        const facts = new BinaryCurves(packBinary([wire])).facts().get('c')!
        expect(facts.curveAuc).toBe(rocAuc(wire.roc_curve))
        expect(facts.ap).toBe(averagePrecision(wire.precision_recall_curve))
      }),
    )
  })

  it('read back lists as sent, absent lists absent', () => {
    const wire: BinaryMetricsWire[] = [{ concept: { name: 'only-name' }, f1: 0.25, roc_curve: { fpr: [0, 1], tpr: [0, 1] }, precision_recall_curve: {} }, { concept: {}, num_pos: 1 }]
    const b = new BinaryCurves(packBinary(wire))
    expect(b.size).toBe(1)
    expect(b.get('only-name')).toEqual({ concept: { id: 'only-name', name: 'only-name' }, f1: 0.25, roc_curve: { fpr: [0, 1], tpr: [0, 1] }, precision_recall_curve: {} })
    expect([...b.entries()].map(([id]) => id)).toEqual(['only-name'])
  })
})
