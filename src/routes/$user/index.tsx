import type { ReactNode } from 'react'
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { useSuspenseQueries, useSuspenseQuery } from '@tanstack/react-query'
import * as v from 'valibot'
import { appQueries } from '@/api/queries/apps.ts'
import { datasetQueries } from '@/api/queries/datasets.ts'
import { evaluationQueries } from '@/api/queries/evaluations.ts'
import { modelQueries } from '@/api/queries/models.ts'
import { taskQueries } from '@/api/queries/tasks.ts'
import { listFormModel, readListSearch, type ListPageState } from '@/api/list-page.ts'
import { formValuesToSearch, type FormModel, type FormValues } from '@/api/param-form.ts'
import { pageOperations } from '@/api/page-operations.gen.ts'
import { ParamForm } from '@/components/ParamForm.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { ResourceList } from '@/components/ResourceList.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { StatusBadge } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { formatCount, formatMetric } from '@/lib/format.ts'
import { enumLabel, TASK_TYPES } from '@/lib/tasks.ts'
import { evaluationName, leaderboardRow, shortId } from '@/lib/leaderboard.ts'
import type { SearchRecord } from '@/lib/search-params.ts'
import type { App as AppRow, Dataset as DatasetRow, EvalMetrics as EvaluationRow, Model as ModelRow, Task as TaskRow } from '@/api/types.ts'

const TABS = ['apps', 'models', 'datasets', 'evaluations', 'tasks'] as const
type Tab = (typeof TABS)[number]

/** Each tab's form model, built the first time that tab is read (not while the app boots). */
const FORM_MODELS: Record<Tab, () => FormModel> = {
  apps: () => listFormModel(pageOperations.ListApps, ['additional_fields']),
  models: () => listFormModel(pageOperations.ListModels_2, ['additional_fields']),
  datasets: () => listFormModel(pageOperations.ListDatasets_2, ['additional_fields']),
  evaluations: () => listFormModel(pageOperations.ListEvaluations_2),
  // Tasks have no user-wide list: the same filters go to every app's ListTasks.
  tasks: () => listFormModel(pageOperations.ListTasks, ['additional_fields']),
}

/** Apps whose tasks the tasks tab lists (the first page of the user's apps). */
const TASK_APPS_PER_PAGE = 100

const tabSchema = v.fallback(v.optional(v.picklist(TABS)), undefined)

/** The open tab's filters, as the URL spells them. */
type UserSearch = { [key: string]: string | string[] | undefined; tab?: Tab }

const queriesByTab = {
  apps: (user: string, state: ListPageState) => appQueries.list(user, { ...state.query, additional_fields: ['counts'] }),
  models: (user: string, state: ListPageState) => modelQueries.listForUser(user, state.query),
  datasets: (user: string, state: ListPageState) => datasetQueries.listForUser(user, state.query),
  evaluations: (user: string, state: ListPageState) => evaluationQueries.listForUser(user, state.query),
  taskApps: (user: string) => appQueries.list(user, { per_page: TASK_APPS_PER_PAGE }),
  tasks: (user: string, app: string, state: ListPageState) => taskQueries.list(user, app, state.query),
}

export const Route = createFileRoute('/$user/')({
  // Lenient: the form engine reads the filters; an unknown tab falls back to apps.
  validateSearch: (search: Record<string, unknown>): UserSearch => ({ ...(search as SearchRecord), tab: v.parse(tabSchema, search.tab) }),
  loaderDeps: ({ search }) => ({ search }),
  loader: async ({ context: { queryClient }, params: { user }, deps: { search } }) => {
    const tab = search.tab ?? 'apps'
    const state = readListSearch(FORM_MODELS[tab](), search)
    // Only the open tab's list is fetched; each branch keeps its own response type.
    if (tab === 'apps') await queryClient.ensureQueryData(queriesByTab.apps(user, state))
    else if (tab === 'models') await queryClient.ensureQueryData(queriesByTab.models(user, state))
    else if (tab === 'datasets') await queryClient.ensureQueryData(queriesByTab.datasets(user, state))
    else if (tab === 'evaluations') await queryClient.ensureQueryData(queriesByTab.evaluations(user, state))
    else {
      // Each app's tasks need the app ids first: a second wave, all apps at once.
      const { apps = [] } = await queryClient.ensureQueryData(queriesByTab.taskApps(user))
      await Promise.all(apps.filter((a) => a.id).map((a) => queryClient.ensureQueryData(queriesByTab.tasks(user, a.id ?? '', state))))
    }
    if (tab === 'models') void queryClient.prefetchQuery(modelQueries.allTypes())
    return state
  },
  component: UserPage,
})

