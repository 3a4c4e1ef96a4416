// The demo world: apps, models, versions, datasets, evaluations and tasks of user `demo`.
// Built once on first use (a few milliseconds); heavy parts (evaluation details, dataset inputs,
// dataset metrics) are generated on demand elsewhere from the records below.
import { Rng } from '@/demo/prng'
import { Code } from '@/demo/wire'
import { MODEL_TYPE_BY_ID } from './modelTypes'
import { ADJECTIVES, APP_SPECS, DATASET_SUFFIXES, QUALIFIERS, USERS, type AppSpec, type InputKind } from './vocab'

export const OWNER = 'demo'

/** 2023-01-01T00:00:00Z; every timestamp is an offset from here (no dependency on the clock). */
const BASE = 1672531200
const DAY = 86400

export interface ConceptRec {
  id: string
  name: string
}

export interface AppRec {
  spec: AppSpec
  id: string
  createdAt: number
  modifiedAt: number
  searchRevision: string
  models: ModelRec[]
  datasets: DatasetRec[]
  tasks: TaskRec[]
  evaluations: EvalRec[]
}

export interface VersionRec {
  id: string
  modelId: string
  appId: string
  createdAt: number
  modifiedAt: number
  completedAt?: number
  statusCode: number
  description: string
  totalInputCount: number
  trainDataset?: { id: string; versionId: string }
  params: Record<string, unknown>
  /** Evaluations of this version, newest last. */
  evalIds: string[]
}

export interface ModelRec {
  id: string
  appId: string
  typeId: string
  description: string
  notes?: string
  createdAt: number
  modifiedAt: number
  gettable: number
  starCount: number
  isStarred: boolean
  workflowRecommended: boolean
  toolkits: string[]
  useCases: string[]
  languages: string[]
  creator?: string
  conceptCount: number
  versions: VersionRec[] // oldest first
  /** Concept vocabulary key, so every version of a model shares concepts. */
  conceptKey: string
}

export interface DatasetVersionRec {
  id: string
  datasetId: string
  appId: string
  createdAt: number
  modifiedAt: number
  statusCode: number
  description: string
  /** DatasetVersionRequestOrigin: 1 manual, 2 training, 3 eval ground truth, 4 eval predictions. */
  origin: number
  inputCount: bigint
  predictedBy?: { modelId: string; versionId: string }
}

export interface DatasetRec {
  id: string
  appId: string
  description: string
  notes?: string
  createdAt: number
  modifiedAt: number
  gettable: number
  starCount: number
  isStarred: boolean
  kinds: InputKind[]
  inputCount: bigint
  /** The synthetic dataset whose counts exceed 2^53. */
  huge: boolean
  versions: DatasetVersionRec[] // oldest first
  conceptKey: string
}

export type EvalKind = 'classification' | 'detection'

export interface EvalRec {
  id: string
  appId: string
  modelId: string
  versionId: string
  modelTypeId: string
  kind: EvalKind
  conceptCount: number
  multiLabel: boolean
  statusCode: number
  createdAt: number
  groundTruth: { datasetId: string; versionId: string }
  predictions: { datasetId: string; versionId: string }
  trainDatasetId?: string
  nInputs: number
  conceptKey: string
  conceptVocab: string[]
}

export interface WorkerCounts {
  userId: string
  inputs: StatusCounts
  annotations: StatusCounts
}

export interface StatusCounts {
  pending: number
  awaiting_review: number
  success: number
  review_denied: number
  awaiting_consensus_review: number
}

export interface TaskRec {
  id: string
  appId: string
  name: string
  description: string
  type: number
  createdAt: number
  modifiedAt: number
  statusCode: number
  priority: number
  workerStrategy: number
  workerType: number
  workers: string[]
  autoModel?: { modelId: string; versionId: string }
  reviewStrategy: number
  reviewers: string[]
  inputSource: { type: number; id?: string }
  inputTotal: number
  concepts: ConceptRec[]
  counts: WorkerCounts[]
}

export interface World {
  apps: AppRec[]
  appById: Map<string, AppRec>
  models: ModelRec[]
  datasets: DatasetRec[]
  evaluations: EvalRec[]
  evalById: Map<string, EvalRec>
  tasks: TaskRec[]
}

