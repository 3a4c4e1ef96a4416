import { createFileRoute } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { taskQueries } from '@/api/queries/tasks.ts'
import { ensure, prefetch } from '@/api/load.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import { FactsGrid, lifecycleFacts } from '@/components/FactsGrid.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { StatusBadge } from '@/components/StatusBadge.tsx'
import { formatCount, formatPercent } from '@/lib/format.ts'
import {
  enumLabel,
  PARTITIONED_STRATEGIES,
  REVIEW_STRATEGIES,
  TASK_PRIORITIES,
  TASK_TYPES,
  taskConcepts,
  taskReviewers,
  taskWorkers,
  WORKER_STRATEGIES,
  WORKER_TYPES,
} from '@/lib/tasks.ts'
import { InputSourceLink } from './-components/InputSourceLink.tsx'
import { TaskInputs, TaskSamples } from './-components/TaskInputs.tsx'
import { TaskProgressCharts } from './-components/TaskProgressCharts.tsx'
import { WorkerLink } from './-components/WorkerLink.tsx'

/** The documented additional fields for task metrics and the full worker and reviewer users. */
const DETAIL_FIELDS = [
  'worker.users',
  'review.users',
  'metrics.input_source.inputs_count_estimated',
  'metrics.work.inputs_count_estimated',
  'metrics.work.inputs_percent_estimated',
  'metrics.review.inputs_count_estimated',
  'metrics.review.inputs_percent_estimated',
]

function queries(user: string, app: string, task: string) {
  return {
    detail: taskQueries.detail(user, app, task, { additional_fields: DETAIL_FIELDS }),
    annotationCounts: taskQueries.annotationCounts(user, app, task),
    inputCounts: taskQueries.inputCounts(user, app, task),
    assignments: taskQueries.assignments(user, app, task),
    samples: taskQueries.samples(user, app, task),
  }
}

export const Route = createFileRoute('/$user/$app/tasks/$task')({
  loader: async ({ context: { queryClient }, params: { user, app, task } }) => {
    const q = queries(user, app, task)
    // One wave: the task is the page; its counts and samples are parts. Assignments are not
    // read here: asking for them can hand out work, so the page asks only when the user does.
    prefetch(queryClient, q.annotationCounts)
    prefetch(queryClient, q.inputCounts)
    prefetch(queryClient, q.samples)
    await ensure(queryClient, q.detail)
  },
  component: TaskPage,
})

function TaskPage() {
  const { user, app, task: taskId } = Route.useParams()
  const q = queries(user, app, taskId)
  const { data } = useSuspenseQuery(q.detail)
  const task = data.task
  const workers = taskWorkers(task)
  const reviewers = taskReviewers(task)
  const concepts = taskConcepts(task)
  const manual = task?.review?.manual_strategy_info
  const consensus = task?.review?.consensus_strategy_info
  const metrics = task?.metrics
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          ...appCrumbs(user, app),
          { label: 'tasks', link: { to: '/$user/$app/tasks', params: { user, app } } },
          { label: taskId.slice(0, 8) },
        ]}
      />
      <header className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
              <span>{task?.name || `Task ${taskId.slice(0, 8)}`}</span>
              <StatusBadge status={task?.status} />
            </h1>
            {task?.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{task.description}</p>}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <RequestTools queryKey={q.detail.queryKey} />
          </div>
        </div>
        <FactsGrid
          layout="line"
          facts={[
            ['ID', <span className="font-mono">{taskId}</span>],
            enumLabel(TASK_PRIORITIES, task?.priority) && ['Priority', enumLabel(TASK_PRIORITIES, task?.priority)],
            task?.label_order_id && ['Label order', <span className="font-mono">{task.label_order_id}</span>],
            ...lifecycleFacts(task).slice(1),
          ]}
        />
      </header>

      <section aria-labelledby="setup-heading">
        <h2 id="setup-heading" className="text-lg font-semibold">
          Setup
        </h2>
        <FactsGrid
          layout="stacked"
          facts={[
            ['Type', enumLabel(TASK_TYPES, task?.type) ?? '—'],
            ['Input source', <InputSourceLink user={user} app={app} task={task} />],
            [
              'Workers',
              <>
                <span>
                  {enumLabel(WORKER_STRATEGIES, task?.worker?.strategy) ?? 'Strategy not set'}
                  {enumLabel(WORKER_TYPES, task?.worker?.type) && ` · ${enumLabel(WORKER_TYPES, task?.worker?.type)}`}
                  {enumLabel(PARTITIONED_STRATEGIES, task?.worker?.partitioned_strategy_info?.type) &&
                    ` · ${enumLabel(PARTITIONED_STRATEGIES, task?.worker?.partitioned_strategy_info?.type)}`}
                  {typeof task?.worker?.partitioned_strategy_info?.workers_per_input === 'number' && ` · ${task.worker.partitioned_strategy_info.workers_per_input} per input`}
                </span>
                <PeopleList user={user} app={app} people={workers} empty="No workers listed" />
              </>,
            ],
            [
              'Review',
              <>
                <span>
                  {enumLabel(REVIEW_STRATEGIES, task?.review?.strategy) ?? 'Strategy not set'}
                  {typeof manual?.sample_percentage === 'number' && ` · samples ${formatPercent(manual.sample_percentage, 0)} of inputs`}
                  {typeof consensus?.approval_threshold_labelers === 'number' && ` · ${consensus.approval_threshold_labelers} labelers must agree`}
                  {typeof consensus?.approval_threshold_reviewers === 'number' && `, ${consensus.approval_threshold_reviewers} reviewer approval`}
                </span>
                <PeopleList user={user} app={app} people={reviewers} empty="No reviewers listed" />
              </>,
            ],
            [
              `Concepts (${concepts.length})`,
              concepts.length === 0 ? (
                '—'
              ) : (
                <ul className="flex flex-wrap gap-1.5">
                  {concepts.map((c) => (
                    <li key={c.id} title={c.id} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">
                      {c.name}
                    </li>
                  ))}
                </ul>
              ),
            ],
            metrics && [
              'Estimated progress',
              <span>
                Worked: {formatCount(metrics.work?.inputs_count_estimated)} inputs ({formatPercentInt(metrics.work?.inputs_percent_estimated)}) · Reviewed:{' '}
                {formatCount(metrics.review?.inputs_count_estimated)} ({formatPercentInt(metrics.review?.inputs_percent_estimated)}) · Source: {formatCount(metrics.input_source?.inputs_count_estimated)} inputs
              </span>,
            ],
          ]}
        />
      </section>

      <TaskProgressCharts inputCounts={q.inputCounts} annotationCounts={q.annotationCounts} />

      <TaskInputs options={q.assignments} />
      <TaskSamples options={q.samples} user={user} app={app} />
    </div>
  )
}

function formatPercentInt(value: number | undefined): string {
  return typeof value === 'number' ? `${value}%` : '—'
}

function PeopleList({ user, app, people, empty }: { user: string; app: string; people: ReturnType<typeof taskWorkers>; empty: string }) {
  if (people.length === 0) return <span className="text-xs text-slate-500">{empty}</span>
  return (
    <ul className="flex flex-wrap gap-1.5">
      {people.map((person) => (
        <li key={`${person.kind}:${person.id}`} className="rounded-full border border-slate-200 px-2 py-0.5 text-xs dark:border-slate-700">
          <WorkerLink user={user} app={app} worker={person} />
        </li>
      ))}
    </ul>
  )
}

