// The GET operations the console's pages use, by RPC name. Everything else goes to the generic
// fallback in handler.ts (empty list or 404, as an empty app would answer).
import { datasetInputsPage } from './data/datasetData'
import { appAnnotationSlice, appInputSlice, datasetInput, inputAnnotations, locateInput, regionInfoWire, templateAt } from './data/inputs'
import { EVAL_FIELDS, evalSummary, evalWire, type EvalFields } from './data/evalWire'
import { MODEL_TYPE_BY_ID, MODEL_TYPES, modelTypeWire } from './data/modelTypes'
import {
  appCounts,
  appWire,
  conceptsOf,
  datasetVersionWire,
  datasetWire,
  latestVersion,
  modelWire,
  taskWire,
  userWire,
  versionWire,
  workerRef,
} from './data/resources'
import { conceptName, makeConcepts, OWNER, type AppRec, type DatasetRec, type EvalRec, type ModelRec, type TaskRec, type World } from './data/world'
import { nameMatcher, paginate, searchMatcher, sortItems, type Query, type SortSpec } from './query'
import type { RouteMatch } from './router'
import { Code, DemoError, int64, notFound, status, timestamp, type Body } from './wire'

export interface Ctx {
  world: World
  route: RouteMatch
  query: Query
  /** Resolved user id (`me` replaced by the token's owner). */
  userId: string
  /** The app in scope, when the request names one. */
  app?: AppRec
}

type Endpoint = (ctx: Ctx) => Body

function param(ctx: Ctx, name: string): string {
  return ctx.route.params[name] ?? ''
}

/** Apps in scope: the named app, or every app of the user (user-level bindings). */
function appsInScope(ctx: Ctx): AppRec[] {
  if (ctx.app) return [ctx.app]
  return ctx.userId === OWNER ? ctx.world.apps : []
}

function requireApp(ctx: Ctx): AppRec {
  if (!ctx.app) throw new DemoError(400, Code.FAILURE, 'user_app_id.app_id is required')
  return ctx.app
}

function additional(ctx: Ctx): Set<string> {
  return new Set(ctx.query.list('additional_fields'))
}

function evalFields(ctx: Ctx): EvalFields {
  const out: EvalFields = {}
  for (const f of EVAL_FIELDS) out[f] = ctx.query.bool(`fields.${f}`)
  return out
}

const GETTABLE = { UNKNOWN_VISIBILITY: 0, PRIVATE: 10, ORG: 30, PUBLIC: 50 }

function visibilityFilter(ctx: Ctx): (gettable: number) => boolean {
  const want = ctx.query.enumValue('visibility.gettable', GETTABLE)
  return (g) => !want || g === want
}

/** `search` (and the deprecated `query`): terms; `name`/`id` (deprecated): `gen*` wildcards. */
function textFilter(ctx: Ctx): (id: string, name: string, extra: (string | undefined)[]) => boolean {
  const search = ctx.query.str('search') || ctx.query.str('query')
  const name = ctx.query.str('name')
  const id = ctx.query.str('id')
  const s = search ? searchMatcher(search) : undefined
  const n = name ? nameMatcher(name) : undefined
  const i = id ? nameMatcher(id) : undefined
  return (itemId, itemName, extra) =>
    (!s || s([itemId, itemName, ...extra])) && (!n || n(itemName) || n(itemId)) && (!i || i(itemId))
}

function relevance(ctx: Ctx, fields: string[]): number {
  const search = (ctx.query.str('search') || ctx.query.str('query') || '').toLowerCase()
  if (!search) return 0
  return fields.reduce((score, f, i) => score + (f.toLowerCase().includes(search) ? 10 - i : 0), 0)
}

function listBody(field: string, items: unknown[]): Body {
  return { [field]: items }
}

// ---------------------------------------------------------------------------------------------
// Users, apps

const GetUser: Endpoint = (ctx) => {
  const user = userWire(ctx.userId, ctx.userId === OWNER)
  if (!user) throw notFound(`User '${ctx.userId}'`)
  return { user }
}