// ---------------------------------------------------------------------------------------------
// Concepts

export function conceptName(id: string): string {
  return id.replace(/-/g, ' ')
}

const conceptCache = new Map<string, ConceptRec[]>()

/** `count` concepts drawn from the vocabulary, extended with adjective-noun pairs when needed. */
export function makeConcepts(key: string, vocab: string[], count: number): ConceptRec[] {
  const cacheKey = `${key}#${count}`
  const hit = conceptCache.get(cacheKey)
  if (hit) return hit
  const rng = new Rng(`concepts/${key}`)
  let ids: string[]
  if (count <= vocab.length) {
    ids = rng.shuffle(vocab).slice(0, count)
  } else {
    const nouns = vocab.map((v) => v.split('-').pop() ?? v)
    const combos: string[] = []
    const seen = new Set(vocab)
    for (const adj of ADJECTIVES) {
      for (const noun of nouns) {
        const id = `${adj}-${noun}`
        if (!seen.has(id)) {
          seen.add(id)
          combos.push(id)
        }
      }
    }
    let extra = rng.shuffle(combos)
    // Very large vocabularies: number the remainder so the count is always reached.
    for (let i = 0; extra.length < count - vocab.length; i++) extra.push(`${nouns[i % nouns.length] ?? 'item'}-${i + 1}`)
    extra = extra.slice(0, count - vocab.length)
    ids = vocab.concat(extra)
  }
  const out = ids.map((id) => ({ id, name: conceptName(id) }))
  conceptCache.set(cacheKey, out)
  return out
}

// ---------------------------------------------------------------------------------------------
// Evaluation plan: concept counts from 2 to 1,000; a few models evaluated twice.

interface PlanEntry {
  kind: EvalKind
  concepts: number
  app?: string
  again?: boolean
  status?: number
  multiLabel?: boolean
  text?: boolean
  /** Versions retrained before the model's own, added first (a long history of automatic retraining). */
  history?: number
}

const PLAN: PlanEntry[] = [
  { kind: 'classification', concepts: 2 },
  { kind: 'classification', concepts: 2, again: true },
  { kind: 'classification', concepts: 3, text: true },
  { kind: 'classification', concepts: 3 },
  { kind: 'classification', concepts: 4, multiLabel: true },
  { kind: 'classification', concepts: 5 },
  { kind: 'classification', concepts: 5, again: true },
  { kind: 'classification', concepts: 6, text: true, multiLabel: true },
  { kind: 'classification', concepts: 8 },
  { kind: 'classification', concepts: 10, app: 'general-vision' },
  { kind: 'classification', concepts: 10, again: true },
  { kind: 'classification', concepts: 12, text: true },
  { kind: 'classification', concepts: 15, app: 'wildlife-camera-traps' },
  { kind: 'classification', concepts: 16, multiLabel: true },
  { kind: 'classification', concepts: 20, app: 'general-vision' },
  { kind: 'classification', concepts: 20, again: true },
  { kind: 'classification', concepts: 24 },
  { kind: 'classification', concepts: 30, multiLabel: true },
  { kind: 'classification', concepts: 36 },
  { kind: 'classification', concepts: 40, text: true },
  { kind: 'classification', concepts: 50 },
  { kind: 'classification', concepts: 64, multiLabel: true },
  { kind: 'classification', concepts: 80 },
  { kind: 'classification', concepts: 100, app: 'product-catalog' },
  { kind: 'classification', concepts: 128 },
  { kind: 'classification', concepts: 200, app: 'product-catalog' },
  { kind: 'classification', concepts: 300 },
  { kind: 'classification', concepts: 500, app: 'product-catalog' },
  { kind: 'classification', concepts: 750 },
  { kind: 'classification', concepts: 1000, app: 'product-catalog' },
  { kind: 'detection', concepts: 2, app: 'manufacturing-defects' },
  { kind: 'detection', concepts: 3 },
  { kind: 'detection', concepts: 5, app: 'retail-shelf-audit' },
  { kind: 'detection', concepts: 8 },
  { kind: 'detection', concepts: 10, app: 'wildlife-camera-traps' },
  { kind: 'detection', concepts: 12, app: 'retail-shelf-audit' },
  { kind: 'detection', concepts: 20, app: 'general-vision' },
  { kind: 'detection', concepts: 40 },
  { kind: 'classification', concepts: 10, status: Code.MODEL_EVALUATING },
  { kind: 'classification', concepts: 5, status: Code.MODEL_EVALUATION_FAILED },
  // Clarifai's general model scale: 10,000 concepts, about 20,000 test inputs. Last in the plan,
  // so the evaluations above keep their ids and data.
  { kind: 'classification', concepts: 10000, app: 'general-vision', multiLabel: true },
  // A model retrained automatically for years (1,200 versions before its own) and evaluated on
  // each of its newest versions: the trend across versions, with one evaluation still running and
  // one failed. After the 10,000-concept one, so every evaluation above keeps its id.
  { kind: 'classification', concepts: 8, app: 'content-moderation', history: 1200 },
  { kind: 'classification', concepts: 8, again: true },
  { kind: 'classification', concepts: 8, again: true },
  { kind: 'classification', concepts: 8, again: true },
  { kind: 'classification', concepts: 8, again: true },
  { kind: 'classification', concepts: 8, again: true, status: Code.MODEL_EVALUATION_FAILED },
  { kind: 'classification', concepts: 8, again: true },
  { kind: 'classification', concepts: 8, again: true, status: Code.MODEL_EVALUATING },
]

