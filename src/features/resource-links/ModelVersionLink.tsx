import { Link } from '@tanstack/react-router'

interface PredictConfig {
  model?: { id?: string; user_id?: string; app_id?: string; model_version?: { id?: string } }
}

interface ModelVersionLinkProps {
  user: string
  app: string
  config: PredictConfig | undefined
  /** In a sentence: "(predictions of model@version)"; otherwise the bare link. */
  isInline?: boolean
}

/** The model version whose predictions made a dataset version (evaluation predictions). */
export function ModelVersionLink({ user, app, config, isInline = false }: ModelVersionLinkProps) {
  const model = config?.model
  if (!model?.id) return isInline ? null : <span className="text-slate-400">—</span>
  const params = { user: model.user_id || user, app: model.app_id || app, model: model.id }
  const versionId = model.model_version?.id
  const className = 'font-mono text-blue-700 hover:underline dark:text-blue-400'
  const link = versionId ? (
    <Link to="/$user/$app/models/$model/versions/$version" params={{ ...params, version: versionId }} className={className} title={`${model.id} version ${versionId}`}>
      {model.id}@{versionId.slice(0, 8)}
    </Link>
  ) : (
    <Link to="/$user/$app/models/$model" params={params} className={className}>
      {model.id}
    </Link>
  )
  if (!isInline) return link
  return <span className="ml-1 text-sm">(predictions of {link})</span>
}
