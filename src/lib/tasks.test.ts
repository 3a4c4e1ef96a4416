import { describe, expect, it } from 'vitest'
import openapi from '@/api/openapi.json'
import {
  annotationConcepts,
  annotationRegionCount,
  doneShare,
  enumLabel,
  enumValue,
  INPUT_SOURCE_TYPES,
  PARTITIONED_STRATEGIES,
  REVIEW_STRATEGIES,
  TASK_PRIORITIES,
  TASK_TYPES,
  taskConcepts,
  taskInputSource,
  taskProgress,
  taskReviewers,
  taskWorkers,
  WORKER_STRATEGIES,
  WORKER_TYPES,
  workerRef,
  type EnumTable,
} from './tasks.ts'

describe('enum tables follow the contract', () => {
  const schemas = (openapi as unknown as { components: { schemas: Record<string, { enum?: number[]; 'x-enum-varnames'?: string[] }> } }).components.schemas
  it.each([
    ['Task_TaskType', TASK_TYPES],
    ['TaskWorker_TaskWorkerStrategy', WORKER_STRATEGIES],
    ['TaskReview_TaskReviewStrategy', REVIEW_STRATEGIES],
    ['TaskInputSource_TaskInputSourceType', INPUT_SOURCE_TYPES],
    ['Task_TaskPriority', TASK_PRIORITIES],
    ['TaskWorker_WorkerType', WORKER_TYPES],
    ['TaskWorkerPartitionedStrategyInfo_TaskWorkerPartitionedStrategy', PARTITIONED_STRATEGIES],
  ] as Array<[string, EnumTable]>)('%s', (name, table) => {
    const schema = schemas[name]
    const values = schema?.enum ?? []
    const names = schema?.['x-enum-varnames'] ?? []
    const fromContract = Object.fromEntries(values.map((value, i) => [value, names[i]]).filter(([value]) => value !== 0))
    expect(Object.fromEntries(Object.entries(table).map(([value, entry]) => [value, entry.name]))).toEqual(fromContract)
  })
})

describe('enumLabel and enumValue', () => {
  it.each([
    [1, 'Classification'],
    [2, 'Bounding box'],
    [3, 'Polygon'],
    [7, '7'],
    [0, undefined],
    [undefined, undefined],
    [null, undefined],
    ['POLYGON_DETECTION', 'Polygon'],
    ['SOMETHING_NEW', 'SOMETHING_NEW'],
    ['', undefined],
    [Number.NaN, undefined],
  ])('task type %j -> %j', (value, label) => {
    expect(enumLabel(TASK_TYPES, value)).toBe(label)
  })

  it.each([
    [3, 3],
    ['DATASET', 3],
    ['NOPE', undefined],
    [undefined, undefined],
  ])('input source type %j -> %j', (value, expected) => {
    expect(enumValue(INPUT_SOURCE_TYPES, value)).toBe(expected)
  })
})

describe('workers', () => {
  it.each([
    [{ user: { id: 'ann' } }, { kind: 'user', id: 'ann', label: 'ann' }],
    [{ user: { id: 'ann', first_name: 'Ann', last_name: 'Lee' } }, { kind: 'user', id: 'ann', label: 'ann (Ann Lee)' }],
    [{ model: { id: 'm', model_version: { id: 'v1' } } }, { kind: 'model', id: 'm', label: 'Model m', versionId: 'v1' }],
    [{ model: { id: 'm' } }, { kind: 'model', id: 'm', label: 'Model m', versionId: undefined }],
    [{ workflow: { id: 'w' } }, { kind: 'workflow', id: 'w', label: 'Workflow w' }],
    [{ user: {} }, undefined],
    [{}, undefined],
    [null, undefined],
    ['ann', undefined],
  ])('workerRef(%j)', (input, expected) => {
    expect(workerRef(input)).toEqual(expected)
  })

  it('prefers worker.workers, then worker.users, then worker.user_ids', () => {
    expect(taskWorkers({ worker: { workers: [{ user: { id: 'a' } }, {}], users: [{ id: 'b' }], user_ids: ['c'] } }).map((w) => w.id)).toEqual(['a'])
    expect(taskWorkers({ worker: { workers: [], users: [{ id: 'b' }], user_ids: ['c'] } }).map((w) => w.id)).toEqual(['b'])
    expect(taskWorkers({ worker: { user_ids: ['c', '', 3] } }).map((w) => w.id)).toEqual(['c'])
    expect(taskWorkers({})).toEqual([])
    expect(taskWorkers(undefined)).toEqual([])
  })

  it('reads reviewers from review.users, then review.user_ids', () => {
    expect(taskReviewers({ review: { users: [{ id: 'r' }], user_ids: ['s'] } }).map((w) => w.id)).toEqual(['r'])
    expect(taskReviewers({ review: { user_ids: ['s'] } }).map((w) => w.id)).toEqual(['s'])
    expect(taskReviewers({ review: null })).toEqual([])
  })
})

