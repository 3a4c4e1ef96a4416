// Every response of the stand-in must match the generated contract (src/api/openapi.json): the
// response schema of the matching operation validates it (ajv, JSON Schema 2020-12), and every key
// sent exists in that schema (no invented fields).
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { ValidateFunction } from 'ajv'
import { describe, expect, it } from 'vitest'
import spec from '@/api/openapi.json'
import { getWorld } from './data/world'
import { allGetRoutes, matchRoute } from './router'
import { ALL_FIELDS, call, demoApi, type Reply } from '../../test/demo-utils'

interface Schema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  additionalProperties?: Schema | boolean
  items?: Schema
  allOf?: Schema[]
  oneOf?: Schema[]
  anyOf?: Schema[]
}

const doc = spec as unknown as {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>
  components: { schemas: Record<string, Schema> }
}

const ajv = new Ajv2020({ strict: false, allErrors: false, logger: false, validateFormats: true })
addFormats(ajv)
ajv.addSchema(doc as object, 'doc')

const operations = new Map<string, { path: string; schemaRef: string }>()
for (const [path, item] of Object.entries(doc.paths)) {
  const op = item.get
  const ref = op?.responses?.['200']?.content?.['application/json']?.schema?.$ref
  if (op?.operationId && ref) operations.set(op.operationId, { path, schemaRef: ref.replace('#/components/schemas/', '') })
}

const validators = new Map<string, ValidateFunction>()
function validatorFor(schemaName: string): ValidateFunction {
  let v = validators.get(schemaName)
  if (!v) {
    v = ajv.getSchema(`doc#/components/schemas/${schemaName}`)
    if (!v) throw new Error(`no schema ${schemaName}`)
    validators.set(schemaName, v)
  }
  return v
}

function resolve(schema: Schema | undefined): Schema | undefined {
  let s = schema
  for (let i = 0; s?.$ref && i < 20; i++) s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]
  return s
}

/** Properties an object may carry under the schema (allOf/oneOf/anyOf merged). */
function objectShape(schema: Schema | undefined): { props: Record<string, Schema>; extra: Schema | boolean | undefined } {
  const s = resolve(schema)
  const props: Record<string, Schema> = { ...(s?.properties ?? {}) }
  let extra = s?.additionalProperties
  for (const sub of [...(s?.allOf ?? []), ...(s?.oneOf ?? []), ...(s?.anyOf ?? [])]) {
    const inner = objectShape(sub)
    Object.assign(props, inner.props)
    extra = extra ?? inner.extra
  }
  return { props, extra }
}

function unknownKeys(value: unknown, schema: Schema | undefined, path: string, out: string[]): void {
  if (out.length > 20 || value === null || typeof value !== 'object') return
  const s = resolve(schema)
  if (Array.isArray(value)) {
    const items = s?.items ?? resolve(s?.allOf?.[0])?.items
    for (let i = 0; i < value.length && i < 50; i++) unknownKeys(value[i], items, `${path}[${i}]`, out)
    return
  }
  const { props, extra } = objectShape(s)
  for (const [k, v] of Object.entries(value)) {
    const prop = props[k]
    if (prop) unknownKeys(v, prop, `${path}.${k}`, out)
    else if (extra && typeof extra === 'object') {
      // A map (DatasetVersion.metrics) or a free-form Struct (additionalProperties: {}).
      if (Object.keys(extra).length > 0) unknownKeys(v, extra, `${path}.${k}`, out)
    } else out.push(`${path}.${k}`)
  }
}

