import { createFileRoute, Link } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { datasetQueries } from '@/api/queries/datasets.ts'
import { ensure } from '@/api/load.ts'
import { listForm } from '@/api/list-page.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import { BarChart } from '@/components/charts/BarChart.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { FactsGrid, lifecycleFacts } from '@/components/FactsGrid.tsx'
import { listPage } from '@/components/ListPage.tsx'
import { Section } from '@/components/detail-parts.tsx'
import { Markdown } from '@/components/Markdown.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { StatusBadge } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { addUint64, ANNOTATION_FIELDS, metricValue, versionChart, versionOriginLabel } from '@/lib/datasets.ts'
import { formatCount } from '@/lib/format.ts'
import { ModelVersionLink } from '@/features/resource-links/ModelVersionLink.tsx'
import type { DatasetVersion as VersionRow } from '@/api/types.ts'

type DatasetParams = { user: string; app: string; dataset: string }

const versionList = listPage({
  form: listForm('ListDatasetVersions'),
  query: ({ user, app, dataset }: DatasetParams, query) => datasetQueries.versions(user, app, dataset, query),
  rows: (data) => data.dataset_versions ?? [],
  rowKey: (row) => row.id ?? '',
  noun: 'versions',
  columns: ({ user, app, dataset }) => versionColumns(user, app, dataset),
  csvName: ({ app, dataset }) => `${app}-${dataset}-versions`,
})

export const Route = createFileRoute('/$user/$app/datasets/$dataset/')({
  validateSearch: versionList.validateSearch,
  loaderDeps: versionList.loaderDeps,
  loader: async (ctx) => {
    const { context: { queryClient }, params: { user, app, dataset } } = ctx
    // One wave: the dataset is the page; its versions are a part with their own states.
    versionList.prefetch(ctx)
    await ensure(queryClient, datasetQueries.detail(user, app, dataset))
  },
  component: DatasetPage,
})


const linkClass = 'font-medium text-blue-700 hover:underline dark:text-blue-400'

function DatasetPage() {
  const params = Route.useParams()
  const { user, app, dataset: datasetId } = params
  const detail = datasetQueries.detail(user, app, datasetId)
  const { data: datasetData } = useSuspenseQuery(detail)
  const dataset = datasetData.dataset
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
          <div className="flex flex-wrap items-center gap-2">
            <RequestTools queryKey={detail.queryKey} />
          </div>
        </div>
        <FactsGrid
          layout="line"
          facts={[
            typeof dataset?.star_count === 'number' && ['Stars', formatCount(dataset.star_count)],
            ...lifecycleFacts(dataset),
            dataset?.version?.id && [
              'Latest version',
              <Link to="/$user/$app/datasets/$dataset/versions/$version" params={{ user, app, dataset: datasetId, version: dataset.version.id }} className="font-mono text-blue-700 hover:underline dark:text-blue-400">
                {dataset.version.id.slice(0, 8)}
              </Link>,
            ],
          ]}
        />
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
      <Section id="versions-heading" title="Versions">
        <versionList.Part params={params} search={Route.useSearch()} label="Filter versions" before={(versions) => <VersionChart versions={versions} />} />
      </Section>
    </div>
  )
}

function VersionChart({ versions }: { versions: readonly VersionRow[] }) {
  const chart = versionChart(versions)
  return (
    <section aria-labelledby="chart-heading" className="space-y-2">
      <h3 id="chart-heading" className="font-medium">
        Inputs and annotations across versions
      </h3>
      <BarChart
        title={`Inputs and annotations per version (${versions.length === 0 ? 'no versions' : 'oldest first, versions on this page'})`}
        categoryHeader="Version"
        categories={chart.versions}
        series={chart.series}
        emptyText="No version on this page has metrics yet (metrics come once a version is ready)."
      />
    </section>
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
