// Form descriptors derived from the parameter table of one GET operation (operations.gen.json),
// and the three conversions every filter form needs: URL search <-> form values <-> API query.
// Pure: no React, no network. Pages use it for their filter/sort forms, the explorer for every
// operation.
//
// URL conventions (the form and the URL are one state):
// - keys are the API's snake_case parameter names (`trained_only`, `fields.test_set`), plus
//   `sort` / `order` for the folded sort oneof and `page` / `per_page` for pagination;
// - arrays are repeated keys, in order, repeats kept (`additional_fields=stars&additional_fields=counts`);
// - booleans are `true` (and `false` only for the rare default-true flag, see `isTriState`);
// - enums travel by name (`status_codes=MODEL_TRAINED`, readable and stable), the API gets the
//   integer; a link carrying the integer is accepted too;
// - `sort=<option>` is the `sort_by_<option>` flag, `order=asc|desc` is `sort_ascending`;
// - invalid values are dropped, each with a note for the page to show; unknown keys are ignored.
import type { OperationInfo, ParamInfo } from './operations.ts'

/** What one form field holds; absent keys are unset. */
export type FormValue = string | number | boolean | string[] | number[]
export type FormValues = { [key: string]: FormValue | undefined }

/** What `navigate({ search })` takes: strings, arrays as repeated keys. */
export type SearchValues = Record<string, string | string[]>

/** What openapi-fetch takes as `params.query` (arrays become repeated keys, booleans 'true'/'false'). */
export type QueryValue = string | number | boolean | string[] | number[]
export type QueryValues = Record<string, QueryValue>

/**
 * How a value is read and written:
 * - `string`: free text; `int64` / `uint64`: decimal strings (beyond 2^53, never numbers);
 * - `integer`: whole numbers within `min`/`max` (uint32 is non-negative); `number`: floats;
 * - `boolean`: a toggle; `enum`: a proto enum, by name in the form and the URL, integer on the wire.
 */
export type ValueKind = 'string' | 'int64' | 'uint64' | 'integer' | 'number' | 'boolean' | 'enum'

export interface EnumOption {
  /** Proto name, as the URL carries it. */
  name: string
  /** Integer, as the API takes it. */
  value: number
  /** The name humanized for people: `MODEL_TRAINED` -> `Model trained`. */
  label: string
}

export interface FormField {
  /** URL key and values key: the parameter name. */
  key: string
  param: ParamInfo
  kind: ValueKind
  /** Repeated parameter: a token input (or a multi-select for enums). */
  isArray: boolean
  /** Path parameter (a field only where the route does not supply it, as in the explorer). */
  isPath: boolean
  isRequired: boolean
  label: string
  /** The parameter's description, cleaned of boilerplate, as help text. */
  help?: string
  options?: EnumOption[]
  min?: number
  max?: number
  /**
   * Booleans: `true` when the description says the flag defaults to true, so "unset", "true" and
   * "false" all mean something (a select). Otherwise a checkbox where false and unset are the same
   * thing and only `true` is ever sent. No parameter of the current table is default-true.
   */
  isTriState?: boolean
  /** The dotted prefix of its fieldset (`fields`, `status`), if it belongs to one. */
  group?: string
}

export interface FieldGroup {
  /** `null` for the loose fields of a section and for the path parameters. */
  prefix: string | null
  label: string | null
  fields: FormField[]
  /** The path parameters (explorer forms): one fieldset first, in the order of the path. */
  isPath?: boolean
}

export interface SortOption {
  /** URL value: the flag name without `sort_by_` (`created_at`). */
  value: string
  /** The boolean query parameter (`sort_by_created_at`). */
  param: string
  label: string
  help?: string
}

export interface SortModel {
  /** URL key of the sort select (`sort`). */
  key: string
  /** URL key of the direction (`order`), when the operation has `sort_ascending`. */
  orderKey?: string
  options: SortOption[]
  /** `sort_ascending`, when present. */
  ascendingParam?: string
  help?: string
}