const ListApps: Endpoint = (ctx) => {
  const q = ctx.query
  const { page, perPage } = q.page()
  const sort = q.sort(['name', 'modified_at', 'created_at', 'star_count', 'id', 'relevance'])
  const extra = additional(ctx)
  const text = textFilter(ctx)
  const vis = visibilityFilter(ctx)
  const starredOnly = q.bool('starred_only')
  const featuredOnly = q.bool('featured_only')
  const templateOnly = q.bool('template_only')
  const apps = (ctx.userId === OWNER ? ctx.world.apps : []).filter(
    (a) =>
      text(a.id, a.spec.name, [a.spec.description]) &&
      vis(a.spec.gettable) &&
      (!starredOnly || a.spec.isStarred) &&
      !featuredOnly &&
      (!templateOnly || a.spec.isTemplate),
  )
  const spec: SortSpec<AppRec> = {
    keys: {
      name: (a) => a.spec.name.toLowerCase(),
      modified_at: (a) => a.modifiedAt,
      created_at: (a) => a.createdAt,
      star_count: (a) => a.spec.starCount,
      id: (a) => a.id,
      relevance: (a) => relevance(ctx, [a.id, a.spec.name, a.spec.description]),
    },
    defaultKey: 'modified_at',
    tieBreak: (a) => a.id,
  }
  const sorted = sortItems(apps, spec, sort.by, sort.ascending)
  return listBody(
    'apps',
    paginate(sorted, page, perPage).map((a) => appWire(a, { counts: extra.has('counts'), stars: extra.has('stars') })),
  )
}

const GetApp: Endpoint = (ctx) => {
  const app = requireApp(ctx)
  const extra = additional(ctx)
  return { app: appWire(app, { counts: extra.has('counts'), stars: extra.has('stars'), revision: true }) }
}

const GetResourceCounts: Endpoint = (ctx) => {
  const c = appCounts(requireApp(ctx))
  return { datasets: int64(c.datasets), models: int64(c.models), inputs: int64(c.inputs) }
}

// ---------------------------------------------------------------------------------------------
// Models

function findModel(ctx: Ctx): ModelRec {
  const app = requireApp(ctx)
  const id = param(ctx, 'model_id')
  const model = app.models.find((m) => m.id === id)
  if (!model) throw notFound(`Model '${id}'`, Code.MODEL_DOES_NOT_EXIST)
  return model
}

function findVersion(ctx: Ctx, model: ModelRec, name: string) {
  const id = param(ctx, name) || ctx.query.str(name) || ''
  const v = model.versions.find((x) => x.id === id)
  if (!v) throw notFound(`Model version '${id}' of model '${model.id}'`, Code.MODEL_DOES_NOT_EXIST)
  return v
}

const ListModels: Endpoint = (ctx) => {
  const q = ctx.query
  const { page, perPage } = q.page()
  const sort = q.sort(['name', 'num_inputs', 'modified_at', 'created_at', 'star_count', 'relevance'])
  const extra = additional(ctx)
  const text = textFilter(ctx)
  const vis = visibilityFilter(ctx)
  const typeId = q.str('model_type_id')
  const trainedOnly = q.bool('trained_only')
  const starredOnly = q.bool('starred_only')
  const featuredOnly = q.bool('featured_only')
  const bookmark = q.bool('bookmark')
  const versionIds = new Set(q.list('model_version_ids'))
  const inputFields = q.list('input_fields')
  const outputFields = q.list('output_fields')
  const toolkits = q.list('toolkits')
  const useCases = q.list('use_cases')
  const languages = q.list('languages')
  const creator = q.str('creator')
  const anyOf = (wanted: string[], have: string[]): boolean => wanted.length === 0 || wanted.some((w) => have.includes(w))
  const models = appsInScope(ctx)
    .flatMap((a) => a.models)
    .filter((m) => {
      const type = MODEL_TYPE_BY_ID.get(m.typeId)
      return (
        text(m.id, m.id, [m.description, m.typeId]) &&
        vis(m.gettable) &&
        (!typeId || m.typeId === typeId) &&
        (!trainedOnly || m.versions.some((v) => v.statusCode === Code.MODEL_TRAINED)) &&
        (!starredOnly || m.isStarred) &&
        !featuredOnly &&
        !bookmark &&
        (versionIds.size === 0 || m.versions.some((v) => versionIds.has(v.id))) &&
        inputFields.every((f) => type?.input_fields.includes(f)) &&
        outputFields.every((f) => type?.output_fields.includes(f)) &&
        anyOf(toolkits, m.toolkits) &&
        anyOf(useCases, m.useCases) &&
        anyOf(languages, m.languages) &&
        (!creator || m.creator === creator)
      )
    })
  const spec: SortSpec<ModelRec> = {
    keys: {
      name: (m) => m.id,
      num_inputs: (m) => latestVersion(m)?.totalInputCount ?? 0,
      modified_at: (m) => m.modifiedAt,
      created_at: (m) => m.createdAt,
      star_count: (m) => m.starCount,
      relevance: (m) => relevance(ctx, [m.id, m.description]),
    },
    defaultKey: 'modified_at',
    tieBreak: (m) => `${m.appId}/${m.id}`,
  }
  const sorted = sortItems(models, spec, sort.by, sort.ascending)
  // With trained_only the model comes with its newest trained version, so what the list shows is trained.
  const trainedVersion = (m: ModelRec) => (trainedOnly ? m.versions.filter((v) => v.statusCode === Code.MODEL_TRAINED).pop() : undefined)
  return listBody('models', paginate(sorted, page, perPage).map((m) => modelWire(m, { stars: extra.has('stars'), version: trainedVersion(m) })))
}

