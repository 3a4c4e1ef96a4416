import type { ThresholdStats } from '@/lib/eval-metrics.ts'
import type { ViewerMetrics } from './types.ts'
import { fmt3 } from './ui.tsx'

interface Card {
  label: string
  api: number | undefined
  std?: number | undefined
  /** Recomputed from the test set at the threshold. */
  recomputed?: number
  compare?: number | undefined
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined
}

/** The API's summary, with the macro figures recomputed at the threshold beside them. */
export function SummaryCards({ metrics, stats, threshold, isDetection, compare, compareStats }: { metrics: ViewerMetrics; stats: ThresholdStats | null; threshold: number; isDetection: boolean; compare?: ViewerMetrics; compareStats?: ThresholdStats | null }) {
  const s = metrics.summary ?? {}
  const c = compare?.summary ?? undefined
  const cards: Card[] = [
    { label: 'Macro ROC AUC', api: num(s.macro_avg_roc_auc), std: num(s.macro_std_roc_auc), compare: num(c?.macro_avg_roc_auc) },
    { label: 'Macro F1', api: num(s.macro_avg_f1_score), std: num(s.macro_std_f1_score), recomputed: stats?.macro.f1, compare: num(c?.macro_avg_f1_score) },
    { label: 'Macro precision', api: num(s.macro_avg_precision), recomputed: stats?.macro.precision, compare: num(c?.macro_avg_precision) },
    { label: 'Macro recall', api: num(s.macro_avg_recall), recomputed: stats?.macro.recall, compare: num(c?.macro_avg_recall) },
  ]
  if (isDetection || num(s.mean_avg_precision_iou_50) !== undefined) {
    cards.push({ label: 'mAP @ IoU 0.5', api: num(s.mean_avg_precision_iou_50), compare: num(c?.mean_avg_precision_iou_50) })
    cards.push({ label: 'mAP @ IoU 0.5:0.95', api: num(s.mean_avg_precision_iou_range), compare: num(c?.mean_avg_precision_iou_range) })
  }
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="sr-only">
        Summary
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="summary-cards">
        {cards.map((card) => (
          <li key={card.label} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <span className="block text-xs uppercase tracking-wide text-slate-500">{card.label}</span>
            <span className="mt-1 block text-xl font-semibold tabular-nums">{fmt3(card.api)}</span>
            {card.std !== undefined && <span className="block text-xs text-slate-500 tabular-nums">± {fmt3(card.std)} (std)</span>}
            {card.recomputed !== undefined && (
              <span className="block text-xs text-slate-600 tabular-nums dark:text-slate-400" title="Unweighted mean over concepts with ground truth, from the test set">
                {fmt3(card.recomputed)} at {threshold.toFixed(2)}
              </span>
            )}
            {compare && (
              <span className="block text-xs tabular-nums text-slate-600 dark:text-slate-400">
                B {fmt3(card.compare)}
                {card.api !== undefined && card.compare !== undefined && <DeltaText delta={card.api - card.compare} />}
              </span>
            )}
          </li>
        ))}
      </ul>
      {compareStats && stats && (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Recomputed at {threshold.toFixed(2)}: macro F1 A {fmt3(stats.macro.f1)} vs B {fmt3(compareStats.macro.f1)}
          <DeltaText delta={stats.macro.f1 - compareStats.macro.f1} />
        </p>
      )}
    </section>
  )
}

export function DeltaText({ delta }: { delta: number }) {
  const tone = delta > 0.0005 ? 'text-emerald-700 dark:text-emerald-400' : delta < -0.0005 ? 'text-red-700 dark:text-red-400' : 'text-slate-500'
  return <span className={`ml-1 ${tone}`}>({delta >= 0 ? '+' : '−'}{Math.abs(delta).toFixed(3)})</span>
}
