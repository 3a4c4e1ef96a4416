// One leaderboard row per evaluation (EvalMetrics): who was evaluated on what, and the summary
// numbers. Everything on the wire is optional, so every field here may be undefined.
import type { SummaryLike } from './models.ts'

interface StatusLike {
  code?: number
  description?: string
  details?: string
}

interface DatasetRefLike {
  id?: string
  app_id?: string
  user_id?: string
  version?: { id?: string } | null
}

export interface EvaluationLike {
  id?: string
  user_id?: string
  app_id?: string
  status?: StatusLike | null
  model?: {
    id?: string
    app_id?: string
    user_id?: string
    model_type_id?: string
    model_version?: { id?: string } | null
  } | null
  ground_truth_dataset?: DatasetRefLike | null
  predictions_dataset?: DatasetRefLike | null
  summary?: SummaryLike | null
  confusion_matrix?: { concept_ids?: readonly string[] | null } | null
  binary_metrics?: readonly unknown[] | null
  metrics_by_class?: readonly unknown[] | null
  label_counts?: { positive_label_counts?: readonly unknown[] | null } | null
}

export interface ResourceRef {
  userId: string
  appId: string
  id: string
  versionId?: string
}

export interface LeaderboardRow {
  id: string
  /** Where the evaluation itself lives (its viewer's address). */
  userId: string
  appId: string
  status: StatusLike | undefined
  model?: ResourceRef & { typeId?: string }
  groundTruth?: ResourceRef
  predictions?: ResourceRef
  rocAuc?: number
  f1?: number
  precision?: number
  recall?: number
  /** mAP at IoU 0.5 (detection). */
  map?: number
  conceptCount?: number
}

export type LeaderboardMetric = 'rocAuc' | 'f1' | 'precision' | 'recall' | 'map'

/** Metric columns with the ListEvaluations sort option that orders by each. */
export const LEADERBOARD_METRICS: ReadonlyArray<{ key: LeaderboardMetric; label: string; sort: string }> = [
  { key: 'rocAuc', label: 'ROC AUC', sort: 'roc_auc' },
  { key: 'f1', label: 'F1', sort: 'f1' },
  { key: 'precision', label: 'Precision', sort: 'precision' },
  { key: 'recall', label: 'Recall', sort: 'recall' },
  { key: 'map', label: 'mAP', sort: 'mean_avg_precision' },
]

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function nonEmpty(value: string | undefined | null): string | undefined {
  return value ? value : undefined
}

/**
 * How many concepts the evaluation covers, from whichever per-concept part the response carries
 * (list responses carry only the summary, so usually none).
 */
export function evaluationConceptCount(e: EvaluationLike): number | undefined {
  const ids = e.confusion_matrix?.concept_ids
  if (Array.isArray(ids) && ids.length > 0) return ids.length
  for (const list of [e.binary_metrics, e.metrics_by_class, e.label_counts?.positive_label_counts]) {
    if (Array.isArray(list) && list.length > 0) return list.length
  }
  return undefined
}

/**
 * A row, with references resolved against the app being viewed when the response leaves the
 * owner out (resources of an app's evaluation live in that app unless the API says otherwise).
 */
export function leaderboardRow(e: EvaluationLike, scope: { userId: string; appId: string }, index = 0): LeaderboardRow {
  const userId = nonEmpty(e.user_id) ?? scope.userId
  const appId = nonEmpty(e.app_id) ?? scope.appId
  const ref = (d: DatasetRefLike | null | undefined): ResourceRef | undefined => {
    const id = nonEmpty(d?.id)
    if (!d || !id) return undefined
    return { userId: nonEmpty(d.user_id) ?? userId, appId: nonEmpty(d.app_id) ?? appId, id, versionId: nonEmpty(d.version?.id) }
  }
  const modelId = nonEmpty(e.model?.id)
  const s = e.summary ?? undefined
  return {
    // The API always sends an id; a row still needs a key if it does not.
    id: nonEmpty(e.id) ?? `(no id ${index + 1})`,
    userId,
    appId,
    status: e.status ?? undefined,
    model:
      modelId && e.model
        ? {
            userId: nonEmpty(e.model.user_id) ?? userId,
            appId: nonEmpty(e.model.app_id) ?? appId,
            id: modelId,
            versionId: nonEmpty(e.model.model_version?.id),
            typeId: nonEmpty(e.model.model_type_id),
          }
        : undefined,
    groundTruth: ref(e.ground_truth_dataset),
    predictions: ref(e.predictions_dataset),
    rocAuc: finite(s?.macro_avg_roc_auc),
    f1: finite(s?.macro_avg_f1_score),
    precision: finite(s?.macro_avg_precision),
    recall: finite(s?.macro_avg_recall),
    map: finite(s?.mean_avg_precision_iou_50),
    conceptCount: evaluationConceptCount(e),
  }
}