const GetModel: Endpoint = (ctx) => {
  const model = findModel(ctx)
  const version = ctx.query.str('version_id') ? findVersion(ctx, model, 'version_id') : undefined
  return { model: modelWire(model, { version, stars: additional(ctx).has('stars') }) }
}

const GetModelOutputInfo: Endpoint = (ctx) => {
  const model = findModel(ctx)
  const version = param(ctx, 'version_id') || ctx.query.str('version_id') ? findVersion(ctx, model, 'version_id') : undefined
  return { model: modelWire(model, { version, outputInfo: true }) }
}

const ListModelVersions: Endpoint = (ctx) => {
  const model = findModel(ctx)
  const q = ctx.query
  const { page, perPage } = q.page()
  const sort = q.sort(['status_code', 'num_inputs', 'description', 'created_at'])
  const trainedOnly = q.bool('trained_only')
  const conceptIds = q.list('concept_ids')
  const concepts = new Set(conceptsOf(model).map((c) => c.id))
  const versions = model.versions.filter(
    (v) => (!trainedOnly || v.statusCode === Code.MODEL_TRAINED) && (conceptIds.length === 0 || conceptIds.some((c) => concepts.has(c))),
  )
  const sorted = sortItems(
    versions,
    {
      keys: {
        status_code: (v) => v.statusCode,
        num_inputs: (v) => v.totalInputCount,
        description: (v) => v.description.toLowerCase(),
        created_at: (v) => v.createdAt,
      },
      defaultKey: 'created_at',
      tieBreak: (v) => v.id,
    },
    sort.by,
    sort.ascending,
  )
  return listBody('model_versions', paginate(sorted, page, perPage).map((v) => versionWire(model, v, { concepts: true })))
}

const GetModelVersion: Endpoint = (ctx) => {
  const model = findModel(ctx)
  return { model_version: versionWire(model, findVersion(ctx, model, 'version_id'), { concepts: true, trainLog: true }) }
}

const GetModelVersionMetrics: Endpoint = (ctx) => {
  const model = findModel(ctx)
  const v = findVersion(ctx, model, 'version_id')
  return { model_version: versionWire(model, v, { concepts: true, metricsFields: evalFields(ctx) }) }
}

const ListModelConcepts: Endpoint = (ctx) => {
  const model = findModel(ctx)
  if (param(ctx, 'version_id')) findVersion(ctx, model, 'version_id')
  const { page, perPage } = ctx.query.page()
  const search = ctx.query.str('search')
  const match = search ? nameMatcher(search) : undefined
  const concepts = conceptsOf(model).filter((c) => !match || match(c.name) || match(c.id))
  return listBody(
    'concepts',
    paginate(concepts, page, perPage).map((c) => ({ id: c.id, name: c.name, value: 1, created_at: timestamp(model.createdAt), language: 'en', app_id: model.appId })),
  )
}

const ListConcepts: Endpoint = (ctx) => {
  const app = requireApp(ctx)
  const { page, perPage } = ctx.query.page()
  const ids = new Set(ctx.query.list('ids'))
  const concepts = makeConcepts(`${app.id}/vocabulary`, app.spec.concepts, app.spec.concepts.length)
    .slice()
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .filter((c) => ids.size === 0 || ids.has(c.id))
  return listBody(
    'concepts',
    paginate(concepts, page, perPage).map((c) => ({ id: c.id, name: c.name, value: 1, created_at: timestamp(app.createdAt), language: 'en', app_id: app.id })),
  )
}

