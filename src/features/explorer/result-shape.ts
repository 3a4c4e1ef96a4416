// How the explorer shows an arbitrary response: which columns a list gets, how a cell reads, and
// which rows link to a console page. Heuristics over the first rows; everything optional.
import { statusCodeName } from '@/api/errors.ts'
import { resourceHref, type ResourceKind } from '@/lib/resource-links.ts'

const PREFERRED = ['id', 'code', 'name', 'display_name', 'description', 'user_id', 'app_id', 'created_at', 'modified_at', 'status.code', 'status.description', 'visibility.gettable']
const MAX_COLUMNS = 8
const SAMPLE_ROWS = 20

type Row = Record<string, unknown>

/** Column paths (dotted) for a list: the usual suspects first, then other scalar keys of the first rows. */
export function chooseColumns(rows: readonly Row[]): string[] {
  const seen: string[] = []
  const add = (path: string) => {
    if (!seen.includes(path)) seen.push(path)
  }
  for (const row of rows.slice(0, SAMPLE_ROWS)) {
    for (const [key, value] of Object.entries(row)) {
      if (isScalar(value)) add(key)
      else if (key === 'status' && isObject(value)) {
        add('status.code')
        add('status.description')
      } else if (key === 'visibility' && isObject(value)) add('visibility.gettable')
    }
  }
  const present = new Set(seen.filter((path) => rows.slice(0, SAMPLE_ROWS).some((row) => valueAt(row, path) !== undefined)))
  const preferred = PREFERRED.filter((p) => present.has(p))
  const rest = seen.filter((p) => present.has(p) && !preferred.includes(p))
  const columns = [...preferred, ...rest].slice(0, MAX_COLUMNS)
  if (columns.length > 0) return columns
  // Rows of nothing but nested objects: show their first keys, summarized.
  return [...new Set(rows.slice(0, SAMPLE_ROWS).flatMap((row) => Object.keys(row)))].slice(0, MAX_COLUMNS)
}

export function valueAt(row: unknown, path: string): unknown {
  let current: unknown = row
  for (const part of path.split('.')) {
    if (!isObject(current)) return undefined
    current = current[part]
  }
  return current
}

const VISIBILITY: Record<number, string> = { 0: 'UNKNOWN_VISIBILITY', 10: 'PRIVATE', 30: 'ORG', 50: 'PUBLIC' }

/** A cell as text: enums with their names, nested values as short JSON. */
export function cellText(path: string, value: unknown): string {
  if (value === undefined || value === null) return ''
  if ((path === 'status.code' || path === 'code') && typeof value === 'number') {
    const name = statusCodeName(value)
    return name ? `${value} ${name}` : String(value)
  }
  if (path === 'visibility.gettable' && typeof value === 'number') return VISIBILITY[value] ? `${value} ${VISIBILITY[value]}` : String(value)
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const json = JSON.stringify(value)
  return json.length > 80 ? `${json.slice(0, 77)}…` : json
}

/** Response keys, list and single, that have a console page. */
const KINDS: Record<string, ResourceKind> = {
  apps: 'app',
  app: 'app',
  models: 'model',
  model: 'model',
  model_versions: 'modelVersion',
  model_version: 'modelVersion',
  datasets: 'dataset',
  dataset: 'dataset',
  dataset_versions: 'datasetVersion',
  dataset_version: 'datasetVersion',
  eval_metrics: 'evaluation',
  tasks: 'task',
  task: 'task',
}

/**
 * The console page of one resource from a response, or `undefined`. `request` holds the
 * request's path and query values (`user_app_id.user_id`, `model_id`, …) for ids the row lacks.
 */
export function resourceLink(responseKey: string, row: unknown, request: Record<string, unknown>): string | undefined {
  const kind = KINDS[responseKey]
  if (!kind || !isObject(row)) return undefined
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)
  const id = text(row.id)
  const userId = text(row.user_id) ?? text(request['user_app_id.user_id'])
  const appId = kind === 'app' ? id : (text(row.app_id) ?? text(request['user_app_id.app_id']))
  return resourceHref(kind, {
    userId,
    appId,
    modelId: kind === 'model' ? id : (text(row.model_id) ?? text(request.model_id)),
    datasetId: kind === 'dataset' ? id : (text(row.dataset_id) ?? text(request.dataset_id)),
    versionId: kind === 'modelVersion' || kind === 'datasetVersion' ? id : undefined,
    evaluationId: kind === 'evaluation' ? id : undefined,
    taskId: kind === 'task' ? id : undefined,
  })
}

/** The single resource of a `Get*` answer (`{ status, model: {...} }`) with a console page. */
export function singleResource(data: unknown, request: Record<string, unknown>): { key: string; href: string } | undefined {
  if (!isObject(data)) return undefined
  for (const [key, value] of Object.entries(data)) {
    if (key === 'status' || !isObject(value)) continue
    const href = resourceLink(key, value, request)
    if (href) return { key, href }
  }
  return undefined
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
