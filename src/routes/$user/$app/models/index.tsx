import { createFileRoute, Link } from '@tanstack/react-router'
import { modelQueries } from '@/api/queries/models.ts'
import { prefetch } from '@/api/load.ts'
import { listForm } from '@/api/list-page.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { ListHeader, listPage } from '@/components/ListPage.tsx'
import { StatusBadge, statusLabel } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { formatCount, visibilityLabel } from '@/lib/format.ts'
import { shortId } from '@/lib/leaderboard.ts'
import { ModelTypeFilter, TYPE_KEY, typeFilterOf, useModelTypeNames } from '@/features/models/model-types.tsx'
import type { Model as ModelRow } from '@/api/types.ts'

const list = listPage({
  // The model type is a select of the app's types by name, drawn above the form.
  form: listForm('ListModels', { separate: [TYPE_KEY] }),
  query: ({ user, app }: { user: string; app: string }, query) => modelQueries.list(user, app, query),
  rows: (data) => data.models ?? [],
  rowKey: (row) => `${row.app_id ?? ''}/${row.id ?? ''}`,
  noun: 'models',
  columns: ({ user, app }) => modelColumns(user, app, new Map()),
  csvName: ({ user, app }) => `${user}-${app}-models`,
})

export const Route = createFileRoute('/$user/$app/models/')({
  validateSearch: list.validateSearch,
  loaderDeps: list.loaderDeps,
  loader: async (ctx) => {
    // One wave: the list is the page; the model types only name and filter it.
    prefetch(ctx.context.queryClient, modelQueries.types(ctx.params.user, ctx.params.app))
    await list.load(ctx)
  },
  component: ModelsPage,
})

function ModelsPage() {
  const params = Route.useParams()
  const { user, app } = params
  const view = list.useList(params, Route.useSearch())
  const typeNames = useModelTypeNames(user, app)
  const typeId = typeFilterOf(view.state.values)
  const handleType = (next: string) => view.go({ ...view.state.values, [TYPE_KEY]: next || undefined })
  return (
    <div className="space-y-5">
      <Breadcrumbs items={[...appCrumbs(user, app), { label: 'models' }]} />
      <ListHeader
        title="Models"
        actions={
          <Link to="/$user/$app/evaluations" params={{ user, app }} className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
            Evaluation leaderboard →
          </Link>
        }
      />
      <ModelTypeFilter user={user} app={app} value={typeId} onChange={handleType} />
      <list.Body list={view} label="Filter models" separate={{ [TYPE_KEY]: typeId }} columns={modelColumns(user, app, typeNames)} />
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
