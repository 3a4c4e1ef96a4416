import { describe, expect, it } from 'vitest'
import { addRecentPlace, MAX_RECENT_PLACES, parseRecentPlaces, placeOf } from './recent-places.ts'

describe('recent places', () => {
  it('names resource pages and ignores the rest', () => {
    expect(placeOf('/demo/general-vision/models/scenes-classifier')).toEqual({
      path: '/demo/general-vision/models/scenes-classifier',
      label: 'general-vision / models / scenes-classifier',
    })
    expect(placeOf('/demo/my%20app')).toEqual({ path: '/demo/my%20app', label: 'my app' })
    for (const path of ['/', '/demo', '/connect', '/explore/ListApps', '/evaluation-file/x', '/demo/%E0%A4%A']) expect(placeOf(path)).toBeNull()
  })

  it('keeps the newest first, once each, up to the limit', () => {
    let places = parseRecentPlaces(null)
    for (let i = 0; i < 12; i++) places = addRecentPlace(places, { path: `/u/a${i}`, label: `a${i}` })
    places = addRecentPlace(places, { path: '/u/a5', label: 'a5' })
    expect(places).toHaveLength(MAX_RECENT_PLACES)
    expect(places.map((p) => p.label)).toEqual(['a5', 'a11', 'a10', 'a9', 'a8', 'a7', 'a6', 'a4'])
  })

  it('reads back what it wrote and drops anything else', () => {
    const places = [{ path: '/u/a', label: 'a' }]
    expect(parseRecentPlaces(JSON.stringify(places))).toEqual(places)
    expect(parseRecentPlaces('{oops')).toEqual([])
    expect(parseRecentPlaces(JSON.stringify({ path: '/u/a' }))).toEqual([])
    expect(parseRecentPlaces(JSON.stringify([{ path: '//evil.example/x', label: 'x' }, { path: 'javascript:alert(1)', label: 'x' }, { label: 'no path' }]))).toEqual([])
  })
})
