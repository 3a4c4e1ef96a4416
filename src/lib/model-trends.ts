// A model's evaluation summaries across its versions, oldest version first. ListModelVersions
// carries each version's `metrics` (EvalMetrics: the status and summary of its evaluation), so
// one request draws the whole trend; the newest versions when there are more than one page.
import { KIND_METRICS, LEADERBOARD_METRICS, type LeaderboardKind, type LeaderboardMetric } from './leaderboard.ts'
import { isDetection, type SummaryLike } from './models.ts'

/** The most versions a trend draws: the newest ones. */
export const TREND_VERSIONS = 100

/**
 * The ListModelVersions query of the trend: newest first (created_at descending), one more than
 * drawn, so an answer of more than TREND_VERSIONS says older versions exist (lists carry no total).
 */
export const TREND_QUERY = { sort_by_created_at: true, per_page: TREND_VERSIONS + 1 } as const

/** The part of ModelVersion.metrics (EvalMetrics) a trend reads: nothing per concept. */
export interface VersionMetricsLike {
  id?: string
  user_id?: string
  app_id?: string
  status?: { code?: number; description?: string } | null
  summary?: SummaryLike | null
}

export interface VersionLike {
  id?: string
  created_at?: string
  metrics?: VersionMetricsLike | null
}

const SUMMARY_FIELD: Record<LeaderboardMetric, keyof SummaryLike> = {
  rocAuc: 'macro_avg_roc_auc',
  f1: 'macro_avg_f1_score',
  precision: 'macro_avg_precision',
  recall: 'macro_avg_recall',
  map: 'mean_avg_precision_iou_50',
}

/** What a version's evaluation is: drawn only when evaluated. */
export type TrendState = 'evaluated' | 'pending' | 'failed' | 'not-evaluated'

export interface TrendVersion {
  /** The version id, or `(no id N)` when the answer left it out. */
  versionId: string
  hasId: boolean
  /** 1 for the oldest version shown (the table's order). */
  position: number
  /** 1 for the oldest evaluated version shown: the chart's x, so evaluations are evenly spaced. */
  evaluatedRank: number | undefined
  createdAt: string | undefined
  state: TrendState
  /** The evaluation's status text (why it failed, that it is running). */
  statusText: string | undefined
  /** Where the evaluation's page is, when the answer names it. */
  evaluation: { userId: string; appId: string; id: string } | undefined
  values: Partial<Record<LeaderboardMetric, number>>
}

export interface VersionTrend {
  kind: LeaderboardKind
  /** The metrics drawn: ROC AUC, F1, precision, recall; mAP, precision, recall for detectors. */
  metrics: readonly LeaderboardMetric[]
  /** Oldest first. */
  versions: TrendVersion[]
  /** More versions exist than are drawn (the oldest are left out). */
  hasOlder: boolean
  counts: Record<TrendState, number>
}

export function trendState(code: number | undefined, hasValues: boolean): TrendState {
  if (code === 21300) return 'evaluated'
  if (code === 21301 || code === 21303) return 'pending'
  if (code !== undefined && code >= 21310 && code <= 21319) return 'failed'
  if (code === undefined && hasValues) return 'evaluated'
  return 'not-evaluated'
}

function time(value: string | undefined): number {
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN
  return Number.isFinite(t) ? t : Number.NaN
}

/**
 * The trend of a ListModelVersions answer (any order): the newest `limit` versions by
 * created_at, drawn oldest first. Versions without a date keep the answer's order after the
 * dated ones (the API sorted them).
 */
