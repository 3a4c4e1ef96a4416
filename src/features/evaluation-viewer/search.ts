// The evaluation viewer's URL state. Read leniently: a bad value falls back to its default and
// the page says so. Kept apart from the viewer so the route's validateSearch (which stays in the
// main bundle) pulls in valibot and nothing of the viewer.
import * as v from 'valibot'
import type { ListEvaluationsQuery } from '@/api/queries/evaluations.ts'

export const MODES = ['probability', 'counts', 'row', 'column', 'all'] as const
export type MatrixMode = (typeof MODES)[number]
export const ORDERS = ['api', 'name', 'frequency'] as const
export type MatrixOrder = (typeof ORDERS)[number]
export const SCALES = ['linear', 'log'] as const
export type MatrixScale = (typeof SCALES)[number]

export const DEFAULT_THRESHOLD = 0.5
/** Curves overlay this many concepts at most. */
export const MAX_CURVE_CONCEPTS = 12

/** The evaluations the compare picker offers (the app's newest, summaries only); prefetched by the loader. */
export const PICKER_QUERY: ListEvaluationsQuery = { per_page: 100, sort_by_created_at: true }

export interface EvalSearch {
  threshold?: number
  mode?: MatrixMode
  order?: MatrixOrder
  top?: number
  /** `actual~predicted` concept ids. */
  cell?: string
  /** Concepts whose curves are drawn. */
  concepts?: string[]
  /** Another evaluation of the same app. */
  compare?: string
  scale?: MatrixScale
  /** A concept the matrix zooms to. */
  focus?: string
  /** Per-concept table sort: a column id, `-` first for descending, or `matrix`; absent means worst F1 first. */
  sort?: string
  /** Per-concept table filter text. */
  q?: string
  /** The matrix shown as a table of exact values ("View as table"). */
  table?: boolean
}

const numeric = v.union([v.number(), v.pipe(v.string(), v.trim(), v.nonEmpty(), v.transform(Number))])
const text = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(500))

interface Field {
  schema: v.GenericSchema<unknown, unknown>
  problem: string
  fallback: string
}

const FIELDS: Record<Exclude<keyof EvalSearch, 'concepts'>, Field> = {
  threshold: {
    schema: v.pipe(numeric, v.number(), v.finite(), v.minValue(0), v.maxValue(1)),
    problem: 'was not a number between 0 and 1',
    fallback: `using ${DEFAULT_THRESHOLD}`,
  },
  mode: { schema: v.picklist(MODES), problem: `was not one of ${MODES.join(', ')}`, fallback: 'using the default' },
  order: { schema: v.picklist(ORDERS), problem: `was not one of ${ORDERS.join(', ')}`, fallback: 'using api' },
  top: { schema: v.pipe(numeric, v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)), problem: 'was not a whole number of at least 1', fallback: 'showing every concept' },
  cell: { schema: v.pipe(text, v.includes('~')), problem: 'was not of the form actual~predicted', fallback: 'no cell selected' },
  compare: { schema: v.pipe(text, v.regex(/^[^/?#]+$/)), problem: 'was not an evaluation id', fallback: 'not comparing' },
  scale: { schema: v.picklist(SCALES), problem: `was not one of ${SCALES.join(', ')}`, fallback: 'using linear' },
  focus: { schema: text, problem: 'was empty', fallback: 'no focus' },
  sort: { schema: v.pipe(text, v.regex(/^-?[a-z_0-9]+$/)), problem: 'was not a column name', fallback: 'sorting worst first' },
  q: { schema: v.pipe(v.string(), v.maxLength(500)), problem: 'was too long', fallback: 'no filter' },
  table: {
    schema: v.pipe(v.union([v.boolean(), v.picklist(['true', '1'])]), v.transform(() => true)),
    problem: 'was not true',
    fallback: 'showing the chart',
  },
}

function shown(raw: unknown): string {
  const s = Array.isArray(raw) ? raw.join(',') : typeof raw === 'string' || typeof raw === 'number' ? String(raw) : JSON.stringify(raw)
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}

export interface EvalSearchResult {
  search: EvalSearch
  /** One sentence per value that was corrected. */
  notes: string[]
}

/** The typed view state of a raw search record, and a note for every value that fell back. */
export function readEvalSearch(raw: Record<string, unknown>): EvalSearchResult {
  const search: EvalSearch = {}
  const notes: string[] = []
  for (const key of Object.keys(FIELDS) as Array<keyof typeof FIELDS>) {
    let value = raw[key]
    if (value === undefined || value === '') continue
    const field = FIELDS[key]
    if (Array.isArray(value)) {
      notes.push(`${key} was given ${value.length} times; using the last`)
      value = value.at(-1)
    }
    const parsed = v.safeParse(field.schema, value)
    if (parsed.success) (search as Record<string, unknown>)[key] = parsed.output
    else notes.push(`${key}=${shown(value)} ${field.problem}; ${field.fallback}`)
  }
  const concepts = raw.concepts
  if (concepts !== undefined && concepts !== '') {
    const list = (Array.isArray(concepts) ? concepts : [concepts]).filter((c): c is string => typeof c === 'string' && c.trim() !== '').map((c) => c.trim())
    const unique = [...new Set(list)]
    if (unique.length > MAX_CURVE_CONCEPTS) notes.push(`concepts named ${unique.length} concepts; drawing the first ${MAX_CURVE_CONCEPTS}`)
    if (unique.length > 0) search.concepts = unique.slice(0, MAX_CURVE_CONCEPTS)
  }
  return { search, notes }
}

const KEYS = [...(Object.keys(FIELDS) as Array<keyof EvalSearch>), 'concepts'] as const

/**
 * For validateSearch: the typed state only. Every key is present, undefined when absent or
 * invalid: the router merges the parent's raw search under the child's, and a dropped key would
 * let the raw string through.
 */
export function validateEvalSearch(raw: Record<string, unknown>): EvalSearch {
  const { search, notes } = readEvalSearch(raw)
  if (notes.length > 0) correction = { key: searchKey(search), notes }
  const out: Record<string, unknown> = {}
  for (const key of KEYS) out[key] = search[key]
  return out as EvalSearch
}

// The router rewrites the address with the validated values as soon as the page loads, so the
// notes cannot be read back from it: the last correction is kept here, with the state it led to,
// and shown while the view still is that state (any change of view retires it).
let correction: { key: string; notes: string[] } | null = null

function searchKey(search: EvalSearch): string {
  return JSON.stringify(KEYS.map((key) => search[key] ?? null))
}

/** Notes on the values of the address that fell back to reach `search`, if it is that state. */
export function correctionNotes(search: EvalSearch): string[] {
  return correction !== null && correction.key === searchKey(search) ? correction.notes : []
}

/** `actual~predicted` for the URL. */
export function cellParam(actual: string, predicted: string): string {
  return `${actual}~${predicted}`
}

/**
 * The two concept ids of a `cell` value. Ids may hold `~` themselves: the first split where both
 * sides are known wins; null when none is.
 */
export function splitCellParam(cell: string | undefined, isKnown: (id: string) => boolean): { actual: string; predicted: string } | null {
  if (!cell) return null
  for (let k = cell.indexOf('~'); k !== -1; k = cell.indexOf('~', k + 1)) {
    const actual = cell.slice(0, k)
    const predicted = cell.slice(k + 1)
    if (isKnown(actual) && isKnown(predicted)) return { actual, predicted }
  }
  return null
}
