// Labeling task logic for the task pages: enum names (the Task_* enums of the contract, by their
// x-enum-varnames), workers and reviewers, and progress per worker and status from the count
// endpoints. Pure: no React, no network. Every field may be absent or of the wrong type; unknown
// enum integers come back as numbers.

export const TASK_IN_PROGRESS = 54001
export const TASK_DONE = 54002
export const TASK_WONT_DO = 54003
export const TASK_FAILED = 54005

export interface EnumEntry {
  /** The proto name (x-enum-varnames). */
  name: string
  label: string
}

export type EnumTable = Readonly<Record<number, EnumEntry>>

/** Task.TaskType */
export const TASK_TYPES: EnumTable = {
  1: { name: 'CONCEPTS_CLASSIFICATION', label: 'Classification' },
  2: { name: 'BOUNDING_BOX_DETECTION', label: 'Bounding box' },
  3: { name: 'POLYGON_DETECTION', label: 'Polygon' },
}

/** TaskWorker.TaskWorkerStrategy (1 is unused by the protos). */
export const WORKER_STRATEGIES: EnumTable = {
  2: { name: 'PARTITIONED', label: 'Partitioned' },
  3: { name: 'FULL', label: 'Full' },
  4: { name: 'DYNAMIC', label: 'Dynamic' },
}

/** TaskReview.TaskReviewStrategy */
export const REVIEW_STRATEGIES: EnumTable = {
  1: { name: 'NONE', label: 'None' },
  2: { name: 'MANUAL', label: 'Manual' },
  3: { name: 'CONSENSUS', label: 'Consensus' },
}

/** TaskInputSource.TaskInputSourceType */
export const INPUT_SOURCE_TYPES: EnumTable = {
  1: { name: 'ALL_INPUTS', label: 'All inputs' },
  2: { name: 'SAVED_SEARCH', label: 'Saved search' },
  3: { name: 'DATASET', label: 'Dataset' },
}

/** Task.TaskPriority */
export const TASK_PRIORITIES: EnumTable = {
  1: { name: 'LOW', label: 'Low' },
  2: { name: 'MEDIUM', label: 'Medium' },
  3: { name: 'HIGH', label: 'High' },
}

/** TaskWorker.WorkerType */
export const WORKER_TYPES: EnumTable = {
  1: { name: 'WORKER_HUMAN', label: 'Human' },
  2: { name: 'WORKER_AUTO', label: 'Auto-annotation' },
}

/** TaskWorkerPartitionedStrategyInfo.TaskWorkerPartitionedStrategy */
export const PARTITIONED_STRATEGIES: EnumTable = {
  1: { name: 'EVENLY', label: 'Evenly' },
  2: { name: 'WEIGHTED', label: 'Weighted' },
}

export const INPUT_SOURCE_DATASET = 3

/**
 * The label of an enum value: `undefined` when unset (absent or 0), the label when known, the
 * number itself when not (a newer API), and a proto name string as sent by lenient encoders.
 */
export function enumLabel(table: EnumTable, value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (value === '') return undefined
    const byName = Object.values(table).find((e) => e.name === value)
    return byName ? byName.label : value
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value === 0) return undefined
  return table[value]?.label ?? String(value)
}

/** The integer of an enum value sent as a number or as its proto name. */
export function enumValue(table: EnumTable, value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string') {
    const entry = Object.entries(table).find(([, e]) => e.name === value)
    return entry ? Number(entry[0]) : undefined
  }
  return undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

export type WorkerKind = 'user' | 'model' | 'workflow'

export interface WorkerRef {
  kind: WorkerKind
  id: string
  /** What people read: the user's id (with a name when sent), or "model id" for auto-annotation. */
  label: string
  /** Model version for model workers, when sent. */
  versionId?: string
}

/** A `Worker` message (`{user}`, `{model}` or `{workflow}`) as one reference. */
export function workerRef(worker: unknown): WorkerRef | undefined {
  if (!isRecord(worker)) return undefined
  if (isRecord(worker.user)) {
    const id = text(worker.user.id)
    if (!id) return undefined
    const name = [text(worker.user.first_name), text(worker.user.last_name)].filter(Boolean).join(' ')
    return { kind: 'user', id, label: name ? `${id} (${name})` : id }
  }
  if (isRecord(worker.model)) {
    const id = text(worker.model.id)
    if (!id) return undefined
    const versionId = isRecord(worker.model.model_version) ? text(worker.model.model_version.id) : undefined
    return { kind: 'model', id, label: `Model ${id}`, versionId }
  }
  if (isRecord(worker.workflow)) {
    const id = text(worker.workflow.id)
    return id ? { kind: 'workflow', id, label: `Workflow ${id}` } : undefined
  }
  return undefined
}

function users(list: unknown): WorkerRef[] {
  if (!Array.isArray(list)) return []
  return list.map((u) => workerRef({ user: u })).filter((w): w is WorkerRef => w !== undefined)
}

function ids(list: unknown): WorkerRef[] {
  if (!Array.isArray(list)) return []
  return list.filter((id): id is string => typeof id === 'string' && id !== '').map((id) => ({ kind: 'user' as const, id, label: id }))
}

/** The workers of a task: `worker.workers`, else the older `worker.users`, else `worker.user_ids`. */
export function taskWorkers(task: unknown): WorkerRef[] {
  const worker = isRecord(task) && isRecord(task.worker) ? task.worker : undefined
  if (!worker) return []
  const fromWorkers = Array.isArray(worker.workers) ? worker.workers.map(workerRef).filter((w): w is WorkerRef => w !== undefined) : []
  if (fromWorkers.length > 0) return fromWorkers
  const fromUsers = users(worker.users)
  return fromUsers.length > 0 ? fromUsers : ids(worker.user_ids)
}

