import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { datasetQueries } from '@/api/queries/datasets.ts'
import { ensure } from '@/api/load.ts'
import { listFormModel, readListSearch } from '@/api/list-page.ts'
import { formValuesToSearch, type FormValues } from '@/api/param-form.ts'
import { pageOperations } from '@/api/page-operations.gen.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import { BarChart } from '@/components/charts/BarChart.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { Markdown } from '@/components/Markdown.tsx'
import { ParamForm } from '@/components/ParamForm.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { ResourceList } from '@/components/ResourceList.tsx'
import { StatusBadge } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { addUint64, ANNOTATION_FIELDS, metricValue, versionChart, versionOriginLabel } from '@/lib/datasets.ts'
import { visibilityLabel } from '@/lib/format.ts'
import { formatCount } from '@/lib/format.ts'
import type { SearchRecord } from '@/lib/search-params.ts'
import { ModelVersionLink } from '@/features/resource-links/ModelVersionLink.tsx'
import type { DatasetVersion as VersionRow } from '@/api/types.ts'

const model = listFormModel(pageOperations.ListDatasetVersions)

function versionsQuery(user: string, app: string, dataset: string, search: SearchRecord) {
  const state = readListSearch(model, search)
  return { state, options: datasetQueries.versions(user, app, dataset, state.query) }
}

export const Route = createFileRoute('/$user/$app/datasets/$dataset/')({
  validateSearch: (search: Record<string, unknown>) => search as SearchRecord,
  loaderDeps: ({ search }) => ({ search }),
  loader: async ({ context: { queryClient }, params: { user, app, dataset }, deps: { search } }) => {
    await Promise.all([ensure(queryClient, datasetQueries.detail(user, app, dataset)), ensure(queryClient, versionsQuery(user, app, dataset, search).options)])
  },
  component: DatasetPage,
})


const linkClass = 'font-medium text-blue-700 hover:underline dark:text-blue-400'

function DatasetPage() {
  const { user, app, dataset: datasetId } = Route.useParams()
  const search = Route.useSearch()
  const navigate = useNavigate({ from: Route.fullPath })
  const detail = datasetQueries.detail(user, app, datasetId)
  const { data: datasetData } = useSuspenseQuery(detail)
  const { state, options } = versionsQuery(user, app, datasetId, search)
  const { data: versionsData } = useSuspenseQuery(options)
  const dataset = datasetData.dataset
  const versions = versionsData.dataset_versions ?? []
  const chart = versionChart(versions)
  const handleSubmit = (values: FormValues) => {
    void navigate({ search: formValuesToSearch(model, values) })
  }
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          ...appCrumbs(user, app),
          { label: 'datasets', link: { to: '/$user/$app/datasets', params: { user, app } } },
          { label: datasetId },
        ]}
      />
      <header className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold">{dataset?.id || datasetId}</h1>
            {dataset?.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{dataset.description}</p>}
          </div>
          <div className="flex gap-2">
            <RequestTools queryKey={detail.queryKey} />
          </div>
        </div>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
          {visibilityLabel(dataset?.visibility?.gettable) && <span>{visibilityLabel(dataset?.visibility?.gettable)}</span>}
          {typeof dataset?.star_count === 'number' && <span>{formatCount(dataset.star_count)} stars</span>}
          <span>
            Created <RelativeTime value={dataset?.created_at} />
          </span>
          <span>
            Updated <RelativeTime value={dataset?.modified_at} />
          </span>
          {dataset?.version?.id && (
            <span>
              Latest version{' '}
              <Link to="/$user/$app/datasets/$dataset/versions/$version" params={{ user, app, dataset: datasetId, version: dataset.version.id }} className="font-mono text-blue-700 hover:underline dark:text-blue-400">
                {dataset.version.id.slice(0, 8)}
              </Link>
            </span>
          )}
        </p>
        <nav aria-label="Related" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link to="/$user/$app/tasks" params={{ user, app }} search={{ input_source_type: 'DATASET', input_source_ids: [datasetId] }} className={linkClass}>
            Labeling tasks on this dataset
          </Link>
          <Link to="/$user/$app/evaluations" params={{ user, app }} search={{ eval_dataset_ids: [datasetId] }} className={linkClass}>
            Evaluations on this dataset
          </Link>
          <Link to="/$user/$app/evaluations" params={{ user, app }} search={{ train_dataset_ids: [datasetId] }} className={linkClass}>
            Evaluations of models trained on it
          </Link>
        </nav>
      </header>
      {dataset?.notes && (
        <section aria-labelledby="notes-heading" className="max-w-3xl">
          <h2 id="notes-heading" className="text-lg font-semibold">
            Notes
          </h2>
          <Markdown text={dataset.notes} />
        </section>
      )}
      <section aria-labelledby="chart-heading" className="space-y-2">
        <h2 id="chart-heading" className="text-lg font-semibold">
          Inputs and annotations across versions
        </h2>
        <BarChart
          title={`Inputs and annotations per version (${versions.length === 0 ? 'no versions' : 'oldest first, versions on this page'})`}
          categoryHeader="Version"
          categories={chart.versions}
          series={chart.series}
          emptyText="No version on this page has metrics yet (metrics come once a version is ready)."
        />
      </section>
      <section aria-labelledby="versions-heading" className="space-y-2">
        <h2 id="versions-heading" className="text-lg font-semibold">
          Versions
        </h2>
        <ResourceList
          noun="versions"
          columns={versionColumns(user, app, datasetId)}
          rows={versions}
          rowKey={(row) => row.id ?? ''}
          page={state.page}
          perPage={state.perPage}
          isFiltered={state.isFiltered}
        isFilterOpen={state.isFiltered || state.notes.length > 0}
          clearFilters={{ to: '/$user/$app/datasets/$dataset', params: { user, app, dataset: datasetId }, search: {} }}
          pageLink={(page) => ({ to: '/$user/$app/datasets/$dataset', params: { user, app, dataset: datasetId }, search: { ...search, page: String(page) } })}
          filters={<ParamForm model={model} values={state.values} notes={state.notes} onSubmit={handleSubmit} label="Filter versions" />}
          tools={<RequestTools queryKey={options.queryKey} />}
          csvName={`${app}-${datasetId}-versions`}
        />
      </section>
    </div>
  )
}

