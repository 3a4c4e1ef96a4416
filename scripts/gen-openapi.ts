// Protos -> OpenAPI 3.1, the way grpc-gateway maps `google.api.http` annotations.
// Pure functions over a protobufjs Root: no file writes here (see scripts/gen-api.ts).
//
// Conventions (see also the report in the generated document's `x-generator` notes):
// - Wire format: proto (snake_case) field names, enums as integers (+ `x-enum-varnames`),
//   64-bit integers as strings, well-known types in their proto3 JSON form.
// - Every binding (additional ones included) is an operation; operationId is the RPC name for
//   the first binding and `<Rpc>_<n>` for the n-th binding in declaration order.
// - Streaming RPCs are left out (listed in `x-streaming-rpcs`).
// - Two bindings on one method + path: one is kept (the RPC whose name verb matches the HTTP
//   method, else the first declared), the others are listed in `x-route-collisions`.
// - Tag ("resource") of an operation: the first literal path segment after the
//   `/v2[/users/{…}[/apps/{…}]]` scope; `apps` for the app itself, `users` for the user itself.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import protobuf from 'protobufjs'
import type { OperationInfo, ParamInfo, ParamType } from '../src/api/operations.ts'

export type Schema = { [key: string]: unknown }

export const PARSE_OPTIONS = { keepCase: true, alternateCommentMode: true } as const

/** Query flattening never goes deeper than this many nested messages (grpc-gateway also stops at cycles). */
export const MAX_QUERY_DEPTH = 6

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const
type HttpMethod = (typeof HTTP_METHODS)[number]

// ---------------------------------------------------------------------------------------------
// Loading

const require = createRequire(import.meta.url)

function packageDir(name: string, entry: string): string {
  let dir = path.dirname(require.resolve(entry))
  for (;;) {
    const pkg = path.join(dir, 'package.json')
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === name) return dir
    const up = path.dirname(dir)
    if (up === dir) throw new Error(`cannot locate package ${name}`)
    dir = up
  }
}

export interface ProtoSource {
  root: protobuf.Root
  /** Version of the clarifai-nodejs-grpc package the protos come from. */
  version: string
}

function newRoot(): protobuf.Root {
  const grpcDir = packageDir('clarifai-nodejs-grpc', 'clarifai-nodejs-grpc')
  const pbDir = packageDir('protobufjs', 'protobufjs')
  const root = new protobuf.Root()
  root.resolvePath = (origin, target) => {
    if (target.startsWith('proto/')) return path.join(grpcDir, target)
    // google/api/*.proto and descriptor.proto ship with protobufjs; timestamp, struct, wrappers…
    // are bundled inside protobufjs itself and picked up by file name.
    if (target.startsWith('google/')) return path.join(pbDir, target)
    return protobuf.util.path.resolve(origin, target)
  }
  return root
}

/** Loads Clarifai's service.proto (and its imports) from the installed clarifai-nodejs-grpc. */
export function loadClarifaiProtos(): ProtoSource {
  const grpcDir = packageDir('clarifai-nodejs-grpc', 'clarifai-nodejs-grpc')
  const version = (JSON.parse(fs.readFileSync(path.join(grpcDir, 'package.json'), 'utf8')) as { version: string }).version
  const root = newRoot()
  // service.proto, not service_processed.proto: the latter renames additional_bindings.
  root.loadSync('proto/clarifai/api/service.proto', PARSE_OPTIONS)
  root.resolveAll()
  return { root, version }
}

const TEST_IMPORTS = [
  'google/api/annotations.proto',
  'google/protobuf/descriptor.proto',
  'google/protobuf/wrappers.proto',
  'google/protobuf/timestamp.proto',
  'google/protobuf/duration.proto',
  'google/protobuf/struct.proto',
  'google/protobuf/empty.proto',
  'google/protobuf/any.proto',
  'google/protobuf/field_mask.proto',
]

/** Parses proto source files (for tests); only the google/ imports of TEST_IMPORTS are available. */
export function parseProtoText(...sources: string[]): protobuf.Root {
  const root = newRoot()
  root.loadSync(TEST_IMPORTS, PARSE_OPTIONS)
  for (const source of sources) {
    const parsed = protobuf.parse(source, root, PARSE_OPTIONS)
    const missing = (parsed.imports ?? []).filter((imp) => !TEST_IMPORTS.includes(imp))
    if (missing.length) throw new Error(`parseProtoText: unsupported imports ${missing.join(', ')}`)
  }
  root.resolveAll()
  return root
}

