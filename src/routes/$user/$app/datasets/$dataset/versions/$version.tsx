import { createFileRoute, Link } from '@tanstack/react-router'
import { useMemo, type ReactNode } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { datasetQueries } from '@/api/queries/datasets.ts'
import { ensure, prefetch } from '@/api/load.ts'
import { listForm } from '@/api/list-page.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { FactsGrid, lifecycleFacts } from '@/components/FactsGrid.tsx'
import { QueryPanel } from '@/components/QueryPanel.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { ResourceList } from '@/components/ResourceList.tsx'
import { StatusBadge } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { chooseMatrixKey, inputConcepts, metricKeyLabel, regionMatrixOf, versionOriginLabel } from '@/lib/datasets.ts'
import { searchRecord, type SearchRecord } from '@/lib/search-params.ts'
import { InputThumbnail } from '@/features/inputs/InputThumbnail.tsx'
import { useInputRegions } from '@/features/inputs/use-input-regions.ts'
import type { RegionShape } from '@/lib/regions.ts'
import { MetricsTable } from '@/routes/$user/$app/datasets/-components/MetricsTable.tsx'
import { ModelVersionLink } from '@/features/resource-links/ModelVersionLink.tsx'
import { RegionMatrix } from '@/routes/$user/$app/datasets/-components/RegionMatrix.tsx'
import type { DatasetInput as InputRow } from '@/api/types.ts'

/** The search key that selects whose region location matrix is shown ("/", "/INPUT_TYPE:image"). */
const KEY = 'key'
const inputsForm = listForm('ListDatasetInputs')

function inputsQuery(user: string, app: string, dataset: string, search: SearchRecord) {
  const state = inputsForm.read(search)
  return { state, options: datasetQueries.inputs(user, app, dataset, state.query) }
}

export const Route = createFileRoute('/$user/$app/datasets/$dataset/versions/$version')({
  validateSearch: searchRecord,
  // The matrix key is read by the component only: changing it must not reload anything.
  loaderDeps: ({ search: { page, per_page } }) => ({ page, per_page }),
  loader: async ({ context: { queryClient }, params: { user, app, dataset, version }, deps }) => {
    // One wave: the version is the page; the dataset's inputs are a part with their own states.
    prefetch(queryClient, inputsQuery(user, app, dataset, searchRecord(deps)).options)
    await ensure(queryClient, datasetQueries.version(user, app, dataset, version))
  },
  component: DatasetVersionPage,
})


function DatasetVersionPage() {
  const { user, app, dataset: datasetId, version: versionId } = Route.useParams()
  const search = Route.useSearch()
  const detail = datasetQueries.version(user, app, datasetId, versionId)
  const { data } = useSuspenseQuery(detail)
  const version = data.dataset_version
  const metrics = version?.metrics
  const rawKey = search[KEY]
  const choice = chooseMatrixKey(metrics, Array.isArray(rawKey) ? rawKey.at(-1) : rawKey)
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          ...appCrumbs(user, app),
          { label: 'datasets', link: { to: '/$user/$app/datasets', params: { user, app } } },
          { label: datasetId, link: { to: '/$user/$app/datasets/$dataset', params: { user, app, dataset: datasetId } } },
          { label: versionId.slice(0, 8) },
        ]}
      />
      <header className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
              <span>
                Version <span className="font-mono">{versionId.slice(0, 8)}</span>
              </span>
              <StatusBadge status={version?.status} />
            </h1>
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              {version?.description || 'No description.'}
              <ModelVersionLink user={user} app={app} config={version?.model_predict_config} isInline />
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <RequestTools queryKey={detail.queryKey} />
          </div>
        </div>
        <FactsGrid
          layout="line"
          facts={[
            ['ID', <span className="font-mono">{versionId}</span>],
            [
              'Dataset',
              <Link to="/$user/$app/datasets/$dataset" params={{ user, app, dataset: datasetId }} className="font-mono text-blue-700 hover:underline dark:text-blue-400">
                {datasetId}
              </Link>,
            ],
            versionOriginLabel(version?.request_origin) && ['Origin', versionOriginLabel(version?.request_origin)],
            ...lifecycleFacts(version),
          ]}
        />
        <Link to="/$user/$app/evaluations" params={{ user, app }} search={{ eval_dataset_ids: [datasetId] }} className="text-xs text-blue-700 hover:underline dark:text-blue-400">
          Evaluations on this dataset
        </Link>
      </header>

      <section aria-labelledby="metrics-heading" className="space-y-2">
        <h2 id="metrics-heading" className="text-lg font-semibold">
          Metrics by input type
        </h2>
        <MetricsTable metrics={metrics} selectedKey={choice.key} fileName={`${datasetId}-${versionId}-metrics`} linkForKey={(key) => ({ to: Route.fullPath, params: { user, app, dataset: datasetId, version: versionId }, search: { ...search, [KEY]: key }, replace: true, resetScroll: false })} />
      </section>

      <section aria-labelledby="matrix-heading" className="space-y-2">
        <h2 id="matrix-heading" className="text-lg font-semibold">
          Region locations{choice.key ? `: ${metricKeyLabel(choice.key)}` : ''}
        </h2>
        {choice.note && (
          <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
            {choice.note}
          </p>
        )}
        {choice.key ? (
          <RegionMatrix key={choice.key} wire={regionMatrixOf(metrics, choice.key)} label={`Region locations, ${metricKeyLabel(choice.key)}`} fileName={`${datasetId}-${versionId}-region-locations`} />
        ) : (
          <p className="text-sm text-slate-500">This version has no region location matrix (no regions, or metrics not computed yet).</p>
        )}
      </section>

      <VersionInputs user={user} app={app} datasetId={datasetId} versionId={versionId} search={search} />
    </div>
  )
}

