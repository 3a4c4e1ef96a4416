import { createFileRoute, Link } from '@tanstack/react-router'
import { taskQueries } from '@/api/queries/tasks.ts'
import { listForm } from '@/api/list-page.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { ListHeader, listPage } from '@/components/ListPage.tsx'
import { StatusBadge } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { enumLabel, REVIEW_STRATEGIES, TASK_TYPES, taskConcepts, WORKER_STRATEGIES } from '@/lib/tasks.ts'
import { InputSourceLink } from './-components/InputSourceLink.tsx'
import type { Task as TaskRow } from '@/api/types.ts'

const list = listPage({
  // `additional_fields` only asks for more of each task; it filters nothing.
  form: listForm('ListTasks', { hide: ['additional_fields'] }),
  query: ({ user, app }: { user: string; app: string }, query) => taskQueries.list(user, app, query),
  rows: (data) => data.tasks ?? [],
  rowKey: (row) => row.id ?? '',
  noun: 'tasks',
  columns: ({ user, app }) => taskColumns(user, app),
  csvName: ({ user, app }) => `${user}-${app}-tasks`,
})

export const Route = createFileRoute('/$user/$app/tasks/')({
  validateSearch: list.validateSearch,
  loaderDeps: list.loaderDeps,
  loader: list.load,
  component: TasksPage,
})

function TasksPage() {
  const params = Route.useParams()
  const view = list.useList(params, Route.useSearch())
  return (
    <div className="space-y-5">
      <Breadcrumbs items={[...appCrumbs(params.user, params.app), { label: 'tasks' }]} />
      <ListHeader title="Labeling tasks" />
      <list.Body list={view} label="Filter tasks" />
    </div>
  )
}

function taskColumns(user: string, app: string): Column<TaskRow>[] {
  return [
    {
      id: 'id',
      header: 'Task',
      cell: (row) => (
        <Link to="/$user/$app/tasks/$task" params={{ user, app, task: row.id ?? '' }} className="font-mono text-blue-700 hover:underline dark:text-blue-400" title={row.id}>
          {row.id?.slice(0, 8)}
        </Link>
      ),
      csv: (row) => row.id,
    },
    { id: 'name', header: 'Name', cell: (row) => <span className="line-clamp-1">{row.name || row.description}</span>, csv: (row) => row.name, className: 'max-w-xs' },
    { id: 'type', header: 'Type', cell: (row) => enumLabel(TASK_TYPES, row.type) ?? '—', csv: (row) => enumLabel(TASK_TYPES, row.type) },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} />, csv: (row) => row.status?.code },
    { id: 'workers', header: 'Worker strategy', cell: (row) => enumLabel(WORKER_STRATEGIES, row.worker?.strategy) ?? '—', csv: (row) => enumLabel(WORKER_STRATEGIES, row.worker?.strategy) },
    { id: 'review', header: 'Review', cell: (row) => enumLabel(REVIEW_STRATEGIES, row.review?.strategy) ?? '—', csv: (row) => enumLabel(REVIEW_STRATEGIES, row.review?.strategy) },
    { id: 'concepts', header: 'Concepts', cell: (row) => taskConcepts(row).length, csv: (row) => taskConcepts(row).length, className: 'text-right tabular-nums' },
    { id: 'source', header: 'Input source', cell: (row) => <InputSourceLink user={user} app={app} task={row} />, csv: (row) => [row.input_source?.type, row.input_source?.id].filter((x) => x !== undefined).join(' ') },
    { id: 'created', header: 'Created', cell: (row) => <RelativeTime value={row.created_at} />, csv: (row) => row.created_at },
  ]
}