const ListModelTypes: Endpoint = (ctx) => {
  const { page, perPage } = ctx.query.page()
  return listBody('model_types', paginate(MODEL_TYPES, page, perPage).map(modelTypeWire))
}

const GetModelType: Endpoint = (ctx) => {
  const id = param(ctx, 'model_type_id')
  const t = MODEL_TYPE_BY_ID.get(id)
  if (!t) throw notFound(`Model type '${id}'`)
  return { model_type: modelTypeWire(t) }
}

// ---------------------------------------------------------------------------------------------
// Evaluations

function evalsOfVersion(ctx: Ctx): EvalRec[] {
  const model = findModel(ctx)
  const v = findVersion(ctx, model, 'model_version_id')
  return v.evalIds.map((id) => ctx.world.evalById.get(id)).filter((e): e is EvalRec => e !== undefined)
}

const ListModelVersionEvaluations: Endpoint = (ctx) => {
  const { page, perPage } = ctx.query.page()
  const evals = evalsOfVersion(ctx).sort((a, b) => b.createdAt - a.createdAt)
  // eval_metrics is not cl_show_if_empty: an empty page leaves it out.
  const items = paginate(evals, page, perPage).map((e) => evalWire(e))
  return items.length > 0 ? { eval_metrics: items } : {}
}

const GetModelVersionEvaluation: Endpoint = (ctx) => {
  const id = param(ctx, 'evaluation_id')
  const rec = evalsOfVersion(ctx).find((e) => e.id === id)
  if (!rec) throw notFound(`Evaluation '${id}'`)
  return { eval_metrics: evalWire(rec, evalFields(ctx)) }
}

const FAILED = (code: number): boolean => code >= 21310 && code <= 21319

const ListEvaluations: Endpoint = (ctx) => {
  const q = ctx.query
  const { page, perPage } = q.page()
  const sort = q.sort([
    'app_id',
    'roc_auc',
    'f1',
    'created_at',
    'mean_avg_precision',
    'precision',
    'recall',
    'model_id',
    'eval_dataset_id',
    'train_dataset_id',
  ])
  const typeId = q.str('model_type_id')
  const evalDatasets = q.list('eval_dataset_ids')
  const trainDatasets = q.list('train_dataset_ids')
  const conceptIds = q.list('concept_ids')
  const showFailed = q.bool('show_failed_metrics')
  const evals = appsInScope(ctx)
    .flatMap((a) => a.evaluations)
    .filter((e) => {
      if (!showFailed && FAILED(e.statusCode)) return false
      if (typeId && e.modelTypeId !== typeId) return false
      if (evalDatasets.length > 0 && !evalDatasets.includes(e.groundTruth.datasetId)) return false
      if (trainDatasets.length > 0 && !trainDatasets.includes(e.trainDatasetId ?? '')) return false
      if (conceptIds.length > 0) {
        const ids = new Set(makeConcepts(e.conceptKey, e.conceptVocab, e.conceptCount).map((c) => c.id))
        if (!conceptIds.some((c) => ids.has(c))) return false
      }
      return true
    })
  // Evaluations without a summary (running, failed) sort as -1: last when descending.
  const metric = (pick: (s: NonNullable<ReturnType<typeof evalSummary>>) => number | undefined) => (e: EvalRec) => {
    const s = evalSummary(e)
    return s ? (pick(s) ?? -1) : -1
  }
  const sorted = sortItems(
    evals,
    {
      keys: {
        app_id: (e) => e.appId,
        roc_auc: metric((s) => s.macro_avg_roc_auc),
        f1: metric((s) => s.macro_avg_f1_score),
        created_at: (e) => e.createdAt,
        mean_avg_precision: metric((s) => s.mean_avg_precision_iou_50),
        precision: metric((s) => s.macro_avg_precision),
        recall: metric((s) => s.macro_avg_recall),
        model_id: (e) => e.modelId,
        eval_dataset_id: (e) => e.groundTruth.datasetId,
        train_dataset_id: (e) => e.trainDatasetId ?? '',
      },
      defaultKey: 'created_at',
      tieBreak: (e) => e.id,
    },
    sort.by,
    sort.ascending,
  )
  const items = paginate(sorted, page, perPage).map((e) => evalWire(e))
  return items.length > 0 ? { eval_metrics: items } : {}
}

