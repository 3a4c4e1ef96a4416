// Regions of annotations (bounding boxes and polygons) as shapes to draw over an input's picture.
// The API gives coordinates as fractions of the image (0..1, rows from the top, columns from the
// left). Every field may be missing or junk: a region without usable geometry is skipped.

interface ShapeBase {
  label: string | undefined
  /** A predicted region's score (`value`), when it has one. */
  score?: number
}

export interface BoxShape extends ShapeBase {
  kind: 'box'
  top: number
  left: number
  bottom: number
  right: number
}

export interface PolygonShape extends ShapeBase {
  kind: 'polygon'
  /** [col, row] pairs: x then y. */
  points: Array<[number, number]>
}

export type RegionShape = BoxShape | PolygonShape

function fraction(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined
  return Math.min(1, Math.max(0, value))
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

function regionLabel(region: Record<string, unknown>): string | undefined {
  const concepts = record(region.data)?.concepts
  if (!Array.isArray(concepts)) return undefined
  const names = concepts.map((c) => record(c)).map((c) => (typeof c?.name === 'string' && c.name ? c.name : typeof c?.id === 'string' ? c.id : undefined))
  const text = names.filter((n): n is string => !!n).join(', ')
  return text || undefined
}

/** One region (`{region_info: {bounding_box | polygon}, data: {concepts}}`) as a shape, or undefined. */
export function regionShape(region: unknown): RegionShape | undefined {
  const r = record(region)
  const info = record(r?.region_info)
  if (!r || !info) return undefined
  const label = regionLabel(r)
  const score = typeof r.value === 'number' && Number.isFinite(r.value) ? { score: r.value } : {}
  const box = record(info.bounding_box)
  if (box) {
    const top = fraction(box.top_row) ?? 0
    const left = fraction(box.left_col) ?? 0
    const bottom = fraction(box.bottom_row)
    const right = fraction(box.right_col)
    // Zero values are left out of the wire: a missing top or left is 0; a box needs its far edges.
    if (bottom === undefined || right === undefined || bottom <= top || right <= left) return undefined
    return { kind: 'box', top, left, bottom, right, label, ...score }
  }
  const points = record(info.polygon)?.points
  if (Array.isArray(points)) {
    const pairs: Array<[number, number]> = []
    for (const p of points) {
      const point = record(p)
      if (!point) continue
      // Zero coordinates are omitted on the wire too.
      const row = point.row === undefined ? 0 : fraction(point.row)
      const col = point.col === undefined ? 0 : fraction(point.col)
      if (row !== undefined && col !== undefined) pairs.push([col, row])
    }
    if (pairs.length >= 3) return { kind: 'polygon', points: pairs, label, ...score }
  }
  return undefined
}

/** The regions of one annotation (`{data: {regions: [...]}}`), or of several. */
export function annotationShapes(annotations: unknown): RegionShape[] {
  const list = Array.isArray(annotations) ? annotations : [annotations]
  const out: RegionShape[] = []
  for (const annotation of list) {
    const regions = record(record(annotation)?.data)?.regions
    if (!Array.isArray(regions)) continue
    for (const region of regions) {
      const shape = regionShape(region)
      if (shape) out.push(shape)
    }
  }
  return out
}

/** Annotations grouped by `input_id`, as shapes (inputs without regions are absent). */
export function shapesByInput(annotations: unknown): Map<string, RegionShape[]> {
  const out = new Map<string, RegionShape[]>()
  if (!Array.isArray(annotations)) return out
  for (const annotation of annotations) {
    const inputId = record(annotation)?.input_id
    if (typeof inputId !== 'string' || !inputId) continue
    const shapes = annotationShapes(annotation)
    if (shapes.length === 0) continue
    out.set(inputId, [...(out.get(inputId) ?? []), ...shapes])
  }
  return out
}

/** The image's size in pixels from `data.image.image_info`, when the API sent it. */
export function imageSize(input: unknown): { width: number; height: number } | undefined {
  const info = record(record(record(record(input)?.data)?.image)?.image_info)
  const width = info?.width
  const height = info?.height
  return typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0 ? { width, height } : undefined
}

/** SVG coordinates of a shape in a `0 0 width height` view box: a rect's x, y, w, h or a polygon's points. */
export function shapeGeometry(shape: RegionShape, width: number, height: number): { x: number; y: number; w: number; h: number } | { points: string } {
  const round = (v: number): number => Math.round(v * 100) / 100
  if (shape.kind === 'box') {
    return { x: round(shape.left * width), y: round(shape.top * height), w: round((shape.right - shape.left) * width), h: round((shape.bottom - shape.top) * height) }
  }
  return { points: shape.points.map(([x, y]) => `${round(x * width)},${round(y * height)}`).join(' ') }
}

/** A short text for assistive technology: "2 regions: car, person". */
export function shapesSummary(shapes: readonly RegionShape[]): string {
  if (shapes.length === 0) return ''
  const labels = [...new Set(shapes.map((s) => s.label).filter((l): l is string => !!l))]
  const count = shapes.length === 1 ? '1 region' : `${shapes.length} regions`
  return labels.length > 0 ? `${count}: ${labels.join(', ')}` : count
}
