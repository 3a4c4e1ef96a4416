import { describe, expect, it } from 'vitest'
import { toCsv } from './csv.ts'

describe('toCsv', () => {
  it('quotes fields with commas, quotes and newlines', () => {
    expect(toCsv(['id', 'note'], [['a', 'x, "y"\nz'], ['b', null]])).toBe('id,note\r\na,"x, ""y""\nz"\r\nb,\r\n')
  })

  it('keeps numbers, negative numbers and 64-bit strings as they are', () => {
    expect(toCsv(['n'], [[12], [-3.5], ['18446744073709551615']])).toBe('n\r\n12\r\n-3.5\r\n18446744073709551615\r\n')
  })

  it('defuses spreadsheet formulas', () => {
    expect(toCsv(['d'], [['=HYPERLINK("x")'], ['@SUM(A1)'], ['+1+1']])).toBe("d\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n'@SUM(A1)\r\n'+1+1\r\n")
  })
})