describe('task fields', () => {
  it('reads concepts, falling back to concept_ids', () => {
    expect(taskConcepts({ concepts: [{ concept: { id: 'a', name: 'A' } }, { concept: { id: 'b' } }, {}, null] })).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'b' },
    ])
    expect(taskConcepts({ concepts: [], concept_ids: ['x'] })).toEqual([{ id: 'x', name: 'x' }])
    expect(taskConcepts(null)).toEqual([])
  })

  it.each([
    [{ input_source: { type: 3, id: 'ds' } }, { type: 3, label: 'Dataset', id: 'ds', datasetId: 'ds' }],
    [{ input_source: { type: 'DATASET', id: 'ds' } }, { type: 3, label: 'Dataset', id: 'ds', datasetId: 'ds' }],
    [{ input_source: { type: 2, id: 'search' } }, { type: 2, label: 'Saved search', id: 'search', datasetId: undefined }],
    [{ input_source: { type: 1 } }, { type: 1, label: 'All inputs', id: undefined, datasetId: undefined }],
    [{ input_source: { type: 9 } }, { type: 9, label: '9', id: undefined, datasetId: undefined }],
    [{}, { type: undefined, label: undefined, id: undefined, datasetId: undefined }],
  ])('input source of %j', (task, expected) => {
    expect(taskInputSource(task)).toEqual(expected)
  })
})

describe('taskProgress', () => {
  it('sums per worker and status, merging rows of one worker', () => {
    const progress = taskProgress([
      { worker: { user: { id: 'ann' } }, pending: 3, success: 5 },
      { user_id: 'bob', awaiting_review: 2, review_denied: 1, awaiting_consensus_review: 4 },
      { worker: { user: { id: 'ann' } }, success: 1 },
      { worker: { model: { id: 'auto' } }, success: '7' },
      { pending: -2, success: 1.9 },
      'junk',
    ])
    expect(progress.workers.map((w) => [w.key, w.label, w.total])).toEqual([
      ['user:ann', 'ann', 9],
      ['user:bob', 'bob', 7],
      ['model:auto', 'Model auto', 7],
      ['#5', 'Unknown worker 5', 1],
    ])
    expect(progress.workers[0]?.counts).toEqual({ success: 6, awaiting_review: 0, awaiting_consensus_review: 0, review_denied: 0, pending: 3 })
    expect(progress.totals).toEqual({ success: 14, awaiting_review: 2, awaiting_consensus_review: 4, review_denied: 1, pending: 3 })
    expect(progress.total).toBe(24)
    expect(doneShare(progress)).toBeCloseTo(14 / 24)
  })

  it.each([[undefined], [null], [[]], [{}]])('is empty for %j', (counts) => {
    const progress = taskProgress(counts)
    expect(progress.workers).toEqual([])
    expect(progress.total).toBe(0)
    expect(doneShare(progress)).toBeUndefined()
  })
})

describe('annotations', () => {
  it('collects concepts of the annotation and of its regions, once each', () => {
    const annotation = {
      data: {
        concepts: [{ id: 'cat', name: 'cat' }],
        regions: [{ data: { concepts: [{ id: 'dog' }, { id: 'cat', name: 'cat' }] } }, { data: {} }, null],
      },
    }
    expect(annotationConcepts(annotation)).toEqual(['cat', 'dog'])
    expect(annotationRegionCount(annotation)).toBe(3)
    expect(annotationConcepts(undefined)).toEqual([])
    expect(annotationRegionCount({ data: {} })).toBe(0)
  })
})