export interface PaginationModel {
  /** `page`, when the operation takes it (1-based). */
  pageKey?: string
  /** `per_page`, when the operation takes it (API default 128, maximum 1000). */
  perPageKey?: string
}

export interface FormModel {
  op: OperationInfo
  /** Every field, in the order they are laid out (path fields first). */
  fields: FormField[]
  /** The visible part of the form: loose fields, then one fieldset per dotted group. */
  groups: FieldGroup[]
  /** Response leftovers (`status.*`) and deprecated parameters, under an "Advanced" disclosure. */
  advanced: FieldGroup[]
  sort?: SortModel
  pagination?: PaginationModel
  /** Parameters the route supplies (not fields, not in the URL search). */
  fromRoute: string[]
  /** Parameters left out on purpose. */
  hidden: string[]
}

export interface BuildFormOptions {
  /**
   * Parameter names the route supplies, e.g. `['user_app_id.user_id', 'user_app_id.app_id']`.
   * Default: every path parameter and every `user_app_id.*` parameter (what console pages want).
   * The explorer passes `[]`, so path parameters become (required) fields.
   */
  fromRoute?: string[]
  /** Parameter names to leave out of the form entirely (a page fixing a filter, for instance). */
  hide?: string[]
}

export interface FieldIssue {
  key: string
  /** The offending raw value. */
  value: string
  message: string
}

export interface ParsedForm {
  values: FormValues
  /** One human sentence per dropped value: `Dropped per_page=abc: not a whole number`. */
  notes: string[]
  /** The same problems, by field, for inline errors. */
  issues: FieldIssue[]
}

export const SORT_KEY = 'sort'
export const ORDER_KEY = 'order'
export const PAGE_KEY = 'page'
export const PER_PAGE_KEY = 'per_page'
/** The API's documented maximum page size. */
export const MAX_PER_PAGE = 1000
export const DEFAULT_PER_PAGE = 128

const INT32_MIN = -2147483648
const INT32_MAX = 2147483647
const UINT32_MAX = 4294967295
const INT64_MAX = '9223372036854775807'
const INT64_MIN_ABS = '9223372036854775808'
const UINT64_MAX = '18446744073709551615'

/** Prefixes of request fields that are really response leftovers (Status in a request message). */
const ADVANCED_PREFIXES = ['status']

// ---------------------------------------------------------------------------------------------
// Building the model