const CLASSIFIER_TYPES = new Set(['visual-classifier', 'embedding-classifier', 'text-classifier'])

function testSetSize(kind: EvalKind, concepts: number, rng: Rng): number {
  if (kind === 'detection') return Math.min(600, Math.max(120, concepts * 30 + rng.int(0, 40)))
  if (concepts >= 10000) return 2 * concepts
  if (concepts >= 1000) return 3000
  return Math.min(3000, Math.max(150, concepts * 24 + rng.int(0, 60)))
}

// ---------------------------------------------------------------------------------------------

function weighted(rng: Rng, mix: [string, number][]): string {
  const total = mix.reduce((s, [, w]) => s + w, 0)
  let r = rng.range(0, total)
  for (const [id, w] of mix) {
    r -= w
    if (r < 0) return id
  }
  return mix[mix.length - 1]?.[0] ?? 'visual-classifier'
}

function versionStatus(rng: Rng, isLatest: boolean, trainable: boolean): number {
  if (!trainable) return Code.MODEL_TRAINED
  const r = rng.float()
  if (!isLatest) return r < 0.88 ? Code.MODEL_TRAINED : Code.MODEL_TRAINING_FAILED
  if (r < 0.66) return Code.MODEL_TRAINED
  if (r < 0.76) return Code.MODEL_TRAINING
  if (r < 0.82) return Code.MODEL_QUEUED_FOR_TRAINING
  if (r < 0.93) return Code.MODEL_TRAINING_FAILED
  return Code.MODEL_UNTRAINED
}

/** Training templates per model type (train_info.params.template). */
const TEMPLATES: Record<string, string[]> = {
  'visual-classifier': ['MMClassification_ResNet_50_RSB_A1', 'Clarifai_InceptionBatchNorm', 'MMClassification_EfficientNet'],
  'visual-detector': ['MMDetection_YoloF', 'MMDetection_FasterRCNN', 'MMDetection_SSD'],
  'visual-segmenter': ['MMSegmentation_SegFormer'],
  'text-classifier': ['HF_BERT_base_uncased', 'HF_DistilBERT_multilingual'],
  'embedding-classifier': ['Clarifai_LogisticRegression'],
  clusterer: ['Clarifai_KMeans'],
  'visual-anomaly-heatmap': ['Clarifai_PatchCore'],
}

const VERSION_NOTES = [
  'Initial version',
  'Retrained with more labeled inputs',
  'Balanced classes, added hard negatives',
  'Higher resolution template',
  'Longer schedule, lower learning rate',
  'Relabeled ambiguous inputs',
  '',
]