function VersionInputs({ user, app, datasetId, versionId, search }: { user: string; app: string; datasetId: string; versionId: string; search: SearchRecord }) {
  const { state, options } = inputsQuery(user, app, datasetId, search)
  const params = { user, app, dataset: datasetId, version: versionId }
  return (
    <section aria-labelledby="inputs-heading" className="space-y-2">
      <h2 id="inputs-heading" className="text-lg font-semibold">
        Inputs
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The inputs of dataset <span className="font-mono">{datasetId}</span>: the API lists a dataset&apos;s inputs, not those of one version.
      </p>
      {state.notes.length > 0 && (
        <ul role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          {state.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <QueryPanel query={options} name="Inputs">
        {(data) => (
          <InputList user={user} app={app} inputs={data.dataset_inputs}>
            {(rows, columns) => (
              <ResourceList
                noun="inputs"
                columns={columns}
                rows={rows}
                rowKey={(row) => row.input?.id ?? row.created_at ?? ''}
                page={state.page}
                perPage={state.perPage}
                isFiltered={false}
                clearFilters={{ to: Route.fullPath, params, search: {} }}
                pageLink={(page) => ({ to: Route.fullPath, params, search: { ...search, page: String(page) } })}
                tools={<RequestTools queryKey={options.queryKey} />}
                csvName={`${datasetId}-inputs`}
              />
            )}
          </InputList>
        )}
      </QueryPanel>
    </section>
  )
}

/** The inputs with their annotation regions drawn on the thumbnails. */
function InputList({ user, app, inputs, children }: { user: string; app: string; inputs: InputRow[] | undefined; children: (rows: InputRow[], columns: Column<InputRow>[]) => ReactNode }) {
  const rows = useMemo(() => inputs ?? [], [inputs])
  const regions = useInputRegions(user, app, useMemo(() => rows.map((row) => row.input), [rows]))
  const columns = useMemo(() => inputColumns(regions), [regions])
  return <>{children(rows, columns)}</>
}

const inputColumns = (regions: Map<string, RegionShape[]>): Column<InputRow>[] => [
  { id: 'thumbnail', header: 'Input', cell: (row) => <InputThumbnail input={row.input} regions={regions.get(row.input?.id ?? '')} /> },
  {
    id: 'id',
    header: 'ID',
    cell: (row) => (
      <span className="font-mono text-xs" title={row.input?.id}>
        {row.input?.id?.slice(0, 12)}
      </span>
    ),
    csv: (row) => row.input?.id,
  },
  { id: 'concepts', header: 'Concepts', cell: (row) => <span className="line-clamp-1">{inputConcepts(row.input).join(', ') || '—'}</span>, csv: (row) => inputConcepts(row.input).join('; ') },
  { id: 'status', header: 'Status', cell: (row) => (row.input?.status ? <StatusBadge status={row.input.status} /> : '—'), csv: (row) => row.input?.status?.code },
  { id: 'added', header: 'Added', cell: (row) => <RelativeTime value={row.created_at} />, csv: (row) => row.created_at },
]
