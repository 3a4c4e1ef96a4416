import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { modelQueries, type ListModelsQuery } from '@/api/queries/models.ts'
import { ensure } from '@/api/load.ts'
import { listFormModel, readListSearch } from '@/api/list-page.ts'
import { formValuesToSearch, PAGE_KEY, type FormValues } from '@/api/param-form.ts'
import { pageOperations } from '@/api/page-operations.gen.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { ParamForm } from '@/components/ParamForm.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { ResourceList } from '@/components/ResourceList.tsx'
import { StatusBadge, statusLabel } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { formatCount } from '@/lib/format.ts'
import { shortId } from '@/lib/leaderboard.ts'
import { visibilityLabel } from '@/lib/format.ts'
import type { SearchRecord } from '@/lib/search-params.ts'
import { hasFormFilters, withoutFields } from '@/api/list-form.ts'
import { ModelTypeSelect } from '@/features/models/ModelTypeSelect.tsx'
import type { QueryData } from '@/api/query-data.ts'

const TYPE_KEY = 'model_type_id'
const form = listFormModel(pageOperations.ListModels)
// The model type is a select of the app's types by name, drawn above the form.
const shownForm = withoutFields(form, [TYPE_KEY])

function listQuery(user: string, app: string, search: SearchRecord) {
  const state = readListSearch(form, search)
  return { state, options: modelQueries.list(user, app, state.query as ListModelsQuery) }
}

export const Route = createFileRoute('/$user/$app/models/')({
  // Lenient: the form engine reads and corrects the filters, with notes on the page.
  validateSearch: (search: Record<string, unknown>) => search as SearchRecord,
  loaderDeps: ({ search }) => ({ search }),
  loader: async ({ context: { queryClient }, params: { user, app }, deps: { search } }) => {
    await Promise.all([ensure(queryClient, listQuery(user, app, search).options), ensure(queryClient, modelQueries.types(user, app))])
  },
  component: ModelsPage,
})

type ModelRow = NonNullable<QueryData<typeof modelQueries.list>['models']>[number]

function ModelsPage() {
  const { user, app } = Route.useParams()
  const search = Route.useSearch()
  const navigate = useNavigate({ from: Route.fullPath })
  const { state, options } = listQuery(user, app, search)
  const { data } = useSuspenseQuery(options)
  const { data: typesData } = useSuspenseQuery(modelQueries.types(user, app))
  const types = typesData.model_types ?? []
  const typeNames = new Map(types.filter((t) => t.id).map((t) => [t.id as string, t.title || t.id || '']))
  const typeId = typeof state.values[TYPE_KEY] === 'string' ? state.values[TYPE_KEY] : undefined

  const go = (values: FormValues) => {
    void navigate({ search: formValuesToSearch(form, { ...values, [PAGE_KEY]: undefined }) })
  }
  const handleSubmit = (values: FormValues) => go({ ...values, [TYPE_KEY]: typeId })
  const handleType = (next: string) => go({ ...state.values, [TYPE_KEY]: next || undefined })
  // The type has its own select: the form opens for its own filters and for notes about the link.
  const isFormOpen = state.notes.length > 0 || hasFormFilters(shownForm, state.values)

  return (
    <div className="space-y-5">
      <Breadcrumbs items={[...appCrumbs(user, app), { label: 'models' }]} />
      <header className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">Models</h1>
        <Link to="/$user/$app/evaluations" params={{ user, app }} className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
          Evaluation leaderboard →
        </Link>
      </header>
      <ModelTypeSelect types={types} value={typeId} onChange={handleType} param={TYPE_KEY} />
      <ResourceList
        noun="models"
        columns={modelColumns(user, app, typeNames)}
        rows={data.models ?? []}
        rowKey={(row) => `${row.app_id ?? ''}/${row.id ?? ''}`}
        page={state.page}
        perPage={state.perPage}
        isFiltered={state.isFiltered}
        clearFilters={{ to: '/$user/$app/models', params: { user, app }, search: {} }}
        pageLink={(page) => ({ to: '/$user/$app/models', params: { user, app }, search: { ...search, page: String(page) } })}
        filters={<ParamForm model={shownForm} values={state.values} notes={state.notes} onSubmit={handleSubmit} label="Filter models" />}
        isFilterOpen={isFormOpen}
        tools={<RequestTools queryKey={options.queryKey} />}
        csvName={`${user}-${app}-models`}
      />
    </div>
  )
}

const idLink = 'font-mono text-blue-700 hover:underline dark:text-blue-400'

function modelColumns(user: string, app: string, typeNames: Map<string, string>): Column<ModelRow>[] {
  const owner = (row: ModelRow) => ({ user: row.user_id || user, app: row.app_id || app })
  return [
    {
      id: 'id',
      header: 'Model',
      cell: (row) => (
        <div className="min-w-0">
          <Link to="/$user/$app/models/$model" params={{ ...owner(row), model: row.id ?? '' }} className={idLink}>
            {row.id || '(no id)'}
          </Link>
          {row.name && row.name !== row.id && <span className="ml-2 text-slate-600 dark:text-slate-400">{row.name}</span>}
          {row.description && <p className="line-clamp-1 max-w-md text-xs text-slate-500">{row.description}</p>}
        </div>
      ),
      csv: (row) => row.id,
    },
    {
      id: 'type',
      header: 'Type',
      cell: (row) =>
        row.model_type_id ? (
          <span title={row.model_type_id}>{typeNames.get(row.model_type_id) ?? <span className="font-mono">{row.model_type_id}</span>}</span>
        ) : (
          <span className="text-slate-400">—</span>
        ),
      csv: (row) => row.model_type_id,
    },
    {
      id: 'version',
      header: 'Latest version',
      cell: (row) => {
        const version = row.model_version
        if (!version) return <span className="text-slate-400">—</span>
        return (
          <span className="flex items-center gap-2">
            <StatusBadge status={version.status} />
            {version.id && (
              <Link to="/$user/$app/models/$model/versions/$version" params={{ ...owner(row), model: row.id ?? '', version: version.id }} className={`${idLink} text-xs`} title={version.id}>
                {shortId(version.id)}
              </Link>
            )}
          </span>
        )
      },
      csv: (row) => (row.model_version ? `${row.model_version.id ?? ''} ${statusLabel(row.model_version.status?.code)}`.trim() : undefined),
    },
    { id: 'versions', header: 'Versions', cell: (row) => formatCount(row.version_count), csv: (row) => row.version_count, className: 'text-right tabular-nums' },
    { id: 'visibility', header: 'Visibility', cell: (row) => visibilityLabel(row.visibility?.gettable) ?? '—', csv: (row) => visibilityLabel(row.visibility?.gettable) },
    { id: 'created', header: 'Created', cell: (row) => <RelativeTime value={row.created_at} />, csv: (row) => row.created_at },
    { id: 'modified', header: 'Updated', cell: (row) => <RelativeTime value={row.modified_at} />, csv: (row) => row.modified_at },
  ]
}