function buildDatasets(app: AppRec, rng: Rng): void {
  const spec = app.spec
  const used = new Set<string>()
  for (let i = 0; i < spec.datasetCount; i++) {
    let id = ''
    if (spec.id === 'satellite-imagery' && i === 0) id = 'planet-scale-tiles'
    else {
      for (let tries = 0; !id || used.has(id); tries++) {
        id = `${rng.pick(spec.topics)}-${rng.pick(DATASET_SUFFIXES)}`
        if (tries > 20) id = `${id}-${i}`
      }
    }
    used.add(id)
    const huge = id === 'planet-scale-tiles'
    const kinds: InputKind[] = huge
      ? ['image']
      : spec.inputKinds.length > 1 && rng.chance(0.5)
        ? spec.inputKinds.slice()
        : [spec.inputKinds[rng.int(0, spec.inputKinds.length - 1)] ?? 'image']
    const inputCount = huge ? 312_345_678_901_234_567n : BigInt(rng.int(120, 4800))
    const createdAt = app.createdAt + rng.range(1, 60) * DAY
    const ds: DatasetRec = {
      id,
      appId: app.id,
      description: huge
        ? 'Synthetic planet-wide tile index. Counts exceed 2^53 on purpose.'
        : `${kinds.join(' and ')} inputs for ${id.replace(/-/g, ' ')}`,
      notes: rng.chance(0.3) ? `## ${id}\n\n- Source: internal collection\n- Labeling guide: [guide](https://example.com/guides/${id})` : undefined,
      createdAt,
      modifiedAt: createdAt,
      gettable: spec.gettable === 50 && rng.chance(0.5) ? 50 : 10,
      starCount: rng.chance(0.4) ? rng.int(1, 30) : 0,
      isStarred: rng.chance(0.2),
      kinds,
      inputCount,
      huge,
      versions: [],
      conceptKey: `${app.id}/${id}`,
    }
    const nVersions = rng.int(1, 4)
    let t = createdAt
    for (let v = 0; v < nVersions; v++) {
      t += rng.range(5, 60) * DAY
      const isLatest = v === nVersions - 1
      const fraction = isLatest ? 1 : (v + 1) / (nVersions + 1)
      const count = huge ? (inputCount * BigInt(Math.round(fraction * 1000))) / 1000n : BigInt(Math.max(1, Math.round(Number(inputCount) * fraction)))
      let statusCode: number = Code.DATASET_VERSION_READY
      if (isLatest && v > 0) {
        const r = rng.float()
        if (r < 0.08) statusCode = Code.DATASET_VERSION_PENDING
        else if (r < 0.16) statusCode = Code.DATASET_VERSION_IN_PROGRESS
        else if (r < 0.22) statusCode = Code.DATASET_VERSION_FAILURE
      }
      ds.versions.push({
        id: rng.hex(32),
        datasetId: id,
        appId: app.id,
        createdAt: t,
        modifiedAt: t + rng.range(60, 3600),
        statusCode,
        description: v === 0 ? 'First snapshot' : rng.pick(['Added new inputs', 'Relabeled after review', 'Monthly snapshot', 'Fixed duplicate inputs']),
        origin: rng.chance(0.2) ? 2 : 1,
        inputCount: count,
      })
    }
    ds.modifiedAt = t
    app.datasets.push(ds)
  }
}

function latestReadyVersion(ds: DatasetRec): DatasetVersionRec {
  const ready = ds.versions.filter((v) => v.statusCode === Code.DATASET_VERSION_READY && v.origin <= 2)
  const pick = ready[ready.length - 1] ?? ds.versions[0]
  if (!pick) throw new Error(`dataset ${ds.id} without versions`)
  return pick
}

