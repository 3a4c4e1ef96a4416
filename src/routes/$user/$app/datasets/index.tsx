import { createFileRoute, Link } from '@tanstack/react-router'
import { datasetQueries } from '@/api/queries/datasets.ts'
import { listForm } from '@/api/list-page.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { ListHeader, listPage } from '@/components/ListPage.tsx'
import { StatusBadge } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { addUint64, ANNOTATION_FIELDS, metricValue } from '@/lib/datasets.ts'
import { formatCount, visibilityLabel } from '@/lib/format.ts'
import type { Dataset as DatasetRow } from '@/api/types.ts'

const list = listPage({
  form: listForm('ListDatasets'),
  query: ({ user, app }: { user: string; app: string }, query) => datasetQueries.list(user, app, query),
  rows: (data) => data.datasets ?? [],
  rowKey: (row) => row.id ?? '',
  noun: 'datasets',
  columns: ({ user, app }) => datasetColumns(user, app),
  csvName: ({ user, app }) => `${user}-${app}-datasets`,
})

export const Route = createFileRoute('/$user/$app/datasets/')({
  validateSearch: list.validateSearch,
  loaderDeps: list.loaderDeps,
  loader: list.load,
  component: DatasetsPage,
})

function DatasetsPage() {
  const params = Route.useParams()
  const view = list.useList(params, Route.useSearch())
  return (
    <div className="space-y-5">
      <Breadcrumbs items={[...appCrumbs(params.user, params.app), { label: 'datasets' }]} />
      <ListHeader title="Datasets" />
      <list.Body list={view} label="Filter datasets" />
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
