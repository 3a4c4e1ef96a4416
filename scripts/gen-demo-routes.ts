// Generates src/demo/routes.gen.json, the compact route table of the stand-in API, from the
// generated contract src/api/openapi.json (itself generated from the protos' google.api.http
// bindings) and the operations table beside it (for oneofs). Run: `npx tsx scripts/gen-demo-routes.ts`.
// routes.test.ts regenerates it in memory and
// fails when the committed file is stale.
// Why a derived file: importing the 1.5 MB openapi.json would bloat the service-worker demo
// bundle; the handler only needs method, path template, operationId and the list field name.
// Node-only: never imported by the handler.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * [method, path template, operationId, repeated field of the 200 response (or null), whether that
 * field is always sent (cl_show_if_empty, `required` in the schema), a required message field that
 * must be present (as `{}`) even in error bodies (or null)]
 */
export type RouteRow = [
  method: string,
  template: string,
  operationId: string,
  listField: string | null,
  listRequired: boolean,
  requiredObject: string | null,
]

export interface RouteTable {
  source: string
  routes: RouteRow[]
  /**
   * Typed (non-string) query parameters, for gateway-style validation before anything else:
   * `bool`, `uint32`, or `enum:Name` (an `enums` entry; `enum:*` for huge enums such as
   * StatusCode, where any number or UPPER_CASE name passes). Arrays are validated per element.
   */
  queryTypes: Record<string, string>
  enums: Record<string, Record<string, number>>
  /** Query parameters that are repeated fields: the only ones a key may repeat for. */
  repeated: string[]
  /** Query parameters that are members of a oneof -> the oneof (at most one member may be sent). */
  oneofs: Record<string, string>
  /** operationId -> every query parameter name it takes, comma-separated. */
  queryParams: Record<string, string>
}

/** The parts of an operations table row (src/api/operations.gen.json) this table needs. */
export interface OperationRow {
  id: string
  params: { name: string; in: string; array?: boolean; oneof?: string }[]
}

export const OPERATIONS_PATH = 'src/api/operations.gen.json'

interface SchemaLike {
  $ref?: string
  format?: string
  enum?: unknown[]
  items?: SchemaLike
  'x-enum-varnames'?: string[]
  type?: string | string[]
  properties?: Record<string, SchemaLike>
  required?: string[]
  allOf?: SchemaLike[]
}

interface ParameterLike {
  name: string
  in: string
  schema?: SchemaLike
}

interface OperationLike {
  operationId?: string
  parameters?: ParameterLike[]
  responses?: Record<string, { content?: Record<string, { schema?: SchemaLike }> }>
}

interface SpecLike {
  paths: Record<string, Record<string, OperationLike | unknown>>
  components: { schemas: Record<string, SchemaLike> }
}

export const OPENAPI_PATH = 'src/api/openapi.json'
const METHODS = ['get', 'post', 'put', 'patch', 'delete']

function resolve(spec: SpecLike, schema: SchemaLike | undefined): SchemaLike | undefined {
  let s = schema
  for (let i = 0; s?.$ref && i < 10; i++) s = spec.components.schemas[s.$ref.replace('#/components/schemas/', '')]
  return s
}

function requiredObjectOf(spec: SpecLike, op: OperationLike): string | null {
  const schema = resolve(spec, op.responses?.['200']?.content?.['application/json']?.schema)
  const props = schema?.properties ?? {}
  return (schema?.required ?? []).find((k) => k !== 'status' && resolve(spec, props[k])?.type !== 'array') ?? null
}

function listFieldOf(spec: SpecLike, op: OperationLike): [string | null, boolean] {
  const schema = resolve(spec, op.responses?.['200']?.content?.['application/json']?.schema)
  const props = schema?.properties ?? {}
  const arrays = Object.keys(props).filter((k) => {
    const p = resolve(spec, props[k])
    return p?.type === 'array' || (Array.isArray(p?.type) && p.type.includes('array'))
  })
  const required = new Set(schema?.required ?? [])
  const field = arrays.find((k) => required.has(k)) ?? arrays[0] ?? null
  return [field, field !== null && required.has(field)]
}

const BIG_ENUM = 64