/** The metric the list is sorted by, to highlight its column; `undefined` for other sorts. */
export function sortedMetric(sort: unknown): LeaderboardMetric | undefined {
  return LEADERBOARD_METRICS.find((m) => m.sort === sort)?.key
}

/** A short form of a 32-hex id for tables; the full id stays in titles and links. */
export function shortId(id: string, length = 8): string {
  return /^[0-9a-f]{32}$/i.test(id) ? id.slice(0, length) : id
}

// ---------------------------------------------------------------------------------------------
// Ranking: classifiers by ROC AUC, detectors by mAP, never one rank across both.

export type LeaderboardKind = 'classification' | 'detection'

export const DETECTOR_TYPE_ID = 'visual-detector'

/** The kind a model type filter selects: detectors for the detector type, classifiers otherwise. */
export function kindOfTypeFilter(modelTypeId: string | undefined): LeaderboardKind {
  return modelTypeId === DETECTOR_TYPE_ID ? 'detection' : 'classification'
}

/** The kind of one row: by its model type, else by whether its summary has mAP. */
export function rowKind(row: Pick<LeaderboardRow, 'model' | 'map'>): LeaderboardKind {
  if (row.model?.typeId) return row.model.typeId === DETECTOR_TYPE_ID ? 'detection' : 'classification'
  return (row.map ?? 0) > 0 ? 'detection' : 'classification'
}

/** The metric columns of each kind, the ranking one first. */
export const KIND_METRICS: Record<LeaderboardKind, readonly LeaderboardMetric[]> = {
  classification: ['rocAuc', 'f1', 'precision', 'recall'],
  detection: ['map', 'precision', 'recall'],
}

/** The ListEvaluations sort a kind ranks by when the URL names none. */
export function defaultSort(kind: LeaderboardKind): string {
  return kind === 'detection' ? 'mean_avg_precision' : 'roc_auc'
}

export interface SortState {
  sort: string
  isAscending: boolean
}

/** The sort in effect: the URL's when it names one of the kind's metrics, else the kind's default, descending. */
export function effectiveSort(kind: LeaderboardKind, sort: unknown, order: unknown): SortState {
  const allowed = new Set(KIND_METRICS[kind].map((key) => LEADERBOARD_METRICS.find((m) => m.key === key)?.sort))
  if (typeof sort === 'string' && allowed.has(sort)) return { sort, isAscending: order === 'asc' }
  return { sort: defaultSort(kind), isAscending: false }
}

/** What clicking a column header does: the same column flips the order, another sorts by it, best first. */
export function nextSort(current: SortState, column: string): SortState {
  return current.sort === column ? { sort: column, isAscending: !current.isAscending } : { sort: column, isAscending: false }
}

/**
 * The rows of one kind, in the order the API sorted them, ranked from `offset + 1`. Rows without
 * a value for the ranking metric (still evaluating, failed) get no rank.
 */
export function rankRows<R extends LeaderboardRow>(rows: readonly R[], kind: LeaderboardKind, by: LeaderboardMetric, offset = 0): Array<R & { rank: number | undefined }> {
  let rank = offset
  return rows
    .filter((row) => rowKind(row) === kind)
    .map((row) => ({ ...row, rank: row[by] === undefined ? undefined : ++rank }))
}

/**
 * A readable name for an evaluation, which the API identifies only by an id: what was evaluated
 * on what (`scenes-classifier on baseline-2024`), or the short id when the response says neither.
 */
export function evaluationName(row: Pick<LeaderboardRow, 'id' | 'model' | 'groundTruth'>): string {
  const model = row.model?.id
  const dataset = row.groundTruth?.id
  if (model && dataset) return `${model} on ${dataset}`
  return model ?? (dataset ? `on ${dataset}` : shortId(row.id))
}
