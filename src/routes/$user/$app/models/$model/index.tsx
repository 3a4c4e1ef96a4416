import { createFileRoute, Link } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { modelQueries } from '@/api/queries/models.ts'
import { listForm } from '@/api/list-page.ts'
import type { Model, ModelVersion } from '@/api/types.ts'
import { ensure, prefetch } from '@/api/load.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import { FactsGrid, lifecycleFacts } from '@/components/FactsGrid.tsx'
import { listPage } from '@/components/ListPage.tsx'
import { QueryPanel } from '@/components/QueryPanel.tsx'
import type { Column } from '@/components/DataTable.tsx'
import { Markdown } from '@/components/Markdown.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { StatusBadge, statusLabel } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { formatCount, formatMetric } from '@/lib/format.ts'
import { shortId } from '@/lib/leaderboard.ts'
import { versionConceptCount } from '@/lib/models.ts'
import { DatasetLink, EvaluationLink, idLinkClass } from '@/features/resource-links/links.tsx'
import { VersionTrends } from '@/features/models/VersionTrends.tsx'
import { ConceptChips, Section, StructList } from '@/components/detail-parts.tsx'

type ModelParams = { user: string; app: string; model: string }

const versions = listPage({
  form: listForm('ListModelVersions'),
  query: ({ user, app, model }: ModelParams, query) => modelQueries.versions(user, app, model, query),
  rows: (data) => data.model_versions ?? [],
  rowKey: (row) => row.id ?? '',
  noun: 'versions',
  columns: ({ user, app, model }) => versionColumns(user, app, model),
  csvName: ({ user, app, model }) => `${user}-${app}-${model}-versions`,
})

export const Route = createFileRoute('/$user/$app/models/$model/')({
  // Lenient: the versions' filters go through the form engine, with notes on the page.
  validateSearch: versions.validateSearch,
  loaderDeps: versions.loaderDeps,
  loader: async (ctx) => {
    const { context: { queryClient }, params: { user, app, model } } = ctx
    // One wave: the model is the page; output info, versions, their trend and type names are parts.
    prefetch(queryClient, modelQueries.outputInfo(user, app, model))
    prefetch(queryClient, modelQueries.versionTrend(user, app, model))
    prefetch(queryClient, modelQueries.types(user, app))
    versions.prefetch(ctx)
    await ensure(queryClient, modelQueries.detail(user, app, model))
  },
  component: ModelPage,
})

type VersionRow = ModelVersion

function ModelPage() {
  const params = Route.useParams()
  const { user, app, model: modelId } = params
  const detailOptions = modelQueries.detail(user, app, modelId)
  const { data: detail } = useSuspenseQuery(detailOptions)

  const model = detail.model
  const typeId = model?.model_type_id
  const tags = [...(model?.toolkits ?? []), ...(model?.use_cases ?? []), ...(model?.languages ?? [])]

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Breadcrumbs
          items={[
            ...appCrumbs(user, app),
            { label: 'models', link: { to: '/$user/$app/models', params: { user, app } } },
            { label: modelId },
          ]}
        />
        <header className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold">{model?.name || modelId}</h1>
            {model?.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{model.description}</p>}
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <RequestTools queryKey={detailOptions.queryKey} />
          </div>
        </header>
        <FactsGrid
          facts={[
            ['ID', <span className="font-mono">{model?.id ?? modelId}</span>],
            ['Model type', typeId ? <ModelTypeFact user={user} app={app} typeId={typeId} /> : '—'],
            [
              'Latest version',
              model?.model_version?.id ? (
                <span className="flex flex-wrap items-center gap-2">
                  <Link to="/$user/$app/models/$model/versions/$version" params={{ user, app, model: modelId, version: model.model_version.id }} className={idLinkClass} title={model.model_version.id}>
                    {shortId(model.model_version.id)}
                  </Link>
                  <StatusBadge status={model.model_version.status} />
                </span>
              ) : (
                '—'
              ),
            ],
            ['Versions', formatCount(model?.version_count)],
            model?.creator && ['Creator', model.creator],
            ...lifecycleFacts(model),
            tags.length > 0 && [
              'Tags',
              <span className="flex flex-wrap gap-1">
                {tags.map((tag, i) => (
                  <span key={`${tag}-${i}`} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">
                    {tag}
                  </span>
                ))}
              </span>,
            ],
          ]}
        />
      </div>

      {model?.notes && (
        <Section id="notes-heading" title="Notes">
          <div className="max-w-3xl">
            <Markdown text={model.notes} />
          </div>
        </Section>
      )}

      <Section id="output-heading" title="Output info">
        <QueryPanel query={modelQueries.outputInfo(user, app, modelId)} name="Output info">
          {(data) => <OutputInfo outputInfo={data.model?.output_info ?? model?.output_info} />}
        </QueryPanel>
      </Section>

      <Section id="trends-heading" title="Evaluations across versions">
        <VersionTrends user={user} app={app} model={modelId} modelTypeId={typeId} />
      </Section>

      <Section id="versions-heading" title="Versions">
        <versions.Part params={params} search={Route.useSearch()} label="Filter versions" />
      </Section>
    </div>
  )
}