function annotations(row: VersionRow): string | undefined {
  return addUint64(ANNOTATION_FIELDS.map(({ field }) => metricValue(row.metrics, field)))
}

function versionColumns(user: string, app: string, dataset: string): Column<VersionRow>[] {
  return [
    {
      id: 'id',
      header: 'Version',
      cell: (row) => (
        <Link to="/$user/$app/datasets/$dataset/versions/$version" params={{ user, app, dataset, version: row.id ?? '' }} className="font-mono text-blue-700 hover:underline dark:text-blue-400" title={row.id}>
          {row.id?.slice(0, 8)}
        </Link>
      ),
      csv: (row) => row.id,
    },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} />, csv: (row) => row.status?.code },
    {
      id: 'description',
      header: 'Description',
      cell: (row) => <span className="line-clamp-1 text-slate-600 dark:text-slate-400">{row.description}</span>,
      csv: (row) => row.description,
      className: 'max-w-xs',
    },
    {
      id: 'model',
      header: 'Predictions of',
      cell: (row) => <ModelVersionLink user={user} app={app} config={row.model_predict_config} />,
      csv: (row) => [row.model_predict_config?.model?.id, row.model_predict_config?.model?.model_version?.id].filter(Boolean).join('@'),
      className: 'whitespace-nowrap',
    },
    { id: 'origin', header: 'Origin', cell: (row) => versionOriginLabel(row.request_origin) ?? '—', csv: (row) => versionOriginLabel(row.request_origin), className: 'whitespace-nowrap' },
    { id: 'inputs', header: 'Inputs', cell: (row) => formatCount(metricValue(row.metrics, 'inputs_count')), csv: (row) => metricValue(row.metrics, 'inputs_count'), className: 'text-right tabular-nums' },
    { id: 'annotations', header: 'Annotations', cell: (row) => formatCount(annotations(row)), csv: (row) => annotations(row), className: 'text-right tabular-nums' },
    { id: 'created', header: 'Created', cell: (row) => <RelativeTime value={row.created_at} />, csv: (row) => row.created_at, className: 'whitespace-nowrap' },
  ]
}