const GetEvaluation: Endpoint = (ctx) => {
  const app = requireApp(ctx)
  const id = param(ctx, 'evaluation_id')
  const rec = app.evaluations.find((e) => e.id === id)
  if (!rec) throw notFound(`Evaluation '${id}'`)
  return { eval_metrics: evalWire(rec, evalFields(ctx)) }
}

// ---------------------------------------------------------------------------------------------
// Datasets

function findDataset(ctx: Ctx) {
  const app = requireApp(ctx)
  const id = param(ctx, 'dataset_id')
  const ds = app.datasets.find((d) => d.id === id)
  if (!ds) throw notFound(`Dataset '${id}'`)
  return ds
}

const ORIGINS = { DATASET_VERSION_REQUEST_ORIGIN_NOT_SET: 0, MANUAL: 1, TRAINING: 2, EVAL_GROUND_TRUTH: 3, EVAL_PREDICTIONS: 4 }

const ListDatasets: Endpoint = (ctx) => {
  const q = ctx.query
  const { page, perPage } = q.page()
  const sort = q.sort(['created_at', 'star_count', 'modified_at', 'id', 'relevance'])
  const extra = additional(ctx)
  const text = textFilter(ctx)
  const starredOnly = q.bool('starred_only')
  const bookmark = q.bool('bookmark')
  const datasets = appsInScope(ctx)
    .flatMap((a) => a.datasets)
    .filter((d) => text(d.id, d.id, [d.description]) && (!starredOnly || d.isStarred) && !bookmark)
  const sorted = sortItems(
    datasets,
    {
      keys: {
        created_at: (d) => d.createdAt,
        star_count: (d) => d.starCount,
        modified_at: (d) => d.modifiedAt,
        id: (d) => d.id,
        relevance: (d) => relevance(ctx, [d.id, d.description]),
      },
      defaultKey: 'modified_at',
      tieBreak: (d) => `${d.appId}/${d.id}`,
    },
    sort.by,
    sort.ascending,
  )
  return listBody('datasets', paginate(sorted, page, perPage).map((d) => datasetWire(d, { stars: extra.has('stars') })))
}

const GetDataset: Endpoint = (ctx) => ({ dataset: datasetWire(findDataset(ctx), { stars: additional(ctx).has('stars') }) })

const ListDatasetVersions: Endpoint = (ctx) => {
  const ds = findDataset(ctx)
  const { page, perPage } = ctx.query.page()
  const origins = ctx.query.enumList('request_origins', ORIGINS)
  const versions = ds.versions
    .filter((v) => origins.length === 0 || origins.includes(v.origin))
    .slice()
    .sort((a, b) => b.createdAt - a.createdAt)
  return listBody('dataset_versions', paginate(versions, page, perPage).map((v) => datasetVersionWire(ds, v)))
}

const GetDatasetVersion: Endpoint = (ctx) => {
  const ds = findDataset(ctx)
  const id = param(ctx, 'dataset_version_id')
  const v = ds.versions.find((x) => x.id === id)
  if (!v) throw notFound(`Dataset version '${id}'`)
  return { dataset_version: datasetVersionWire(ds, v) }
}

const ListDatasetInputs: Endpoint = (ctx) => {
  const ds = findDataset(ctx)
  const { page, perPage } = ctx.query.page()
  return listBody('dataset_inputs', datasetInputsPage(ds, page, perPage))
}

// ---------------------------------------------------------------------------------------------
// Inputs and annotations: the app's inputs are its datasets' inputs (data/inputs.ts).

/** The app's inputs with these ids, in the order asked, unknown ids left out. */
function inputsById(app: AppRec, ids: string[]) {
  return ids.map(locateInput).filter((x): x is NonNullable<typeof x> => x !== undefined && x.ds.appId === app.id)
}

const ListInputs: Endpoint = (ctx) => {
  const app = requireApp(ctx)
  const { page, perPage } = ctx.query.page()
  const ids = ctx.query.list('ids')
  const statusCode = ctx.query.str('status.code')
  // Every demo input is processed (30000); another status filter matches nothing.
  if (statusCode && Number(statusCode) !== Code.INPUT_SUCCESS) return listBody('inputs', [])
  const found = ids.length > 0 ? paginate(inputsById(app, ids), page, perPage) : appInputSlice(app, BigInt(page - 1) * BigInt(perPage), perPage)
  return listBody('inputs', found.map(({ ds, index }) => datasetInput(ds, index).input))
}

