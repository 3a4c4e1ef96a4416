import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseSearch, searchRecord, stringifySearch } from './search-params.ts'

describe('search params', () => {
  it('keeps repeated keys as arrays in order', () => {
    expect(parseSearch('?additional_fields=stars&additional_fields=counts&page=2')).toEqual({
      additional_fields: ['stars', 'counts'],
      page: '2',
    })
  })

  it('writes arrays as repeated keys, numbers and booleans as text, and drops empties', () => {
    expect(stringifySearch({ a: ['x', 'y'], page: 3, on: true, none: undefined, empty: '', nan: Number.NaN })).toBe(
      '?a=x&a=y&page=3&on=true',
    )
    expect(stringifySearch({})).toBe('')
  })

  it('never writes JSON for objects', () => {
    expect(stringifySearch({ obj: { a: 1 } })).toBe('')
  })

  it('round-trips any record of non-empty strings and string arrays', () => {
    const key = fc.string({ minLength: 1 })
    const value = fc.oneof(fc.string({ minLength: 1 }), fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 4 }))
    fc.assert(
      fc.property(fc.dictionary(key, value), (record) => {
        expect(parseSearch(stringifySearch(record))).toEqual(record)
      }),
    )
  })

  it('keeps only strings and string arrays of a search object, as own data', () => {
    const search = JSON.parse('{"__proto__":["x"],"a":"1","b":["2","3"],"n":4,"mixed":["5",6],"o":{"k":"v"}}') as Record<string, unknown>
    const record = searchRecord(search)
    expect(record).toEqual({ ['__proto__']: ['x'], a: '1', b: ['2', '3'] })
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype)
  })
})