function buildModels(app: AppRec, rng: Rng): void {
  const spec = app.spec
  const used = new Set<string>()
  for (let i = 0; i < spec.modelCount; i++) {
    const typeId = weighted(rng, spec.typeMix)
    const type = MODEL_TYPE_BY_ID.get(typeId)
    if (!type) throw new Error(`unknown model type ${typeId}`)
    let id = `${rng.pick(spec.topics)}-${type.short}`
    for (let tries = 0; used.has(id); tries++) {
      id = `${rng.pick(spec.topics)}-${rng.pick(QUALIFIERS)}-${type.short}`
      if (tries > 30) id = `${id}-${i}`
    }
    used.add(id)
    const createdAt = app.createdAt + rng.range(2, 200) * DAY
    const nVersions = type.trainable ? rng.int(1, 6) : rng.int(1, 2)
    const conceptCount = type.hasConcepts ? Math.min(spec.concepts.length, rng.int(2, 12)) : 0
    const model: ModelRec = {
      id,
      appId: app.id,
      typeId,
      description: `${type.title} for ${id.replace(/-/g, ' ')}`,
      notes: rng.chance(0.25)
        ? `## ${id}\n\nOwner: **${rng.pick(USERS).first}**\n\n- Input: ${type.input_fields.join(', ')}\n- Output: ${type.output_fields.join(', ')}`
        : undefined,
      createdAt,
      modifiedAt: createdAt,
      gettable: spec.gettable === 50 && rng.chance(0.6) ? 50 : spec.gettable === 30 ? 30 : 10,
      starCount: rng.chance(0.5) ? rng.int(1, 60) : 0,
      isStarred: rng.chance(0.15),
      workflowRecommended: rng.chance(0.2),
      toolkits: rng.chance(0.3) ? [rng.pick(['pytorch', 'tensorflow', 'onnx', 'huggingface'])] : [],
      useCases: rng.chance(0.4) ? [rng.pick(['classification', 'detection', 'moderation', 'search', 'ocr'])] : [],
      languages: type.input_fields.includes('text') ? (rng.chance(0.3) ? ['en', 'de', 'fr'] : ['en']) : [],
      creator: rng.chance(0.5) ? OWNER : undefined,
      conceptCount,
      versions: [],
      conceptKey: `${app.id}/${id}`,
    }
    let t = createdAt
    const wantKind: InputKind = type.input_fields.includes('text') ? 'text' : 'image'
    const matching = app.datasets.filter((d) => d.kinds.includes(wantKind) && !d.huge)
    const trainDatasets = matching.length > 0 ? matching : app.datasets
    const templates = TEMPLATES[typeId] ?? ['Clarifai_Default']
    for (let v = 0; v < nVersions; v++) {
      t += rng.range(1, 45) * DAY
      const statusCode = versionStatus(rng, v === nVersions - 1, type.trainable)
      const ds = trainDatasets.length > 0 && type.trainable ? rng.pick(trainDatasets) : undefined
      const dsv = ds ? latestReadyVersion(ds) : undefined
      const done = statusCode === Code.MODEL_TRAINED || statusCode === Code.MODEL_TRAINING_FAILED
      model.versions.push({
        id: rng.hex(32),
        modelId: id,
        appId: app.id,
        createdAt: t,
        modifiedAt: t + (done ? rng.range(600, 20000) : rng.range(10, 300)),
        completedAt: done ? t + rng.range(600, 20000) : undefined,
        statusCode,
        description: rng.pick(VERSION_NOTES),
        totalInputCount: type.trainable ? rng.int(50, 5000) : 0,
        trainDataset: ds && dsv ? { id: ds.id, versionId: dsv.id } : undefined,
        params: type.trainable
          ? {
              template: rng.pick(templates),
              num_epochs: rng.int(5, 60),
              batch_size: rng.pick([16, 32, 64]),
              learning_rate: rng.pick([0.0001, 0.0005, 0.001, 0.01]),
              image_size: rng.pick([224, 320, 512]),
            }
          : {},
        evalIds: [],
      })
    }
    model.modifiedAt = t
    app.models.push(model)
  }
}