const ListAnnotations: Endpoint = (ctx) => {
  const app = requireApp(ctx)
  const q = ctx.query
  const { page, perPage } = q.page()
  const ids = new Set(q.list('ids'))
  const inputIds = q.list('input_ids')
  const userIds = q.list('user_ids')
  // Only the app owner annotates dataset inputs; model and workflow outputs are not stored.
  if ((userIds.length > 0 && !userIds.includes(OWNER)) || q.list('model_version_ids').length > 0 || q.list('workflow_version_ids').length > 0 || q.str('task_id')) {
    return listBody('annotations', [])
  }
  if (inputIds.length === 0 && ids.size === 0) return listBody('annotations', appAnnotationSlice(app, BigInt(page - 1) * BigInt(perPage), perPage))
  // An annotation id is its input's id and a suffix (`-c` concepts, `-r<k>` a region).
  const wanted = inputIds.length > 0 ? inputIds : [...new Set([...ids].map((id) => id.split('-')[0] ?? ''))]
  const annotations = inputsById(app, wanted).flatMap(({ ds, index }) => inputAnnotations(ds, index))
  return listBody('annotations', paginate(annotations.filter((a) => ids.size === 0 || ids.has(a.id as string)), page, perPage))
}

// ---------------------------------------------------------------------------------------------
// Tasks

function findTask(ctx: Ctx): TaskRec {
  const app = requireApp(ctx)
  const id = param(ctx, 'task_id')
  const task = app.tasks.find((t) => t.id === id)
  if (!task) throw notFound(`Task '${id}'`)
  return task
}

const INPUT_SOURCE_TYPES = { INPUT_SOURCE_TYPE_NOT_SET: 0, ALL_INPUTS: 1, SAVED_SEARCH: 2, DATASET: 3 }

const ListTasks: Endpoint = (ctx) => {
  const app = requireApp(ctx)
  const q = ctx.query
  const { page, perPage } = q.page()
  const workers = q.list('worker_user_ids')
  const reviewers = q.list('review_user_ids')
  const ids = q.list('ids')
  const labelOrders = q.list('label_order_ids')
  const sourceType = q.enumValue('input_source_type', INPUT_SOURCE_TYPES)
  const sourceIds = q.list('input_source_ids')
  const withMetrics = additional(ctx).has('metrics')
  const tasks = app.tasks
    .filter(
      (t) =>
        (workers.length === 0 || workers.some((w) => t.workers.includes(w))) &&
        (reviewers.length === 0 || reviewers.some((r) => t.reviewers.includes(r))) &&
        (ids.length === 0 || ids.includes(t.id)) &&
        labelOrders.length === 0 &&
        (!sourceType || t.inputSource.type === sourceType) &&
        (sourceIds.length === 0 || sourceIds.includes(t.inputSource.id ?? '')),
    )
    .slice()
    .sort((a, b) => b.modifiedAt - a.modifiedAt || (a.id < b.id ? -1 : 1))
  return listBody('tasks', paginate(tasks, page, perPage).map((t) => taskWire(t, withMetrics)))
}

const GetTask: Endpoint = (ctx) => ({ task: taskWire(findTask(ctx), additional(ctx).has('metrics')) })

function taskCounts(kind: 'inputs' | 'annotations'): Endpoint {
  return (ctx) => {
    const task = findTask(ctx)
    const users = ctx.query.list('user_ids')
    const counts = task.counts
      .filter((c) => users.length === 0 || users.includes(c.userId))
      .map((c) => ({
        user_id: c.userId === 'auto' ? undefined : c.userId,
        ...c[kind],
        worker: workerRef(c.userId, task),
      }))
    return { app_id: task.appId, task_id: task.id, counts: counts.length > 0 ? counts : undefined }
  }
}

