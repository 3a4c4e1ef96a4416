import { describe, expect, it } from 'vitest'
import { SUGGESTION_LIMIT, suggestionsFor } from './suggestions.ts'

const names = Array.from({ length: 10_000 }, (_, k) => `concept-${k}`)

describe('suggestionsFor', () => {
  it('offers the first values, bounded, for an empty query', () => {
    expect(suggestionsFor(names, '')).toEqual(names.slice(0, SUGGESTION_LIMIT))
    expect(suggestionsFor(names, '   ', 3)).toEqual(['concept-0', 'concept-1', 'concept-2'])
  })

  it('keeps the values containing the query, case-insensitive, in their order', () => {
    expect(suggestionsFor(['Cat', 'dog', 'wildcat', 'CATTLE'], ' cat ')).toEqual(['Cat', 'wildcat', 'CATTLE'])
  })

  it('stops at the limit however many match, and reaches values far down the list', () => {
    expect(suggestionsFor(names, '9')).toHaveLength(SUGGESTION_LIMIT)
    expect(suggestionsFor(names, 'concept-9999')).toEqual(['concept-9999'])
  })

  it('offers nothing when nothing matches', () => {
    expect(suggestionsFor(names, 'zebra')).toEqual([])
  })
})