function ensureTrained(rng: Rng, model: ModelRec, skip: Set<string>): VersionRec {
  const candidates = model.versions.filter((v) => v.statusCode === Code.MODEL_TRAINED && !skip.has(v.id))
  const pick = candidates[candidates.length - 1]
  if (pick) return pick
  // Force one: the newest version not already used becomes trained.
  const free = model.versions.filter((v) => !skip.has(v.id))
  let v = free[free.length - 1]
  if (!v) {
    const last = model.versions[model.versions.length - 1]
    const t = (last?.createdAt ?? model.createdAt) + 7 * DAY
    v = {
      ...(last as VersionRec),
      id: rng.hex(32),
      createdAt: t,
      modifiedAt: t + 3600,
      description: 'Retrained for evaluation',
      evalIds: [],
    }
    model.versions.push(v)
    model.modifiedAt = t
  }
  v.statusCode = Code.MODEL_TRAINED
  v.completedAt = v.createdAt + 1800
  return v
}

/**
 * `count` versions between the model's creation and its first version, oldest first, from their
 * own seed (the world's other ids stay as they are), mostly trained, a few failed.
 */
function addHistory(model: ModelRec, count: number): void {
  const rng = new Rng(`history/${model.appId}/${model.id}`)
  const first = model.versions[0]
  if (!first) return
  const start = model.createdAt
  const step = (first.createdAt - start) / (count + 1)
  const history: VersionRec[] = []
  for (let k = 1; k <= count; k++) {
    const t = start + k * step
    const statusCode = rng.chance(0.93) ? Code.MODEL_TRAINED : Code.MODEL_TRAINING_FAILED
    history.push({
      ...first,
      id: rng.hex(32),
      createdAt: t,
      modifiedAt: t + 600,
      completedAt: t + 600,
      statusCode,
      description: 'Scheduled retrain',
      totalInputCount: first.totalInputCount + rng.int(-40, 40),
      evalIds: [],
    })
  }
  model.versions.unshift(...history)
}

function buildEvaluations(world: World): void {
  const rng = new Rng('evaluations/plan')
  const evalCount = new Map<string, number>()
  let previous: { model: ModelRec; version: VersionRec; app: AppRec } | undefined
  for (const entry of PLAN) {
    let model: ModelRec
    let app: AppRec
    let version: VersionRec
    if (entry.again && previous) {
      model = previous.model
      app = previous.app
      const used = new Set(model.versions.filter((v) => v.evalIds.length > 0).map((v) => v.id))
      version = ensureTrained(rng, model, used)
    } else {
      const wantTypes =
        entry.kind === 'detection' ? new Set(['visual-detector']) : entry.text ? new Set(['text-classifier']) : CLASSIFIER_TYPES
      const eligible = (m: ModelRec): boolean => wantTypes.has(m.typeId) && !evalCount.has(`${m.appId}/${m.id}`)
      let pool = world.apps.filter((a) => !entry.app || a.id === entry.app).flatMap((a) => a.models).filter(eligible)
      if (pool.length === 0) pool = world.apps.flatMap((a) => a.models).filter(eligible)
      const candidates = rng.shuffle(pool)
      const chosen = candidates[0]
      if (!chosen) throw new Error(`no model for evaluation plan entry ${JSON.stringify(entry)}`)
      model = chosen
      const found = world.appById.get(model.appId)
      if (!found) throw new Error('model without app')
      app = found
      model.conceptCount = entry.concepts
      if (entry.history) addHistory(model, entry.history)
      version = ensureTrained(rng, model, new Set())
    }
    evalCount.set(`${model.appId}/${model.id}`, (evalCount.get(`${model.appId}/${model.id}`) ?? 0) + 1)
    const ds =
      app.datasets.find((d) => d.kinds.includes(model.typeId === 'text-classifier' ? 'text' : 'image') && !d.huge) ??
      app.datasets.find((d) => !d.huge) ??
      app.datasets[0]
    if (!ds) throw new Error(`app ${app.id} has no dataset`)
    const gt = latestReadyVersion(ds)
    const createdAt = (version.completedAt ?? version.createdAt) + rng.range(0.1, 3) * DAY
    const id = rng.hex(32)
    const predVersion: DatasetVersionRec = {
      id: rng.hex(32),
      datasetId: ds.id,
      appId: app.id,
      createdAt,
      modifiedAt: createdAt + 120,
      statusCode: Code.DATASET_VERSION_READY,
      description: `Predictions of ${model.id} for evaluation ${id.slice(0, 8)}`,
      origin: 4,
      inputCount: gt.inputCount,
      predictedBy: { modelId: model.id, versionId: version.id },
    }
    ds.versions.push(predVersion)
    ds.versions.sort((a, b) => a.createdAt - b.createdAt)
    ds.modifiedAt = Math.max(ds.modifiedAt, createdAt)
    const rec: EvalRec = {
      id,
      appId: app.id,
      modelId: model.id,
      versionId: version.id,
      modelTypeId: model.typeId,
      kind: entry.kind,
      conceptCount: entry.concepts,
      multiLabel: entry.multiLabel ?? false,
      statusCode: entry.status ?? Code.MODEL_EVALUATED,
      createdAt,
      groundTruth: { datasetId: ds.id, versionId: gt.id },
      predictions: { datasetId: ds.id, versionId: predVersion.id },
      trainDatasetId: version.trainDataset?.id,
      nInputs: testSetSize(entry.kind, entry.concepts, rng),
      conceptKey: model.conceptKey,
      conceptVocab: app.spec.concepts,
    }
    version.evalIds.push(id)
    app.evaluations.push(rec)
    world.evaluations.push(rec)
    world.evalById.set(id, rec)
    previous = { model, version, app }
  }
}