export function buildFormModel(op: OperationInfo, options: BuildFormOptions = {}): FormModel {
  const fromRoute = options.fromRoute ?? op.params.filter((p) => p.in === 'path' || p.name.startsWith('user_app_id.')).map((p) => p.name)
  const routeSet = new Set(fromRoute)
  const hidden = options.hide ?? []
  const hideSet = new Set(hidden)
  const usable = op.params.filter((p) => !routeSet.has(p.name) && !hideSet.has(p.name))
  const names = new Set(op.params.map((p) => p.name))

  const sortParams = usable.filter((p) => p.type === 'boolean' && !p.array && (p.oneof === 'sort_by' || p.name.startsWith('sort_by_')))
  const ascending = usable.find((p) => p.name === 'sort_ascending' && p.type === 'boolean' && !p.array)
  let sort: SortModel | undefined
  if (sortParams.length > 0 || ascending) {
    const key = names.has(SORT_KEY) ? '_sort' : SORT_KEY
    const orderKey = names.has(ORDER_KEY) ? '_order' : ORDER_KEY
    sort = {
      key,
      orderKey: ascending ? orderKey : undefined,
      ascendingParam: ascending?.name,
      options: sortParams.map((p) => {
        const value = p.name.startsWith('sort_by_') ? p.name.slice('sort_by_'.length) : p.name
        return { value, param: p.name, label: humanize(value), help: cleanDescription(p.description) }
      }),
      help: sortHelp(sortParams),
    }
  }
  const sortNames = new Set([...sortParams.map((p) => p.name), ...(ascending ? [ascending.name] : [])])

  const page = usable.find((p) => p.name === PAGE_KEY && p.type === 'integer' && !p.array)
  const perPage = usable.find((p) => p.name === PER_PAGE_KEY && p.type === 'integer' && !p.array)
  const pagination = page || perPage ? { pageKey: page ? PAGE_KEY : undefined, perPageKey: perPage ? PER_PAGE_KEY : undefined } : undefined
  const paginationNames = new Set([page?.name, perPage?.name].filter((n): n is string => n !== undefined))

  const fieldParams = usable.filter((p) => !sortNames.has(p.name) && !paginationNames.has(p.name))
  // Path parameters first, in path order: they say *which* resource, the rest how to list it.
  const pathParams = fieldParams.filter((p) => p.in === 'path').sort((a, b) => op.path.indexOf(`{${a.name}}`) - op.path.indexOf(`{${b.name}}`))
  const queryParams = fieldParams.filter((p) => p.in !== 'path')

  const prefixCounts = new Map<string, number>()
  for (const p of queryParams) {
    const prefix = prefixOf(p.name)
    if (prefix) prefixCounts.set(prefix, (prefixCounts.get(prefix) ?? 0) + 1)
  }
  const pathFields = pathParams.map((p) => toField(p, new Map()))
  const fields = queryParams.map((p) => toField(p, prefixCounts))

  const groups: FieldGroup[] = []
  const advanced: FieldGroup[] = []
  const loose: FormField[] = []
  const looseAdvanced: FormField[] = []
  const byPrefix = new Map<string, FieldGroup>()
  for (const field of fields) {
    const isAdvanced = isAdvancedParam(field.param)
    if (!field.group) {
      ;(isAdvanced ? looseAdvanced : loose).push(field)
      continue
    }
    let group = byPrefix.get(field.group)
    if (!group) {
      group = { prefix: field.group, label: humanize(field.group), fields: [] }
      byPrefix.set(field.group, group)
      ;(isAdvanced ? advanced : groups).push(group)
    }
    group.fields.push(field)
  }
  if (loose.length > 0) groups.unshift({ prefix: null, label: null, fields: loose })
  if (pathFields.length > 0) groups.unshift({ prefix: null, label: 'Path parameters', fields: pathFields, isPath: true })
  if (looseAdvanced.length > 0) advanced.unshift({ prefix: null, label: null, fields: looseAdvanced })
  // Lay fields out (and serialize them) in the order they are shown.
  const laidOut = [...groups, ...advanced].flatMap((g) => g.fields)

  return { op, fields: laidOut, groups, advanced, sort, pagination, fromRoute, hidden }
}