/** The reviewers of a task: `review.users`, else the older `review.user_ids`. */
export function taskReviewers(task: unknown): WorkerRef[] {
  const review = isRecord(task) && isRecord(task.review) ? task.review : undefined
  if (!review) return []
  const fromUsers = users(review.users)
  return fromUsers.length > 0 ? fromUsers : ids(review.user_ids)
}

/** Concept names of a task: `concepts[].concept`, else the deprecated `concept_ids`. */
export function taskConcepts(task: unknown): Array<{ id: string; name: string }> {
  if (!isRecord(task)) return []
  if (Array.isArray(task.concepts) && task.concepts.length > 0) {
    return task.concepts
      .map((c) => (isRecord(c) && isRecord(c.concept) ? c.concept : undefined))
      .map((c) => {
        const id = text(c?.id)
        return id ? { id, name: text(c?.name) ?? id } : undefined
      })
      .filter((c): c is { id: string; name: string } => c !== undefined)
  }
  return Array.isArray(task.concept_ids) ? task.concept_ids.filter((id): id is string => typeof id === 'string' && id !== '').map((id) => ({ id, name: id })) : []
}

export interface InputSource {
  type: number | undefined
  label: string | undefined
  id: string | undefined
  /** The dataset the inputs come from, when the source is a dataset. */
  datasetId: string | undefined
}

export function taskInputSource(task: unknown): InputSource {
  const source = isRecord(task) && isRecord(task.input_source) ? task.input_source : {}
  const type = enumValue(INPUT_SOURCE_TYPES, source.type)
  const id = text(source.id)
  return { type, label: enumLabel(INPUT_SOURCE_TYPES, source.type), id, datasetId: type === INPUT_SOURCE_DATASET ? id : undefined }
}

/** The statuses of `TaskStatusCountPerUser`, in the order a stacked bar reads: done first. */
export const COUNT_STATUSES = [
  { field: 'success', label: 'Done' },
  { field: 'awaiting_review', label: 'Awaiting review' },
  { field: 'awaiting_consensus_review', label: 'Awaiting consensus review' },
  { field: 'review_denied', label: 'Review denied' },
  { field: 'pending', label: 'Pending' },
] as const

export type CountStatus = (typeof COUNT_STATUSES)[number]['field']

export interface WorkerProgress {
  /** Stable key: worker kind and id, or the row's position when it names no one. */
  key: string
  label: string
  worker: WorkerRef | undefined
  counts: Record<CountStatus, number>
  total: number
}

export interface TaskProgress {
  workers: WorkerProgress[]
  totals: Record<CountStatus, number>
  total: number
}

function count(value: unknown): number {
  // uint32 on the wire; a lenient encoder may send a digit string.
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  return 0
}

function emptyCounts(): Record<CountStatus, number> {
  return { success: 0, awaiting_review: 0, awaiting_consensus_review: 0, review_denied: 0, pending: 0 }
}

/**
 * Progress per worker and status from a `SingleTaskCountResponse.counts` list (annotation or input
 * counts). Rows of the same worker are merged; the worker comes from `worker`, else the
 * deprecated `user_id`.
 */
export function taskProgress(counts: unknown): TaskProgress {
  const byKey = new Map<string, WorkerProgress>()
  const totals = emptyCounts()
  const list = Array.isArray(counts) ? counts : []
  list.forEach((row, index) => {
    if (!isRecord(row)) return
    const worker = workerRef(row.worker) ?? (text(row.user_id) ? { kind: 'user' as const, id: row.user_id as string, label: row.user_id as string } : undefined)
    const key = worker ? `${worker.kind}:${worker.id}` : `#${index + 1}`
    let entry = byKey.get(key)
    if (!entry) {
      entry = { key, label: worker?.label ?? `Unknown worker ${index + 1}`, worker, counts: emptyCounts(), total: 0 }
      byKey.set(key, entry)
    }
    for (const { field } of COUNT_STATUSES) {
      const n = count(row[field])
      entry.counts[field] += n
      entry.total += n
      totals[field] += n
    }
  })
  const workers = [...byKey.values()]
  return { workers, totals, total: workers.reduce((s, w) => s + w.total, 0) }
}

/** Done share of everything counted, 0..1; `undefined` when nothing is counted. */
export function doneShare(progress: TaskProgress): number | undefined {
  return progress.total > 0 ? progress.totals.success / progress.total : undefined
}

/** Concept names of an annotation: its `data.concepts`, and those of its regions. */
export function annotationConcepts(annotation: unknown): string[] {
  if (!isRecord(annotation) || !isRecord(annotation.data)) return []
  const names: string[] = []
  const add = (concepts: unknown) => {
    if (!Array.isArray(concepts)) return
    for (const c of concepts) {
      if (!isRecord(c)) continue
      const name = text(c.name) ?? text(c.id)
      if (name && !names.includes(name)) names.push(name)
    }
  }
  add(annotation.data.concepts)
  if (Array.isArray(annotation.data.regions)) {
    for (const region of annotation.data.regions) if (isRecord(region) && isRecord(region.data)) add(region.data.concepts)
  }
  return names
}

/** Number of regions on an annotation (boxes, polygons). */
export function annotationRegionCount(annotation: unknown): number {
  return isRecord(annotation) && isRecord(annotation.data) && Array.isArray(annotation.data.regions) ? annotation.data.regions.length : 0
}
