import type { taskQueries } from '@/api/queries/tasks.ts'
import { BarChart } from '@/components/charts/BarChart.tsx'
import { QueryPanel } from '@/components/QueryPanel.tsx'
import { formatCount, formatPercent } from '@/lib/format.ts'
import { COUNT_STATUSES, doneShare, taskProgress, type TaskProgress } from '@/lib/tasks.ts'

type CountOptions = ReturnType<typeof taskQueries.inputCounts>

/**
 * Progress per worker and status, from the input and annotation count endpoints, as stacked bars;
 * each count request is its own part, so one failing leaves the other chart.
 */
export function TaskProgressCharts({ inputCounts, annotationCounts }: { inputCounts: CountOptions; annotationCounts: CountOptions }) {
  return (
    <section aria-labelledby="progress-heading" className="space-y-4">
      <h2 id="progress-heading" className="text-lg font-semibold">
        Progress
      </h2>
      <QueryPanel query={inputCounts} name="Input counts">
        {(inputs) => {
          const progress = taskProgress(inputs.counts)
          return (
            <>
              <Summary noun="inputs" progress={progress} />
              <ProgressChart title="Inputs per worker and status" noun="inputs" progress={progress} />
            </>
          )
        }}
      </QueryPanel>
      <QueryPanel query={annotationCounts} name="Annotation counts">
        {(annotations) => <ProgressChart title="Annotations per worker and status" noun="annotations" progress={taskProgress(annotations.counts)} />}
      </QueryPanel>
    </section>
  )
}

function Summary({ noun, progress }: { noun: string; progress: TaskProgress }) {
  const share = doneShare(progress)
  if (share === undefined) return <p className="text-sm text-slate-500">No {noun} counted yet.</p>
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      {formatPercent(share)} of counted {noun} done: {formatCount(progress.totals.success)} of {formatCount(progress.total)}
      {progress.totals.pending > 0 && `, ${formatCount(progress.totals.pending)} pending`}
      {progress.totals.awaiting_review + progress.totals.awaiting_consensus_review > 0 &&
        `, ${formatCount(progress.totals.awaiting_review + progress.totals.awaiting_consensus_review)} awaiting review`}
      .
    </p>
  )
}

function ProgressChart({ title, noun, progress }: { title: string; noun: string; progress: TaskProgress }) {
  const series = COUNT_STATUSES.map(({ field, label }) => ({ id: field, label, stack: noun, values: progress.workers.map((w) => w.counts[field]) }))
  return (
    <BarChart
      title={title}
      categoryHeader="Worker"
      categories={progress.workers.map((w) => ({ id: w.key, label: w.label }))}
      series={series.filter((s) => s.values.some((v) => v > 0))}
      emptyText={`No ${noun} counted for any worker yet.`}
    />
  )
}
