import { describe, expect, it } from 'vitest'
import { effectiveSort, evaluationConceptCount, evaluationName, kindOfTypeFilter, leaderboardRow, nextSort, rankRows, shortId, sortedMetric, type EvaluationLike, type LeaderboardRow } from './leaderboard.ts'

const scope = { userId: 'demo', appId: 'general-vision' }

describe('leaderboardRow', () => {
  it('reads a full evaluation', () => {
    const e: EvaluationLike = {
      id: 'e1',
      user_id: 'demo',
      app_id: 'general-vision',
      status: { code: 21300, description: 'Model was successfully evaluated.' },
      model: { id: 'm1', app_id: 'general-vision', user_id: 'demo', model_type_id: 'visual-detector', model_version: { id: 'v1' } },
      ground_truth_dataset: { id: 'd1', app_id: 'general-vision', user_id: 'demo', version: { id: 'dv1' } },
      predictions_dataset: { id: 'd1', version: { id: 'dv2' } },
      summary: { macro_avg_roc_auc: 0.9, macro_avg_f1_score: 0.8, macro_avg_precision: 0.7, macro_avg_recall: 0.6, mean_avg_precision_iou_50: 0.5 },
    }
    expect(leaderboardRow({ ...e, app_id: 'elsewhere' }, scope)).toMatchObject({ userId: 'demo', appId: 'elsewhere' })
    expect(leaderboardRow(e, scope)).toEqual({
      id: 'e1',
      userId: 'demo',
      appId: 'general-vision',
      status: { code: 21300, description: 'Model was successfully evaluated.' },
      model: { userId: 'demo', appId: 'general-vision', id: 'm1', versionId: 'v1', typeId: 'visual-detector' },
      groundTruth: { userId: 'demo', appId: 'general-vision', id: 'd1', versionId: 'dv1' },
      predictions: { userId: 'demo', appId: 'general-vision', id: 'd1', versionId: 'dv2' },
      rocAuc: 0.9,
      f1: 0.8,
      precision: 0.7,
      recall: 0.6,
      map: 0.5,
      conceptCount: undefined,
    })
  })

  it('keeps references to other apps', () => {
    const row = leaderboardRow({ id: 'e', model: { id: 'm', user_id: 'clarifai', app_id: 'main' }, ground_truth_dataset: { id: 'd', app_id: 'other' } }, scope)
    expect(row.model).toMatchObject({ userId: 'clarifai', appId: 'main', id: 'm', versionId: undefined })
    expect(row.groundTruth).toEqual({ userId: 'demo', appId: 'other', id: 'd', versionId: undefined })
  })

  it.each<[string, EvaluationLike]>([
    ['an empty object', {}],
    ['null parts', { model: null, summary: null, status: null, ground_truth_dataset: null, predictions_dataset: { version: null } }],
    ['a model without id', { id: 'x', model: { model_version: { id: 'v' } } }],
    ['non-finite metrics', { id: 'x', summary: { macro_avg_roc_auc: Number.NaN } }],
  ])('survives %s', (_name, e) => {
    const row = leaderboardRow(e, scope, 4)
    expect(row.id).toBe(e.id ?? '(no id 5)')
    expect(row.model).toBeUndefined()
    expect(row.groundTruth).toBeUndefined()
    expect(row.predictions).toBeUndefined()
    expect(row.rocAuc).toBeUndefined()
  })
})

describe('evaluationConceptCount', () => {
  it.each<[EvaluationLike, number | undefined]>([
    [{}, undefined],
    [{ confusion_matrix: { concept_ids: ['a', 'b', 'c'] } }, 3],
    [{ confusion_matrix: { concept_ids: [] }, binary_metrics: [{}, {}] }, 2],
    [{ metrics_by_class: [{}] }, 1],
    [{ label_counts: { positive_label_counts: [{}, {}, {}, {}] } }, 4],
    [{ confusion_matrix: null, label_counts: null }, undefined],
  ])('%j -> %s', (e, expected) => {
    expect(evaluationConceptCount(e)).toBe(expected)
  })
})