function splitCounts(rng: Rng, total: number, done: boolean, review: number): StatusCounts {
  if (done) return { pending: 0, awaiting_review: 0, success: total, review_denied: 0, awaiting_consensus_review: 0 }
  const pending = Math.round(total * rng.range(0.1, 0.6))
  let rest = total - pending
  const denied = review === 1 ? 0 : Math.round(rest * rng.range(0, 0.08))
  rest -= denied
  const awaiting = review === 1 ? 0 : Math.round(rest * rng.range(0.05, 0.3))
  rest -= awaiting
  const consensus = review === 3 ? Math.round(rest * rng.range(0, 0.2)) : 0
  rest -= consensus
  return { pending, awaiting_review: awaiting, success: rest, review_denied: denied, awaiting_consensus_review: consensus }
}

function buildTasks(app: AppRec, rng: Rng): void {
  const spec = app.spec
  const humans = USERS.map((u) => u.id)
  for (let i = 0; i < spec.taskCount; i++) {
    const topic = rng.pick(spec.topics)
    const detectorApp = spec.typeMix.some(([t]) => t === 'visual-detector') && spec.inputKinds.includes('image')
    const type = spec.id === 'satellite-imagery' && i === 0 ? 3 : detectorApp && rng.chance(0.5) ? 2 : 1
    const createdAt = app.createdAt + rng.range(10, 400) * DAY
    const r = rng.float()
    const statusCode = r < 0.6 ? Code.TASK_IN_PROGRESS : r < 0.85 ? Code.TASK_DONE : r < 0.93 ? Code.TASK_WONT_DO : Code.TASK_FAILED
    const auto = i === 1 && app.models.some((m) => m.typeId === 'visual-classifier' || m.typeId === 'visual-detector')
    const autoModel = auto ? app.models.find((m) => m.typeId === 'visual-classifier' || m.typeId === 'visual-detector') : undefined
    const autoVersion = autoModel?.versions[autoModel.versions.length - 1]
    const nWorkers = auto ? 0 : rng.int(2, 5)
    const workers = auto
      ? []
      : (() => {
          const pool = rng.shuffle(humans.filter((h) => h !== OWNER)).slice(0, nWorkers - 1)
          return rng.chance(0.75) ? [OWNER, ...pool] : rng.shuffle(humans.filter((h) => h !== OWNER)).slice(0, nWorkers)
        })()
    const reviewStrategy = auto ? 2 : rng.pick([1, 2, 2, 3])
    const reviewers = reviewStrategy === 1 ? [] : rng.shuffle(['carol', 'frank', OWNER]).slice(0, rng.int(1, 2))
    const ds = app.datasets.length > 0 && rng.chance(0.8) ? rng.pick(app.datasets.filter((d) => !d.huge).length ? app.datasets.filter((d) => !d.huge) : app.datasets) : undefined
    // The task's inputs are its source's inputs: a dataset, or every input of the app (not in
    // an app with the planet-scale dataset, whose inputs no task could go through).
    if (!ds) rng.int(200, 1500) // drawn before totals were exact; kept so the rest of the world stays the same
    const allInputs = app.datasets.reduce((s, d) => s + d.inputCount, 0n)
    const source = ds ?? (app.datasets.some((d) => d.huge) ? app.datasets.find((d) => !d.huge) : undefined)
    const inputTotal = Number(source ? source.inputCount : allInputs)
    const workerStrategy = auto ? 3 : rng.pick([2, 2, 3, 4])
    const done = statusCode === Code.TASK_DONE
    const perAnnotation = type === 1 ? rng.range(1, 1.6) : rng.range(2, 4.5)
    const counts: WorkerCounts[] = (auto ? ['auto'] : workers).map((userId) => {
      const share = workerStrategy === 2 ? Math.round(inputTotal / Math.max(1, workers.length)) : workerStrategy === 3 ? inputTotal : rng.int(10, Math.max(20, Math.round(inputTotal / 3)))
      const inputs = splitCounts(rng, share, done, reviewStrategy)
      const scale = (n: number): number => Math.round(n * perAnnotation)
      return {
        userId,
        inputs,
        annotations: {
          pending: scale(inputs.pending),
          awaiting_review: scale(inputs.awaiting_review),
          success: scale(inputs.success),
          review_denied: scale(inputs.review_denied),
          awaiting_consensus_review: scale(inputs.awaiting_consensus_review),
        },
      }
    })
    app.tasks.push({
      id: rng.hex(32),
      appId: app.id,
      name: auto ? `Auto-annotate ${topic}` : `Label ${topic.replace(/-/g, ' ')} (batch ${i + 1})`,
      description: auto
        ? `Pre-label inputs with ${autoModel?.id ?? 'a model'} and send low-confidence ones to review.`
        : `Annotate ${type === 1 ? 'concepts' : type === 2 ? 'bounding boxes' : 'polygons'} for ${topic.replace(/-/g, ' ')}.`,
      type,
      createdAt,
      modifiedAt: createdAt + rng.range(1, 40) * DAY,
      statusCode,
      priority: rng.int(1, 3),
      workerStrategy,
      workerType: auto ? 2 : 1,
      workers,
      autoModel: autoModel && autoVersion ? { modelId: autoModel.id, versionId: autoVersion.id } : undefined,
      reviewStrategy,
      reviewers,
      inputSource: source ? { type: 3, id: source.id } : { type: 1 },
      inputTotal,
      concepts: rng.shuffle(spec.concepts).slice(0, rng.int(2, Math.min(8, spec.concepts.length))).map((id) => ({ id, name: conceptName(id) })),
      counts,
    })
  }
}

