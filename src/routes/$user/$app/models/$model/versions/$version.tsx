import { createFileRoute, Link } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { modelQueries } from '@/api/queries/models.ts'
import { ensure, prefetch } from '@/api/load.ts'
import { appCrumbs, Breadcrumbs } from '@/components/Breadcrumbs.tsx'
import { LineChart } from '@/components/charts/LineChart.tsx'
import { DataTable, downloadText, tableCsv, type Column } from '@/components/DataTable.tsx'
import { FactsGrid, lifecycleFacts } from '@/components/FactsGrid.tsx'
import { QueryPanel, usePartData } from '@/components/QueryPanel.tsx'
import { RequestTools } from '@/components/RequestTools.tsx'
import { StatusBadge, statusLabel, statusTone } from '@/components/StatusBadge.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { formatCount, formatMetric } from '@/lib/format.ts'
import { leaderboardRow, shortId, type LeaderboardRow } from '@/lib/leaderboard.ts'
import { hasSummary, isDetection, parseTrainLog, summaryCards, versionConceptCount } from '@/lib/models.ts'
import { DatasetLink, EvaluationLink, idLinkClass } from '@/features/resource-links/links.tsx'
import { ConceptChips, MetricCards, Section, StructList } from '@/components/detail-parts.tsx'

export const Route = createFileRoute('/$user/$app/models/$model/versions/$version')({
  loader: async ({ context: { queryClient }, params: { user, app, model, version } }) => {
    // One wave: the version is the page; its model (name, type) and its evaluations are parts.
    prefetch(queryClient, modelQueries.detail(user, app, model))
    prefetch(queryClient, modelQueries.versionEvaluations(user, app, model, version))
    await ensure(queryClient, modelQueries.version(user, app, model, version))
  },
  component: VersionPage,
})

function VersionPage() {
  const { user, app, model: modelId, version: versionId } = Route.useParams()
  const versionOptions = modelQueries.version(user, app, modelId, versionId)
  const { data: versionData } = useSuspenseQuery(versionOptions)
  const modelOptions = modelQueries.detail(user, app, modelId)
  const model = usePartData(modelOptions)?.model

  const version = versionData.model_version
  const typeId = model?.model_type_id
  const status = version?.status
  const isFailed = statusTone(status?.code) === 'bad'
  const metrics = version?.metrics
  const detection = isDetection(typeId, metrics?.summary)
  const trainDataset = version?.train_info?.dataset
  const concepts = version?.output_info?.data?.concepts ?? []

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Breadcrumbs
          items={[
            ...appCrumbs(user, app),
            { label: 'models', link: { to: '/$user/$app/models', params: { user, app } } },
            { label: modelId, link: { to: '/$user/$app/models/$model', params: { user, app, model: modelId } } },
            { label: shortId(versionId) },
          ]}
        />
        <header className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
              <span>
                {model?.name || modelId} <span className="font-mono text-slate-500">@{shortId(versionId)}</span>
              </span>
              <StatusBadge status={status} />
            </h1>
            {version?.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{version.description}</p>}
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <RequestTools queryKey={versionOptions.queryKey} />
          </div>
        </header>
        {isFailed && (
          <div className="max-w-3xl rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
            <h2 className="font-semibold">{statusLabel(status?.code)}</h2>
            <p className="mt-1">{status?.description || 'The API gave no description.'}</p>
            {status?.details && <p className="mt-1 whitespace-pre-wrap font-mono text-xs">{status.details}</p>}
            <p className="mt-1 font-mono text-xs">
              Code {status?.code}
              {status?.req_id ? ` · request ${status.req_id}` : ''}
            </p>
          </div>
        )}
        <FactsGrid
          facts={[
            ['Version ID', <span className="font-mono">{version?.id ?? versionId}</span>],
            [
              'Model',
              <>
                <Link to="/$user/$app/models/$model" params={{ user, app, model: modelId }} className={idLinkClass}>
                  {modelId}
                </Link>
                <QueryPanel query={modelOptions} name="Model" skeleton={null}>
                  {(data) =>
                    data.model?.model_type_id && (
                      <>
                        {' · '}
                        <Link to="/$user/$app/models" params={{ user, app }} search={{ model_type_id: data.model.model_type_id }} className="text-blue-700 hover:underline dark:text-blue-400">
                          {data.model.model_type_id}
                        </Link>
                      </>
                    )
                  }
                </QueryPanel>
              </>,
            ],
            [
              'Status',
              <>
                {statusLabel(status?.code)}
                {status?.code !== undefined && <span className="ml-2 font-mono text-xs text-slate-500">{status.code}</span>}
                {!isFailed && status?.description && <span className="ml-2 text-slate-500">{status.description}</span>}
              </>,
            ],
            ['Inputs', formatCount(version?.total_input_count)],
            ['Concepts', formatCount(versionConceptCount(version))],
            version?.license && ['License', version.license],
            ...lifecycleFacts(version),
            ['Completed', <RelativeTime value={version?.completed_at} />],
          ]}
        />
      </div>

      <Section id="metrics-heading" title="Evaluation summary">
        {hasSummary(metrics?.summary) ? (
          <>
            <MetricCards cards={summaryCards(metrics?.summary, detection)} />
            {metrics?.id && (
              <p className="text-sm">
                From evaluation{' '}
                <EvaluationLink user={metrics.user_id || user} app={metrics.app_id || app} evaluation={metrics.id}>
                  {metrics.id}
                </EvaluationLink>
              </p>
            )}
          </>
        ) : (
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            {metrics?.status ? <StatusBadge status={metrics.status} /> : null}
            {metrics?.status?.description || 'This version has no evaluation summary.'}
          </p>
        )}
      </Section>

      <Section id="training-heading" title="Training">
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-2">
            <h3 className="text-sm font-medium">Trained on</h3>
            <p className="text-sm">
              <DatasetLink
                dataset={
                  trainDataset?.id
                    ? { userId: trainDataset.user_id || user, appId: trainDataset.app_id || app, id: trainDataset.id, versionId: trainDataset.version?.id || undefined }
                    : undefined
                }
              />
            </p>
            <h3 className="pt-2 text-sm font-medium">Parameters</h3>
            <StructList value={version?.train_info?.params} empty="No training parameters." />
          </div>
          <TrainLog log={version?.train_log} />
        </div>
      </Section>

      <VersionEvaluations user={user} app={app} modelId={modelId} versionId={versionId} detection={detection} />

      <Section id="concepts-heading" title={`Concepts (${concepts.length})`}>
        <ConceptChips concepts={concepts} />
      </Section>
    </div>
  )
}