// ---------------------------------------------------------------------------------------------
// Small pure helpers

/** protoc's ToJsonName: drop each underscore and upper-case the next character (a no-op for digits). */
export function toJsonName(name: string): string {
  let out = ''
  let upperNext = false
  for (const ch of name) {
    if (ch === '_') upperNext = true
    else if (upperNext) {
      out += ch.toUpperCase()
      upperNext = false
    } else out += ch
  }
  return out
}

/** A dotted field path (`user_app_id.user_id`) through json_name, segment by segment. */
export function toJsonPath(dotted: string): string {
  return dotted.split('.').map(toJsonName).join('.')
}

export interface HttpBinding {
  method: HttpMethod
  /** Path template as written in the proto. */
  template: string
  /** '' (no body), '*' or a top-level field name. */
  body: string
  responseBody: string
}

type HttpRule = Record<string, unknown>

function ruleToBinding(rule: HttpRule, where: string): HttpBinding {
  for (const m of HTTP_METHODS) {
    const t = rule[m]
    if (typeof t === 'string') {
      return { method: m, template: t, body: str(rule.body), responseBody: str(rule.response_body) }
    }
  }
  throw new Error(`${where}: unsupported google.api.http rule ${JSON.stringify(rule)}`)
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

/**
 * The HTTP bindings of a method, primary first, then additional_bindings in declared order.
 * Reads parsedOptions: the flat `options` object keeps only one of repeated additional_bindings.
 */
export function httpBindings(method: protobuf.Method): HttpBinding[] {
  const rule = (method.parsedOptions ?? []).map((o) => o['(google.api.http)'] as HttpRule | undefined).find(Boolean)
  if (!rule) return []
  const where = `${method.parent?.fullName ?? ''}.${method.name}`
  const extra = rule.additional_bindings
  const extras: HttpRule[] = Array.isArray(extra) ? (extra as HttpRule[]) : extra ? [extra as HttpRule] : []
  return [ruleToBinding(rule, where), ...extras.map((r) => ruleToBinding(r, where))]
}

/** `{name=**}` and `{a.b=x/*}` become `{name}`, `{a.b}`; returns the field paths in order. */
export function parsePathTemplate(template: string): { path: string; params: string[] } {
  const params: string[] = []
  const p = template.replace(/\{([^}=]+)(?:=[^}]*)?\}/g, (_m, name: string) => {
    params.push(name.trim())
    return `{${name.trim()}}`
  })
  return { path: p, params }
}

const isVar = (s: string | undefined): boolean => s !== undefined && s.startsWith('{')

/** Resource group of a path: first literal segment after the `/v2[/users/{…}[/apps/{…}]]` scope. */
export function resourceOf(p: string): string {
  const segs = p.split('/').filter(Boolean)
  let i = segs[0] === 'v2' ? 1 : 0
  if (segs[i] === 'users' && isVar(segs[i + 1])) {
    i += 2
    if (i >= segs.length) return 'users'
    if (segs[i] === 'apps' && isVar(segs[i + 1])) {
      i += 2
      if (i >= segs.length) return 'apps'
    }
  }
  const lit = (segs.slice(i).find((s) => !isVar(s)) ?? 'v2').replace(/:.*$/, '')
  return RESOURCE_ALIASES[lit] ?? lit
}

/** Literal segments that name another group's resource (`/v2/app`, `/apps/{…}/partial`, `/task/{…}`). */
const RESOURCE_ALIASES: Record<string, string> = {
  app: 'apps',
  partial: 'apps',
  task: 'tasks',
  my_scopes: 'myscopes',
  myscopesroot: 'myscopes',
}

function cleanComment(c: string | null | undefined): string {
  if (!c) return ''
  return c
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .trim()
}

function humanize(rpc: string): string {
  const words = rpc.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').split(' ')
  return words.map((w, i) => (i === 0 ? w : /^[A-Z][a-z]/.test(w) ? w.toLowerCase() : w)).join(' ')
}

/**
 * First sentence of the comment's first paragraph, or the humanized RPC name. A line that ends
 * without punctuation followed by a capitalized line ends the sentence too: the protos often
 * write one statement per line without a period.
 */
