import { describe, expect, it } from 'vitest'
import { paletteMatchRank, paletteSearchQuery, rankPaletteItems, truncationNote, type PaletteItem, type PaletteKind } from './palette.ts'

const item = (kind: PaletteKind, id: string, name?: string, detail?: string): PaletteItem => ({ kind, id, name, detail, path: `/u/${kind}/${id}` })
const items = [
  item('Model', 'general-detector', undefined, 'app-a'),
  item('Task', 'a1b2c3', 'General review'),
  item('App', 'general'),
  item('Dataset', 'my-general-set'),
  item('Model', 'other', undefined, 'general-app'),
  item('App', 'zzz', 'General purpose'),
  item('Evaluation', 'generalx'),
]

describe('rankPaletteItems', () => {
  it('puts the exact id first, then id prefixes, then names, then substrings, then details', () => {
    expect(rankPaletteItems(items, 'General', 10).map((i) => i.id)).toEqual(['general', 'generalx', 'general-detector', 'zzz', 'a1b2c3', 'my-general-set', 'other'])
  })

  it('puts an exact id first even among many longer prefix matches of every kind', () => {
    const many = [...Array.from({ length: 50 }, (_, i) => item('Model', `clip-${i}`)), item('Dataset', 'clip'), item('App', 'clip-x')]
    const ranked = rankPaletteItems(many, 'CLIP ', 5)
    expect(ranked[0]).toMatchObject({ kind: 'Dataset', id: 'clip' })
    expect(ranked).toHaveLength(5)
  })

  it('orders equal matches by kind after length, so an app comes before a model of the same id', () => {
    expect(rankPaletteItems([item('Task', 'x1'), item('Model', 'x1'), item('App', 'x1')], 'x1', 3).map((i) => i.kind)).toEqual(['App', 'Model', 'Task'])
  })

  it('returns the items as given for empty text and honours the limit', () => {
    expect(rankPaletteItems(items, '  ', 2).map((i) => i.id)).toEqual(['general-detector', 'a1b2c3'])
    expect(rankPaletteItems(items, 'e', 1)).toHaveLength(1)
  })

  it('finds nothing for text nobody contains', () => {
    expect(rankPaletteItems(items, 'qqq', 10)).toEqual([])
  })
})

describe('paletteMatchRank', () => {
  it.each([
    ['abc', 0],
    ['ab', 1],
    ['nice name', 2],
    ['nice', 3],
    ['bc', 4],
    ['name', 5],
    ['home', 6],
    ['zz', undefined],
  ] as const)('%s -> %s', (needle, rank) => {
    expect(paletteMatchRank(item('Model', 'ABC', 'Nice Name', 'Home app'), needle)).toBe(rank)
  })
})

describe('truncationNote', () => {
  it('says nothing when every source was searched in full', () => {
    expect(truncationNote([{ noun: 'apps', searched: 12, hasMore: false, isSearchedOnServer: true }])).toBeUndefined()
  })

  it('names what was cut and how to get at the rest', () => {
    expect(
      truncationNote([
        { noun: 'apps', searched: 25, hasMore: false, isSearchedOnServer: true },
        { noun: 'models', searched: 25, hasMore: true, isSearchedOnServer: true },
        { noun: 'datasets', searched: 25, hasMore: true, isSearchedOnServer: true },
        { noun: 'evaluations', searched: 1000, hasMore: true, isSearchedOnServer: false },
      ]),
    ).toBe('First 25 models and 25 datasets; type to narrow. Only the first 1,000 evaluations searched.')
    expect(truncationNote([{ noun: 'models', searched: 25, hasMore: true, isSearchedOnServer: true }])).toBe('First 25 models; type to narrow.')
  })

  it('lists three or more with commas', () => {
    const s = (noun: string) => ({ noun, searched: 5, hasMore: true, isSearchedOnServer: true })
    expect(truncationNote([s('apps'), s('models'), s('datasets')])).toBe('First 5 apps, 5 models and 5 datasets; type to narrow.')
  })
})

describe('paletteSearchQuery', () => {
  it('asks for one more than it shows, searching on the server when there is text', () => {
    expect(paletteSearchQuery('', 25)).toEqual({ per_page: 26 })
    expect(paletteSearchQuery('  gen ', 25)).toEqual({ per_page: 26, search: 'gen', sort_by_relevance: true })
  })
})
