// Wire shapes of the demo resources. Zero values are left out (undefined disappears in
// JSON.stringify); cl_show_if_empty fields and set wrapper values are always written.
import { Code, int64, nz, nzList, status, timestamp } from '@/demo/wire'
import { datasetVersionMetrics } from './datasetData'
import { versionMetricsWire, type EvalFields } from './evalWire'
import { svgThumb } from './images'
import { MODEL_TYPE_BY_ID } from './modelTypes'
import { hashString, mulberry32 } from '@/demo/prng'
import { USERS } from './vocab'
import {
  getWorld,
  makeConcepts,
  OWNER,
  type AppRec,
  type DatasetRec,
  type DatasetVersionRec,
  type ModelRec,
  type StatusCounts,
  type TaskRec,
  type VersionRec,
} from './world'

type Wire = Record<string, unknown>

export interface AppOptions {
  counts?: boolean
  stars?: boolean
  /** GetApp fills extra_info.search_revision_marker; list endpoints do not. */
  revision?: boolean
}

export function appCounts(app: AppRec): { datasets: bigint; models: bigint; inputs: bigint } {
  return {
    datasets: BigInt(app.datasets.length),
    models: BigInt(app.models.length),
    inputs: app.datasets.reduce((s, d) => s + d.inputCount, 0n),
  }
}

export function appWire(app: AppRec, opts: AppOptions = {}): Wire {
  const spec = app.spec
  let extra: Wire | undefined
  if (opts.counts || opts.revision) {
    const c = appCounts(app)
    extra = {
      search_revision_marker: opts.revision ? app.searchRevision : undefined,
      // int64 as strings; zero counts are left out like any zero value.
      counts: opts.counts
        ? { datasets: int64(c.datasets), models: int64(c.models), inputs: int64(c.inputs) }
        : undefined,
    }
  }
  return {
    id: app.id,
    name: spec.name,
    default_language: 'en',
    user_id: OWNER,
    created_at: timestamp(app.createdAt),
    modified_at: timestamp(app.modifiedAt),
    metadata: {},
    description: spec.description,
    visibility: { gettable: spec.gettable },
    is_starred: opts.stars ? nz(spec.isStarred ?? false) : undefined,
    star_count: opts.stars ? nz(spec.starCount) : undefined,
    notes: nz(spec.notes),
    image: spec.gettable === 50 ? { url: svgThumb(app.id, app.id) } : undefined,
    // BoolValue: sent whenever set, false included.
    is_template: spec.isTemplate ?? false,
    extra_info: extra,
  }
}

export function conceptsOf(model: ModelRec): { id: string; name: string }[] {
  const type = MODEL_TYPE_BY_ID.get(model.typeId)
  if (!type?.hasConcepts || model.conceptCount === 0) return []
  const app = getWorld().appById.get(model.appId)
  return makeConcepts(model.conceptKey, app?.spec.concepts ?? [], model.conceptCount)
}

function outputInfoWire(model: ModelRec, withConcepts: boolean, created: number): Wire | undefined {
  const concepts = conceptsOf(model)
  const type = MODEL_TYPE_BY_ID.get(model.typeId)
  if (!type) return undefined
  return {
    data: withConcepts && concepts.length > 0
      ? {
          concepts: concepts.map((c) => ({ id: c.id, name: c.name, value: 1, created_at: timestamp(created), language: 'en', app_id: model.appId })),
        }
      : undefined,
    // cl_show_if_empty: max_concepts and min_value are sent as 0.
    output_config: { max_concepts: 0, min_value: 0 },
    message: withConcepts ? undefined : `Show output_info with: GET /models/${model.id}/output_info`,
    params: type.hasConcepts ? { max_concepts: 20, min_value: 0, select_concepts: [] } : {},
  }
}

export interface VersionOptions {
  /** Include output_info.data.concepts (GetModelVersion, ListModelVersions, output_info). */
  concepts?: boolean
  metricsFields?: EvalFields
  /** Include the training log (GetModelVersion): kilobytes of text no list needs. */
  trainLog?: boolean
}

/**
 * A training log in the style trainers print, one line per epoch: `epoch 3 step 360 loss=0.8123
 * val_loss=0.9012 lr=0.001`. The loss decays with noise seeded by the version, so it never changes.
 */
