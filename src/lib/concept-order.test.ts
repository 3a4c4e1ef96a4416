import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { columnDirection, describeOrder, nameKey, nameRanks, nextOrder, orderPositions, orderRows, parseSort, sameConcepts, sortParam, SORT_KEYS, tagConcepts, type ConceptOrder } from './concept-order.ts'
import type { ConceptRow } from './eval-view.ts'

function row(id: string, fields: Partial<ConceptRow> = {}): ConceptRow {
  return {
    id,
    name: id,
    support: 1,
    tp: 0,
    fp: 0,
    fn: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    bestThreshold: null,
    bestF1: 0,
    apiNumPos: null,
    apiRocAuc: null,
    apiF1: null,
    curveAuc: null,
    ap: null,
    check: 'absent',
    ...fields,
  }
}

const ids = (rows: readonly ConceptRow[]) => rows.map((r) => r.id)

// Matrix order: dog, cat, bird, eel, ant.
const rows = [
  row('dog', { support: 4, f1: 0.5, tp: 2, apiRocAuc: 0.9 }),
  row('cat', { support: 2, f1: 0.9, tp: 2, apiRocAuc: null, curveAuc: 0.7 }),
  row('bird', { support: 3, f1: 0.5, tp: 1 }),
  row('eel', { support: 0, f1: 0 }),
  row('ant', { support: 1, f1: 0, name: 'Ant' }),
]

describe('parseSort', () => {
  it.each([
    [undefined, { kind: 'worst' }],
    ['', { kind: 'worst' }],
    ['matrix', { kind: 'matrix' }],
    ['f1', { kind: 'column', key: 'f1', isDescending: false }],
    ['-roc_auc', { kind: 'column', key: 'roc_auc', isDescending: true }],
    ['-name', { kind: 'column', key: 'name', isDescending: true }],
  ])('reads %j', (sort, order) => {
    expect(parseSort(sort)).toEqual({ order })
  })

  it('falls back to worst first on a value that names no column, and says so', () => {
    expect(parseSort('nope')).toEqual({ order: { kind: 'worst' }, problem: 'sort=nope is not a column of this table; sorting worst first' })
    expect(parseSort('-matrix').problem).toContain('sort=-matrix')
  })

  it('writes back what it reads', () => {
    for (const sort of [undefined, 'matrix', ...SORT_KEYS, ...SORT_KEYS.map((k) => `-${k}`)]) expect(sortParam(parseSort(sort).order)).toBe(sort)
  })
})

describe('header activation', () => {
  it('flips the sorted column and sorts another highest first (names A to Z)', () => {
    expect(nextOrder({ kind: 'matrix' }, 'tp')).toEqual({ kind: 'column', key: 'tp', isDescending: true })
    expect(nextOrder({ kind: 'matrix' }, 'name')).toEqual({ kind: 'column', key: 'name', isDescending: false })
    expect(nextOrder({ kind: 'column', key: 'tp', isDescending: true }, 'tp')).toEqual({ kind: 'column', key: 'tp', isDescending: false })
    expect(nextOrder({ kind: 'column', key: 'tp', isDescending: false }, 'tp')).toEqual({ kind: 'column', key: 'tp', isDescending: true })
  })

  it('reads worst first as F1 ascending, so F1 flips to highest first', () => {
    const worst: ConceptOrder = { kind: 'worst' }
    expect(columnDirection(worst, 'f1')).toBe('ascending')
    expect(columnDirection(worst, 'tp')).toBeUndefined()
    expect(nextOrder(worst, 'f1')).toEqual({ kind: 'column', key: 'f1', isDescending: true })
    expect(columnDirection({ kind: 'matrix' }, 'f1')).toBeUndefined()
  })

  it('describes each order in words', () => {
    expect(describeOrder({ kind: 'worst' })).toMatch(/^Worst first: lowest F1 .* ties by name; concepts without support last\.$/)
    expect(describeOrder({ kind: 'matrix' })).toMatch(/^Matrix order/)
    expect(describeOrder({ kind: 'column', key: 'name', isDescending: true }, () => 'Concept')).toBe('Sorted by Concept, Z to A; concepts without a value last.')
    expect(describeOrder({ kind: 'column', key: 'fp', isDescending: false }, () => 'FP')).toBe('Sorted by FP, lowest first; concepts without a value last.')
  })
})

