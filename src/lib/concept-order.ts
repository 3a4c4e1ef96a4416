// The order of the per-concept table: worst first unless the URL names another. Kept apart from
// the counting so the table can sort 10,000 rows at every threshold step without comparing
// strings: names are ranked once per evaluation, every sort after that compares numbers.
import type { ConceptRow } from './eval-view.ts'

/** The table's sortable columns, as the URL names them (`sort=f1`, `sort=-f1`). */
export const SORT_KEYS = ['name', 'support', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1', 'best_f1', 'best_threshold', 'roc_auc', 'ap'] as const
export type SortKey = (typeof SORT_KEYS)[number]

/** `sort=matrix`: the matrix's concept order (the API's `concept_ids`), the table's old default. */
export const MATRIX_ORDER = 'matrix'

/**
 * - `worst`: the default (no `sort` in the URL). Concepts with support (at least one test input
 *   labelled with them) come first, lowest F1 at the threshold first, ties by name; concepts
 *   without support follow, by name.
 * - `matrix`: the matrix order.
 * - `column`: one column, ascending or descending; rows without a value for it last either way.
 */
export type ConceptOrder = { kind: 'worst' } | { kind: 'matrix' } | { kind: 'column'; key: SortKey; isDescending: boolean }

export interface ParsedSort {
  order: ConceptOrder
  /** Set when the URL's value names no column: it is ignored and the default used. */
  problem?: string
}

const WORST: ConceptOrder = { kind: 'worst' }

/** Reads `sort`: absent means worst first; `matrix`; a column id with `-` first for descending. */
export function parseSort(sort: string | undefined): ParsedSort {
  if (sort === undefined || sort === '') return { order: WORST }
  if (sort === MATRIX_ORDER) return { order: { kind: 'matrix' } }
  const isDescending = sort.startsWith('-')
  const key = isDescending ? sort.slice(1) : sort
  if ((SORT_KEYS as readonly string[]).includes(key)) return { order: { kind: 'column', key: key as SortKey, isDescending } }
  return { order: WORST, problem: `sort=${sort} is not a column of this table; sorting worst first` }
}

/** The URL value of an order (undefined for the default). */
export function sortParam(order: ConceptOrder): string | undefined {
  if (order.kind === 'worst') return undefined
  if (order.kind === 'matrix') return MATRIX_ORDER
  return `${order.isDescending ? '-' : ''}${order.key}`
}

/** How a column header shows the order: worst first reads as F1 ascending. */
export function columnDirection(order: ConceptOrder, key: SortKey): 'ascending' | 'descending' | undefined {
  if (order.kind === 'worst') return key === 'f1' ? 'ascending' : undefined
  if (order.kind === 'column' && order.key === key) return order.isDescending ? 'descending' : 'ascending'
  return undefined
}

/**
 * What activating a column header does: the column the table is sorted by flips; another sorts
 * by it, names A to Z and figures highest first.
 */
export function nextOrder(order: ConceptOrder, key: SortKey): ConceptOrder {
  const direction = columnDirection(order, key)
  if (direction !== undefined) return { kind: 'column', key, isDescending: direction === 'ascending' }
  return { kind: 'column', key, isDescending: key !== 'name' }
}

/** One sentence on the order in effect, for the table's caption line. */
export function describeOrder(order: ConceptOrder, label: (key: SortKey) => string = (key) => key): string {
  if (order.kind === 'worst') return 'Worst first: lowest F1 at the threshold among concepts with support, ties by name; concepts without support last.'
  if (order.kind === 'matrix') return 'Matrix order: the concepts in the order of the confusion matrix.'
  const low = order.key === 'name' ? 'A to Z' : 'lowest first'
  const high = order.key === 'name' ? 'Z to A' : 'highest first'
  return `Sorted by ${label(order.key)}, ${order.isDescending ? high : low}; concepts without a value last.`
}

/** A character at or above U+0080 (ASCII has no accents to take off). */
const NON_ASCII = /[\u0080-\uffff]/

/**
 * A name as a key that plain string comparison orders the way people read names: case and
 * accents ignored, runs of digits by their value (`item 9` before `item 10`; each run becomes its
 * length as one character, then its digits without leading zeros). Comparing these is several
 * times faster than a numeric Intl.Collator over 10,000 names; the key is built in one pass.
 */
export function nameKey(name: string): string {
  // Plain ASCII (most names) has no accents to take off.
  const text = (!NON_ASCII.test(name) ? name : name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).toLowerCase()
  let key = ''
  let copied = 0
  let i = 0
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++
      continue
    }
    let start = i
    let end = i
    while (end < text.length && isDigit(text.charCodeAt(end))) end++
    while (start < end - 1 && text.charCodeAt(start) === 48) start++
    // The length first, so longer numbers sort after shorter ones whatever their digits.
    key += text.slice(copied, i) + String.fromCharCode(48 + Math.min(end - start, 40)) + text.slice(start, end)
    copied = end
    i = end
  }
  return copied === 0 ? text : key + text.slice(copied)
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/**
 * Each row's place in name order (by name, then id), indexed by the row's position. Computed once
 * per set of concepts: it is the one string sort, and every tie is broken with it.
 */
