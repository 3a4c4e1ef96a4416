import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { countMatrix, createCountEngine, engineStats, mostConfusedPairs, matrixLayout, setEngineThreshold, smallestK, SmallestK } from './eval-counts.ts'
import { conceptStatsAtThreshold, OTHER_ID, NONE_ID, prepareEvaluation, type EvalMetricsWire } from './eval-metrics.ts'
import { rasterize, sparseFromDense, subtractSparse, valueAt, lineTotals, normalizeSparse } from './sparse-matrix.ts'

describe('mostConfusedPairs', () => {
  const m = {
    ...sparseFromDense(Float64Array.of(5, 3, 0, 2, 1, 4, 6, 0, 9, 0, 0, 7), 3, 4),
    rowIds: ['a', 'b', OTHER_ID],
    colIds: ['a', 'b', OTHER_ID, NONE_ID],
  }
  it('lists off-diagonal cells between real concepts, largest first, with their share of the row', () => {
    expect(mostConfusedPairs(m, 10)).toEqual([
      { actual: 'a', predicted: 'b', count: 3, share: 3 / 10 },
      { actual: 'b', predicted: 'a', count: 1, share: 1 / 11 },
    ])
    expect(mostConfusedPairs(m, 1)).toHaveLength(1)
  })
})

describe('matrixLayout', () => {
  const ev = prepareEvaluation({ confusion_matrix: { concept_ids: ['x', 'y', 'z', 'w'] } })
  it('keeps the first n concepts and folds the rest into (other)', () => {
    const l = matrixLayout(ev, ['z', 'x', 'y', 'w'], 2)
    expect(l.ids).toEqual(['z', 'x', OTHER_ID])
    expect(Array.from(l.pos)).toEqual([1, 2, 0, 2])
    expect(l.other).toBe(2)
    expect(matrixLayout(ev, ['z', 'x'], undefined).ids).toEqual(['z', 'x'])
  })
})

describe('sparse matrices', () => {
  const m = sparseFromDense(Float64Array.of(1, 0, 0, 0, -8, 0, 0, 0, 3), 3, 3)
  it('reads cells, sums and normalizes without a dense form', () => {
    expect(m.nnz).toBe(3)
    expect(valueAt(m, 1, 1)).toBe(-8)
    expect(valueAt(m, 0, 2)).toBe(0)
    expect(lineTotals(m).total).toBe(-4)
    expect(valueAt(normalizeSparse(m, 'row'), 2, 2)).toBe(1)
  })
  it('pools a window keeping the value of largest magnitude of each block', () => {
    const r = rasterize(m, { r0: 0, r1: 3, c0: 0, c1: 3 }, 1, 1)
    expect(r.rows * r.cols).toBe(1)
    expect(r.values[0]).toBe(-8)
    const full = rasterize(m, { r0: 1, r1: 3, c0: 1, c1: 3 }, 10, 10)
    expect(Array.from(full.values)).toEqual([-8, 0, 0, 3])
    // A special line is scaled by its factor before pooling.
    const special = rasterize(m, { r0: 0, r1: 3, c0: 0, c1: 3 }, 3, 3, undefined, { row: 2, col: 2, factor: 0.5 })
    expect(special.values[8]).toBe(1.5)
  })
  it('subtracts aligned matrices cell by cell', () => {
    const b = sparseFromDense(Float64Array.of(1, 2, 0, 0), 2, 2)
    const id = Int32Array.of(0, 1, -1)
    const d = subtractSparse(m, b, id, id, Int32Array.of(0, 1), Int32Array.of(0, 1), 2, 2)
    expect(valueAt(d, 0, 0)).toBe(0)
    expect(valueAt(d, 0, 1)).toBe(-2)
    expect(valueAt(d, 1, 1)).toBe(-8)
    expect(d.nnz).toBe(2)
  })
})

describe('smallestK', () => {
  it('keeps the k smallest, smallest first, as a full sort would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 200 }), fc.integer({ min: 0, max: 30 }), (xs, k) => {
        expect(smallestK(xs, k, (a, b) => a < b)).toEqual([...xs].sort((a, b) => a - b).slice(0, k))
      }),
    )
  })

  it('orders ties by the given order and takes everything for Infinity', () => {
    const items = [
      { v: 2, name: 'b' },
      { v: 1, name: 'z' },
      { v: 2, name: 'a' },
      { v: 1, name: 'c' },
    ]
    const before = (x: (typeof items)[number], y: (typeof items)[number]) => x.v < y.v || (x.v === y.v && x.name < y.name)
    expect(smallestK(items, 3, before).map((x) => x.name)).toEqual(['c', 'z', 'a'])
    expect(smallestK(items, Infinity, before).map((x) => x.name)).toEqual(['c', 'z', 'a', 'b'])
    const kept = new SmallestK<number>(0, (a, b) => a < b)
    kept.offer(1)
    expect(kept.sorted()).toEqual([])
  })

  it('says beforehand whether an offer would be kept (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (xs, k) => {
        const kept = new SmallestK<number>(k, (a, b) => a < b)
        for (const x of xs) {
          const before = kept.sorted()
          const would = kept.wouldKeep(x)
          kept.offer(x)
          expect(would).toBe(!(kept.sorted().length === before.length && kept.sorted().every((v, i) => v === before[i])))
        }
      }),
    )
  })
})

