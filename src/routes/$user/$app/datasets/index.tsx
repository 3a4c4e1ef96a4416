import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { datasetQueries, type ListDatasetsQuery } from '@/api/queries/datasets.ts'
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
import { addUint64, ANNOTATION_FIELDS, metricValue } from '@/lib/datasets.ts'
import { visibilityLabel } from '@/lib/format.ts'
import { formatCount } from '@/lib/format.ts'
import type { SearchRecord } from '@/lib/search-params.ts'
import type { Dataset as DatasetRow } from '@/api/types.ts'

const model = listFormModel(pageOperations.ListDatasets)

function listQuery(user: string, app: string, search: SearchRecord) {
  const state = readListSearch(model, search)
  return { state, options: datasetQueries.list(user, app, state.query as ListDatasetsQuery) }
}

export const Route = createFileRoute('/$user/$app/datasets/')({
  // Lenient: the form engine reads and corrects the filters, with notes on the page.
  validateSearch: (search: Record<string, unknown>) => search as SearchRecord,
  loaderDeps: ({ search }) => ({ search }),
  loader: async ({ context: { queryClient }, params: { user, app }, deps: { search } }) => {
    await ensure(queryClient, listQuery(user, app, search).options)
  },
  component: DatasetsPage,
})


function DatasetsPage() {
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
      <Breadcrumbs items={[...appCrumbs(user, app), { label: 'datasets' }]} />
      <h1 className="text-2xl font-semibold">Datasets</h1>
      <ResourceList
        noun="datasets"
        columns={datasetColumns(user, app)}
        rows={data.datasets ?? []}
        rowKey={(row) => row.id ?? ''}
        page={state.page}
        perPage={state.perPage}
        isFiltered={state.isFiltered}
        isFilterOpen={state.isFiltered || state.notes.length > 0}
        clearFilters={{ to: '/$user/$app/datasets', params: { user, app }, search: {} }}
        pageLink={(page) => ({ to: '/$user/$app/datasets', params: { user, app }, search: { ...search, page: String(page) } })}
        filters={<ParamForm model={model} values={state.values} notes={state.notes} onSubmit={handleSubmit} label="Filter datasets" />}
        tools={<RequestTools queryKey={options.queryKey} />}
        csvName={`${user}-${app}-datasets`}
      />
    </div>
  )
}

const idLink = 'font-mono text-blue-700 hover:underline dark:text-blue-400'

function annotationCount(row: DatasetRow): string | undefined {
  return addUint64(ANNOTATION_FIELDS.map(({ field }) => metricValue(row.version?.metrics, field)))
}

function datasetColumns(user: string, app: string): Column<DatasetRow>[] {
  return [
    {
      id: 'id',
      header: 'Dataset',
      cell: (row) => (
        <Link to="/$user/$app/datasets/$dataset" params={{ user, app, dataset: row.id ?? '' }} className={idLink}>
          {row.id}
        </Link>
      ),
      csv: (row) => row.id,
    },
    {
      id: 'description',
      header: 'Description',
      cell: (row) => <span className="line-clamp-1 text-slate-600 dark:text-slate-400">{row.description}</span>,
      csv: (row) => row.description,
      className: 'max-w-md',
    },
    {
      id: 'version',
      header: 'Latest version',
      cell: (row) =>
        row.version?.id ? (
          <span className="flex items-center gap-2">
            <Link to="/$user/$app/datasets/$dataset/versions/$version" params={{ user, app, dataset: row.id ?? '', version: row.version.id }} className={idLink} title={row.version.id}>
              {row.version.id.slice(0, 8)}
            </Link>
            <StatusBadge status={row.version.status} />
          </span>
        ) : (
          <span className="text-slate-400">—</span>
        ),
      csv: (row) => row.version?.id,
    },
    {
      id: 'inputs',
      header: 'Inputs',
      cell: (row) => formatCount(metricValue(row.version?.metrics, 'inputs_count')),
      csv: (row) => metricValue(row.version?.metrics, 'inputs_count'),
      className: 'text-right tabular-nums',
    },
    {
      id: 'annotations',
      header: 'Annotations',
      cell: (row) => formatCount(annotationCount(row)),
      csv: (row) => annotationCount(row),
      className: 'text-right tabular-nums',
    },
    { id: 'visibility', header: 'Visibility', cell: (row) => visibilityLabel(row.visibility?.gettable) ?? '—', csv: (row) => visibilityLabel(row.visibility?.gettable) },
    { id: 'created', header: 'Created', cell: (row) => <RelativeTime value={row.created_at} />, csv: (row) => row.created_at },
    { id: 'modified', header: 'Updated', cell: (row) => <RelativeTime value={row.modified_at} />, csv: (row) => row.modified_at },
  ]
}
