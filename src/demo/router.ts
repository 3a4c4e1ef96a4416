// Path matching against the API's route table (routes.gen.json, derived from openapi.json).
import type { QueryParamSpec } from './query'
import table from './routes.gen.json'

export interface RouteMatch {
  method: string
  template: string
  operationId: string
  /** RPC name: the operationId without its `_2`, `_3` binding suffix. */
  rpc: string
  listField: string | null
  /** The list field is always sent, `[]` when empty, even in error bodies. */
  listRequired: boolean
  /** A cl_show_if_empty message field, sent as `{}` when there is nothing (errors included). */
  requiredObject: string | null
  params: Record<string, string>
}

interface Compiled {
  method: string
  template: string
  operationId: string
  rpc: string
  listField: string | null
  listRequired: boolean
  requiredObject: string | null
  /** Literal segment text, or null for a `{param}` segment. */
  segments: (string | null)[]
  names: (string | null)[]
}

function compile(row: readonly unknown[]): Compiled {
  const [method, template, operationId, listField, listRequired, requiredObject] = row as [
    string,
    string,
    string,
    string | null,
    boolean,
    string | null,
  ]
  const parts = template.split('/').slice(1)
  return {
    method,
    template,
    operationId,
    rpc: operationId.replace(/_\d+$/, ''),
    listField,
    listRequired,
    requiredObject,
    segments: parts.map((p) => (p.startsWith('{') ? null : p)),
    names: parts.map((p) => (p.startsWith('{') ? p.slice(1, -1) : null)),
  }
}

/** Literal segments beat parameters, left to right (`/models/types` before `/models/{model_id}`). */
function specificity(a: Compiled, b: Compiled): number {
  const n = Math.min(a.segments.length, b.segments.length)
  for (let i = 0; i < n; i++) {
    const la = a.segments[i] !== null
    const lb = b.segments[i] !== null
    if (la !== lb) return la ? -1 : 1
  }
  return a.segments.length - b.segments.length
}

const compiled: Compiled[] = (table.routes as unknown[][]).map(compile).sort(specificity)

/** Every RPC's bindings, for questions like "can this RPC be called without an app?". */
const bindingsByRpc = new Map<string, Compiled[]>()
for (const c of compiled) {
  const list = bindingsByRpc.get(c.rpc) ?? []
  list.push(c)
  bindingsByRpc.set(c.rpc, list)
}

function tryMatch(c: Compiled, parts: string[]): Record<string, string> | null {
  if (c.segments.length !== parts.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < parts.length; i++) {
    const seg = c.segments[i]
    const part = parts[i] ?? ''
    if (seg === null) {
      if (part === '') return null
      params[c.names[i] ?? ''] = part
    } else if (seg !== part) return null
  }
  return params
}

export type MatchResult = { kind: 'match'; route: RouteMatch } | { kind: 'method-not-allowed' } | { kind: 'none' }

export function matchRoute(method: string, pathname: string): MatchResult {
  let parts: string[]
  try {
    parts = pathname.split('/').slice(1).map(decodeURIComponent)
  } catch {
    return { kind: 'none' }
  }
  let otherMethod = false
  for (const c of compiled) {
    const params = tryMatch(c, parts)
    if (!params) continue
    if (c.method !== method) {
      otherMethod = true
      continue
    }
    return {
      kind: 'match',
      route: {
        method,
        template: c.template,
        operationId: c.operationId,
        rpc: c.rpc,
        listField: c.listField,
        listRequired: c.listRequired,
        requiredObject: c.requiredObject,
        params,
      },
    }
  }
  return otherMethod ? { kind: 'method-not-allowed' } : { kind: 'none' }
}

/** Whether some GET binding of the RPC takes a user but no app (`/v2/users/{..}/models`). */
export function rpcHasUserLevelBinding(rpc: string): boolean {
  return (bindingsByRpc.get(rpc) ?? []).some(
    (c) => c.method === 'GET' && c.template.includes('{user_app_id.user_id}') && !c.template.includes('{user_app_id.app_id}'),
  )
}

/** Whether some binding of the RPC is app-scoped (`/v2/users/{..}/apps/{..}/...`). */
export function rpcHasAppBinding(rpc: string): boolean {
  return (bindingsByRpc.get(rpc) ?? []).some((c) => c.template.includes('{user_app_id.app_id}'))
}

export function allGetRoutes(): { template: string; operationId: string; rpc: string; listField: string | null; listRequired: boolean }[] {
  return compiled
    .filter((c) => c.method === 'GET')
    .map((c) => ({ template: c.template, operationId: c.operationId, rpc: c.rpc, listField: c.listField, listRequired: c.listRequired }))
}

const queryTypes = table.queryTypes as Record<string, string>
const enums = table.enums as Record<string, Record<string, number>>
const repeated = new Set(table.repeated as string[])
const oneofs = table.oneofs as Record<string, string>
const queryParamNames = table.queryParams as Record<string, string>

/** Every query parameter of an operation, with what the gateway checks about it. */
export function queryParamSpecs(operationId: string): QueryParamSpec[] {
  const names = queryParamNames[operationId]
  if (!names) return []
  return names.split(',').map((name) => {
    const type = queryTypes[name] ?? 'string'
    const spec: QueryParamSpec = { name, type, isRepeated: repeated.has(name), oneof: oneofs[name] }
    if (!type.startsWith('enum:')) return spec
    const enumName = type.slice('enum:'.length)
    return { ...spec, type: 'enum', enumValues: enumName === '*' ? null : (enums[enumName] ?? null) }
  })
}