function UserPage() {
  const { user } = Route.useParams()
  const search = Route.useSearch()
  const state = Route.useLoaderData()
  const navigate = useNavigate({ from: Route.fullPath })
  const tab = search.tab ?? 'apps'
  const handleSubmit = (values: FormValues) => {
    void navigate({ search: { ...formValuesToSearch(state.model, values), tab } })
  }
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">{user}</h1>
      <nav aria-label="Resources" className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
        {TABS.map((name) => (
          <Link
            key={name}
            from={Route.fullPath}
            search={{ tab: name }}
            aria-current={name === tab ? 'page' : undefined}
            className={`-mb-px border-b-2 px-1.5 py-2 text-sm capitalize sm:px-3 ${name === tab ? 'border-blue-600 font-medium text-slate-900 dark:text-white' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white'}`}
          >
            {name}
          </Link>
        ))}
      </nav>
      <TabList user={user} tab={tab} state={state} search={search} filters={<ParamForm key={tab} model={state.model} values={state.values} notes={state.notes} onSubmit={handleSubmit} label={`Filter ${tab}`} />} />
    </div>
  )
}

interface TabListProps {
  user: string
  state: ListPageState
  search: UserSearch
  filters: ReactNode
}

function listProps(user: string, tab: Tab, props: TabListProps, queryKey: Parameters<typeof RequestTools>[0]['queryKey']) {
  const { state, search } = props
  return {
    page: state.page,
    perPage: state.perPage,
    isFiltered: state.isFiltered,
    isFilterOpen: state.isFiltered || state.notes.length > 0,
    clearFilters: { from: Route.fullPath, search: { tab } },
    pageLink: (page: number) => ({ from: Route.fullPath, search: { ...search, page: String(page) } }),
    tools: <RequestTools queryKey={queryKey} />,
    filters: props.filters,
    csvName: `${user}-${tab}`,
  }
}

function TabList(props: TabListProps & { tab: Tab }) {
  switch (props.tab) {
    case 'apps':
      return <AppsTab {...props} />
    case 'models':
      return <ModelsTab {...props} />
    case 'datasets':
      return <DatasetsTab {...props} />
    case 'evaluations':
      return <EvaluationsTab {...props} />
    case 'tasks':
      return <TasksTab {...props} />
  }
}

function AppsTab(props: TabListProps) {
  const options = queriesByTab.apps(props.user, props.state)
  const { data } = useSuspenseQuery(options)
  return <ResourceList noun="apps" columns={appColumns(props.user)} rows={data.apps ?? []} rowKey={(row) => row.id ?? ''} {...listProps(props.user, 'apps', props, options.queryKey)} />
}

function ModelsTab(props: TabListProps) {
  const options = queriesByTab.models(props.user, props.state)
  const { data } = useSuspenseQuery(options)
  const { data: types } = useSuspenseQuery(modelQueries.allTypes())
  const typeTitles = new Map((types.model_types ?? []).filter((t) => t.id).map((t) => [t.id ?? '', t.title || t.id || '']))
  return <ResourceList noun="models" columns={modelColumns(props.user, typeTitles)} rows={data.models ?? []} rowKey={(row) => `${row.app_id}/${row.id}`} {...listProps(props.user, 'models', props, options.queryKey)} />
}

