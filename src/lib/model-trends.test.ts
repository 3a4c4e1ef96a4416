import { describe, expect, it } from 'vitest'
import { positionTicks, TREND_QUERY, TREND_VERSIONS, trendNote, trendSeries, trendState, versionTrend, type VersionLike } from './model-trends.ts'

const scope = { userId: 'u', appId: 'a', modelTypeId: 'visual-classifier' }

function evaluated(id: string, day: number, f1: number, extra: Record<string, unknown> = {}): VersionLike {
  return {
    id,
    created_at: `2025-01-${String(day).padStart(2, '0')}T10:00:00.123456789Z`,
    metrics: {
      id: `eval-${id}`,
      status: { code: 21300, description: 'Model was successfully evaluated.' },
      summary: { macro_avg_roc_auc: f1 + 0.1, macro_avg_f1_score: f1, macro_avg_precision: f1 + 0.05, macro_avg_recall: f1 - 0.05, mean_avg_precision_iou_50: 0 },
      ...extra,
    },
  }
}

describe('versionTrend', () => {
  it('orders versions oldest first whatever the answer order, with positions and evaluation links', () => {
    const t = versionTrend([evaluated('v3', 3, 0.8), evaluated('v1', 1, 0.6), evaluated('v2', 2, 0.7)], scope)
    expect(t.kind).toBe('classification')
    expect(t.metrics).toEqual(['rocAuc', 'f1', 'precision', 'recall'])
    expect(t.versions.map((v) => [v.versionId, v.position, v.values.f1])).toEqual([
      ['v1', 1, 0.6],
      ['v2', 2, 0.7],
      ['v3', 3, 0.8],
    ])
    expect(t.versions[0]!.evaluation).toEqual({ userId: 'u', appId: 'a', id: 'eval-v1' })
    expect(t.hasOlder).toBe(false)
  })

  it('keeps an evaluation in another app where the answer says so', () => {
    const t = versionTrend([evaluated('v1', 1, 0.6, { user_id: 'other', app_id: 'elsewhere' })], scope)
    expect(t.versions[0]!.evaluation).toEqual({ userId: 'other', appId: 'elsewhere', id: 'eval-v1' })
  })

  it('draws nothing for versions without, still running or failed evaluations, and counts them', () => {
    const t = versionTrend(
      [
        evaluated('v1', 1, 0.6),
        { id: 'v2', created_at: '2025-01-02T00:00:00Z' },
        { id: 'v3', created_at: '2025-01-03T00:00:00Z', metrics: { id: 'e3', status: { code: 21301, description: 'Model is evaluating.' }, summary: { macro_avg_f1_score: 0 } } },
        { id: 'v4', created_at: '2025-01-04T00:00:00Z', metrics: { id: 'e4', status: { code: 21317, description: 'Not enough inputs per concept' } } },
        { id: 'v5', created_at: '2025-01-05T00:00:00Z', metrics: { status: { code: 21302, description: 'Model not yet evaluated.' } } },
        evaluated('v6', 6, 0.9),
      ],
      scope,
    )
    expect(t.versions.map((v) => v.state)).toEqual(['evaluated', 'not-evaluated', 'pending', 'failed', 'not-evaluated', 'evaluated'])
    expect(t.versions[2]!.values).toEqual({})
    expect(t.versions[3]!.statusText).toBe('Not enough inputs per concept')
    expect(t.versions[3]!.evaluation?.id).toBe('e4')
    expect(t.counts).toEqual({ evaluated: 2, pending: 1, failed: 1, 'not-evaluated': 2 })
    const f1 = trendSeries(t).find((s) => s.key === 'f1')!
    expect(f1.name).toBe('F1')
    // Evenly spaced by evaluation, in version order: versions 1 and 6 are the 1st and 2nd evaluated.
    expect(t.versions.map((v) => v.evaluatedRank)).toEqual([1, undefined, undefined, undefined, undefined, 2])
    expect(f1.points).toEqual([
      { x: 1, y: 0.6 },
      { x: 2, y: 0.9 },
    ])
    expect(trendNote(t)).toBe('All 6 versions, oldest first: 2 evaluated, 1 still evaluating, 1 failed, 2 without an evaluation.')
  })

  it('draws mAP, precision and recall for detectors', () => {
    const t = versionTrend([{ id: 'd1', created_at: '2025-01-01T00:00:00Z', metrics: { id: 'e', status: { code: 21300 }, summary: { mean_avg_precision_iou_50: 0.42, macro_avg_precision: 0.5, macro_avg_recall: 0.4, macro_avg_roc_auc: 0 } } }], {
      ...scope,
      modelTypeId: 'visual-detector',
    })
    expect(t.kind).toBe('detection')
    expect(trendSeries(t).map((s) => [s.name, s.points.map((p) => p.y)])).toEqual([
      ['mAP', [0.42]],
      ['Precision', [0.5]],
      ['Recall', [0.4]],
    ])
  })

  it('tells detectors by their summary when the model type is unknown', () => {
    const t = versionTrend([{ id: 'd1', metrics: { summary: { mean_avg_precision_iou_50: 0.42 } } }], { userId: 'u', appId: 'a' })
    expect(t.kind).toBe('detection')
    expect(t.versions[0]!.state).toBe('evaluated')
  })

  it('keeps the newest versions of a long answer and says older ones exist', () => {
    const many: VersionLike[] = Array.from({ length: TREND_VERSIONS + 1 }, (_, k) => evaluated(`v${k}`, 1, 0.5, {}))
    many.forEach((v, k) => (v.created_at = new Date(Date.UTC(2020, 0, 1) + k * 3_600_000).toISOString()))
    const t = versionTrend([...many].reverse(), scope)
    expect(t.versions).toHaveLength(TREND_VERSIONS)
    expect(t.versions[0]!.versionId).toBe('v1')
    expect(t.versions.at(-1)!.versionId).toBe(`v${TREND_VERSIONS}`)
    expect(t.hasOlder).toBe(true)
    expect(trendNote(t)).toBe(`The latest ${TREND_VERSIONS} versions (older ones are not drawn), oldest first: ${TREND_VERSIONS} evaluated.`)
    expect(TREND_QUERY.per_page).toBe(TREND_VERSIONS + 1)
  })

  it('survives missing fields: no ids, no dates, null entries, a null answer', () => {
    expect(versionTrend(null, scope).versions).toEqual([])
    expect(trendNote(versionTrend(undefined, scope))).toBe('This model has no versions yet.')
    const t = versionTrend([null, { metrics: null }, { id: '', created_at: 'not a date', metrics: { status: { code: 21300 }, summary: null } }, evaluated('v1', 1, 0.5)], scope)
    // Dated versions first by date; undated ones keep the answer's order, which is newest first.
    expect(t.versions.map((v) => v.versionId)).toEqual(['(no id 3)', '(no id 2)', '(no id 1)', 'v1'])
    expect(t.versions.map((v) => v.hasId)).toEqual([false, false, false, true])
    expect(t.versions.map((v) => v.state)).toEqual(['not-evaluated', 'not-evaluated', 'not-evaluated', 'evaluated'])
    expect(t.versions[0]!.evaluation).toBeUndefined()
  })
})

describe('trendState', () => {
  it.each([
    [21300, false, 'evaluated'],
    [21301, false, 'pending'],
    [21303, false, 'pending'],
    [21302, true, 'not-evaluated'],
    [21310, false, 'failed'],
    [21319, false, 'failed'],
    [undefined, true, 'evaluated'],
    [undefined, false, 'not-evaluated'],
    [12345, true, 'not-evaluated'],
  ] as const)('%s with values %s is %s', (code, hasValues, state) => {
    expect(trendState(code, hasValues)).toBe(state)
  })
})

describe('positionTicks', () => {
  it.each([
    [0, []],
    [1, [1]],
    [2, [1, 2]],
    [5, [1, 2, 3, 4, 5]],
    [8, [1, 2, 3, 4, 5, 6, 7, 8]],
    [9, [1, 3, 5, 7, 9]],
    [100, [1, 16, 31, 46, 61, 76, 91, 100]],
  ])('%d versions', (count, ticks) => {
    expect(positionTicks(count)).toEqual(ticks)
  })
})