describe('orderRows', () => {
  it('defaults to worst first: supported concepts by F1, ties by name, then the unsupported by name', () => {
    expect(ids(orderRows(rows, parseSort(undefined).order, undefined))).toEqual(['ant', 'bird', 'dog', 'cat', 'eel'])
  })

  it('keeps the matrix order on request', () => {
    expect(ids(orderRows(rows, { kind: 'matrix' }, undefined))).toEqual(['dog', 'cat', 'bird', 'eel', 'ant'])
  })

  it('sorts by a column either way, ties by name, absent values last either way', () => {
    expect(ids(orderRows(rows, parseSort('name').order, undefined))).toEqual(['ant', 'bird', 'cat', 'dog', 'eel'])
    expect(ids(orderRows(rows, parseSort('-name').order, undefined))).toEqual(['eel', 'dog', 'cat', 'bird', 'ant'])
    expect(ids(orderRows(rows, parseSort('-support').order, undefined))).toEqual(['dog', 'bird', 'cat', 'ant', 'eel'])
    expect(ids(orderRows(rows, parseSort('-tp').order, undefined))).toEqual(['cat', 'dog', 'bird', 'ant', 'eel'])
    // ROC AUC: the API's, else the curve's; none for bird, eel, ant.
    expect(ids(orderRows(rows, parseSort('roc_auc').order, undefined))).toEqual(['cat', 'dog', 'ant', 'bird', 'eel'])
    expect(ids(orderRows(rows, parseSort('-roc_auc').order, undefined))).toEqual(['dog', 'cat', 'ant', 'bird', 'eel'])
  })

  it('filters by name or id, case-insensitively, in the order asked', () => {
    expect(ids(orderRows(rows, { kind: 'worst' }, ' AN'))).toEqual(['ant'])
    expect(ids(orderRows(rows, { kind: 'matrix' }, 'd'))).toEqual(['dog', 'bird'])
    expect(ids(orderRows(rows, parseSort('name').order, 'd'))).toEqual(['bird', 'dog'])
  })

  it('uses given name ranks and ignores ranks of another length', () => {
    const ranks = nameRanks(rows)
    expect([...ranks]).toEqual([3, 2, 1, 4, 0])
    expect(ids(orderRows(rows, { kind: 'worst' }, undefined, ranks))).toEqual(['ant', 'bird', 'dog', 'cat', 'eel'])
    expect(ids(orderRows(rows, { kind: 'worst' }, undefined, new Int32Array(2)))).toEqual(['ant', 'bird', 'dog', 'cat', 'eel'])
  })

  it('keys names so plain comparison ignores case and accents and reads numbers by value', () => {
    const names = ['Item 10', 'item 9', 'item 09b', 'Élan', 'elan 2', 'apple', 'item 100', 'item 1e']
    const byKey = [...names].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : nameKey(a) > nameKey(b) ? 1 : 0))
    expect(byKey).toEqual(['apple', 'Élan', 'elan 2', 'item 1e', 'item 9', 'item 09b', 'Item 10', 'item 100'])
    expect(nameKey('Élan')).toBe(nameKey('elan'))
  })

  it('builds the same key as the definition it stands for: accents off, lower case, each run of digits as its length and value (property)', () => {
    const definition = (name: string) =>
      name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/\d+/g, (digits) => {
          const value = digits.replace(/^0+(?=\d)/, '')
          return `${String.fromCharCode(48 + Math.min(value.length, 40))}${value}`
        })
    const pieces = fc.constantFrom('a', 'B', ' ', '-', 'é', 'Å', 'ñ', '0', '00', '7', '09', '123', '1'.repeat(45), '中', '😀')
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const name = parts.join('')
        expect(nameKey(name)).toBe(definition(name))
      }),
      { numRuns: 500 },
    )
    for (const name of ['0', '000', 'a0b', 'x 0007 y 0', 'Café 12b3']) expect(nameKey(name)).toBe(definition(name))
  })

  it('names in numeric order, equal names by id', () => {
    const named = [row('b', { name: 'item 10' }), row('a', { name: 'item 9' }), row('c', { name: 'item 9' })]
    expect(ids(orderRows(named, parseSort('name').order, undefined))).toEqual(['a', 'c', 'b'])
  })

  it('agrees with a plain comparison sort on any rows (property)', () => {
    const arbRow = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      name: fc.constantFrom('a', 'b', 'B', 'c 2', 'c 10'),
      support: fc.nat(3),
      f1: fc.constantFrom(0, 0.25, 0.5, 1),
      ap: fc.option(fc.constantFrom(0, 0.3, 0.9), { nil: null }),
    })
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
    const byName = (x: ConceptRow, y: ConceptRow) => collator.compare(x.name, y.name) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
    fc.assert(
      fc.property(fc.uniqueArray(arbRow, { selector: (r) => r.id, maxLength: 30 }), fc.boolean(), (raw, isDescending) => {
        const list = raw.map((r) => row(r.id, r))
        const worst = [...list].sort((x, y) => Number(x.support === 0) - Number(y.support === 0) || (x.support > 0 ? x.f1 - y.f1 : 0) || byName(x, y))
        expect(ids(orderRows(list, { kind: 'worst' }, undefined))).toEqual(ids(worst))
        const dir = isDescending ? -1 : 1
        const byAp = [...list].sort((x, y) => Number(x.ap === null) - Number(y.ap === null) || (x.ap !== null && y.ap !== null ? dir * (x.ap - y.ap) : 0) || byName(x, y))
        expect(ids(orderRows(list, { kind: 'column', key: 'ap', isDescending }, undefined))).toEqual(ids(byAp))
      }),
    )
  })
})