function TasksTab(props: TabListProps) {
  const { user, state } = props
  const { data: appsData } = useSuspenseQuery(queriesByTab.taskApps(user))
  const appIds = (appsData.apps ?? []).map((a) => a.id ?? '').filter(Boolean)
  const results = useSuspenseQueries({ queries: appIds.map((app) => queriesByTab.tasks(user, app, state)) })
  const pages = results.map((r, i) => ({ app: appIds[i] ?? '', tasks: r.data.tasks ?? [] }))
  const rows = pages
    .flatMap(({ app, tasks }) => tasks.map((task) => ({ ...task, app_id: task.app_id || app })))
    .sort((a, b) => (b.modified_at ?? '').localeCompare(a.modified_at ?? ''))
  // Another page exists when any app's page was full.
  const hasMore = pages.some((p) => p.tasks.length >= state.perPage)
  const firstApp = appIds[0]
  const listTools = firstApp ? listProps(user, 'tasks', props, queriesByTab.tasks(user, firstApp, state).queryKey) : listProps(user, 'tasks', props, queriesByTab.taskApps(user).queryKey)
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Labeling tasks of {appIds.length === 1 ? '1 app' : `${appIds.length} apps`}, asked app by app (the API lists tasks per app), newest change first.
      </p>
      <ResourceList noun="tasks" columns={taskColumns(user)} rows={rows} rowKey={(row) => `${row.app_id}/${row.id}`} {...listTools} perPage={hasMore ? rows.length : rows.length + 1} />
    </div>
  )
}

function DatasetsTab(props: TabListProps) {
  const options = queriesByTab.datasets(props.user, props.state)
  const { data } = useSuspenseQuery(options)
  return <ResourceList noun="datasets" columns={datasetColumns(props.user)} rows={data.datasets ?? []} rowKey={(row) => `${row.app_id}/${row.id}`} {...listProps(props.user, 'datasets', props, options.queryKey)} />
}

function EvaluationsTab(props: TabListProps) {
  const options = queriesByTab.evaluations(props.user, props.state)
  const { data } = useSuspenseQuery(options)
  return <ResourceList noun="evaluations" columns={evaluationColumns(props.user)} rows={data.eval_metrics ?? []} rowKey={(row) => row.id ?? ''} {...listProps(props.user, 'evaluations', props, options.queryKey)} />
}

const idLink = 'font-mono text-blue-700 hover:underline dark:text-blue-400'

function appColumns(user: string): Column<AppRow>[] {
  return [
    { id: 'id', header: 'App', cell: (app) => <Link to="/$user/$app" params={{ user: app.user_id ?? user, app: app.id ?? '' }} className={idLink}>{app.id}</Link>, csv: (app) => app.id },
    { id: 'description', header: 'Description', cell: (app) => <span className="line-clamp-1 text-slate-600 dark:text-slate-400">{app.description}</span>, csv: (app) => app.description, className: 'max-w-md' },
    { id: 'inputs', header: 'Inputs', cell: (app) => formatCount(app.extra_info?.counts?.inputs), csv: (app) => app.extra_info?.counts?.inputs, className: 'text-right tabular-nums' },
    { id: 'models', header: 'Models', cell: (app) => formatCount(app.extra_info?.counts?.models), csv: (app) => app.extra_info?.counts?.models, className: 'text-right tabular-nums' },
    { id: 'modified', header: 'Updated', cell: (app) => <RelativeTime value={app.modified_at} />, csv: (app) => app.modified_at },
  ]
}

function modelColumns(user: string, typeTitles: ReadonlyMap<string, string>): Column<ModelRow>[] {
  return [
    {
      id: 'id',
      header: 'Model',
      cell: (model) => (
        <Link to="/$user/$app/models/$model" params={{ user: model.user_id ?? user, app: model.app_id ?? '', model: model.id ?? '' }} className={idLink}>
          {model.id}
        </Link>
      ),
      csv: (model) => model.id,
    },
    { id: 'app', header: 'App', cell: (model) => <Link to="/$user/$app" params={{ user: model.user_id ?? user, app: model.app_id ?? '' }} className="font-mono hover:underline">{model.app_id}</Link>, csv: (model) => model.app_id },
    {
      id: 'type',
      header: 'Type',
      cell: (model) => (model.model_type_id ? <span title={model.model_type_id}>{typeTitles.get(model.model_type_id) ?? <span className="font-mono">{model.model_type_id}</span>}</span> : '—'),
      csv: (model) => model.model_type_id,
    },
    { id: 'status', header: 'Latest version', cell: (model) => (model.model_version ? <StatusBadge status={model.model_version.status} /> : '—'), csv: (model) => model.model_version?.status?.code },
    { id: 'modified', header: 'Updated', cell: (model) => <RelativeTime value={model.modified_at} />, csv: (model) => model.modified_at },
  ]
}