function checkAgainstContract(path: string, reply: Reply): string[] {
  const pathname = new URL(`http://localhost${path}`).pathname.replace(/^.*?(?=\/v2\/)/, '')
  const match = matchRoute('GET', pathname)
  if (match.kind !== 'match') return [`${path}: no route`]
  const op = operations.get(match.route.operationId)
  if (!op) return [`${path}: operation ${match.route.operationId} not in openapi.json`]
  const problems: string[] = []
  const validate = validatorFor(op.schemaRef)
  if (!validate(reply.body)) {
    problems.push(`${path} (${match.route.operationId}): ${ajv.errorsText(validate.errors?.slice(0, 3))}`)
  }
  const unknown: string[] = []
  unknownKeys(reply.body, { $ref: `#/components/schemas/${op.schemaRef}` }, match.route.operationId, unknown)
  for (const u of unknown) problems.push(`${path}: unknown key ${u}`)
  if (typeof reply.body?.status?.code !== 'number') problems.push(`${path}: no status.code`)
  return problems
}

/** URLs exercising every operation the demo serves with data, in several forms. */
function servedUrls(): string[] {
  const world = getWorld()
  const urls: string[] = []
  const app = 'general-vision'
  const base = `/v2/users/demo/apps/${app}`
  const q = `user_app_id.app_id=${app}`
  const appRec = world.appById.get(app)
  const model = appRec?.models.find((m) => m.versions.some((v) => v.evalIds.length > 0)) ?? appRec?.models[0]
  const version = model?.versions.find((v) => v.evalIds.length > 0) ?? model?.versions[0]
  const ds = appRec?.datasets[0]
  const task = appRec?.tasks[0]
  urls.push(
    '/v2/users/me',
    '/v2/users/alice',
    '/v2/users/me/apps?additional_fields=counts&additional_fields=stars',
    '/v2/apps?sort_by_name=true',
    `${base}?additional_fields=counts`,
    `/v2/app?${q}`,
    `${base}/resource_counts`,
    `/v2/resource_counts?${q}`,
    `${base}/models?additional_fields=stars`,
    '/v2/users/demo/models?per_page=1000',
    `/v2/models?${q}&trained_only=true`,
    `${base}/models/${model?.id}`,
    `/v2/models/${model?.id}?${q}&version_id=${version?.id}`,
    `${base}/models/${model?.id}/output_info`,
    `/v2/models/${model?.id}/output_info?${q}`,
    `${base}/models/${model?.id}/versions/${version?.id}/output_info`,
    `/v2/models/${model?.id}/versions/${version?.id}/output_info?${q}`,
    `${base}/models/${model?.id}/versions`,
    `/v2/models/${model?.id}/versions?${q}`,
    `${base}/models/${model?.id}/versions/${version?.id}`,
    `${base}/models/${model?.id}/versions/${version?.id}/metrics?${ALL_FIELDS}`,
    `${base}/models/${model?.id}/versions/${version?.id}/evaluations`,
    `/v2/models/${model?.id}/versions/${version?.id}/evaluations?${q}`,
    `${base}/models/${model?.id}/versions/${version?.id}/evaluations/${version?.evalIds[0]}?fields.label_counts=true`,
    `${base}/models/${model?.id}/concepts`,
    `${base}/models/${model?.id}/versions/${version?.id}/concepts`,
    `${base}/concepts`,
    `${base}/models/types`,
    '/v2/models/types',
    '/v2/models/types/visual-detector',
    `${base}/datasets?additional_fields=stars`,
    '/v2/users/demo/datasets',
    `/v2/datasets?${q}`,
    `${base}/datasets/${ds?.id}`,
    `${base}/datasets/${ds?.id}/versions`,
    `${base}/datasets/${ds?.id}/versions/${ds?.versions[0]?.id}`,
    `${base}/datasets/${ds?.id}/inputs?per_page=20`,
    `${base}/evaluations`,
    '/v2/users/demo/evaluations?show_failed_metrics=true',
    `/v2/evaluations?${q}&sort_by_f1=true`,
    `${base}/tasks?additional_fields=metrics`,
    `/v2/tasks?${q}`,
    `${base}/tasks/${task?.id}?additional_fields=metrics`,
    `${base}/tasks/${task?.id}/annotations/count`,
    `${base}/tasks/${task?.id}/inputs/count`,
    `${base}/tasks/${task?.id}/assignments`,
    `${base}/tasks/${task?.id}/inputs/samples`,
  )
  for (const t of world.tasks) urls.push(`/v2/users/demo/apps/${t.appId}/tasks/${t.id}/inputs/samples`, `/v2/users/demo/apps/${t.appId}/tasks/${t.id}/assignments`)
  const huge = world.datasets.find((d) => d.huge)
  urls.push(`/v2/users/demo/apps/${huge?.appId}/datasets/${huge?.id}/versions`, `/v2/users/demo/apps/${huge?.appId}/datasets/${huge?.id}/inputs`)
  for (const d of world.datasets.filter((x) => x.kinds.length > 1).slice(0, 3)) urls.push(`/v2/users/demo/apps/${d.appId}/datasets/${d.id}/inputs`)
  // Full evaluations: classification (small), multi-label, detection, running and failed.
  for (const e of [
    world.evaluations.find((x) => x.conceptCount === 12),
    world.evaluations.find((x) => x.multiLabel),
    world.evaluations.find((x) => x.kind === 'detection' && x.conceptCount === 8),
    world.evaluations.find((x) => x.statusCode === 21301),
    world.evaluations.find((x) => x.statusCode === 21317),
  ]) {
    urls.push(`/v2/users/demo/apps/${e?.appId}/evaluations/${e?.id}?${ALL_FIELDS}`, `/v2/evaluations/${e?.id}?user_app_id.app_id=${e?.appId}`)
  }
  return urls
}