describe('sameConcepts', () => {
  it('holds for the same ids and names in the same places only', () => {
    expect(sameConcepts(rows, rows.map((r) => ({ ...r, f1: 1 })))).toBe(true)
    expect(sameConcepts(rows, rows.slice(1))).toBe(false)
    expect(sameConcepts(rows, [...rows].reverse())).toBe(false)
    expect(sameConcepts(rows, rows.map((r) => ({ ...r, name: r.name + '!' })))).toBe(false)
  })

  /** Rows whose ids and names count how often they are read. */
  function counted(list: readonly ConceptRow[]): { rows: ConceptRow[]; reads: () => number } {
    let reads = 0
    const out = list.map(
      (r) =>
        new Proxy(r, {
          get(target, key, receiver) {
            if (key === 'id' || key === 'name') reads++
            return Reflect.get(target, key, receiver) as unknown
          },
        }),
    )
    return { rows: out, reads: () => reads }
  }

  it('answers for lists of one tag without reading a row', () => {
    const tag = {}
    const a = counted(rows)
    const b = counted(rows.map((r) => ({ ...r, f1: 0.5 })))
    tagConcepts(a.rows, tag)
    tagConcepts(b.rows, tag)
    expect(sameConcepts(a.rows, b.rows)).toBe(true)
    expect(a.reads() + b.reads()).toBe(0)
  })

  it('remembers lists found alike, and never trusts a tag across lengths', () => {
    const a = counted(rows)
    const b = counted(rows.map((r) => ({ ...r, tp: 9 })))
    expect(sameConcepts(a.rows, b.rows)).toBe(true)
    const first = a.reads() + b.reads()
    expect(first).toBeGreaterThan(0)
    expect(sameConcepts(b.rows, a.rows)).toBe(true)
    expect(a.reads() + b.reads()).toBe(first)
    // Another list of another tag is compared row by row, and told apart.
    const c = rows.map((r) => ({ ...r, name: r.name + '!' }))
    tagConcepts(c, {})
    expect(sameConcepts(a.rows, c)).toBe(false)
    expect(sameConcepts(a.rows, a.rows.slice(1))).toBe(false)
  })
})

describe('orderPositions from an earlier order', () => {
  it('gives the same order as a sort from scratch, whatever the figures moved (property)', () => {
    const arbFigures = fc.array(fc.record({ support: fc.nat(3), f1: fc.constantFrom(0, 0.25, 0.5, 1), tp: fc.nat(5) }), { minLength: rows.length, maxLength: rows.length })
    const sorts = [undefined, 'f1', '-f1', 'tp', '-support', 'name', 'matrix']
    fc.assert(
      fc.property(arbFigures, arbFigures, fc.constantFrom(...sorts), fc.constantFrom(undefined, 'a', 'd'), (before, after, sort, filter) => {
        const at = (figures: typeof before) => rows.map((r, k) => ({ ...r, ...figures[k]! }))
        const order = parseSort(sort).order
        const earlier = orderPositions(at(before), order, filter)
        expect(orderPositions(at(after), order, filter, undefined, earlier)).toEqual(orderPositions(at(after), order, filter))
      }),
    )
  })
})