function taskColumns(user: string): Column<TaskRow>[] {
  return [
    {
      id: 'name',
      header: 'Task',
      cell: (task) => (
        <Link to="/$user/$app/tasks/$task" params={{ user: task.user_id ?? user, app: task.app_id ?? '', task: task.id ?? '' }} className="text-blue-700 hover:underline dark:text-blue-400">
          {task.name || task.id}
        </Link>
      ),
      csv: (task) => task.id,
    },
    { id: 'app', header: 'App', cell: (task) => <Link to="/$user/$app" params={{ user: task.user_id ?? user, app: task.app_id ?? '' }} className="font-mono hover:underline">{task.app_id}</Link>, csv: (task) => task.app_id },
    { id: 'type', header: 'Type', cell: (task) => enumLabel(TASK_TYPES, task.type) ?? '—', csv: (task) => enumLabel(TASK_TYPES, task.type) },
    { id: 'status', header: 'Status', cell: (task) => <StatusBadge status={task.status} />, csv: (task) => task.status?.code },
    { id: 'modified', header: 'Updated', cell: (task) => <RelativeTime value={task.modified_at} />, csv: (task) => task.modified_at },
  ]
}

function datasetColumns(user: string): Column<DatasetRow>[] {
  return [
    {
      id: 'id',
      header: 'Dataset',
      cell: (dataset) => (
        <Link to="/$user/$app/datasets/$dataset" params={{ user: dataset.user_id ?? user, app: dataset.app_id ?? '', dataset: dataset.id ?? '' }} className={idLink}>
          {dataset.id}
        </Link>
      ),
      csv: (dataset) => dataset.id,
    },
    { id: 'app', header: 'App', cell: (dataset) => <Link to="/$user/$app" params={{ user: dataset.user_id ?? user, app: dataset.app_id ?? '' }} className="font-mono hover:underline">{dataset.app_id}</Link>, csv: (dataset) => dataset.app_id },
    { id: 'description', header: 'Description', cell: (dataset) => <span className="line-clamp-1 text-slate-600 dark:text-slate-400">{dataset.description}</span>, csv: (dataset) => dataset.description, className: 'max-w-md' },
    { id: 'modified', header: 'Updated', cell: (dataset) => <RelativeTime value={dataset.modified_at} />, csv: (dataset) => dataset.modified_at },
  ]
}

function evaluationColumns(user: string): Column<EvaluationRow>[] {
  return [
    {
      id: 'id',
      header: 'Evaluation',
      // Evaluations have only an id: named by what was evaluated on what, the id beside it.
      cell: (evaluation) => (
        <Link to="/$user/$app/evaluations/$evaluation" params={{ user: evaluation.user_id || user, app: evaluation.app_id ?? '', evaluation: evaluation.id ?? '' }} className="text-blue-700 hover:underline dark:text-blue-400" title={evaluation.id}>
          {evaluationName(leaderboardRow(evaluation, { userId: user, appId: evaluation.app_id ?? '' }))} <span className="font-mono text-xs text-slate-500">{shortId(evaluation.id ?? '')}</span>
        </Link>
      ),
      csv: (evaluation) => evaluation.id,
    },
    { id: 'model', header: 'Model', cell: (evaluation) => <span className="font-mono">{evaluation.model?.id}</span>, csv: (evaluation) => evaluation.model?.id },
    { id: 'status', header: 'Status', cell: (evaluation) => <StatusBadge status={evaluation.status} />, csv: (evaluation) => evaluation.status?.code },
    { id: 'auc', header: 'ROC AUC', cell: (evaluation) => formatMetric(evaluation.summary?.macro_avg_roc_auc), csv: (evaluation) => evaluation.summary?.macro_avg_roc_auc, className: 'text-right tabular-nums' },
    { id: 'f1', header: 'F1', cell: (evaluation) => formatMetric(evaluation.summary?.macro_avg_f1_score), csv: (evaluation) => evaluation.summary?.macro_avg_f1_score, className: 'text-right tabular-nums' },
    { id: 'dataset', header: 'Ground truth', cell: (evaluation) => <span className="font-mono">{evaluation.ground_truth_dataset?.id}</span>, csv: (evaluation) => evaluation.ground_truth_dataset?.id },
  ]
}
