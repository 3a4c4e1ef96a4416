import type { LoadedEvaluation } from '@/lib/eval-load.ts'
import type { BinaryMetricsWire, EvalMetricsWire } from '@/lib/eval-metrics.ts'
import type { EvalSearch } from './search.ts'

export interface DatasetRefWire {
  id?: string
  app_id?: string
  user_id?: string
  version?: { id?: string } | null
}

export interface AreaMetricsWire extends BinaryMetricsWire {
  area_name?: string
  area_min?: number
  area_max?: number
  iou?: number
}

/** What the viewer reads of an EvalMetrics: every field optional, anything may be missing. */
export interface ViewerMetrics extends EvalMetricsWire {
  id?: string
  user_id?: string
  app_id?: string
  status?: { code?: number; description?: string; details?: string } | null
  summary?: Partial<Record<SummaryKey, number>> | null
  model?: { id?: string; app_id?: string; user_id?: string; model_type_id?: string; model_version?: { id?: string } | null } | null
  ground_truth_dataset?: DatasetRefWire | null
  predictions_dataset?: DatasetRefWire | null
  metrics_by_class?: readonly AreaMetricsWire[] | null
  metrics_by_area?: readonly AreaMetricsWire[] | null
}

export type SummaryKey =
  | 'macro_avg_roc_auc'
  | 'macro_std_roc_auc'
  | 'macro_avg_f1_score'
  | 'macro_std_f1_score'
  | 'macro_avg_precision'
  | 'macro_avg_recall'
  | 'mean_avg_precision_iou_50'
  | 'mean_avg_precision_iou_range'

export type SearchPatch = Partial<EvalSearch>

/** Writes view state to the URL; `replace` keeps the history clean for live controls. */
export type OnSearch = (patch: SearchPatch, options?: { replace?: boolean }) => void

export interface CompareState {
  id: string
  status: 'pending' | 'error' | 'success'
  /** Evaluation B, prepared like A. */
  evaluation?: LoadedEvaluation
  error?: unknown
  onRetry?: () => void
}