/** The type's name from the app's model types, a link to the models of that type. */
function ModelTypeFact({ user, app, typeId }: { user: string; app: string; typeId: string }) {
  return (
    <QueryPanel query={modelQueries.types(user, app)} name="Model types" skeleton={<span className="font-mono">{typeId}</span>}>
      {(data) => {
        const type = data.model_types?.find((t) => t.id === typeId)
        return (
          <>
            <Link to="/$user/$app/models" params={{ user, app }} search={{ model_type_id: typeId }} className="text-blue-700 hover:underline dark:text-blue-400" title={`Models of type ${typeId}`}>
              {type?.title || typeId}
            </Link>
            {type?.title && <span className="ml-2 font-mono text-xs text-slate-500">{typeId}</span>}
          </>
        )
      }}
    </QueryPanel>
  )
}

type OutputInfoData = NonNullable<Model['output_info']>

function OutputInfo({ outputInfo }: { outputInfo: OutputInfoData | undefined }) {
  const concepts = outputInfo?.data?.concepts ?? []
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-2">
        <h3 className="text-sm font-medium">
          Concepts <span className="font-normal text-slate-500">({concepts.length})</span>
        </h3>
        <ConceptChips concepts={concepts} />
      </div>
      <div className="space-y-4">
        <div className="space-y-2">
          <h3 className="text-sm font-medium">Output config</h3>
          <StructList value={outputInfo?.output_config} empty="No output config." />
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-medium">Inference parameters</h3>
          <StructList value={outputInfo?.params} empty="No parameters." />
        </div>
        {outputInfo?.message && <p className="text-xs text-slate-500">{outputInfo.message}</p>}
      </div>
    </div>
  )
}

function versionColumns(user: string, app: string, modelId: string): Column<VersionRow>[] {
  const summary = (row: VersionRow) => row.metrics?.summary
  return [
    {
      id: 'id',
      header: 'Version',
      cell: (row) => (
        <div className="min-w-0">
          {row.id ? (
            <Link to="/$user/$app/models/$model/versions/$version" params={{ user, app, model: modelId, version: row.id }} className={idLinkClass} title={row.id}>
              {shortId(row.id)}
            </Link>
          ) : (
            <span className="text-slate-400">(no id)</span>
          )}
          {row.description && <p className="line-clamp-1 max-w-xs text-xs text-slate-500">{row.description}</p>}
        </div>
      ),
      csv: (row) => row.id,
    },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} />, csv: (row) => statusLabel(row.status?.code) },
    { id: 'concepts', header: 'Concepts', cell: (row) => formatCount(versionConceptCount(row)), csv: (row) => versionConceptCount(row), className: 'text-right tabular-nums' },
    { id: 'inputs', header: 'Inputs', cell: (row) => formatCount(row.total_input_count), csv: (row) => row.total_input_count, className: 'text-right tabular-nums' },
    {
      id: 'roc_auc',
      header: 'ROC AUC',
      cell: (row) => formatMetric(summary(row)?.macro_avg_roc_auc),
      csv: (row) => summary(row)?.macro_avg_roc_auc,
      className: 'text-right tabular-nums',
    },
    {
      id: 'f1',
      header: 'F1',
      cell: (row) => formatMetric(summary(row)?.macro_avg_f1_score),
      csv: (row) => summary(row)?.macro_avg_f1_score,
      className: 'text-right tabular-nums',
    },
    {
      id: 'evaluation',
      header: 'Evaluation',
      cell: (row) =>
        row.metrics?.id ? (
          <EvaluationLink user={row.metrics.user_id || user} app={row.metrics.app_id || app} evaluation={row.metrics.id} />
        ) : row.metrics?.status ? (
          <StatusBadge status={row.metrics.status} />
        ) : (
          <span className="text-slate-400">—</span>
        ),
      csv: (row) => row.metrics?.id,
    },
    {
      id: 'dataset',
      header: 'Trained on',
      cell: (row) => {
        const dataset = row.train_info?.dataset
        return (
          <DatasetLink
            dataset={dataset?.id ? { userId: dataset.user_id || row.user_id || user, appId: dataset.app_id || row.app_id || app, id: dataset.id, versionId: dataset.version?.id || undefined } : undefined}
          />
        )
      },
      csv: (row) => row.train_info?.dataset?.id,
    },
    { id: 'created', header: 'Created', cell: (row) => <RelativeTime value={row.created_at} />, csv: (row) => row.created_at },
  ]
}