describe('mostConfusedPairs against a full sort', () => {
  it('gives the first `limit` of every pair sorted by count, then row, then column', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 16, maxLength: 16 }), fc.integer({ min: 1, max: 8 }), (cells, limit) => {
        const m = { ...sparseFromDense(Float64Array.from(cells), 4, 4), rowIds: ['a', 'b', 'c', 'd'], colIds: ['a', 'b', 'c', 'd'] }
        const all = mostConfusedPairs(m, Infinity)
        const expected: { actual: string; predicted: string; count: number }[] = []
        for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) if (r !== c && cells[r * 4 + c]! > 0) expected.push({ actual: m.rowIds[r]!, predicted: m.colIds[c]!, count: cells[r * 4 + c]! })
        // A stable sort by count keeps row-major order among ties.
        expected.sort((x, y) => y.count - x.count)
        expect(all.map(({ actual, predicted, count }) => ({ actual, predicted, count }))).toEqual(expected)
        expect(mostConfusedPairs(m, limit)).toEqual(all.slice(0, limit))
      }),
    )
  })
})

describe('engineStats while the threshold moves', () => {
  const ids = ['a', 'b', 'c', 'd', 'e']
  const entryArb = fc.record({
    gt: fc.subarray(ids),
    preds: fc.array(fc.tuple(fc.constantFrom(...ids), fc.integer({ min: 0, max: 20 })), { maxLength: 4 }),
  })
  const evalArb = fc.array(entryArb, { minLength: 1, maxLength: 30 }).map(
    (entries): EvalMetricsWire => ({
      confusion_matrix: { concept_ids: ids },
      test_set: entries.map((e, i) => ({
        input: { id: `in${i}` },
        ground_truth_concepts: e.gt.map((id) => ({ id, value: 1 })),
        // One score per concept and input.
        predicted_concepts: [...new Map(e.preds).entries()].map(([id, v]) => ({ id, value: v / 20 })),
      })),
    }),
  )
  it('equals a full recount at every step, and keeps the objects of the concepts a step did not move', () => {
    fc.assert(
      fc.property(evalArb, fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 12 }), (metrics, steps) => {
        const ev = prepareEvaluation(metrics)
        const e = createCountEngine(ev)
        let previous: ReturnType<typeof engineStats> | null = null
        for (const step of steps) {
          const t = step / 20
          setEngineThreshold(e, t)
          const stats = engineStats(e)
          const full = conceptStatsAtThreshold(ev, t)
          expect(stats.concepts).toEqual(full.concepts)
          expect(stats.macro).toEqual(full.macro)
          if (previous) {
            stats.concepts.forEach((s, k) => {
              const p = previous!.concepts[k]!
              if (p.tp === s.tp && p.fp === s.fp) expect(s).toBe(p)
              else expect(s).not.toBe(p)
            })
          }
          previous = stats
        }
      }),
    )
  })

  it('numbers its cells row-major, (none) last in a row, so count matrices come out row by row', () => {
    fc.assert(
      fc.property(evalArb, fc.integer({ min: 0, max: 20 }), (metrics, step) => {
        const ev = prepareEvaluation(metrics)
        const e = createCountEngine(ev)
        const place = (k: number) => e.cellActual[k]! * (ids.length + 1) + (e.cellPredicted[k]! < 0 ? ids.length : e.cellPredicted[k]!)
        for (let k = 1; k < e.cellActual.length; k++) expect(place(k)).toBeGreaterThan(place(k - 1))
        setEngineThreshold(e, step / 20)
        const m = countMatrix(e, matrixLayout(ev, ids))
        for (let k = 1; k < m.nnz; k++) expect(m.row[k - 1]! * m.cols + m.col[k - 1]!).toBeLessThan(m.row[k]! * m.cols + m.col[k]!)
        // Every count of the engine is in the matrix, once.
        let total = 0
        for (let k = 0; k < m.nnz; k++) total += m.value[k]!
        expect(total).toBe(e.counts.reduce((a, b) => a + b, 0))
      }),
    )
  })
})
