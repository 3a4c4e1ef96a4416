import { describe, expect, it } from 'vitest'
import { rankPaletteItems, type PaletteItem } from './palette.ts'

const item = (kind: string, id: string, detail?: string): PaletteItem => ({ kind, id, detail, path: `/u/${id}` })
const items = [item('Model', 'general-detector', 'app-a'), item('App', 'general'), item('Dataset', 'my-general-set'), item('Model', 'other', 'general-app'), item('App', 'zzz')]

describe('rankPaletteItems', () => {
  it('ranks exact, prefix, substring, then detail matches', () => {
    expect(rankPaletteItems(items, 'General', 10).map((i) => i.id)).toEqual(['general', 'general-detector', 'my-general-set', 'other'])
  })

  it('returns the first items for empty text and honours the limit', () => {
    expect(rankPaletteItems(items, '  ', 2).map((i) => i.id)).toEqual(['general-detector', 'general'])
    expect(rankPaletteItems(items, 'e', 1)).toHaveLength(1)
  })

  it('finds nothing for text nobody contains', () => {
    expect(rankPaletteItems(items, 'qqq', 10)).toEqual([])
  })
})
