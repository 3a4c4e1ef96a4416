import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { taskQueries, type ListTasksQuery } from '@/api/queries/tasks.ts'
import { ensure } from '@/api/load.ts'
import { listFormModel, readListSearch } from '@/api/list-page.ts'
import { formValuesToSearch, type FormValues } from '@/api/param-form.ts'
import { pageOperations } from '@/api/page-operations.gen.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { ParamForm } from '@/components/ParamForm.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { ResourceList } from '@/components/ResourceList.tsx'
import { StatusBadge } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { enumLabel, REVIEW_STRATEGIES, TASK_TYPES, taskConcepts, WORKER_STRATEGIES } from '@/lib/tasks.ts'
import type { SearchRecord } from '@/lib/search-params.ts'
import { InputSourceLink } from './-components/InputSourceLink.tsx'
import type { Task as TaskRow } from '@/api/types.ts'

// `additional_fields` only asks for more of each task; it filters nothing.
const model = listFormModel(pageOperations.ListTasks, ['additional_fields'])

function listQuery(user: string, app: string, search: SearchRecord) {
  const state = readListSearch(model, search)
  return { state, options: taskQueries.list(user, app, state.query as ListTasksQuery) }
}

export const Route = createFileRoute('/$user/$app/tasks/')({
  validateSearch: (search: Record<string, unknown>) => search as SearchRecord,
  loaderDeps: ({ search }) => ({ search }),
  loader: async ({ context: { queryClient }, params: { user, app }, deps: { search } }) => {
    await ensure(queryClient, listQuery(user, app, search).options)
  },
  component: TasksPage,
})


function TasksPage() {
  const { user, app } = Route.useParams()
  const search = Route.useSearch()
  const navigate = useNavigate({ from: Route.fullPath })
  const { state, options } = listQuery(user, app, search)
  const { data } = useSuspenseQuery(options)
  const handleSubmit = (values: FormValues) => {
    void navigate({ search: formValuesToSearch(model, values) })
  }
  return (
    <div className="space-y-5">
      <Breadcrumbs items={[...appCrumbs(user, app), { label: 'tasks' }]} />
      <h1 className="text-2xl font-semibold">Labeling tasks</h1>
      <ResourceList
        noun="tasks"
        columns={taskColumns(user, app)}
        rows={data.tasks ?? []}
        rowKey={(row) => row.id ?? ''}
        page={state.page}
        perPage={state.perPage}
        isFiltered={state.isFiltered}
        isFilterOpen={state.isFiltered || state.notes.length > 0}
        clearFilters={{ to: '/$user/$app/tasks', params: { user, app }, search: {} }}
        pageLink={(page) => ({ to: '/$user/$app/tasks', params: { user, app }, search: { ...search, page: String(page) } })}
        filters={<ParamForm model={model} values={state.values} notes={state.notes} onSubmit={handleSubmit} label="Filter tasks" />}
        tools={<RequestTools queryKey={options.queryKey} />}
        csvName={`${user}-${app}-tasks`}
      />
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