export function trainLogOf(v: VersionRec): string {
  const random = mulberry32(hashString(`train-log:${v.id}`))
  const epochs = typeof v.params.num_epochs === 'number' ? v.params.num_epochs : 20
  const stepsPerEpoch = 40 + Math.floor(random() * 200)
  const start = 1.6 + random() * 1.4
  const floor = 0.05 + random() * 0.25
  const rate = 0.08 + random() * 0.2
  const lines = [`Training ${v.modelId} version ${v.id} for ${epochs} epochs`]
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const loss = floor + (start - floor) * Math.exp(-rate * epoch) * (1 + (random() - 0.5) * 0.08)
    const valLoss = loss * (1.05 + random() * 0.1) + 0.02 * Math.max(0, epoch - epochs * 0.7)
    lines.push(`epoch ${epoch} step ${epoch * stepsPerEpoch} loss=${loss.toFixed(4)} val_loss=${valLoss.toFixed(4)} lr=0.001`)
  }
  lines.push('Training complete')
  return lines.join('\n')
}

export function versionWire(model: ModelRec, v: VersionRec, opts: VersionOptions = {}): Wire {
  const world = getWorld()
  const trained = v.statusCode === Code.MODEL_TRAINED
  const latestEval = v.evalIds.length > 0 ? world.evalById.get(v.evalIds[v.evalIds.length - 1] ?? '') : undefined
  const type = MODEL_TYPE_BY_ID.get(model.typeId)
  const concepts = conceptsOf(model)
  return {
    id: v.id,
    created_at: timestamp(v.createdAt),
    status: status(v.statusCode),
    active_concept_count: nz(concepts.length),
    metrics: latestEval ? versionMetricsWire(latestEval, opts.metricsFields) : trained && type?.evaluation_type === 1 ? versionMetricsWire(undefined) : undefined,
    total_input_count: nz(v.totalInputCount),
    completed_at: v.completedAt ? timestamp(v.completedAt) : undefined,
    description: nz(v.description),
    visibility: { gettable: model.gettable },
    app_id: model.appId,
    user_id: OWNER,
    modified_at: timestamp(v.modifiedAt),
    metadata: {},
    output_info: outputInfoWire(model, opts.concepts ?? false, v.createdAt),
    train_log: opts.trainLog && trained && type?.trainable ? trainLogOf(v) : undefined,
    train_info:
      type?.trainable && v.trainDataset
        ? {
            params: v.params,
            dataset: { id: v.trainDataset.id, app_id: model.appId, user_id: OWNER, version: { id: v.trainDataset.versionId } },
          }
        : undefined,
  }
}

export interface ModelOptions {
  stars?: boolean
  /** Which version to embed (GetModel version_id); newest by default. */
  version?: VersionRec
  /** GetModelOutputInfo: the output_info with its concepts. */
  outputInfo?: boolean
}

export function latestVersion(model: ModelRec): VersionRec | undefined {
  return model.versions[model.versions.length - 1]
}

export function modelWire(model: ModelRec, opts: ModelOptions = {}): Wire {
  const v = opts.version ?? latestVersion(model)
  return {
    id: model.id,
    name: model.id,
    created_at: timestamp(model.createdAt),
    modified_at: timestamp(model.modifiedAt),
    app_id: model.appId,
    output_info: outputInfoWire(model, opts.outputInfo ?? false, model.createdAt),
    model_version: v ? versionWire(model, v, { concepts: opts.outputInfo }) : undefined,
    user_id: OWNER,
    model_type_id: model.typeId,
    visibility: { gettable: model.gettable },
    description: nz(model.description),
    metadata: {},
    notes: nz(model.notes),
    toolkits: nzList(model.toolkits),
    use_cases: nzList(model.useCases),
    languages: nzList(model.languages),
    is_starred: opts.stars ? nz(model.isStarred) : undefined,
    star_count: opts.stars ? nz(model.starCount) : undefined,
    workflow_recommended: model.workflowRecommended,
    creator: model.creator,
    version_count: model.versions.length,
  }
}

export interface DatasetOptions {
  stars?: boolean
}

export function datasetVersionWire(ds: DatasetRec, v: DatasetVersionRec, withMetrics = true): Wire {
  return {
    id: v.id,
    created_at: timestamp(v.createdAt),
    modified_at: timestamp(v.modifiedAt),
    app_id: v.appId,
    user_id: OWNER,
    dataset_id: v.datasetId,
    annotation_filter_config: v.origin === 4 ? undefined : { ignore_empty_inputs: true },
    model_predict_config: v.predictedBy
      ? { model: { id: v.predictedBy.modelId, app_id: v.appId, user_id: OWNER, model_version: { id: v.predictedBy.versionId } } }
      : undefined,
    status: status(v.statusCode),
    description: nz(v.description),
    metrics: withMetrics ? datasetVersionMetrics(ds, v) : undefined,
    metadata: {},
    visibility: { gettable: ds.gettable },
    request_origin: v.origin,
  }
}

