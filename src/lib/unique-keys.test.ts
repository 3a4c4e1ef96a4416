import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { uniqueKeys } from './unique-keys.ts'

describe('uniqueKeys', () => {
  it('keeps distinct keys as they are', () => {
    expect(uniqueKeys(['a', 'b', 'c'])).toEqual(['a', 'b', 'c'])
  })

  it('makes empty and repeated keys unique by position', () => {
    const keys = uniqueKeys(['', '', 'a', 'a', 'b'])
    expect(new Set(keys).size).toBe(5)
    expect(keys[2]).toBe('a')
    expect(keys[4]).toBe('b')
  })

  it('always returns as many distinct keys as it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', 'a', 'b', 'a\u00001', 'c')), (keys) => {
        const out = uniqueKeys(keys)
        expect(out).toHaveLength(keys.length)
        expect(new Set(out).size).toBe(keys.length)
      }),
    )
  })
})
