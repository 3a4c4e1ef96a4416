import { describe, expect, it } from 'vitest'
import {
  addUint64,
  chooseMatrixKey,
  inputConcepts,
  inputSummary,
  inputThumbnail,
  keysWithMatrix,
  metricKeyLabel,
  metricKeys,
  metricRows,
  metricValue,
  safeImageUrl,
  uint64Approx,
  uint64Text,
  versionChart,
  versionOriginLabel,
} from './datasets.ts'

const BIG = '9007199254740993' // 2^53 + 1: not a double
const MATRIX = { n_cols: '2', data: ['1', '2', '3', '4'] }

const metrics = {
  '/INPUT_TYPE:text': { inputs_count: '40', positive_input_tags_count: '55' },
  '/': { inputs_count: '140', regions_count: BIG, region_location_matrix: MATRIX, positive_input_tags_count: '200', future_count: '7' },
  '/INPUT_TYPE:image': { inputs_count: '100', regions_count: BIG, region_location_matrix: MATRIX },
  '/broken': null,
}

describe('uint64Text', () => {
  it.each([
    ['120', '120'],
    ['000120', '120'],
    ['0', '0'],
    [BIG, BIG],
    ['18446744073709551615', '18446744073709551615'],
    ['18446744073709551616', undefined],
    ['184467440737095516150', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['', undefined],
    [' 12', undefined],
    [12, '12'],
    [0, '0'],
    [-3, undefined],
    [2 ** 53, undefined],
    [1.5, undefined],
    [null, undefined],
    [undefined, undefined],
    [{}, undefined],
  ])('%j -> %j', (input, expected) => {
    expect(uint64Text(input)).toBe(expected)
  })
})

describe('uint64Approx and addUint64', () => {
  it.each([
    ['120', 120],
    [BIG, 2 ** 53],
    [undefined, 0],
    ['x', 0],
    [7, 7],
    [-7, 0],
    [Number.NaN, 0],
  ])('approx %j -> %j', (input, expected) => {
    expect(uint64Approx(input as string | number | undefined)).toBe(expected)
  })

  it('adds exactly, beyond 2^53, skipping what is not a uint64', () => {
    expect(addUint64([BIG, '1', undefined, 'x'])).toBe('9007199254740994')
    expect(addUint64(['18446744073709551615', '1'])).toBe('18446744073709551616')
    expect(addUint64([undefined, undefined])).toBeUndefined()
    expect(addUint64([])).toBeUndefined()
    expect(addUint64(['0'])).toBe('0')
  })
})

describe('metric keys', () => {
  it('puts the whole version first, then the others by name, skipping non-objects', () => {
    expect(metricKeys(metrics)).toEqual(['/', '/INPUT_TYPE:image', '/INPUT_TYPE:text'])
  })

  it.each([[undefined], [null], ['x'], [[]], [{}]])('has no keys for %j', (input) => {
    expect(metricKeys(input)).toEqual([])
  })

  it.each([
    ['/', 'All inputs'],
    ['/INPUT_TYPE:image', 'Image'],
    ['/INPUT_TYPE:text', 'Text'],
    ['/INPUT_TYPE:multi_modal', 'Multi modal'],
    ['/INPUT_TYPE:', '/INPUT_TYPE:'],
    ['/SPLIT:train', '/SPLIT:train'],
  ])('labels %s as %s', (key, label) => {
    expect(metricKeyLabel(key)).toBe(label)
  })

  it('lists the keys that carry a matrix', () => {
    expect(keysWithMatrix(metrics)).toEqual(['/', '/INPUT_TYPE:image'])
  })
})

describe('metricRows', () => {
  it('gives one row per count present anywhere, known fields first, exact values per key', () => {
    const rows = metricRows(metrics)
    expect(rows.map((r) => r.field)).toEqual(['inputs_count', 'regions_count', 'positive_input_tags_count', 'future_count'])
    expect(rows[0]).toEqual({ field: 'inputs_count', label: 'Inputs', values: ['140', '100', '40'] })
    expect(rows[1]?.values).toEqual([BIG, BIG, undefined])
    expect(rows[3]).toEqual({ field: 'future_count', label: 'Future count', values: ['7', undefined, undefined] })
  })

  it('survives missing and malformed maps', () => {
    expect(metricRows(undefined)).toEqual([])
    expect(metricRows({ '/': { inputs_count: 'many' } })).toEqual([])
  })

  it('reads one value', () => {
    expect(metricValue(metrics, 'inputs_count')).toBe('140')
    expect(metricValue(metrics, 'inputs_count', '/INPUT_TYPE:text')).toBe('40')
    expect(metricValue(metrics, 'inputs_count', '/nope')).toBeUndefined()
    expect(metricValue(null, 'inputs_count')).toBeUndefined()
  })
})

describe('chooseMatrixKey', () => {
  it.each([
    [undefined, '/', undefined],
    ['', '/', undefined],
    ['/INPUT_TYPE:image', '/INPUT_TYPE:image', undefined],
    ['/INPUT_TYPE:text', '/', 'Dropped key=/INPUT_TYPE:text: this version has no region location matrix for it; showing All inputs.'],
    ['/nope', '/', 'Dropped key=/nope: this version has no region location matrix for it; showing All inputs.'],
  ])('requested %j -> %j', (requested, key, note) => {
    expect(chooseMatrixKey(metrics, requested)).toEqual(note ? { key, note } : { key })
  })

  it('has nothing to choose without matrices', () => {
    expect(chooseMatrixKey({ '/': { inputs_count: '1' } }, undefined)).toEqual({ key: undefined })
    expect(chooseMatrixKey(undefined, '/x').note).toBe('Dropped key=/x: this version has no region location matrix for it.')
  })
})

describe('versionChart', () => {
  it('orders versions oldest first, stacks annotations apart from inputs, drops all-zero series', () => {
    const chart = versionChart([
      { id: 'bbbbbbbbbb', created_at: '2024-02-01T00:00:00Z', metrics: { '/': { inputs_count: '20', positive_input_tags_count: '30', positive_region_tags_count: BIG } } },
      { id: 'aaaaaaaaaa', created_at: '2024-01-01T00:00:00Z', metrics: { '/': { inputs_count: '10', positive_input_tags_count: '5', positive_frame_tags_count: '0' } } },
      { id: 'cccccccccc', created_at: '2024-03-01T00:00:00Z', status: { code: 64005 } },
    ])
    expect(chart.versions).toEqual([
      { id: 'aaaaaaaaaa', label: 'aaaaaaaa' },
      { id: 'bbbbbbbbbb', label: 'bbbbbbbb' },
      { id: 'cccccccccc', label: 'cccccccc' },
    ])
    expect(chart.series).toEqual([
      { id: 'inputs_count', label: 'Inputs', stack: 'inputs', values: ['10', '20', undefined] },
      { id: 'positive_input_tags_count', label: 'Input-level tags', stack: 'annotations', values: ['5', '30', undefined] },
      { id: 'positive_region_tags_count', label: 'Region-level tags', stack: 'annotations', values: [undefined, BIG, undefined] },
    ])
  })

  it('keeps API order (newest first) reversed when dates are missing, and names unnamed versions', () => {
    const chart = versionChart([{ id: 'new' }, {}, { id: 'old' }])
    expect(chart.versions.map((v) => v.id)).toEqual(['old', '#2', 'new'])
    expect(chart.series).toEqual([])
  })
})

describe('labels', () => {
  it.each([
    [1, 'Manual'],
    [4, 'Evaluation predictions'],
    [9, 'Origin 9'],
    [0, undefined],
    [undefined, undefined],
    ['TRAINING', 'TRAINING'],
  ])('origin %j -> %j', (value, label) => {
    expect(versionOriginLabel(value)).toBe(label)
  })

})

describe('inputs', () => {
  const image = { id: 'i1', data: { image: { url: 'data:image/svg+xml,%3Csvg%3E' }, concepts: [{ id: 'cat', name: 'cat' }, { id: 'dog' }, null] } }
  const video = { data: { video: { url: 'https://x/v.mp4', thumbnail_url: 'https://x/v.jpg' } } }
  const text = { data: { text: { raw: 'hello' } } }

  it('finds a thumbnail only where it is safe to load', () => {
    expect(inputThumbnail(image)).toBe('data:image/svg+xml,%3Csvg%3E')
    expect(inputThumbnail(video)).toBe('https://x/v.jpg')
    expect(inputThumbnail(text)).toBeUndefined()
    expect(inputThumbnail({ data: { image: { url: 'javascript:alert(1)' } } })).toBeUndefined()
    expect(inputThumbnail(null)).toBeUndefined()
  })

  it.each([
    ['https://a/b.png', 'https://a/b.png'],
    ['/local/thumb.png', '/local/thumb.png'],
    ['blob:http://x/1', 'blob:http://x/1'],
    ['//evil/x.png', undefined],
    ['data:text/html,<script>', undefined],
    ['javascript:alert(1)', undefined],
    [42, undefined],
  ])('image url %j -> %j', (url, expected) => {
    expect(safeImageUrl(url)).toBe(expected)
  })

  it('summarizes and lists concepts', () => {
    expect(inputSummary(text)).toBe('hello')
    expect(inputSummary(video)).toBe('Video')
    expect(inputSummary({})).toBeUndefined()
    expect(inputConcepts(image)).toEqual(['cat', 'dog'])
    expect(inputConcepts(text)).toEqual([])
  })
})