export function summaryOf(comment: string, rpc: string): string {
  const lines = (comment.split(/\n\s*\n/)[0] ?? '').split('\n').map((l) => l.trim())
  let para = ''
  for (const line of lines) {
    if (para && !/[-.,;:(]$/.test(para) && /^[A-Z]/.test(line)) break
    para = para ? `${para} ${line}` : line
  }
  if (!para) return humanize(rpc)
  const m = /^(.+?[.!?])(\s|$)/.exec(para)
  const s = (m ? m[1]! : para).replace(/[.:]$/, '')
  return s.length > 160 ? `${s.slice(0, 157).trimEnd()}…` : s
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// ---------------------------------------------------------------------------------------------
// Types

type PType = protobuf.Type | protobuf.Enum

const SCALARS: Record<string, Schema> = {
  double: { type: 'number', format: 'double' },
  float: { type: 'number', format: 'float' },
  int32: { type: 'integer', format: 'int32' },
  sint32: { type: 'integer', format: 'int32' },
  sfixed32: { type: 'integer', format: 'int32' },
  uint32: { type: 'integer', format: 'uint32' },
  fixed32: { type: 'integer', format: 'uint32' },
  int64: { type: 'string', format: 'int64' },
  sint64: { type: 'string', format: 'int64' },
  sfixed64: { type: 'string', format: 'int64' },
  uint64: { type: 'string', format: 'uint64' },
  fixed64: { type: 'string', format: 'uint64' },
  bool: { type: 'boolean' },
  string: { type: 'string' },
  bytes: { type: 'string', format: 'byte' },
}

/** Well-known types in their proto3 JSON mapping. `query` tells whether grpc-gateway takes it as a query param. */
const WELL_KNOWN: Record<string, { schema: Schema; query: boolean }> = {
  '.google.protobuf.Timestamp': { schema: { type: 'string', format: 'date-time' }, query: true },
  '.google.protobuf.Duration': { schema: { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]{1,9})?s$' }, query: true },
  '.google.protobuf.FieldMask': { schema: { type: 'string' }, query: true },
  '.google.protobuf.DoubleValue': { schema: SCALARS.double!, query: true },
  '.google.protobuf.FloatValue': { schema: SCALARS.float!, query: true },
  '.google.protobuf.Int64Value': { schema: SCALARS.int64!, query: true },
  '.google.protobuf.UInt64Value': { schema: SCALARS.uint64!, query: true },
  '.google.protobuf.Int32Value': { schema: SCALARS.int32!, query: true },
  '.google.protobuf.UInt32Value': { schema: SCALARS.uint32!, query: true },
  '.google.protobuf.BoolValue': { schema: SCALARS.bool!, query: true },
  '.google.protobuf.StringValue': { schema: SCALARS.string!, query: true },
  '.google.protobuf.BytesValue': { schema: SCALARS.bytes!, query: true },
  '.google.protobuf.Struct': { schema: { type: ['object', 'null'], additionalProperties: {} }, query: false },
  '.google.protobuf.Value': { schema: {}, query: false },
  '.google.protobuf.ListValue': { schema: { type: 'array', items: {} }, query: false },
  '.google.protobuf.Empty': { schema: { type: 'object' }, query: false },
  '.google.protobuf.Any': {
    schema: { type: 'object', properties: { '@type': { type: 'string' } }, additionalProperties: {} },
    query: false,
  },
  '.google.protobuf.NullValue': { schema: { type: 'null' }, query: false },
}

function fieldType(field: protobuf.Field): PType | null {
  field.resolve()
  return field.resolvedType
}

function isWellKnown(t: PType | null): boolean {
  return t !== null && t.fullName in WELL_KNOWN
}

function optionFlag(opts: Record<string, unknown> | undefined, name: string): boolean {
  if (!opts) return false
  const re = new RegExp(`^\\((?:[\\w.]*\\.)?${name}\\)$`)
  return Object.entries(opts).some(([k, v]) => re.test(k) && v === true)
}

export function isShowIfEmpty(field: protobuf.Field): boolean {
  return optionFlag(field.options, 'cl_show_if_empty')
}

function isDeprecated(obj: protobuf.ReflectionObject): boolean {
  return obj.options?.deprecated === true
}

/** Real (non-synthetic) oneof of a field: proto3 `optional` makes one-member `_name` oneofs. */
function oneofOf(field: protobuf.Field): string | undefined {
  const o = field.partOf
  if (!o) return undefined
  if (o.name.startsWith('_') && o.oneof.length === 1) return undefined
  return o.name
}

/** Unique values of an enum in declaration order; aliases keep the first declared name. */
function enumEntries(e: protobuf.Enum): { values: number[]; names: string[]; comments: string[] } {
  const values: number[] = []
  const names: string[] = []
  const comments: string[] = []
  const seen = new Set<number>()
  for (const [name, value] of Object.entries(e.values)) {
    if (seen.has(value)) continue
    seen.add(value)
    values.push(value)
    names.push(name)
    comments.push(cleanComment(e.comments[name]).replace(/\s+/g, ' '))
  }
  return { values, names, comments }
}

// ---------------------------------------------------------------------------------------------
// Operations

interface ParamPlan {
  name: string
  in: 'path' | 'query'
  field: protobuf.Field
  /** Field indices from the request message down to the leaf: proto field order. */
  order: number[]
  oneof?: string
}

interface OpPlan {
  id: string
  rpc: protobuf.Method
  binding: HttpBinding
  path: string
  params: ParamPlan[]
  requestType: protobuf.Type
  responseType: protobuf.Type
  /** Body schema source: the request message ('*'), a field (body: "field") or none. */
  bodyField: protobuf.Field | null
  bodyAll: boolean
  responseField: protobuf.Field | null
}

function resolveFieldPath(msg: protobuf.Type, dotted: string): { field: protobuf.Field; order: number[] } | null {
  let cur: protobuf.Type = msg
  const order: number[] = []
  const parts = dotted.split('.')
  for (let i = 0; i < parts.length; i++) {
    const f = cur.fields[parts[i]!]
    if (!f) return null
    order.push(cur.fieldsArray.indexOf(f))
    if (i === parts.length - 1) return { field: f, order }
    const t = fieldType(f)
    if (!(t instanceof protobuf.Type)) return null
    cur = t
  }
  return null
}

/**
 * Query parameters of a binding, grpc-gateway style: every request field that is neither bound in
 * the path nor the body; nested messages flattened with dots; repeated scalars/enums as arrays;
 * repeated messages, maps, Struct/Value/ListValue/Any/Empty skipped; recursion stops at a message
 * already on the current path and at MAX_QUERY_DEPTH.
 */
export function queryParamPlans(msg: protobuf.Type, pathParams: readonly string[], bodyField: string): ParamPlan[] {
  const bound = new Set(pathParams)
  const out: ParamPlan[] = []
  const walk = (m: protobuf.Type, prefix: string, order: number[], stack: string[]): void => {
    m.fieldsArray.forEach((f, idx) => {
      const name = prefix + f.name
      if (!prefix && f.name === bodyField) return
      if (bound.has(name)) return
      if (f.map) return
      const t = fieldType(f)
      const ord = [...order, idx]
      const oneof = oneofOf(f)
      const add = (): void => {
        out.push({ name, in: 'query', field: f, order: ord, ...(oneof && { oneof: prefix + oneof }) })
      }
      if (t instanceof protobuf.Type) {
        const wk = WELL_KNOWN[t.fullName]
        if (wk) {
          if (wk.query && !f.repeated) add()
          return
        }
        if (f.repeated) return
        if (stack.includes(t.fullName) || stack.length > MAX_QUERY_DEPTH) return
        walk(t, `${name}.`, ord, [...stack, t.fullName])
        return
      }
      add()
    })
  }
  walk(msg, '', [], [msg.fullName])
  return out
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!
  }
  return a.length - b.length
}

const VERB: Record<HttpMethod, RegExp> = {
  get: /^(Get|List)/,
  post: /^Post/,
  put: /^Put/,
  patch: /^Patch/,
  delete: /^Delete/,
}

export interface RouteCollision {
  method: HttpMethod
  path: string
  kept: string
  shadowed: string[]
}

function planOperations(service: protobuf.Service): {
  ops: OpPlan[]
  streaming: string[]
  collisions: RouteCollision[]
  problems: string[]
} {
  const streaming: string[] = []
  const problems: string[] = []
  const all: OpPlan[] = []
  for (const rpc of service.methodsArray) {
    const bindings = httpBindings(rpc)
    if (!bindings.length) continue
    if (rpc.requestStream || rpc.responseStream) {
      streaming.push(rpc.name)
      continue
    }
    rpc.resolve()
    const requestType = rpc.resolvedRequestType!
    const responseType = rpc.resolvedResponseType!
    bindings.forEach((binding, i) => {
      const id = i === 0 ? rpc.name : `${rpc.name}_${i + 1}`
      const { path: p, params: pathNames } = parsePathTemplate(binding.template)
      const params: ParamPlan[] = []
      for (const name of pathNames) {
        const r = resolveFieldPath(requestType, name)
        if (!r) {
          problems.push(`${id}: path param {${name}} is not a field of ${requestType.name}`)
          continue
        }
        params.push({ name, in: 'path', field: r.field, order: r.order })
      }
      let bodyField: protobuf.Field | null = null
      const bodyAll = binding.body === '*'
      if (binding.body && !bodyAll) {
        bodyField = requestType.fields[binding.body] ?? null
        if (!bodyField) problems.push(`${id}: body field ${binding.body} not in ${requestType.name}`)
      }
      if (!bodyAll) params.push(...queryParamPlans(requestType, pathNames, binding.body))
      params.sort((a, b) => compareOrder(a.order, b.order))
      const responseField = binding.responseBody ? (responseType.fields[binding.responseBody] ?? null) : null
      all.push({ id, rpc, binding, path: p, params, requestType, responseType, bodyField, bodyAll, responseField })
    })
  }
  // Route collisions: one operation per method + path.
  const byRoute = new Map<string, OpPlan[]>()
  for (const op of all) {
    const key = `${op.binding.method} ${op.path}`
    byRoute.set(key, [...(byRoute.get(key) ?? []), op])
  }
  const collisions: RouteCollision[] = []
  const dropped = new Set<OpPlan>()
  for (const group of byRoute.values()) {
    if (group.length < 2) continue
    const kept = group.find((o) => VERB[o.binding.method].test(o.rpc.name)) ?? group[0]!
    const shadowed = group.filter((o) => o !== kept)
    shadowed.forEach((o) => dropped.add(o))
    collisions.push({ method: kept.binding.method, path: kept.path, kept: kept.id, shadowed: shadowed.map((o) => o.id) })
  }
  return { ops: all.filter((o) => !dropped.has(o)), streaming, collisions, problems }
}

// ---------------------------------------------------------------------------------------------
// Components

function collectTypes(starts: Iterable<PType>): Set<PType> {
  const seen = new Set<PType>()
  const stack = [...starts]
  while (stack.length) {
    const t = stack.pop()!
    if (seen.has(t) || isWellKnown(t)) continue
    seen.add(t)
    if (t instanceof protobuf.Type) {
      for (const f of t.fieldsArray) {
        const ft = fieldType(f)
        if (ft && !seen.has(ft)) stack.push(ft)
      }
    }
  }
  return seen
}

function nestedPath(t: PType): { pkg: string[]; local: string[] } {
  const local = [t.name]
  let p = t.parent
  while (p instanceof protobuf.Type) {
    local.unshift(p.name)
    p = p.parent
  }
  const pkg: string[] = []
  while (p && p.name) {
    pkg.unshift(p.name)
    p = p.parent
  }
  return { pkg, local }
}

/**
 * Component names: nested path joined with `_` (`Model`, `Task_TaskType`); names shared by types of
 * different packages get the last package segment as prefix (`status_Status`), then the whole package.
 */
export function componentNames(types: Iterable<PType>): Map<PType, string> {
  const list = [...types].sort((a, b) => byString(a.fullName, b.fullName))
  const names = new Map<PType, string>()
  const candidates = [
    (t: PType) => nestedPath(t).local.join('_'),
    (t: PType) => {
      const n = nestedPath(t)
      return [n.pkg[n.pkg.length - 1] ?? '', ...n.local].filter(Boolean).join('_')
    },
    (t: PType) => {
      const n = nestedPath(t)
      return [...n.pkg, ...n.local].join('_')
    },
  ]
  let pending = list
  for (const cand of candidates) {
    const counts = new Map<string, number>()
    for (const t of list) {
      const c = names.get(t) ?? cand(t)
      counts.set(c, (counts.get(c) ?? 0) + 1)
    }
    const next: PType[] = []
    for (const t of pending) {
      const c = cand(t)
      if (counts.get(c) === 1 || cand === candidates[candidates.length - 1]) names.set(t, c)
      else next.push(t)
    }
    pending = next
    if (!pending.length) break
  }
  return names
}

// ---------------------------------------------------------------------------------------------
// Document

export interface ConvertOptions {
  /** Fully qualified service name. */
  service: string
  title: string
  version: string
  description?: string
}

export interface ConvertResult {
  document: Schema
  operations: OperationInfo[]
  stats: {
    operations: number
    getOperations: number
    paths: number
    schemas: number
    streaming: string[]
    collisions: RouteCollision[]
    problems: string[]
  }
}

export function convert(root: protobuf.Root, opts: ConvertOptions): ConvertResult {
  const service = root.lookupService(opts.service)
  const { ops, streaming, collisions, problems } = planOperations(service)

  // Reachable types: request bodies, responses, enums of parameters.
  const starts: PType[] = []
  for (const op of ops) {
    starts.push(op.responseField ? fieldType(op.responseField)! : op.responseType)
    if (op.bodyAll) starts.push(op.requestType)
    if (op.bodyField) {
      const t = fieldType(op.bodyField)
      if (t) starts.push(t)
    }
    for (const p of op.params) {
      const t = fieldType(p.field)
      if (t) starts.push(t)
    }
  }
  const types = collectTypes(starts.filter(Boolean))
  const names = componentNames(types)

  const ref = (t: PType): Schema => {
    const name = names.get(t)
    if (!name) throw new Error(`unnamed type ${t.fullName}`)
    return { $ref: `#/components/schemas/${name}` }
  }

  /** Schema of a field's value (ignoring repetition). */
  const valueSchema = (f: protobuf.Field): Schema => {
    const t = fieldType(f)
    if (t) {
      const wk = WELL_KNOWN[t.fullName]
      return wk ? { ...wk.schema } : ref(t)
    }
    const s = SCALARS[f.type]
    if (!s) throw new Error(`unknown scalar ${f.type} in ${f.fullName}`)
    return { ...s }
  }

  const withMeta = (s: Schema, description: string, deprecated: boolean): Schema => {
    const out: Schema = { ...s }
    if (description) out.description = description
    if (deprecated) out.deprecated = true
    return out
  }

  const fieldSchema = (f: protobuf.Field, withDescription = true): Schema => {
    let s: Schema
    if (f.map) s = { type: 'object', additionalProperties: valueSchema(f) }
    else if (f.repeated) s = { type: 'array', items: valueSchema(f) }
    else s = valueSchema(f)
    return withMeta(s, withDescription ? cleanComment(f.comment) : '', isDeprecated(f))
  }

  const schemas: Record<string, Schema> = {}
  for (const t of [...types].sort((a, b) => byString(names.get(a)!, names.get(b)!))) {
    const name = names.get(t)!
    const description = cleanComment(t.comment)
    if (t instanceof protobuf.Enum) {
      const { values, names: varnames, comments } = enumEntries(t)
      const s: Schema = { type: 'integer' }
      if (description) s.description = description
      s.enum = values
      s['x-enum-varnames'] = varnames
      if (comments.some(Boolean)) s['x-enum-descriptions'] = comments
      schemas[name] = s
      continue
    }
    const s: Schema = { type: 'object' }
    if (description) s.description = description
    if (isDeprecated(t)) s.deprecated = true
    const properties: Record<string, Schema> = {}
    const required: string[] = []
    for (const f of t.fieldsArray) {
      properties[f.name] = fieldSchema(f)
      if (isShowIfEmpty(f)) required.push(f.name)
    }
    s.properties = properties
    if (required.length) s.required = required
    schemas[name] = s
  }

  const paramSchema = (p: ParamPlan): Schema => {
    const s = p.field.repeated ? { type: 'array', items: valueSchema(p.field) } : valueSchema(p.field)
    return s
  }

  const paths: Record<string, Record<string, Schema>> = {}
  const table: OperationInfo[] = []
  for (const op of ops) {
    const comment = cleanComment(op.rpc.comment)
    const summary = summaryOf(comment, op.rpc.name)
    const description = comment && comment.replace(/\s+/g, ' ') !== summary && comment.replace(/\s+/g, ' ') !== `${summary}.` ? comment : ''
    const resource = resourceOf(op.path)
    const deprecated = isDeprecated(op.rpc)
    const o: Schema = { operationId: op.id, summary }
    if (description) o.description = description
    o.tags = [resource]
    if (deprecated) o.deprecated = true
    o.parameters = op.params.map((p) => {
      const d = cleanComment(p.field.comment)
      const param: Schema = { name: p.name, in: p.in }
      if (d) param.description = d
      if (p.in === 'path') param.required = true
      if (isDeprecated(p.field)) param.deprecated = true
      param.schema = paramSchema(p)
      return param
    })
    if (op.bodyAll || op.bodyField) {
      const schema = op.bodyAll ? ref(op.requestType) : fieldSchema(op.bodyField!, false)
      o.requestBody = { required: true, content: { 'application/json': { schema } } }
    }
    const responseSchema = op.responseField ? fieldSchema(op.responseField, false) : ref(op.responseType)
    o.responses = {
      '200': { description: 'A successful response.', content: { 'application/json': { schema: responseSchema } } },
      default: {
        description: 'An unexpected error response: the same message with a non-10000 status.code.',
        content: { 'application/json': { schema: responseSchema } },
      },
    }
    const item = (paths[op.path] ??= {})
    item[op.binding.method] = o

    if (op.binding.method === 'get') {
      table.push({
        id: op.id,
        path: op.path,
        summary,
        ...(description && { description }),
        resource,
        ...(deprecated && { deprecated: true as const }),
        params: op.params.map((p) => paramInfo(p, names)),
      })
    }
  }

  const sortedPaths: Record<string, Record<string, Schema>> = {}
  for (const p of Object.keys(paths).sort(byString)) {
    const item = paths[p]!
    const ordered: Record<string, Schema> = {}
    for (const m of HTTP_METHODS) if (item[m]) ordered[m] = item[m]
    sortedPaths[p] = ordered
  }
  table.sort((a, b) => byString(a.path, b.path) || byString(a.id, b.id))

  const tags = [...new Set(ops.map((o) => resourceOf(o.path)))].sort(byString).map((name) => ({ name }))
  const info: Schema = { title: opts.title, version: opts.version }
  if (opts.description) info.description = opts.description
  const document: Schema = {
    openapi: '3.1.0',
    info,
    servers: [{ url: 'https://api.clarifai.com', description: 'Clarifai API (browsers go through a same-origin /v2 proxy)' }],
    security: [{ ApiKey: [] }],
    tags,
    paths: sortedPaths,
    components: {
      schemas,
      securitySchemes: {
        ApiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`Key <personal access token>`' },
      },
    },
    'x-streaming-rpcs': streaming,
    'x-route-collisions': collisions,
  }
  const getOperations = ops.filter((o) => o.binding.method === 'get').length
  return {
    document,
    operations: table,
    stats: {
      operations: ops.length,
      getOperations,
      paths: Object.keys(sortedPaths).length,
      schemas: Object.keys(schemas).length,
      streaming,
      collisions,
      problems,
    },
  }
}

function paramInfo(p: ParamPlan, names: Map<PType, string>): ParamInfo {
  const t = fieldType(p.field)
  let type: ParamType
  let format: string | undefined
  let enumInfo: ParamInfo['enum']
  if (t instanceof protobuf.Enum) {
    if (!names.has(t)) throw new Error(`enum ${t.fullName} not collected`)
    type = 'integer'
    const e = enumEntries(t)
    enumInfo = { values: e.values, names: e.names }
  } else {
    const s = t ? WELL_KNOWN[t.fullName]?.schema : SCALARS[p.field.type]
    if (!s) throw new Error(`no parameter type for ${p.field.fullName}`)
    type = s.type as ParamType
    format = s.format as string | undefined
  }
  const description = cleanComment(p.field.comment)
  // Key order is the order of ParamInfo's documentation; `required` is set after the optional keys.
  const info = { name: p.name, in: p.in, type } as ParamInfo
  if (p.field.repeated) info.array = true
  if (format) info.format = format
  if (enumInfo) info.enum = enumInfo
  info.required = p.in === 'path'
  if (description) info.description = description
  if (isDeprecated(p.field)) info.deprecated = true
  if (p.oneof) info.oneof = p.oneof
  return info
}