function toField(param: ParamInfo, prefixCounts: Map<string, number>): FormField {
  const prefix = prefixOf(param.name)
  // A dotted prefix makes a fieldset only with 2+ members (or when it is a response leftover).
  const group = prefix && ((prefixCounts.get(prefix) ?? 0) >= 2 || ADVANCED_PREFIXES.includes(prefix)) ? prefix : undefined
  const field: FormField = {
    key: param.name,
    param,
    kind: kindOf(param),
    isArray: param.array === true,
    isPath: param.in === 'path',
    isRequired: param.in === 'path' || param.required,
    // `user_app_id.` says nothing a person needs: `User ID`, `App ID`.
    label: humanize(group ? param.name.slice(group.length + 1) : param.name.replace(/^user_app_id\./, '')),
    help: cleanDescription(param.description),
    group,
  }
  if (param.enum) {
    field.options = param.enum.values.map((value, i) => {
      const name = param.enum?.names[i] ?? String(value)
      return { name, value, label: humanizeEnumName(name) }
    })
  }
  if (field.kind === 'integer') {
    if (param.format === 'uint32') Object.assign(field, { min: 0, max: UINT32_MAX })
    else if (param.format === 'int32') Object.assign(field, { min: INT32_MIN, max: INT32_MAX })
    else Object.assign(field, { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
  }
  if (field.kind === 'boolean') field.isTriState = isDefaultTrue(param.description)
  return field
}

function kindOf(param: ParamInfo): ValueKind {
  if (param.enum) return 'enum'
  if (param.type === 'boolean') return 'boolean'
  if (param.type === 'integer') return 'integer'
  if (param.type === 'number') return 'number'
  if (param.format === 'int64') return 'int64'
  if (param.format === 'uint64') return 'uint64'
  return 'string'
}

function prefixOf(name: string): string | undefined {
  const dot = name.indexOf('.')
  return dot > 0 ? name.slice(0, dot) : undefined
}

function isAdvancedParam(param: ParamInfo): boolean {
  const prefix = prefixOf(param.name)
  return param.deprecated === true || (prefix !== undefined && ADVANCED_PREFIXES.includes(prefix))
}

/** "…defaults to true", "true by default", "default: true". */
export function isDefaultTrue(description: string | undefined): boolean {
  if (!description) return false
  return /\bdefaults?(?:\s+(?:is|to|value is))?\s*:?\s*true\b|\btrue\s+by\s+default\b/i.test(description)
}

function sortHelp(params: ParamInfo[]): string | undefined {
  for (const p of params) {
    const match = /If none of the sort options is set to true, will sort by ([\w.]+)/i.exec(p.description ?? '')
    if (match) return `Default: ${humanize(match[1] as string).toLowerCase()}.`
  }
  return undefined
}

const ACRONYMS: Record<string, string> = { id: 'ID', ids: 'IDs', url: 'URL', urls: 'URLs', roc: 'ROC', auc: 'AUC', f1: 'F1', api: 'API', uri: 'URI', ai: 'AI' }

/** `sort_by_created_at` -> `Sort by created at`, `user_id` -> `User ID`. */
export function humanize(name: string): string {
  const words = name
    .replace(/[._-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase())
  if (words.length === 0) return name
  const first = words[0] as string
  words[0] = first === first.toUpperCase() ? first : first.charAt(0).toUpperCase() + first.slice(1)
  return words.join(' ')
}

/** `MODEL_TRAINED` -> `Model trained`. */
export function humanizeEnumName(name: string): string {
  return humanize(name)
}

/** Proto comments carry boilerplate and section headers; keep the sentence that helps. */
export function cleanDescription(description: string | undefined): string | undefined {
  if (!description) return undefined
  const text = description
    .replace(/\(optional URL parameter\)\s*/gi, '')
    .replace(/^(?:Sorting|Filtering) options:\s*\n/i, '')
    .replace(/\s+/g, ' ')
    .trim()
  return text || undefined
}

// ---------------------------------------------------------------------------------------------
// URL search -> values

type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string } | { ok: 'empty' }

export function parseFormSearch(model: FormModel, search: Record<string, unknown>): ParsedForm {
  const values: FormValues = {}
  const notes: string[] = []
  const issues: FieldIssue[] = []
  const drop = (key: string, value: string, message: string) => {
    issues.push({ key, value, message })
    notes.push(`Dropped ${key}=${shorten(value)}: ${message}`)
  }
  const read = (key: string): string[] => rawStrings(search, key)

  for (const field of model.fields) {
    const raws = read(field.key)
    if (raws.length === 0) continue
    if (field.isArray) {
      const items: Array<string | number> = []
      for (const raw of raws) {
        const result = parseScalar(field, raw)
        if (result.ok === true) items.push(result.value as string | number)
        else if (result.ok === false) drop(field.key, raw, result.message)
      }
      if (items.length > 0) values[field.key] = items as string[] | number[]
      continue
    }
    const raw = lastOf(field.key, raws, notes)
    const result = parseScalar(field, raw)
    if (result.ok === true) {
      // A checkbox cannot say "false": unset and false mean the same to the API.
      if (result.value === false && !field.isTriState) continue
      values[field.key] = result.value
    } else if (result.ok === false) drop(field.key, raw, result.message)
  }

  const sort = model.sort
  if (sort) {
    const raws = read(sort.key)
    if (raws.length > 0) {
      const raw = lastOf(sort.key, raws, notes).trim()
      const option = sort.options.find((o) => o.value === raw) ?? sort.options.find((o) => o.value === raw.toLowerCase() || o.param === raw)
      if (raw === '') {
        // empty means default
      } else if (option) values[sort.key] = option.value
      else drop(sort.key, raw, `not a sort option (${listOf(sort.options.map((o) => o.value))})`)
    }
    if (sort.orderKey) {
      const orders = read(sort.orderKey)
      if (orders.length > 0) {
        const raw = lastOf(sort.orderKey, orders, notes).trim().toLowerCase()
        if (raw === 'asc' || raw === 'desc') values[sort.orderKey] = raw
        else if (raw !== '') drop(sort.orderKey, raw, 'not asc or desc')
      }
    }
  }

  const pagination = model.pagination
  if (pagination) {
    for (const [key, min] of [
      [pagination.pageKey, 1],
      [pagination.perPageKey, 1],
    ] as const) {
      if (!key) continue
      const raws = read(key)
      if (raws.length === 0) continue
      const raw = lastOf(key, raws, notes)
      const result = parseInteger(raw, min, key === PER_PAGE_KEY ? MAX_PER_PAGE : UINT32_MAX)
      if (result.ok === true) values[key] = result.value
      else if (result.ok === false) drop(key, raw, result.message)
    }
  }
  return { values, notes, issues }
}

function rawStrings(search: Record<string, unknown>, key: string): string[] {
  if (!Object.prototype.hasOwnProperty.call(search, key)) return []
  const value = search[key]
  const list = Array.isArray(value) ? value : [value]
  const out: string[] = []
  for (const item of list) {
    if (typeof item === 'string') out.push(item)
    else if (typeof item === 'number' && Number.isFinite(item)) out.push(String(item))
    else if (typeof item === 'boolean') out.push(String(item))
  }
  return out
}

function lastOf(key: string, raws: string[], notes: string[]): string {
  if (raws.length > 1) notes.push(`${key} was given ${raws.length} times: kept the last one`)
  return raws[raws.length - 1] as string
}

/** What is wrong with one raw value for a field, or `undefined` when it is fine (or empty). */
export function fieldValueProblem(field: FormField, raw: string): string | undefined {
  const result = parseScalar(field, raw)
  return result.ok === false ? result.message : undefined
}

function parseScalar(field: FormField, raw: string): ParseResult<string | number | boolean> {
  const text = field.kind === 'string' ? raw : raw.trim()
  if (text === '') return { ok: 'empty' }
  switch (field.kind) {
    case 'string':
      return { ok: true, value: raw }
    case 'boolean': {
      const lower = text.toLowerCase()
      if (lower === 'true' || lower === '1') return { ok: true, value: true }
      if (lower === 'false' || lower === '0') return { ok: true, value: false }
      return { ok: false, message: 'not true or false' }
    }
    case 'integer':
      return parseInteger(text, field.min ?? Number.MIN_SAFE_INTEGER, field.max ?? Number.MAX_SAFE_INTEGER)
    case 'number': {
      const n = Number(text)
      return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: 'not a number' }
    }
    case 'int64':
    case 'uint64':
      return parseDecimal64(text, field.kind === 'uint64')
    case 'enum': {
      const options = field.options ?? []
      const byName = options.find((o) => o.name === text) ?? options.find((o) => o.name.toLowerCase() === text.toLowerCase())
      if (byName) return { ok: true, value: byName.name }
      if (/^-?\d+$/.test(text)) {
        const byValue = options.find((o) => o.value === Number(text))
        if (byValue) return { ok: true, value: byValue.name }
      }
      return { ok: false, message: `not one of ${listOf(options.map((o) => o.name))}` }
    }
  }
}

function parseInteger(text: string, min: number, max: number): ParseResult<number> {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: 'empty' }
  if (!/^[+-]?\d+$/.test(trimmed)) return { ok: false, message: 'not a whole number' }
  const n = Number(trimmed)
  if (min >= 0 && n < 0) return { ok: false, message: 'must not be negative' }
  if (n < min) return { ok: false, message: `at least ${min}` }
  if (n > max) return { ok: false, message: `at most ${max}` }
  return { ok: true, value: n === 0 ? 0 : n }
}