let cached: World | undefined

export function getWorld(): World {
  if (cached) return cached
  const world: World = { apps: [], appById: new Map(), models: [], datasets: [], evaluations: [], evalById: new Map(), tasks: [] }
  for (const spec of APP_SPECS) {
    const rng = new Rng(`app/${spec.id}`)
    const createdAt = BASE + rng.range(0, 420) * DAY
    const app: AppRec = {
      spec,
      id: spec.id,
      createdAt,
      modifiedAt: createdAt,
      searchRevision: rng.hex(16),
      models: [],
      datasets: [],
      tasks: [],
      evaluations: [],
    }
    buildDatasets(app, new Rng(`datasets/${spec.id}`))
    buildModels(app, new Rng(`models/${spec.id}`))
    world.apps.push(app)
    world.appById.set(app.id, app)
  }
  buildEvaluations(world)
  for (const app of world.apps) {
    buildTasks(app, new Rng(`tasks/${app.id}`))
    for (const m of app.models) m.modifiedAt = Math.max(m.modifiedAt, ...m.versions.map((v) => v.createdAt))
    app.modifiedAt = Math.max(app.createdAt, ...app.models.map((m) => m.modifiedAt), ...app.datasets.map((d) => d.modifiedAt))
    world.models.push(...app.models)
    world.datasets.push(...app.datasets)
    world.tasks.push(...app.tasks)
  }
  cached = world
  return world
}