function queryType(spec: SpecLike, schema: SchemaLike | undefined, enums: Record<string, Record<string, number>>): string | undefined {
  if (!schema) return undefined
  if (schema.type === 'array') return queryType(spec, schema.items, enums)
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '')
    const target = resolve(spec, schema)
    const values = (target?.enum ?? []) as number[]
    const names = target?.['x-enum-varnames'] ?? []
    if (values.length === 0) return undefined
    if (values.length > BIG_ENUM) return 'enum:*'
    enums[name] = Object.fromEntries(names.map((n, i) => [n, values[i] ?? 0]))
    return `enum:${name}`
  }
  if (schema.type === 'boolean') return 'bool'
  if (schema.type === 'integer') return schema.format ?? 'int32'
  if (schema.type === 'number') return 'number'
  if (schema.format === 'date-time') return 'timestamp'
  return undefined
}

export function buildRouteTable(spec: SpecLike, operations: readonly OperationRow[]): RouteTable {
  const routes: RouteRow[] = []
  const queryTypes: Record<string, string> = {}
  const enums: Record<string, Record<string, number>> = {}
  const queryParams: Record<string, string> = {}
  const repeated = new Set<string>()
  const oneofs: Record<string, string> = {}
  const oneofOf = new Map<string, string>()
  for (const op of operations) {
    for (const p of op.params) if (p.in === 'query' && p.oneof) oneofOf.set(`${op.id} ${p.name}`, p.oneof)
  }
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method] as OperationLike | undefined
      if (!op?.operationId) continue
      const [listField, listRequired] = method === 'get' ? listFieldOf(spec, op) : [null, false]
      routes.push([method.toUpperCase(), path, op.operationId, listField, listRequired, method === 'get' ? requiredObjectOf(spec, op) : null])
      if (method !== 'get') continue
      const names: string[] = []
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query') continue
        names.push(p.name)
        if (p.schema?.type === 'array') repeated.add(p.name)
        const oneof = oneofOf.get(`${op.operationId} ${p.name}`)
        if (oneof !== undefined) {
          if (oneofs[p.name] !== undefined && oneofs[p.name] !== oneof) throw new Error(`query parameter ${p.name} is in two oneofs`)
          oneofs[p.name] = oneof
        }
        const t = queryType(spec, p.schema, enums)
        if (!t) continue
        const known = queryTypes[p.name]
        if (known !== undefined && known !== t) throw new Error(`query parameter ${p.name} has two types: ${known}, ${t}`)
        queryTypes[p.name] = t
      }
      if (names.length > 0) queryParams[op.operationId] = names.join(',')
    }
  }
  routes.sort((a, b) => (a[1] === b[1] ? a[0].localeCompare(b[0]) : a[1] < b[1] ? -1 : 1))
  const sorted = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)))
  return {
    source: OPENAPI_PATH,
    routes,
    queryTypes: sorted(queryTypes),
    enums: sorted(enums),
    repeated: [...repeated].sort(),
    oneofs: sorted(oneofs),
    queryParams: sorted(queryParams),
  }
}

export function serializeRouteTable(table: RouteTable): string {
  const rows = table.routes.map((r) => '    ' + JSON.stringify(r)).join(',\n')
  const map = (o: Record<string, unknown>): string =>
    Object.entries(o)
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n')
  return (
    `{\n  "source": ${JSON.stringify(table.source)},\n  "routes": [\n${rows}\n  ],\n` +
    `  "queryTypes": {\n${map(table.queryTypes)}\n  },\n  "enums": {\n${map(table.enums)}\n  },\n` +
    `  "repeated": ${JSON.stringify(table.repeated)},\n` +
    `  "oneofs": {\n${map(table.oneofs)}\n  },\n` +
    `  "queryParams": {\n${map(table.queryParams)}\n  }\n}\n`
  )
}

export function readSpec(): SpecLike {
  return JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as SpecLike
}

export function readOperations(): OperationRow[] {
  return JSON.parse(readFileSync(OPERATIONS_PATH, 'utf8')) as OperationRow[]
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const table = buildRouteTable(readSpec(), readOperations())
  writeFileSync('src/demo/routes.gen.json', serializeRouteTable(table))
  console.log(`routes.gen.json: ${table.routes.length} operations`)
}
