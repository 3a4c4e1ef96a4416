// The regions of a detection evaluation's test set (ground truth and predicted boxes or polygons
// per input, and the image sizes) packed into flat typed arrays, so they cross from the worker
// that prepares an evaluation to the page without an object per shape, and unpacked one input
// at a time when that input is shown.

import { annotationShapes, imageSize, type RegionShape } from './regions.ts'

export interface RegionTable {
  readonly inputCount: number
  /** Shapes of input i: ground truth [offsets[2i], offsets[2i+1]), predicted [offsets[2i+1], offsets[2i+2]). */
  readonly offsets: Uint32Array
  /** Per shape: 0 box, 1 polygon. */
  readonly kind: Uint8Array
  /** Per shape: the predicted region's score, NaN when it has none. */
  readonly score: Float64Array
  /** Per shape: index into `labels`, -1 without a label. */
  readonly label: Int32Array
  readonly labels: readonly string[]
  /** Per shape: coordinates [coordOffsets[s], coordOffsets[s+1]); a box is top, left, bottom, right; a polygon col, row pairs. */
  readonly coordOffsets: Uint32Array
  readonly coords: Float64Array
  /** Per input: the image's size in pixels, 0 when not sent. */
  readonly width: Float64Array
  readonly height: Float64Array
}

export interface InputRegions {
  truth: RegionShape[]
  predicted: RegionShape[]
  size: { width: number; height: number } | undefined
}

interface TestSetEntryRegions {
  input?: unknown
  ground_truth_annotation?: unknown
  predicted_annotation?: unknown
}

/** The regions of every test set entry; null when no entry has a region or an image size. */
export function packRegions(testSet: readonly unknown[]): RegionTable | null {
  const n = testSet.length
  const offsets = new Uint32Array(2 * n + 1)
  const shapes: RegionShape[] = []
  const width = new Float64Array(n)
  const height = new Float64Array(n)
  let any = false
  for (let i = 0; i < n; i++) {
    const raw = testSet[i]
    const entry = (raw !== null && typeof raw === 'object' ? raw : {}) as TestSetEntryRegions
    offsets[2 * i] = shapes.length
    for (const s of annotationShapes(entry.ground_truth_annotation)) shapes.push(s)
    offsets[2 * i + 1] = shapes.length
    for (const s of annotationShapes(entry.predicted_annotation)) shapes.push(s)
    const size = imageSize(entry.input)
    if (size) {
      width[i] = size.width
      height[i] = size.height
      any = true
    }
  }
  offsets[2 * n] = shapes.length
  if (!any && shapes.length === 0) return null
  const kind = new Uint8Array(shapes.length)
  const score = new Float64Array(shapes.length)
  const label = new Int32Array(shapes.length)
  const coordOffsets = new Uint32Array(shapes.length + 1)
  const labels: string[] = []
  const labelIndex = new Map<string, number>()
  let coordCount = 0
  for (const s of shapes) coordCount += s.kind === 'box' ? 4 : 2 * s.points.length
  const coords = new Float64Array(coordCount)
  let c = 0
  shapes.forEach((s, k) => {
    score[k] = s.score ?? NaN
    if (s.label === undefined) label[k] = -1
    else {
      let at = labelIndex.get(s.label)
      if (at === undefined) {
        at = labels.length
        labelIndex.set(s.label, at)
        labels.push(s.label)
      }
      label[k] = at
    }
    coordOffsets[k] = c
    if (s.kind === 'box') {
      kind[k] = 0
      coords[c++] = s.top
      coords[c++] = s.left
      coords[c++] = s.bottom
      coords[c++] = s.right
    } else {
      kind[k] = 1
      for (const [x, y] of s.points) {
        coords[c++] = x
        coords[c++] = y
      }
    }
  })
  coordOffsets[shapes.length] = c
  return { inputCount: n, offsets, kind, score, label, labels, coordOffsets, coords, width, height }
}

function shapeAt(t: RegionTable, s: number): RegionShape {
  const label = t.label[s]! >= 0 ? t.labels[t.label[s]!] : undefined
  const score = Number.isNaN(t.score[s]!) ? {} : { score: t.score[s]! }
  const c0 = t.coordOffsets[s]!
  const c1 = t.coordOffsets[s + 1]!
  if (t.kind[s] === 0) return { kind: 'box', top: t.coords[c0]!, left: t.coords[c0 + 1]!, bottom: t.coords[c0 + 2]!, right: t.coords[c0 + 3]!, label, ...score }
  const points: Array<[number, number]> = []
  for (let c = c0; c < c1; c += 2) points.push([t.coords[c]!, t.coords[c + 1]!])
  return { kind: 'polygon', points, label, ...score }
}

const NO_REGIONS: InputRegions = { truth: [], predicted: [], size: undefined }

/** The regions of input i, unpacked. */
export function regionsOf(t: RegionTable | null, i: number): InputRegions {
  if (t === null || i < 0 || i >= t.inputCount) return { ...NO_REGIONS, truth: [], predicted: [] }
  const truth: RegionShape[] = []
  const predicted: RegionShape[] = []
  for (let s = t.offsets[2 * i]!; s < t.offsets[2 * i + 1]!; s++) truth.push(shapeAt(t, s))
  for (let s = t.offsets[2 * i + 1]!; s < t.offsets[2 * i + 2]!; s++) predicted.push(shapeAt(t, s))
  const size = t.width[i]! > 0 && t.height[i]! > 0 ? { width: t.width[i]!, height: t.height[i]! } : undefined
  return { truth, predicted, size }
}
