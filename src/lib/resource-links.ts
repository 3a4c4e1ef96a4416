// Console addresses of API resources, portal-shaped (`/{user}/{app}/models/{model}`), as plain
// strings so any view (explorer results, lists, evaluation links) can link to a resource page
// without depending on how those routes are declared. One place to change if the routes move.

export type ResourceKind = 'app' | 'model' | 'modelVersion' | 'dataset' | 'datasetVersion' | 'evaluation' | 'task'

export interface ResourceIds {
  userId?: string
  appId?: string
  modelId?: string
  datasetId?: string
  /** The version of a model or of a dataset. */
  versionId?: string
  evaluationId?: string
  taskId?: string
}

/** The console path of a resource page, or `undefined` when an id it needs is missing. */
export function resourceHref(kind: ResourceKind, ids: ResourceIds): string | undefined {
  const segments = ((): Array<string | undefined> | undefined => {
    const app = [ids.userId, ids.appId]
    switch (kind) {
      case 'app':
        return app
      case 'model':
        return [...app, 'models', ids.modelId]
      case 'modelVersion':
        return [...app, 'models', ids.modelId, 'versions', ids.versionId]
      case 'dataset':
        return [...app, 'datasets', ids.datasetId]
      case 'datasetVersion':
        return [...app, 'datasets', ids.datasetId, 'versions', ids.versionId]
      case 'evaluation':
        return [...app, 'evaluations', ids.evaluationId]
      case 'task':
        return [...app, 'tasks', ids.taskId]
      default:
        return undefined
    }
  })()
  if (!segments || segments.some((s) => s === undefined || s === '')) return undefined
  return `/${(segments as string[]).map((s) => encodeURIComponent(s)).join('/')}`
}