/** Decimal 64-bit integers stay strings: values beyond 2^53 must keep every digit. */
function parseDecimal64(text: string, isUnsigned: boolean): ParseResult<string> {
  const match = /^([+-]?)(\d+)$/.exec(text)
  if (!match) return { ok: false, message: 'not a whole number' }
  const isNegative = match[1] === '-'
  const digits = (match[2] as string).replace(/^0+(?=\d)/, '')
  if (digits === '0') return { ok: true, value: '0' }
  if (isNegative && isUnsigned) return { ok: false, message: 'must not be negative' }
  const limit = isUnsigned ? UINT64_MAX : isNegative ? INT64_MIN_ABS : INT64_MAX
  if (digits.length > limit.length || (digits.length === limit.length && digits > limit)) {
    return { ok: false, message: `out of range for ${isUnsigned ? 'uint64' : 'int64'}` }
  }
  return { ok: true, value: isNegative ? `-${digits}` : digits }
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}…` : value
}

function listOf(items: string[]): string {
  return items.length > 6 ? `${items.slice(0, 5).join(', ')}, … ${items.length - 5} more` : items.join(', ')
}

// ---------------------------------------------------------------------------------------------
// values -> URL search, values -> API request, API query -> values

/** The URL search for these values (canonical: drops what means "unset"). */
export function formValuesToSearch(model: FormModel, values: FormValues): SearchValues {
  const search: SearchValues = {}
  for (const field of model.fields) {
    const value = values[field.key]
    if (value === undefined) continue
    if (field.isArray) {
      const items = (Array.isArray(value) ? value : [value]).map((v) => scalarToText(field, v)).filter((t): t is string => t !== undefined)
      if (items.length > 0) search[field.key] = items
    } else {
      const text = scalarToText(field, Array.isArray(value) ? value[0] : value)
      if (text !== undefined) search[field.key] = text
    }
  }
  const sort = model.sort
  if (sort) {
    const value = values[sort.key]
    if (typeof value === 'string' && sort.options.some((o) => o.value === value)) search[sort.key] = value
    const order = sort.orderKey ? values[sort.orderKey] : undefined
    if (sort.orderKey && (order === 'asc' || order === 'desc')) search[sort.orderKey] = order
  }
  for (const key of paginationKeys(model)) {
    const value = values[key]
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1) search[key] = String(value)
  }
  return search
}

function scalarToText(field: FormField, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  switch (field.kind) {
    case 'boolean':
      if (value === true || value === 'true') return 'true'
      if ((value === false || value === 'false') && field.isTriState) return 'false'
      return undefined
    case 'integer':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : undefined
    case 'enum': {
      if (typeof value === 'number') return field.options?.find((o) => o.value === value)?.name
      return typeof value === 'string' ? value : undefined
    }
    default:
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
  }
}

function paginationKeys(model: FormModel): string[] {
  const p = model.pagination
  return p ? [p.pageKey, p.perPageKey].filter((k): k is string => k !== undefined) : []
}

/**
 * The query the API expects, in the operation's parameter order: snake_case and dotted names,
 * enums as integers, 64-bit integers as strings, the sort folded back into `sort_by_* = true` and
 * `sort_ascending`. Path parameters are not included (see `formValuesToPath`).
 */
export function formValuesToQuery(model: FormModel, values: FormValues): QueryValues {
  const query: QueryValues = {}
  const fieldsByName = new Map(model.fields.map((f) => [f.param.name, f]))
  const sort = model.sort
  const sortValue = sort ? values[sort.key] : undefined
  const order = sort?.orderKey ? values[sort.orderKey] : undefined
  for (const param of model.op.params) {
    if (param.in === 'path') continue
    const field = fieldsByName.get(param.name)
    if (field) {
      const wire = toWire(field, values[field.key])
      if (wire !== undefined) query[param.name] = wire
      continue
    }
    if (sort) {
      const option = sort.options.find((o) => o.param === param.name)
      if (option) {
        if (sortValue === option.value) query[param.name] = true
        continue
      }
      if (param.name === sort.ascendingParam) {
        if (order === 'asc') query[param.name] = true
        else if (order === 'desc') query[param.name] = false
        continue
      }
    }
    if (paginationKeys(model).includes(param.name)) {
      const value = values[param.name]
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1) query[param.name] = value
    }
  }
  return query
}

/** Path parameter values of the fields that are path parameters (explorer forms). */
export function formValuesToPath(model: FormModel, values: FormValues): Record<string, string> {
  const path: Record<string, string> = {}
  for (const field of model.fields) {
    if (!field.isPath) continue
    const value = values[field.key]
    const text = value === undefined ? undefined : scalarToText(field, Array.isArray(value) ? value[0] : value)
    if (text !== undefined) path[field.param.name] = text
  }
  return path
}

/** Required fields (path parameters) that have no value yet: the request cannot be sent. */
export function missingRequired(model: FormModel, values: FormValues): FormField[] {
  return model.fields.filter((f) => {
    if (!f.isRequired) return false
    const value = values[f.key]
    return value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  })
}

function toWire(field: FormField, value: FormValue | undefined): QueryValue | undefined {
  if (value === undefined) return undefined
  if (field.isArray) {
    const items = (Array.isArray(value) ? value : [value]) as Array<string | number>
    const out = items.map((v) => scalarToWire(field, v)).filter((v): v is string | number => v !== undefined && typeof v !== 'boolean')
    if (out.length === 0) return undefined
    return (field.kind === 'enum' || field.kind === 'integer' || field.kind === 'number' ? out.map(Number) : out.map(String)) as string[] | number[]
  }
  return scalarToWire(field, Array.isArray(value) ? value[0] : value)
}

function scalarToWire(field: FormField, value: unknown): string | number | boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined
  switch (field.kind) {
    case 'boolean':
      if (value === true || value === 'true') return true
      if ((value === false || value === 'false') && field.isTriState) return false
      return undefined
    case 'integer':
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value)
      return Number.isFinite(n) ? n : undefined
    }
    case 'enum': {
      if (typeof value === 'number') return value
      return field.options?.find((o) => o.name === value)?.value
    }
    default:
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
  }
}

/**
 * The form values for a query (and path parameters, when given in the same record): the inverse of
 * `formValuesToQuery`. Lenient like the API: enum names or integers, booleans or their strings.
 * Useful for pages whose defaults are written as a query (`{ per_page: 50, sort_by_name: true }`).
 */
export function queryToFormValues(model: FormModel, query: Record<string, unknown>): FormValues {
  const search: Record<string, string | string[]> = {}
  const asText = (v: unknown): string | undefined =>
    typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : undefined
  for (const field of model.fields) {
    if (!Object.prototype.hasOwnProperty.call(query, field.param.name)) continue
    const value = query[field.param.name]
    const items = (Array.isArray(value) ? value : [value]).map(asText).filter((t): t is string => t !== undefined)
    if (items.length > 0) search[field.key] = field.isArray ? items : (items[items.length - 1] as string)
  }
  const sort = model.sort
  if (sort) {
    const chosen = sort.options.find((o) => isTrue(query[o.param]))
    if (chosen) search[sort.key] = chosen.value
    if (sort.orderKey && sort.ascendingParam && Object.prototype.hasOwnProperty.call(query, sort.ascendingParam)) {
      const asc = query[sort.ascendingParam]
      if (isTrue(asc)) search[sort.orderKey] = 'asc'
      else if (asc === false || asc === 'false') search[sort.orderKey] = 'desc'
    }
  }
  for (const key of paginationKeys(model)) {
    const text = asText(query[key])
    if (text !== undefined) search[key] = text
  }
  return parseFormSearch(model, search).values
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true'
}
