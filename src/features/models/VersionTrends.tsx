import { Link } from '@tanstack/react-router'
import { modelQueries } from '@/api/queries/models.ts'
import { LineChart } from '@/components/charts/LineChart.tsx'
import { DataTable, type Column } from '@/components/DataTable.tsx'
import { QueryPanel } from '@/components/QueryPanel.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { formatMetric } from '@/lib/format.ts'
import { shortId } from '@/lib/leaderboard.ts'
import { metricLabel, positionTicks, trendNote, trendSeries, versionTrend, type TrendState, type TrendVersion, type VersionTrend } from '@/lib/model-trends.ts'
import { idLinkClass } from '@/features/resource-links/links.tsx'

interface VersionTrendsProps {
  user: string
  app: string
  model: string
  /** The model's type, which decides the metrics (mAP for detectors). */
  modelTypeId: string | undefined
}

/**
 * Each version's evaluation summary, oldest version first: a line per metric with a link per
 * version to its evaluation, and a table of the same (the only view on a narrow screen). A part of
 * the model page with its own request, loading state and Retry.
 */
export function VersionTrends({ user, app, model, modelTypeId }: VersionTrendsProps) {
  return (
    <QueryPanel query={modelQueries.versionTrend(user, app, model)} name="Version trends">
      {(data) => <TrendView trend={versionTrend(data.model_versions, { userId: user, appId: app, modelTypeId })} user={user} app={app} model={model} />}
    </QueryPanel>
  )
}

const STATE_TEXT: Record<TrendState, string> = {
  evaluated: 'Evaluated',
  pending: 'Evaluating',
  failed: 'Evaluation failed',
  'not-evaluated': 'Not evaluated',
}

function TrendView({ trend, user, app, model }: { trend: VersionTrend; user: string; app: string; model: string }) {
  const note = trendNote(trend)
  if (trend.versions.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{note}</p>
  const series = trendSeries(trend).map((s) => ({ name: s.name, points: s.points }))
  const evaluated = trend.versions.filter((v) => v.evaluatedRank !== undefined)
  const linked = evaluated.filter((v) => v.evaluation)
  const table = <TrendTable trend={trend} user={user} app={app} model={model} />
  const title = trend.kind === 'detection' ? 'mAP, precision and recall by version' : 'ROC AUC, F1, precision and recall by version'
  return (
    <div className="space-y-3" data-testid="version-trends">
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="trend-note">
        {note}
      </p>
      {trend.counts.evaluated === 0 ? (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">No version shown has a finished evaluation, so there is nothing to draw yet.</p>
          {table}
        </>
      ) : (
        <>
          {/* The chart needs width; a phone gets the table. */}
          <div className="hidden sm:block" data-testid="trend-chart">
            <LineChart
              title={title}
              series={series}
              xLabel="Evaluated version, oldest to newest"
              yLabel="Score"
              formatY={(v) => formatMetric(v)}
              xTicks={positionTicks(evaluated.length, 7)}
              formatX={(x) => shortId(evaluated[x - 1]?.versionId ?? '')}
              tableView={table}
              xLinks={linked.map((v) => ({
                x: v.evaluatedRank!,
                wrap: (mark) => (
                  <Link
                    to="/$user/$app/evaluations/$evaluation"
                    params={{ user: v.evaluation!.userId, app: v.evaluation!.appId, evaluation: v.evaluation!.id }}
                    aria-label={pointLabel(v, trend)}
                    data-version={v.versionId}
                    className="outline-none [&:focus-visible>rect]:fill-blue-500/15 [&:focus-visible>rect]:stroke-blue-600 [&:focus-visible>rect]:stroke-2"
                  >
                    <title>{pointLabel(v, trend)}</title>
                    {mark}
                  </Link>
                ),
              }))}
            />
          </div>
          <div className="sm:hidden">{table}</div>
        </>
      )}
    </div>
  )
}

/** What a version's link says: which version, its figures, where it goes. */
function pointLabel(v: TrendVersion, trend: VersionTrend): string {
  const figures = trend.metrics.map((key) => `${metricLabel(key)} ${formatMetric(v.values[key])}`).join(', ')
  return `Version ${v.position}, ${shortId(v.versionId)}: ${figures}. Open its evaluation.`
}

function TrendTable({ trend, user, app, model }: { trend: VersionTrend; user: string; app: string; model: string }) {
  const columns: Column<TrendVersion>[] = [
    { id: 'position', header: '#', cell: (v) => v.position, csv: (v) => v.position, className: 'text-right tabular-nums text-slate-500' },
    {
      id: 'version',
      header: 'Version',
      cell: (v) =>
        v.hasId ? (
          <Link to="/$user/$app/models/$model/versions/$version" params={{ user, app, model, version: v.versionId }} className={idLinkClass} title={v.versionId}>
            {shortId(v.versionId)}
          </Link>
        ) : (
          <span className="text-slate-400">{v.versionId}</span>
        ),
      csv: (v) => v.versionId,
    },
    { id: 'created', header: 'Created', cell: (v) => <RelativeTime value={v.createdAt} />, csv: (v) => v.createdAt },
    {
      id: 'evaluation',
      header: 'Evaluation',
      cell: (v) => (
        <span className="flex flex-wrap items-center gap-x-2">
          {v.evaluation && v.state !== 'not-evaluated' ? (
            <Link to="/$user/$app/evaluations/$evaluation" params={{ user: v.evaluation.userId, app: v.evaluation.appId, evaluation: v.evaluation.id }} className={idLinkClass} title={v.evaluation.id}>
              {STATE_TEXT[v.state]} {shortId(v.evaluation.id)}
            </Link>
          ) : (
            <span className={v.state === 'not-evaluated' ? 'text-slate-500' : undefined}>{STATE_TEXT[v.state]}</span>
          )}
          {v.state === 'failed' && v.statusText && <span className="text-xs text-red-700 dark:text-red-400">{v.statusText}</span>}
        </span>
      ),
      csv: (v) => v.state,
    },
    ...trend.metrics.map(
      (key): Column<TrendVersion> => ({
        id: key,
        header: metricLabel(key),
        cell: (v) => formatMetric(v.values[key]),
        csv: (v) => v.values[key],
        className: 'text-right tabular-nums',
      }),
    ),
  ]
  return <DataTable caption="Evaluation summary of each version, oldest first" columns={columns} rows={trend.versions} rowKey={(v) => v.versionId} maxHeight="24rem" />
}