/** Inputs [from, from + count) of the task's source: its dataset, or all the app's inputs. */
function taskInputs(task: TaskRec, ctx: Ctx, from: number, count: number): { createdAt: number; input: Record<string, unknown>; ds: DatasetRec; index: bigint }[] {
  const app = ctx.app
  if (!app) return []
  const n = Math.max(0, Math.min(count, task.inputTotal - from))
  const slots =
    task.inputSource.type === 3
      ? (() => {
          const ds = app.datasets.find((d) => d.id === task.inputSource.id)
          if (!ds) return []
          const out: { ds: DatasetRec; index: bigint }[] = []
          for (let i = BigInt(from); i < BigInt(from + n) && i < ds.inputCount; i++) out.push({ ds, index: i })
          return out
        })()
      : appInputSlice(app, BigInt(from), n)
  return slots.map(({ ds, index }) => ({ ...datasetInput(ds, index), ds, index }))
}

/** The caller's next batch (10 inputs) when they are a worker of an open task. */
const ListNextTaskAssignments: Endpoint = (ctx) => {
  const task = findTask(ctx)
  if (task.statusCode !== Code.TASK_IN_PROGRESS || !task.workers.includes(OWNER)) return listBody('inputs', [])
  const mine = task.counts.find((c) => c.userId === OWNER)
  const start = mine ? mine.inputs.success + mine.inputs.awaiting_review : 0
  return listBody('inputs', taskInputs(task, ctx, start, mine && mine.inputs.pending > 0 ? Math.min(10, mine.inputs.pending) : 0).map((x) => x.input))
}

const ANNOTATION_STATUS = [Code.ANNOTATION_SUCCESS, Code.ANNOTATION_AWAITING_REVIEW, Code.ANNOTATION_SUCCESS, Code.ANNOTATION_REVIEW_DENIED]

/** Up to five labeled samples per worker, with the worker's annotation. */
const GetInputSamples: Endpoint = (ctx) => {
  const task = findTask(ctx)
  const users = ctx.query.list('user_ids')
  const hits: Body[] = []
  task.counts
    .filter((c) => users.length === 0 || users.includes(c.userId))
    .forEach((c, w) => {
      const done = c.inputs.success + c.inputs.awaiting_review + c.inputs.review_denied
      const samples = taskInputs(task, ctx, w * 5, Math.min(5, done))
      samples.forEach(({ createdAt, input, ds, index }, i) => {
        const tpl = templateAt(ds, index)
        const concepts = (tpl.concepts.length > 0 ? tpl.concepts : tpl.regions.map((r) => r.concept).slice(0, 1)).map((id) => ({ id, name: conceptName(id), value: 1 }))
        // A box or polygon task's annotation holds the input's regions, drawn with the task's tool.
        const regions =
          task.type === 1
            ? undefined
            : tpl.regions.map((region, k) => ({
                id: `${input.id as string}-${c.userId}-g${k}`,
                region_info: regionInfoWire({ ...region, shape: task.type === 3 ? 'polygon' : 'box' }),
                data: { concepts: [{ id: region.concept, name: conceptName(region.concept), value: 1 }] },
              }))
        hits.push({
          score: 1,
          input,
          annotation: {
            id: `${task.id.slice(0, 8)}-${input.id as string}-${c.userId}`.slice(0, 64),
            input_id: input.id,
            data: regions ? (regions.length > 0 ? { regions } : {}) : { concepts },
            status: status(ANNOTATION_STATUS[i % ANNOTATION_STATUS.length] ?? Code.ANNOTATION_SUCCESS),
            created_at: timestamp(createdAt + 3600 * (w + 1)),
            modified_at: timestamp(createdAt + 3600 * (w + 1) + 120),
            task_id: task.id,
            worker: workerRef(c.userId, task),
          },
          user_id: OWNER,
          app_id: task.appId,
        })
      })
    })
  return listBody('hits', hits)
}

export const ENDPOINTS: Record<string, Endpoint> = {
  GetUser,
  ListApps,
  GetApp,
  GetResourceCounts,
  ListModels,
  GetModel,
  GetModelOutputInfo,
  ListModelVersions,
  GetModelVersion,
  GetModelVersionMetrics,
  ListModelConcepts,
  ListConcepts,
  ListModelTypes,
  GetModelType,
  ListModelVersionEvaluations,
  GetModelVersionEvaluation,
  ListEvaluations,
  GetEvaluation,
  ListDatasets,
  GetDataset,
  ListDatasetVersions,
  GetDatasetVersion,
  ListDatasetInputs,
  ListInputs,
  ListAnnotations,
  ListTasks,
  GetTask,
  GetTaskAnnotationCount: taskCounts('annotations'),
  GetTaskInputCount: taskCounts('inputs'),
  ListNextTaskAssignments,
  GetInputSamples,
}