export function datasetWire(ds: DatasetRec, opts: DatasetOptions = {}): Wire {
  const latest = ds.versions.filter((v) => v.origin <= 2).pop() ?? ds.versions[ds.versions.length - 1]
  return {
    id: ds.id,
    created_at: timestamp(ds.createdAt),
    modified_at: timestamp(ds.modifiedAt),
    app_id: ds.appId,
    user_id: OWNER,
    description: nz(ds.description),
    metadata: {},
    visibility: { gettable: ds.gettable },
    notes: nz(ds.notes),
    version: latest ? datasetVersionWire(ds, latest, false) : undefined,
    is_starred: opts.stars ? nz(ds.isStarred) : undefined,
    star_count: opts.stars ? nz(ds.starCount) : undefined,
    image: ds.kinds.includes('image') ? { url: svgThumb(ds.id, ds.id) } : undefined,
  }
}

// ---------------------------------------------------------------------------------------------
// Users and tasks

export function userWire(id: string, self: boolean): Wire | undefined {
  const u = USERS.find((x) => x.id === id)
  if (!u) return undefined
  return {
    id: u.id,
    first_name: u.first,
    last_name: u.last,
    company_name: u.company,
    job_title: u.title,
    created_at: timestamp(1640995200 + USERS.indexOf(u) * 86400 * 17.3),
    visibility: { gettable: u.id === OWNER ? 10 : 30 },
    user_detail: self
      ? { primary_email: `${u.id}@example.com`, country: 'DE', two_factor_auth_enabled: true, teams_count: 2 }
      : undefined,
  }
}

export function taskMetricsWire(task: TaskRec): Wire {
  const sum = (pick: (c: StatusCounts) => number): number => task.counts.reduce((s, c) => s + pick(c.inputs), 0)
  const perWorkerDivisor = task.workerStrategy === 3 ? Math.max(1, task.counts.length) : 1
  const worked = Math.min(task.inputTotal, Math.round(sum((c) => c.success + c.awaiting_review + c.review_denied + c.awaiting_consensus_review) / perWorkerDivisor))
  const reviewed = task.reviewStrategy === 1 ? worked : Math.min(worked, Math.round(sum((c) => c.success + c.review_denied) / perWorkerDivisor))
  const pct = (n: number): number | undefined => nz(task.inputTotal > 0 ? Math.floor((100 * n) / task.inputTotal) : 0)
  return {
    work: { inputs_count_estimated: int64(worked), inputs_percent_estimated: pct(worked) },
    review: {
      inputs_count_estimated: int64(reviewed),
      inputs_percent_estimated: pct(reviewed),
      inputs_count_estimated_per_reviewer: task.reviewers.length > 0 ? task.reviewers.map((_, i) => String(Math.round(reviewed / (i + 1)))) : undefined,
    },
    input_source: { inputs_count_estimated: int64(task.inputTotal) },
  }
}

export function taskWire(task: TaskRec, withMetrics: boolean): Wire {
  const model = task.autoModel
  return {
    id: task.id,
    created_at: timestamp(task.createdAt),
    modified_at: timestamp(task.modifiedAt),
    type: task.type,
    description: task.description,
    worker: {
      strategy: task.workerStrategy,
      partitioned_strategy_info: task.workerStrategy === 2 ? { type: 1, workers_per_input: 1 } : undefined,
      workers: model
        ? [{ model: { id: model.modelId, app_id: task.appId, user_id: OWNER, model_version: { id: model.versionId } } }]
        : task.workers.map((id) => ({ user: { id } })),
      type: task.workerType,
    },
    input_source: { type: task.inputSource.type, id: task.inputSource.id },
    review: {
      strategy: task.reviewStrategy,
      users: nzList(task.reviewers.map((id) => ({ id }))),
      manual_strategy_info: task.reviewStrategy === 2 ? { sample_percentage: 0.25 } : undefined,
      consensus_strategy_info: task.reviewStrategy === 3 ? { approval_threshold_labelers: 2, approval_threshold_reviewers: 1 } : undefined,
    },
    status: status(task.statusCode),
    name: task.name,
    visibility: { gettable: 10 },
    app_id: task.appId,
    user_id: OWNER,
    concepts: task.concepts.map((c) => ({ concept: { id: c.id, name: c.name, value: 1 } })),
    metrics: withMetrics ? taskMetricsWire(task) : undefined,
    priority: task.priority,
  }
}

export function workerRef(userId: string, task: TaskRec): Wire {
  if (userId === 'auto' && task.autoModel) {
    return { model: { id: task.autoModel.modelId, app_id: task.appId, user_id: OWNER, model_version: { id: task.autoModel.versionId } } }
  }
  return { user: { id: userId } }
}
