import type { ReactNode } from 'react'
import { Link } from '@tanstack/react-router'
import { shortId, type ResourceRef } from '@/lib/leaderboard.ts'

export const idLinkClass = 'font-mono text-blue-700 hover:underline dark:text-blue-400'

/** A dataset, or one version of it when the reference names one. */
export function DatasetLink({ dataset, className = idLinkClass }: { dataset: ResourceRef | undefined; className?: string }) {
  if (!dataset) return <span className="text-slate-400">—</span>
  const params = { user: dataset.userId, app: dataset.appId, dataset: dataset.id }
  if (dataset.versionId) {
    return (
      <Link to="/$user/$app/datasets/$dataset/versions/$version" params={{ ...params, version: dataset.versionId }} className={`whitespace-nowrap ${className}`} title={`${dataset.id} version ${dataset.versionId}`}>
        {dataset.id}
        <span className="text-slate-500">@{shortId(dataset.versionId)}</span>
      </Link>
    )
  }
  return (
    <Link to="/$user/$app/datasets/$dataset" params={params} className={`whitespace-nowrap ${className}`}>
      {dataset.id}
    </Link>
  )
}

/** A model, or one version of it. */
export function ModelLink({ model, className = idLinkClass }: { model: ResourceRef | undefined; className?: string }) {
  if (!model) return <span className="text-slate-400">—</span>
  const params = { user: model.userId, app: model.appId, model: model.id }
  return (
    <span className="whitespace-nowrap">
      <Link to="/$user/$app/models/$model" params={params} className={className}>
        {model.id}
      </Link>
      {model.versionId && (
        <>
          <span className="text-slate-400"> @ </span>
          <Link to="/$user/$app/models/$model/versions/$version" params={{ ...params, version: model.versionId }} className={className} title={model.versionId}>
            {shortId(model.versionId)}
          </Link>
        </>
      )}
    </span>
  )
}

/** The evaluation viewer. */
export function EvaluationLink({ user, app, evaluation, children, className = idLinkClass }: { user: string; app: string; evaluation: string; children?: ReactNode; className?: string }) {
  return (
    <Link to="/$user/$app/evaluations/$evaluation" params={{ user, app, evaluation }} className={className} title={evaluation}>
      {children ?? shortId(evaluation)}
    </Link>
  )
}