describe('sortedMetric and shortId', () => {
  it.each([
    ['roc_auc', 'rocAuc'],
    ['mean_avg_precision', 'map'],
    ['created_at', undefined],
    [undefined, undefined],
  ])('sort %s highlights %s', (sort, metric) => {
    expect(sortedMetric(sort)).toBe(metric)
  })

  it.each([
    ['8d57d5306841ce8aa234341b7c16cc05', '8d57d530'],
    ['my-model', 'my-model'],
  ])('shortId(%s) -> %s', (id, short) => {
    expect(shortId(id)).toBe(short)
  })
})

describe('ranking', () => {
  const row = (id: string, typeId: string | undefined, metrics: Partial<LeaderboardRow>): LeaderboardRow => ({
    id,
    userId: 'u',
    appId: 'a',
    status: undefined,
    model: typeId ? { userId: 'u', appId: 'a', id: `m-${id}`, typeId } : undefined,
    ...metrics,
  })

  it('ranks one kind at a time, skipping rows without the metric', () => {
    const rows = [
      row('c1', 'visual-classifier', { rocAuc: 0.99 }),
      row('d1', 'visual-detector', { map: 0.7, rocAuc: 0.5 }),
      row('c2', 'text-classifier', { rocAuc: 0.9 }),
      row('c3', 'visual-classifier', {}),
      row('x', undefined, { map: 0.4 }),
      row('c4', undefined, { rocAuc: 0.8 }),
    ]
    expect(rankRows(rows, 'classification', 'rocAuc').map((r) => [r.id, r.rank])).toEqual([
      ['c1', 1],
      ['c2', 2],
      ['c3', undefined],
      ['c4', 3],
    ])
    expect(rankRows(rows, 'detection', 'map', 10).map((r) => [r.id, r.rank])).toEqual([
      ['d1', 11],
      ['x', 12],
    ])
  })

  it('defaults to ROC AUC for classifiers and mAP for detectors, descending', () => {
    expect(kindOfTypeFilter(undefined)).toBe('classification')
    expect(kindOfTypeFilter('visual-detector')).toBe('detection')
    expect(kindOfTypeFilter('text-classifier')).toBe('classification')
    expect(effectiveSort('classification', undefined, undefined)).toEqual({ sort: 'roc_auc', isAscending: false })
    expect(effectiveSort('detection', undefined, 'asc')).toEqual({ sort: 'mean_avg_precision', isAscending: false })
    expect(effectiveSort('classification', 'f1', 'asc')).toEqual({ sort: 'f1', isAscending: true })
    // A metric of the other kind falls back to the kind's own.
    expect(effectiveSort('classification', 'mean_avg_precision', 'desc')).toEqual({ sort: 'roc_auc', isAscending: false })
    expect(effectiveSort('detection', 'roc_auc', 'desc')).toEqual({ sort: 'mean_avg_precision', isAscending: false })
  })

  it('flips the order of the sorted column and sorts another best first', () => {
    expect(nextSort({ sort: 'roc_auc', isAscending: false }, 'roc_auc')).toEqual({ sort: 'roc_auc', isAscending: true })
    expect(nextSort({ sort: 'roc_auc', isAscending: true }, 'roc_auc')).toEqual({ sort: 'roc_auc', isAscending: false })
    expect(nextSort({ sort: 'roc_auc', isAscending: true }, 'f1')).toEqual({ sort: 'f1', isAscending: false })
  })
})

describe('evaluationName', () => {
  const ref = (id: string) => ({ userId: 'u', appId: 'a', id })
  it('names an evaluation by model and dataset, falling back to the short id', () => {
    expect(evaluationName({ id: 'e', model: ref('m1'), groundTruth: ref('d1') })).toBe('m1 on d1')
    expect(evaluationName({ id: 'e', model: ref('m1') })).toBe('m1')
    expect(evaluationName({ id: 'e', groundTruth: ref('d1') })).toBe('on d1')
    expect(evaluationName({ id: '8d57d5306841ce8aa234341b7c16cc05' })).toBe('8d57d530')
  })
})
