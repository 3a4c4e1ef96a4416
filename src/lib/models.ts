// Pure helpers for the model pages: visibility names, evaluation summary cards, concept counts,
// and the loss curve read out of a model version's free-text `train_log`.
//
// The API has no structured training statistics on a ModelVersion: the only training output is
// `train_log` ("Contains the training logs if available"), plain text. The curve below is what
// can be read from it; when nothing parses, pages say so instead of drawing an empty chart.

/** The fields of a `MetricsSummary` the pages read (every one optional, as on the wire). */
export interface SummaryLike {
  macro_avg_roc_auc?: number
  macro_std_roc_auc?: number
  macro_avg_f1_score?: number
  macro_std_f1_score?: number
  macro_avg_precision?: number
  macro_avg_recall?: number
  mean_avg_precision_iou_50?: number
  mean_avg_precision_iou_range?: number
}

export interface MetricCard {
  key: 'roc_auc' | 'f1' | 'precision' | 'recall' | 'map50' | 'map_range'
  label: string
  value: number | undefined
  /** Standard deviation across concepts, where the API gives one. */
  std?: number
  help: string
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** Whether the summary carries any number at all (a running or failed evaluation has none). */
export function hasSummary(summary: SummaryLike | undefined | null): boolean {
  if (!summary) return false
  return Object.values(summary).some((value) => finite(value) !== undefined)
}

/**
 * Detection evaluations are told apart by the model type when known, else by the mAP fields
 * (which the API leaves out, as zero values, for classification).
 */
export function isDetection(modelTypeId: string | undefined, summary?: SummaryLike | null): boolean {
  if (modelTypeId) return modelTypeId === 'visual-detector'
  return (finite(summary?.mean_avg_precision_iou_50) ?? 0) > 0 || (finite(summary?.mean_avg_precision_iou_range) ?? 0) > 0
}

/** The summary cards of an evaluation: macro ROC AUC, F1, precision, recall, and mAP for detection. */
export function summaryCards(summary: SummaryLike | undefined | null, detection: boolean): MetricCard[] {
  const s = summary ?? {}
  const cards: MetricCard[] = [
    { key: 'roc_auc', label: 'ROC AUC', value: finite(s.macro_avg_roc_auc), std: finite(s.macro_std_roc_auc), help: 'Macro average of the per-concept ROC AUC' },
    { key: 'f1', label: 'F1', value: finite(s.macro_avg_f1_score), std: finite(s.macro_std_f1_score), help: 'Macro average of the per-concept F1 score' },
    { key: 'precision', label: 'Precision', value: finite(s.macro_avg_precision), help: 'Macro average precision' },
    { key: 'recall', label: 'Recall', value: finite(s.macro_avg_recall), help: 'Macro average recall' },
  ]
  if (detection) {
    cards.push(
      { key: 'map50', label: 'mAP @ IoU 0.5', value: finite(s.mean_avg_precision_iou_50), help: 'Mean average precision at IoU 0.5' },
      { key: 'map_range', label: 'mAP @ IoU 0.5:0.95', value: finite(s.mean_avg_precision_iou_range), help: 'Mean average precision over the IoU range 0.5 to 0.95' },
    )
  }
  return cards
}

export interface VersionLike {
  active_concept_count?: number
  output_info?: { data?: { concepts?: readonly unknown[] | null } | null } | null
}

/** Concepts of a version: the listed concepts when sent, else `active_concept_count`. */
export function versionConceptCount(version: VersionLike | undefined | null): number | undefined {
  const concepts = version?.output_info?.data?.concepts
  if (Array.isArray(concepts)) return concepts.length
  return finite(version?.active_concept_count)
}

// ---------------------------------------------------------------------------------------------
// Loss curve from a training log

export interface CurvePoint {
  x: number
  y: number
}

export interface CurveSeries {
  name: string
  points: CurvePoint[]
}

export interface LossCurve {
  /** What x counts: `Step`, `Iteration`, `Epoch`, or `Log entry` when the lines carry no counter. */
  xLabel: string
  series: CurveSeries[]
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`
// `loss: 0.5`, `loss=0.5`, `"val_loss": 0.5`, `loss_cls: 0.5`, `Loss 0.5`. Not `lossless`.
const LOSS = new RegExp(String.raw`(?:^|[^A-Za-z0-9_])["']?((?:[A-Za-z0-9]+_)*loss(?:_[A-Za-z0-9]+)*)["']?\s*(?:[:=]\s*|\s+)(${NUMBER})(?![\w.])`, 'gi')
const COUNTERS: Array<[RegExp, string]> = [
  [/\b(?:global_)?step["']?\s*(?:[:=]\s*|\[\s*|\s+)(\d+)/i, 'Step'],
  [/\biter(?:ation)?s?["']?\s*(?:[:=]\s*|\[\s*|\s+)(\d+)/i, 'Iteration'],
  [/\bepoch["']?\s*(?:[:=]\s*|\[\s*|\s+)(\d+)/i, 'Epoch'],
]
/** Logs can be long; beyond this many points per series the curve is thinned evenly. */
export const MAX_CURVE_POINTS = 2000

/**
 * Loss values per named series (`loss`, `val_loss`, `loss_cls`…) with the line's step, iteration
 * or epoch as x. When one counter is not increasing through a series (several lines per epoch),
 * that series uses the entry number instead. `undefined` when no line has a loss.
 */
export function parseTrainLog(log: string | undefined | null): LossCurve | undefined {
  if (!log) return undefined
  const raw = new Map<string, Array<{ counter: number | undefined; y: number }>>()
  let counterLabel: string | undefined
  for (const line of log.split(/\r?\n/)) {
    if (!/loss/i.test(line)) continue
    const losses: Array<[string, number]> = []
    for (const match of line.matchAll(LOSS)) {
      const y = Number(match[2])
      if (Number.isFinite(y)) losses.push([(match[1] as string).toLowerCase(), y])
    }
    if (losses.length === 0) continue
    let counter: number | undefined
    for (const [pattern, label] of COUNTERS) {
      if (counterLabel && counterLabel !== label) continue
      const found = pattern.exec(line)
      if (found) {
        counterLabel ??= label
        counter = Number(found[1])
        break
      }
    }
    for (const [name, y] of losses) {
      let list = raw.get(name)
      if (!list) raw.set(name, (list = []))
      list.push({ counter, y })
    }
  }
  if (raw.size === 0) return undefined
  let usesCounter = counterLabel !== undefined
  const series: CurveSeries[] = []
  for (const [name, entries] of raw) {
    const increasing = entries.every((e, i) => e.counter !== undefined && (i === 0 || e.counter > (entries[i - 1]?.counter ?? -Infinity)))
    if (!increasing) usesCounter = false
    series.push({ name, points: entries.map((e, i) => ({ x: increasing ? (e.counter as number) : i + 1, y: e.y })) })
  }
  if (!usesCounter) {
    // One x axis for all series: if any series fell back to entry numbers, all do.
    for (const s of series) s.points = s.points.map((p, i) => ({ x: i + 1, y: p.y }))
  }
  for (const s of series) s.points = thin(s.points, MAX_CURVE_POINTS)
  return { xLabel: usesCounter && counterLabel ? counterLabel : 'Log entry', series }
}

/** Every k-th point, always keeping the last, so at most `max` remain. */
export function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max || max < 2) return points
  const step = (points.length - 1) / (max - 1)
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)] as T)
}