describe('contract: responses match src/api/openapi.json', () => {
  const api = demoApi()

  it('every served operation, user-scoped and short forms', async () => {
    const problems: string[] = []
    const seen = new Set<string>()
    for (const url of servedUrls()) {
      const reply = await call(api, url)
      if (reply.status !== 200) problems.push(`${url}: HTTP ${reply.status} ${reply.text.slice(0, 200)}`)
      problems.push(...checkAgainstContract(url, reply))
      const m = matchRoute('GET', url.split('?')[0] ?? '')
      if (m.kind === 'match') seen.add(m.route.rpc)
    }
    expect(problems).toEqual([])
    expect(seen.size).toBeGreaterThanOrEqual(29)
  })

  it('every other GET of the API answers a valid body (empty list or a 404 envelope)', async () => {
    const problems: string[] = []
    let lists = 0
    let missing = 0
    for (const route of allGetRoutes()) {
      const path = route.template
        .replace('{user_app_id.user_id}', 'demo')
        .replace('{user_app_id.app_id}', 'general-vision')
        .replace(/\{[^}]+\}/g, 'x1')
      const url = route.template.includes('{user_app_id.app_id}') ? path : `${path}?user_app_id.app_id=general-vision`
      const reply = await call(api, url)
      if (![200, 404].includes(reply.status)) problems.push(`${url}: HTTP ${reply.status} ${reply.text.slice(0, 200)}`)
      if (reply.status === 200 && route.listField && route.listRequired) {
        lists++
        if (!Array.isArray(reply.body[route.listField])) problems.push(`${url}: no ${route.listField} list`)
      }
      if (reply.status === 404) missing++
      problems.push(...checkAgainstContract(url, reply))
    }
    expect(problems.slice(0, 20)).toEqual([])
    expect(lists).toBeGreaterThan(50)
    expect(missing).toBeGreaterThan(30)
  })

  it('error bodies match too (401, 404, 400, 429)', async () => {
    const problems: string[] = []
    for (const [url, init] of [
      ['/v2/users/demo/apps', {}],
      ['/v2/users/demo/apps/nope/models', undefined],
      ['/v2/users/demo/models?per_page=5000', undefined],
      ['/v2/users/demo/apps/general-vision/evaluations/nope', undefined],
    ] as [string, RequestInit | undefined][]) {
      const reply = await call(api, url, init)
      expect(reply.status).toBeGreaterThanOrEqual(400)
      problems.push(...checkAgainstContract(url, reply))
    }
    expect(problems).toEqual([])
  })
})