export function versionTrend(
  list: readonly (VersionLike | null | undefined)[] | null | undefined,
  scope: { userId: string; appId: string; modelTypeId?: string },
  limit = TREND_VERSIONS,
): VersionTrend {
  const given = (Array.isArray(list) ? list : []).map((v, index) => ({ v: v ?? {}, index, t: time(v?.created_at) }))
  // Newest first: dated versions by date, descending; undated after them in the answer's order.
  given.sort((a, b) => {
    const aDated = !Number.isNaN(a.t)
    const bDated = !Number.isNaN(b.t)
    if (aDated !== bDated) return aDated ? -1 : 1
    return (aDated ? b.t - a.t : 0) || a.index - b.index
  })
  const kept = given.slice(0, Math.max(0, limit)).reverse()
  const firstSummary = kept.find(({ v }) => v.metrics?.summary)?.v.metrics?.summary
  const kind: LeaderboardKind = isDetection(scope.modelTypeId, firstSummary) ? 'detection' : 'classification'
  const metrics = KIND_METRICS[kind]
  const counts: Record<TrendState, number> = { evaluated: 0, pending: 0, failed: 0, 'not-evaluated': 0 }
  let evaluatedRank = 0
  const versions = kept.map(({ v, index }, k): TrendVersion => {
    const m = v.metrics ?? undefined
    const values: Partial<Record<LeaderboardMetric, number>> = {}
    for (const key of metrics) {
      const value = m?.summary?.[SUMMARY_FIELD[key]]
      if (typeof value === 'number' && Number.isFinite(value)) values[key] = value
    }
    const hasValues = Object.keys(values).length > 0
    let state = trendState(typeof m?.status?.code === 'number' ? m.status.code : undefined, hasValues)
    // Evaluated without a single figure: nothing to draw, and the table says so.
    if (state === 'evaluated' && !hasValues) state = 'not-evaluated'
    counts[state]++
    const hasId = typeof v.id === 'string' && v.id !== ''
    return {
      versionId: hasId ? v.id! : `(no id ${index + 1})`,
      hasId,
      position: k + 1,
      evaluatedRank: state === 'evaluated' ? ++evaluatedRank : undefined,
      createdAt: typeof v.created_at === 'string' ? v.created_at : undefined,
      state,
      statusText: m?.status?.description || undefined,
      // An evaluation lives in the model's app unless the answer names another.
      evaluation: m && typeof m.id === 'string' && m.id !== '' ? { userId: m.user_id || scope.userId, appId: m.app_id || scope.appId, id: m.id } : undefined,
      values: state === 'evaluated' ? values : {},
    }
  })
  return { kind, metrics, versions, hasOlder: given.length > limit, counts }
}

/** The label of a metric, as the leaderboard names it. */
export function metricLabel(key: LeaderboardMetric): string {
  return LEADERBOARD_METRICS.find((m) => m.key === key)?.label ?? key
}

/** One line per series: the evaluated versions' values of a metric, at their evaluated ranks. */
export function trendSeries(trend: VersionTrend): Array<{ key: LeaderboardMetric; name: string; points: Array<{ x: number; y: number }> }> {
  return trend.metrics.map((key) => ({
    key,
    name: metricLabel(key),
    points: trend.versions.flatMap((v) => (v.values[key] === undefined || v.evaluatedRank === undefined ? [] : [{ x: v.evaluatedRank, y: v.values[key] }])),
  }))
}

/** Whole-number ticks for positions 1..count, about `target` of them, always including the ends. */
export function positionTicks(count: number, target = 8): number[] {
  if (count < 1) return []
  const step = Math.max(1, Math.ceil((count - 1) / Math.max(1, target - 1)))
  const ticks: number[] = []
  for (let p = 1; p <= count; p += step) ticks.push(p)
  if (ticks.at(-1) !== count) {
    // Keep the ends apart: drop the last regular tick if it would crowd the final one.
    if (ticks.length > 1 && count - ticks.at(-1)! < step / 2) ticks.pop()
    ticks.push(count)
  }
  return ticks
}

/** The sentence over the chart: what is drawn, and what is not. */
export function trendNote(trend: VersionTrend): string {
  const n = trend.versions.length
  if (n === 0) return 'This model has no versions yet.'
  const scope = trend.hasOlder ? `The latest ${n.toLocaleString('en')} versions (older ones are not drawn)` : `All ${n.toLocaleString('en')} version${n === 1 ? '' : 's'}`
  const parts = [`${trend.counts.evaluated.toLocaleString('en')} evaluated`]
  if (trend.counts.pending > 0) parts.push(`${trend.counts.pending.toLocaleString('en')} still evaluating`)
  if (trend.counts.failed > 0) parts.push(`${trend.counts.failed.toLocaleString('en')} failed`)
  if (trend.counts['not-evaluated'] > 0) parts.push(`${trend.counts['not-evaluated'].toLocaleString('en')} without an evaluation`)
  return `${scope}, oldest first: ${parts.join(', ')}.`
}