export function nameRanks(rows: readonly Pick<ConceptRow, 'id' | 'name'>[]): Int32Array {
  const keys = rows.map((r) => nameKey(r.name))
  const positions = rows.map((_, k) => k)
  positions.sort((a, b) => {
    const x = keys[a]!
    const y = keys[b]!
    if (x !== y) return x < y ? -1 : 1
    const i = rows[a]!.id
    const j = rows[b]!.id
    return (i < j ? -1 : i > j ? 1 : 0) || a - b
  })
  const ranks = new Int32Array(rows.length)
  positions.forEach((position, rank) => {
    ranks[position] = rank
  })
  return ranks
}

/**
 * Row lists known to name the same concepts in the same positions share a tag: the object given
 * to `tagConcepts` (the evaluation they were made from), or one made when a comparison found them
 * alike. Lists are read only once tagged.
 */
const conceptTags = new WeakMap<readonly object[], object>()

/**
 * Marks a row list as one of those naming `tag`'s concepts in `tag`'s order (rows made from one
 * evaluation, at any threshold): `sameConcepts` then answers for two such lists at once.
 */
export function tagConcepts(rows: readonly object[], tag: object): void {
  conceptTags.set(rows, tag)
}

/**
 * Whether two row lists name the same concepts in the same positions (so their name ranks agree).
 * O(1) for lists of the same tag; otherwise compared row by row, and remembered when alike.
 */
export function sameConcepts(a: readonly Pick<ConceptRow, 'id' | 'name'>[], b: readonly Pick<ConceptRow, 'id' | 'name'>[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  const tagA = conceptTags.get(a)
  const tagB = conceptTags.get(b)
  if (tagA !== undefined && tagA === tagB) return true
  for (let k = 0; k < a.length; k++) if (a[k]!.id !== b[k]!.id || a[k]!.name !== b[k]!.name) return false
  // Alike: an untagged list takes the other's tag (or both a new one), so the next comparison is O(1).
  if (tagA === undefined || tagB === undefined) {
    const tag = tagA ?? tagB ?? {}
    conceptTags.set(a, tag)
    conceptTags.set(b, tag)
  }
  return true
}

function sortValue(r: ConceptRow, key: SortKey): number | null {
  switch (key) {
    case 'support':
      return r.support
    case 'tp':
      return r.tp
    case 'fp':
      return r.fp
    case 'fn':
      return r.fn
    case 'precision':
      return r.precision
    case 'recall':
      return r.recall
    case 'f1':
      return r.f1
    case 'best_f1':
      return r.bestF1
    case 'best_threshold':
      return r.bestThreshold
    case 'roc_auc':
      return r.apiRocAuc ?? r.curveAuc
    case 'ap':
      return r.ap
    default:
      return null
  }
}

function matches(r: ConceptRow, needle: string): boolean {
  return r.name.toLowerCase().includes(needle) || r.id.toLowerCase().includes(needle)
}

/** The rows matching the filter (name or id, case-insensitive) in the given order. */
export function orderRows(rows: readonly ConceptRow[], order: ConceptOrder, filter: string | undefined, ranks?: Int32Array): ConceptRow[] {
  return orderPositions(rows, order, filter, ranks).map((k) => rows[k]!)
}

/**
 * The positions of the rows matching the filter, in the given order. `ranks` are the rows'
 * `nameRanks` (computed here when not given). Sorting compares numbers only: one key per row,
 * ties by name rank. `previous`, when given, is this function's answer for rows naming the same
 * concepts with the same order and filter (at another threshold): the sort starts from it.
 */
export function orderPositions(rows: readonly ConceptRow[], order: ConceptOrder, filter: string | undefined, ranks?: Int32Array, previous?: readonly number[]): number[] {
  const needle = (filter ?? '').trim().toLowerCase()
  let positions: number[]
  if (previous !== undefined && order.kind !== 'matrix') {
    // The same rows in the order of an earlier call (same concepts, filter and order, other
    // figures): sorting them again costs little more than a pass when few moved. The order is
    // total (ties by name rank), so the result does not depend on where the sort starts.
    positions = previous.slice()
  } else {
    positions = []
    for (let k = 0; k < rows.length; k++) if (!needle || matches(rows[k]!, needle)) positions.push(k)
  }
  if (order.kind === 'matrix') return positions
  const rank = ranks && ranks.length === rows.length ? ranks : nameRanks(rows)
  if (order.kind === 'column' && order.key === 'name') {
    const dir = order.isDescending ? -1 : 1
    return positions.sort((a, b) => dir * (rank[a]! - rank[b]!))
  }
  // A key per row; NaN stands for "no value", which goes last whatever the direction.
  const keys = new Float64Array(rows.length)
  const groups = new Uint8Array(rows.length)
  let dir = 1
  if (order.kind === 'worst') {
    for (const k of positions) {
      const r = rows[k]!
      groups[k] = r.support > 0 ? 0 : 1
      keys[k] = r.support > 0 ? r.f1 : 0
    }
  } else {
    dir = order.isDescending ? -1 : 1
    for (const k of positions) {
      const v = sortValue(rows[k]!, order.key)
      const isValue = v !== null && !Number.isNaN(v)
      groups[k] = isValue ? 0 : 1
      keys[k] = isValue ? v : 0
    }
  }
  return positions.sort((a, b) => groups[a]! - groups[b]! || dir * (keys[a]! - keys[b]!) || rank[a]! - rank[b]!)
}
