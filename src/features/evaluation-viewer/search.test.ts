import { describe, expect, it } from 'vitest'
import { cellParam, correctionNotes, MAX_CURVE_CONCEPTS, readEvalSearch, splitCellParam, validateEvalSearch } from './search.ts'

describe('readEvalSearch', () => {
  it('reads every view parameter, from URL strings or typed values', () => {
    expect(
      readEvalSearch({ threshold: '0.35', mode: 'row', order: 'frequency', top: '20', cell: 'a~b', concepts: ['a', 'b'], compare: 'e2', scale: 'log', focus: 'a', sort: '-f1', q: 'ca' }),
    ).toEqual({
      search: { threshold: 0.35, mode: 'row', order: 'frequency', top: 20, cell: 'a~b', concepts: ['a', 'b'], compare: 'e2', scale: 'log', focus: 'a', sort: '-f1', q: 'ca' },
      notes: [],
    })
    expect(validateEvalSearch({ threshold: 0.7, top: 3, concepts: 'x' })).toEqual({ threshold: 0.7, top: 3, concepts: ['x'] })
  })

  it('names every key for the router, so a raw value of the parent route cannot leak through', () => {
    const validated = validateEvalSearch({ threshold: 'abc', cell: 'xx' })
    expect(Object.keys(validated).sort()).toEqual(['cell', 'compare', 'concepts', 'focus', 'mode', 'order', 'q', 'scale', 'sort', 'table', 'threshold', 'top'])
    expect({ ...{ threshold: 'abc', cell: 'xx' }, ...validated }.threshold).toBeUndefined()
  })

  it.each([
    [{ threshold: 'abc' }, 'threshold=abc was not a number between 0 and 1; using 0.5'],
    [{ threshold: '1.5' }, 'threshold=1.5 was not a number between 0 and 1; using 0.5'],
    [{ threshold: '' }, null],
    [{ mode: 'sideways' }, 'mode=sideways was not one of probability, counts, row, column, all; using the default'],
    [{ order: 'random' }, 'order=random was not one of api, name, frequency; using api'],
    [{ top: '2.5' }, 'top=2.5 was not a whole number of at least 1; showing every concept'],
    [{ top: '0' }, 'top=0 was not a whole number of at least 1; showing every concept'],
    [{ cell: 'ab' }, 'cell=ab was not of the form actual~predicted; no cell selected'],
    [{ compare: 'a/b' }, 'compare=a/b was not an evaluation id; not comparing'],
    [{ scale: 'cubic' }, 'scale=cubic was not one of linear, log; using linear'],
    [{ sort: 'f1;drop' }, 'sort=f1;drop was not a column name; sorting worst first'],
    [{ threshold: ['0.2', '0.4'] }, 'threshold was given 2 times; using the last'],
  ] as Array<[Record<string, unknown>, string | null]>)('falls back with a note: %j', (raw, note) => {
    const { search, notes } = readEvalSearch(raw)
    expect(notes).toEqual(note === null ? [] : [note])
    if (Array.isArray(raw.threshold)) expect(search.threshold).toBe(0.4)
    else expect(Object.keys(search)).toEqual([])
  })

  it('keeps the first concepts when too many are named, without duplicates', () => {
    const many = Array.from({ length: MAX_CURVE_CONCEPTS + 3 }, (_, i) => `c${i}`)
    const { search, notes } = readEvalSearch({ concepts: [...many, 'c0'] })
    expect(search.concepts).toEqual(many.slice(0, MAX_CURVE_CONCEPTS))
    expect(notes).toEqual([`concepts named ${MAX_CURVE_CONCEPTS + 3} concepts; drawing the first ${MAX_CURVE_CONCEPTS}`])
  })

  it('ignores keys it does not own', () => {
    expect(readEvalSearch({ page: '2', __proto__: 'x' } as Record<string, unknown>)).toEqual({ search: {}, notes: [] })
  })
})

describe('correctionNotes', () => {
  it('keeps the notes of the last correction while the view is the corrected state', () => {
    const corrected = validateEvalSearch({ threshold: 'abc', mode: 'row' })
    // The router then rewrites the address with the corrected state and validates it again.
    const again = validateEvalSearch({ mode: 'row' })
    expect(correctionNotes(again)).toEqual(['threshold=abc was not a number between 0 and 1; using 0.5'])
    expect(correctionNotes(corrected)).toEqual(correctionNotes(again))
    expect(correctionNotes(validateEvalSearch({ mode: 'counts' }))).toEqual([])
  })
})

describe('cell parameter', () => {
  const known = new Set(['a', 'b~c', 'c', 'b', '(none)'])
  const isKnown = (id: string) => known.has(id)
  it.each([
    ['a~b', { actual: 'a', predicted: 'b' }],
    ['a~(none)', { actual: 'a', predicted: '(none)' }],
    ['b~c~a', { actual: 'b~c', predicted: 'a' }],
    ['a~b~c', { actual: 'a', predicted: 'b~c' }],
    ['a~zebra', null],
    [undefined, null],
  ])('%s', (cell, expected) => {
    expect(splitCellParam(cell, isKnown)).toEqual(expected)
  })

  it('round-trips', () => {
    expect(splitCellParam(cellParam('b~c', 'c'), isKnown)).toEqual({ actual: 'b~c', predicted: 'c' })
  })
})

describe('table', () => {
  it('keeps "view as table" in the URL as table=true', () => {
    expect(validateEvalSearch({ table: 'true' }).table).toBe(true)
    expect(validateEvalSearch({ table: true }).table).toBe(true)
    expect(validateEvalSearch({}).table).toBeUndefined()
    expect(readEvalSearch({ table: 'maybe' }).notes.join(' ')).toMatch(/table/)
  })
})