function VersionEvaluations({ user, app, modelId, versionId, detection }: { user: string; app: string; modelId: string; versionId: string; detection: boolean }) {
  const evaluationsOptions = modelQueries.versionEvaluations(user, app, modelId, versionId)
  const scope = { userId: user, appId: app }
  return (
    <QueryPanel query={evaluationsOptions} name="Evaluations">
      {(data) => {
        const evaluations = (data.eval_metrics ?? []).map((e, i) => leaderboardRow(e, scope, i))
        return (
        <Section
          id="evaluations-heading"
          title={`Evaluations (${evaluations.length})`}
          actions={
            <>
              <RequestTools queryKey={evaluationsOptions.queryKey} />
              <button
                type="button"
                disabled={evaluations.length === 0}
                onClick={() => downloadText(`${user}-${app}-${modelId}-${versionId}-evaluations.csv`, tableCsv(evaluationColumns(detection), evaluations))}
                className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-900"
              >
                Export CSV
              </button>
            </>
          }
        >
          {evaluations.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
              Nothing here yet: this version has no evaluations.
            </p>
          ) : (
            <DataTable caption="evaluations of this version" columns={evaluationColumns(detection)} rows={evaluations} rowKey={(row) => row.id} />
          )}
        </Section>
        )
      }}
    </QueryPanel>
  )
}

/**
 * The loss curve, when the version's `train_log` (free text: the only training output a
 * ModelVersion has) contains loss values; otherwise the log itself, or a note that there is none.
 */
function TrainLog({ log }: { log: string | undefined }) {
  const curve = parseTrainLog(log)
  if (!log) {
    return (
      <div className="space-y-2">
        <h3 className="text-sm font-medium">Loss curve</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No training statistics: the API reports training only as a text log (<code className="font-mono">train_log</code>), and this version has none.
        </p>
      </div>
    )
  }
  return (
    <div className="space-y-3">
      {curve ? (
        <LineChart title="Training loss" series={curve.series} xLabel={curve.xLabel} yLabel="Loss" />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">The training log has no loss values to plot.</p>
      )}
      <details className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
        <summary className="cursor-pointer text-sm font-medium">Training log</summary>
        <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap text-xs">{log}</pre>
      </details>
    </div>
  )
}

function evaluationColumns(detection: boolean): Column<LeaderboardRow>[] {
  const metric = (id: string, header: string, pick: (row: LeaderboardRow) => number | undefined): Column<LeaderboardRow> => ({
    id,
    header,
    cell: (row) => formatMetric(pick(row)),
    csv: pick,
    className: 'text-right tabular-nums',
  })
  const columns: Column<LeaderboardRow>[] = [
    {
      id: 'id',
      header: 'Evaluation',
      cell: (row) =>
        row.id.startsWith('(') ? (
          row.id
        ) : (
          <EvaluationLink user={row.userId} app={row.appId} evaluation={row.id} className="text-blue-700 hover:underline dark:text-blue-400">
            {row.groundTruth ? `on ${row.groundTruth.id} ` : ''}
            <span className="font-mono text-xs text-slate-500">{shortId(row.id)}</span>
          </EvaluationLink>
        ),
      csv: (row) => row.id,
    },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} />, csv: (row) => statusLabel(row.status?.code) },
    metric('roc_auc', 'ROC AUC', (row) => row.rocAuc),
    metric('f1', 'F1', (row) => row.f1),
    metric('precision', 'Precision', (row) => row.precision),
    metric('recall', 'Recall', (row) => row.recall),
  ]
  if (detection) columns.push(metric('map', 'mAP', (row) => row.map))
  columns.push(
    { id: 'ground_truth', header: 'Ground truth', cell: (row) => <DatasetLink dataset={row.groundTruth} />, csv: (row) => row.groundTruth?.id },
    { id: 'predictions', header: 'Predictions', cell: (row) => <DatasetLink dataset={row.predictions} />, csv: (row) => row.predictions?.id },
  )
  return columns
}
