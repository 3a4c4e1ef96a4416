import { Link } from '@tanstack/react-router'
import type { DatasetRefWire, ViewerMetrics } from './types.ts'

const linkClass = 'font-mono text-blue-700 hover:underline dark:text-blue-400'

function DatasetLink({ label, dataset, user, app }: { label: string; dataset: DatasetRefWire | null | undefined; user: string; app: string }) {
  if (!dataset?.id) return null
  const params = { user: dataset.user_id || user, app: dataset.app_id || app, dataset: dataset.id }
  const versionId = dataset.version?.id
  return (
    <span>
      {label}{' '}
      {versionId ? (
        <Link to="/$user/$app/datasets/$dataset/versions/$version" params={{ ...params, version: versionId }} className={linkClass}>
          {dataset.id}@{versionId.slice(0, 8)}
        </Link>
      ) : (
        <Link to="/$user/$app/datasets/$dataset" params={params} className={linkClass}>
          {dataset.id}
        </Link>
      )}
    </span>
  )
}

/** Links from an evaluation to its model version and its ground-truth and prediction datasets. */
export function ResourceLinks({ metrics, user, app }: { metrics: ViewerMetrics; user: string; app: string }) {
  const model = metrics.model
  const versionId = model?.model_version?.id
  const modelParams = model?.id ? { user: model.user_id || user, app: model.app_id || app, model: model.id } : undefined
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600 dark:text-slate-400" data-testid="evaluation-links">
      {model?.id && (
        <span>
          Model{' '}
          {modelParams && versionId ? (
            <Link to="/$user/$app/models/$model/versions/$version" params={{ ...modelParams, version: versionId }} className={linkClass}>
              {model.id}@{versionId.slice(0, 8)}
            </Link>
          ) : modelParams ? (
            <Link to="/$user/$app/models/$model" params={modelParams} className={linkClass}>
              {model.id}
            </Link>
          ) : null}
          {model.model_type_id && <span className="ml-1 text-xs">({model.model_type_id})</span>}
        </span>
      )}
      <DatasetLink label="Ground truth" dataset={metrics.ground_truth_dataset} user={user} app={app} />
      <DatasetLink label="Predictions" dataset={metrics.predictions_dataset} user={user} app={app} />
    </p>
  )
}
