import { describe, expect, it } from 'vitest'
import { annotationShapes, imageSize, regionShape, shapeGeometry, shapesByInput, shapesSummary } from './regions.ts'

const box = (b: Record<string, unknown>, concept = 'car') => ({ region_info: { bounding_box: b }, data: { concepts: [{ id: concept, name: concept }] } })

describe('regionShape', () => {
  it.each([
    ['a full box', box({ top_row: 0.1, left_col: 0.2, bottom_row: 0.5, right_col: 0.6 }), { kind: 'box', top: 0.1, left: 0.2, bottom: 0.5, right: 0.6, label: 'car' }],
    ['zero top and left left out, as the wire does', box({ bottom_row: 0.5, right_col: 0.6 }), { kind: 'box', top: 0, left: 0, bottom: 0.5, right: 0.6, label: 'car' }],
    ['clamped to the picture', box({ top_row: -0.2, left_col: 0.2, bottom_row: 1.4, right_col: 0.6 }), { kind: 'box', top: 0, left: 0.2, bottom: 1, right: 0.6, label: 'car' }],
  ])('%s', (_name, region, expected) => {
    expect(regionShape(region)).toEqual(expected)
  })

  it.each([
    ['no region_info', { data: {} }],
    ['an empty box', box({})],
    ['an inverted box', box({ top_row: 0.6, left_col: 0.2, bottom_row: 0.5, right_col: 0.6 })],
    ['strings for numbers', box({ top_row: '0.1', left_col: 0.2, bottom_row: '0.5', right_col: 0.6 })],
    ['a polygon of two points', { region_info: { polygon: { points: [{ row: 0.1, col: 0.1 }, { row: 0.2, col: 0.3 }] } } }],
    ['null', null],
    ['a list', []],
  ])('skips %s', (_name, region) => {
    expect(regionShape(region)).toBeUndefined()
  })

  it('keeps a predicted region\'s score', () => {
    expect(regionShape({ ...box({ bottom_row: 1, right_col: 1 }), value: 0.83 })).toMatchObject({ kind: 'box', score: 0.83 })
  })

  it('reads polygons as x, y pairs, a missing coordinate being zero', () => {
    const shape = regionShape({ region_info: { polygon: { points: [{ row: 0.1 }, { row: 0.5, col: 0.9 }, { col: 0.4 }, 'junk'] } } })
    expect(shape).toEqual({ kind: 'polygon', points: [[0, 0.1], [0.9, 0.5], [0.4, 0]], label: undefined })
  })
})

describe('annotations', () => {
  const annotations = [
    { input_id: 'a', data: { regions: [box({ top_row: 0.1, left_col: 0.1, bottom_row: 0.2, right_col: 0.2 }), box({}, 'broken')] } },
    { input_id: 'a', data: { concepts: [{ id: 'x' }] } },
    { input_id: 'b', data: { regions: [box({ top_row: 0.3, left_col: 0.3, bottom_row: 0.4, right_col: 0.4 }, 'person')] } },
    { data: { regions: [box({ bottom_row: 1, right_col: 1 })] } },
  ]

  it('collects the drawable regions of one or many annotations', () => {
    expect(annotationShapes(annotations[0])).toHaveLength(1)
    expect(annotationShapes(annotations)).toHaveLength(3)
    expect(annotationShapes(undefined)).toEqual([])
  })

  it('groups shapes by input and leaves out inputs without regions', () => {
    const byInput = shapesByInput(annotations)
    expect([...byInput.keys()]).toEqual(['a', 'b'])
    expect(byInput.get('b')?.[0]?.label).toBe('person')
    expect(shapesByInput({ not: 'a list' }).size).toBe(0)
  })
})

describe('drawing', () => {
  it('maps fractions onto the view box', () => {
    expect(shapeGeometry({ kind: 'box', top: 0.1, left: 0.25, bottom: 0.5, right: 0.75, label: undefined }, 640, 480)).toEqual({ x: 160, y: 48, w: 320, h: 192 })
    expect(shapeGeometry({ kind: 'polygon', points: [[0, 0], [1, 0.5], [0.5, 1]], label: undefined }, 100, 50)).toEqual({ points: '0,0 100,25 50,50' })
  })

  it('reads the image size and summarizes for screen readers', () => {
    expect(imageSize({ data: { image: { image_info: { width: 640, height: 480 } } } })).toEqual({ width: 640, height: 480 })
    expect(imageSize({ data: { image: { image_info: { width: 0, height: 480 } } } })).toBeUndefined()
    expect(imageSize(null)).toBeUndefined()
    expect(shapesSummary([])).toBe('')
    const car = { kind: 'box' as const, top: 0, left: 0, bottom: 1, right: 1, label: 'car' }
    expect(shapesSummary([car, car, { ...car, label: undefined }])).toBe('3 regions: car')
    expect(shapesSummary([{ ...car, label: undefined }])).toBe('1 region')
  })
})
