// Dataset inputs and their annotations, and every count derived from them, so that what the
// stand-in counts (dataset version metrics, resource counts, task totals) is what its list
// endpoints (ListInputs, ListDatasetInputs, ListAnnotations) return.
//
// Input `index` of a dataset (0 = newest) follows template `index % CYCLE`: its kind, input-level
// concepts, regions, metadata and geo. Ids, dates and pictures still differ per input. Because the
// pattern repeats, the counts over any range of inputs are exact arithmetic (full cycles plus a
// remainder), for a few thousand inputs or for 3 x 10^17.
import { hashString, Rng } from '@/demo/prng'
import { Code, status, timestamp } from '@/demo/wire'
import { svgThumb, svgWithBoxes } from './images'
import { APP_SPECS, TEXT_TEMPLATES, type InputKind } from './vocab'
import { conceptName, getWorld, OWNER, type AppRec, type DatasetRec } from './world'

export const CYCLE = 101
/** The region location matrix is GRID x GRID cells over the picture. */
export const GRID = 10

export interface RegionTemplate {
  shape: 'box' | 'polygon'
  top: number
  left: number
  bottom: number
  right: number
  concept: string
}

export interface InputTemplate {
  kind: InputKind
  concepts: string[]
  regions: RegionTemplate[]
  hasMetadata: boolean
  hasGeo: boolean
}

const templateCache = new Map<string, InputTemplate[]>()

function vocabOf(appId: string): string[] {
  return APP_SPECS.find((a) => a.id === appId)?.concepts ?? ['item']
}

/** The CYCLE templates of a dataset. */
export function templatesOf(ds: DatasetRec): InputTemplate[] {
  const key = `${ds.appId}/${ds.id}`
  const hit = templateCache.get(key)
  if (hit) return hit
  const vocab = vocabOf(ds.appId)
  const out: InputTemplate[] = []
  for (let t = 0; t < CYCLE; t++) {
    const rng = new Rng(`input-template/${key}/${t}`)
    const kind = ds.kinds[rng.int(0, ds.kinds.length - 1)] ?? 'image'
    const r = rng.float()
    const concepts = r < 0.08 ? [] : rng.shuffle(vocab).slice(0, r < 0.75 ? 1 : 2)
    const regions: RegionTemplate[] = []
    if (kind !== 'text') {
      const n = ds.huge ? 4 : rng.pick([0, 0, 1, 1, 1, 2, 2, 3, 4])
      for (let k = 0; k < n; k++) {
        const w = rng.range(0.12, 0.45)
        const h = rng.range(0.12, 0.45)
        // The huge dataset puts a region in every cell of the location grid, several per cycle.
        const cell = ds.huge ? (t * n + k) % (GRID * GRID) : -1
        const cx = cell >= 0 ? ((cell % GRID) + 0.5) / GRID : rng.range(w / 2, 1 - w / 2)
        const cy = cell >= 0 ? (Math.floor(cell / GRID) + 0.5) / GRID : rng.range(h / 2, 1 - h / 2)
        const round = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000
        regions.push({
          shape: rng.chance(0.15) ? 'polygon' : 'box',
          top: round(cy - h / 2),
          left: round(cx - w / 2),
          bottom: round(cy + h / 2),
          right: round(cx + w / 2),
          concept: concepts[k % Math.max(1, concepts.length)] ?? rng.pick(vocab),
        })
      }
    }
    out.push({ kind, concepts, regions, hasMetadata: rng.chance(0.6), hasGeo: kind !== 'text' && rng.chance(0.25) })
  }
  templateCache.set(key, out)
  return out
}

export function templateAt(ds: DatasetRec, index: number | bigint): InputTemplate {
  const t = Number(BigInt(index) % BigInt(CYCLE))
  return templatesOf(ds)[t] as InputTemplate
}

/** The grid cell (row-major) a region's centre falls in. */
export function regionCell(region: RegionTemplate): number {
  const row = Math.min(GRID - 1, Math.floor(((region.top + region.bottom) / 2) * GRID))
  const col = Math.min(GRID - 1, Math.floor(((region.left + region.right) / 2) * GRID))
  return row * GRID + col
}

// ---------------------------------------------------------------------------------------------
// Ids: a dataset tag and the index masked, so an id leads back to its input without a table.

function datasetTag(ds: DatasetRec): string {
  return hashString(`dataset-tag/${ds.appId}/${ds.id}`).toString(16).padStart(8, '0')
}

function indexMask(ds: DatasetRec): bigint {
  const key = `${ds.appId}/${ds.id}`
  let mask = 0n
  for (let i = 0; i < 3; i++) mask = (mask << 32n) | BigInt(hashString(`index-mask/${key}/${i}`))
  return mask
}

export function inputIdOf(ds: DatasetRec, index: number | bigint): string {
  return datasetTag(ds) + (BigInt(index) ^ indexMask(ds)).toString(16).padStart(24, '0')
}

let tagIndex: Map<string, DatasetRec> | undefined

/** The dataset and index of an input id, when it is one of the demo's dataset inputs. */
export function locateInput(id: string): { ds: DatasetRec; index: bigint } | undefined {
  if (!/^[0-9a-f]{32}$/.test(id)) return undefined
  tagIndex ??= new Map(getWorld().datasets.map((d) => [datasetTag(d), d]))
  const ds = tagIndex.get(id.slice(0, 8))
  if (!ds) return undefined
  const index = BigInt(`0x${id.slice(8)}`) ^ indexMask(ds)
  return index < ds.inputCount ? { ds, index } : undefined
}

// ---------------------------------------------------------------------------------------------
// Wire shapes

function conceptWire(id: string, appId: string): Record<string, unknown> {
  return { id, name: conceptName(id), value: 1, app_id: appId }
}

export function inputCreatedAt(ds: DatasetRec, index: number | bigint): number {
  // Newest first: later indexes are older, a minute or so apart (wrapping for the huge dataset).
  const i = Number(BigInt(index) % 200_000n)
  return ds.modifiedAt - i * 61 - (hashString(`input-time/${ds.id}/${i}`) % 50)
}

/** Input `index` (0 = newest) of a dataset, as a wire Input. */
export function datasetInput(ds: DatasetRec, index: number | bigint): { createdAt: number; input: Record<string, unknown> } {
  const tpl = templateAt(ds, index)
  const id = inputIdOf(ds, index)
  const createdAt = inputCreatedAt(ds, index)
  const first = tpl.concepts[0] ?? tpl.regions[0]?.concept ?? ''
  const data: Record<string, unknown> =
    tpl.kind === 'text'
      ? { text: { raw: (TEXT_TEMPLATES[hashString(id) % TEXT_TEMPLATES.length] ?? '{x}').replace('{x}', conceptName(first || 'item')) } }
      : tpl.kind === 'video'
        ? { video: { url: `https://samples.clarifai.com/demo/${ds.id}/${id}.mp4`, thumbnail_url: svgThumb(id, first) } }
        : {
            image: {
              url: tpl.regions.length > 0 ? svgWithBoxes(id, tpl.regions.map((r) => ({ ...r, colorKey: r.concept }))) : svgThumb(id, first),
              image_info: { width: 640, height: 480, format: 'SVG' },
            },
          }
  if (tpl.concepts.length > 0) data.concepts = tpl.concepts.map((c) => conceptWire(c, ds.appId))
  if (tpl.hasMetadata) data.metadata = { source: ds.id, batch: Number(BigInt(index) % 12n) + 1 }
  if (tpl.hasGeo) {
    const rng = new Rng(`geo/${id}`)
    data.geo = { geo_point: { longitude: Math.round(rng.range(-180, 180) * 1e4) / 1e4, latitude: Math.round(rng.range(-60, 70) * 1e4) / 1e4 } }
  }
  return {
    createdAt,
    input: { id, data, created_at: timestamp(createdAt), modified_at: timestamp(createdAt + 60), status: status(Code.INPUT_SUCCESS) },
  }
}

export function regionInfoWire(region: RegionTemplate): Record<string, unknown> {
  if (region.shape === 'polygon') {
    // A diamond inside the box: the shape polygon tools draw most often in the demo.
    const midRow = (region.top + region.bottom) / 2
    const midCol = (region.left + region.right) / 2
    const round = (x: number): number => Math.round(x * 1000) / 1000
    return {
      polygon: {
        points: [
          { row: region.top, col: round(midCol) },
          { row: round(midRow), col: region.right },
          { row: region.bottom, col: round(midCol) },
          { row: round(midRow), col: region.left },
        ],
      },
    }
  }
  return { bounding_box: { top_row: region.top, left_col: region.left, bottom_row: region.bottom, right_col: region.right } }
}

/** The annotations of one input: one with its concepts (if any), one per region. */
export function inputAnnotations(ds: DatasetRec, index: number | bigint): Record<string, unknown>[] {
  const tpl = templateAt(ds, index)
  const inputId = inputIdOf(ds, index)
  const created = inputCreatedAt(ds, index) + 300
  const base = { input_id: inputId, user_id: OWNER, status: status(Code.ANNOTATION_SUCCESS), created_at: timestamp(created), modified_at: timestamp(created + 60) }
  const out: Record<string, unknown>[] = []
  if (tpl.concepts.length > 0) out.push({ id: `${inputId}-c`, ...base, input_level: true, data: { concepts: tpl.concepts.map((c) => conceptWire(c, ds.appId)) } })
  tpl.regions.forEach((region, k) => {
    out.push({
      id: `${inputId}-r${k}`,
      ...base,
      data: { regions: [{ id: `${inputId}-g${k}`, region_info: regionInfoWire(region), data: { concepts: [conceptWire(region.concept, ds.appId)] } }] },
    })
  })
  return out
}

export function annotationCount(tpl: InputTemplate): number {
  return (tpl.concepts.length > 0 ? 1 : 0) + tpl.regions.length
}

// ---------------------------------------------------------------------------------------------
// Counting over ranges of inputs

/** How many of the indexes in [from, to) follow template `t`. */
function templateCount(t: number, from: bigint, to: bigint): bigint {
  const p = BigInt(CYCLE)
  const upTo = (n: bigint): bigint => n / p + (BigInt(t) < n % p ? 1n : 0n)
  return to <= from ? 0n : upTo(to) - upTo(from)
}

export interface RangeCounts {
  inputs: bigint
  unlabeled: bigint
  withMetadata: bigint
  withGeo: bigint
  regions: bigint
  boxes: bigint
  polygons: bigint
  regionInputs: bigint
  inputTags: bigint
  regionTags: bigint
  annotations: bigint
  /** Regions per cell of the location grid (row-major). */
  matrix: bigint[]
}

/** Counts over inputs [from, to) of a dataset, optionally only those of one input kind. */
export function countRange(ds: DatasetRec, from: bigint, to: bigint, kind?: InputKind): RangeCounts {
  const out: RangeCounts = {
    inputs: 0n,
    unlabeled: 0n,
    withMetadata: 0n,
    withGeo: 0n,
    regions: 0n,
    boxes: 0n,
    polygons: 0n,
    regionInputs: 0n,
    inputTags: 0n,
    regionTags: 0n,
    annotations: 0n,
    matrix: Array.from({ length: GRID * GRID }, () => 0n),
  }
  templatesOf(ds).forEach((tpl, t) => {
    if (kind && tpl.kind !== kind) return
    const n = templateCount(t, from, to)
    if (n === 0n) return
    const regions = BigInt(tpl.regions.length)
    out.inputs += n
    if (tpl.concepts.length === 0 && tpl.regions.length === 0) out.unlabeled += n
    if (tpl.hasMetadata) out.withMetadata += n
    if (tpl.hasGeo) out.withGeo += n
    out.regions += n * regions
    out.boxes += n * BigInt(tpl.regions.filter((r) => r.shape === 'box').length)
    out.polygons += n * BigInt(tpl.regions.filter((r) => r.shape === 'polygon').length)
    if (regions > 0n) out.regionInputs += n
    out.inputTags += n * BigInt(tpl.concepts.length)
    out.regionTags += n * regions
    out.annotations += n * BigInt(annotationCount(tpl))
    for (const r of tpl.regions) {
      const cell = regionCell(r)
      out.matrix[cell] = (out.matrix[cell] ?? 0n) + n
    }
  })
  return out
}

// ---------------------------------------------------------------------------------------------
// App-wide lists: the app's inputs are its datasets' inputs, dataset after dataset (the huge
// synthetic one last), each newest first.

export function appDatasetsInOrder(app: AppRec): DatasetRec[] {
  return app.datasets.filter((d) => !d.huge).concat(app.datasets.filter((d) => d.huge))
}

export function appInputCount(app: AppRec): bigint {
  return app.datasets.reduce((s, d) => s + d.inputCount, 0n)
}

/** Positions [start, start + count) of the app's input list, as (dataset, index) pairs. */
export function appInputSlice(app: AppRec, start: bigint, count: number): { ds: DatasetRec; index: bigint }[] {
  const out: { ds: DatasetRec; index: bigint }[] = []
  let offset = start
  for (const ds of appDatasetsInOrder(app)) {
    if (out.length >= count) break
    if (offset >= ds.inputCount) {
      offset -= ds.inputCount
      continue
    }
    for (let i = offset; i < ds.inputCount && out.length < count; i++) out.push({ ds, index: i })
    offset = 0n
  }
  return out
}

/** Annotations [start, start + count) of the app, in input order; whole cycles are skipped by arithmetic. */
export function appAnnotationSlice(app: AppRec, start: bigint, count: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  let skip = start
  for (const ds of appDatasetsInOrder(app)) {
    if (out.length >= count) break
    const total = countRange(ds, 0n, ds.inputCount).annotations
    if (skip >= total) {
      skip -= total
      continue
    }
    const perCycle = BigInt(templatesOf(ds).reduce((s, t) => s + annotationCount(t), 0))
    const cycles = perCycle > 0n ? skip / perCycle : 0n
    skip -= cycles * perCycle
    for (let i = cycles * BigInt(CYCLE); i < ds.inputCount && out.length < count; i++) {
      const annotations = inputAnnotations(ds, i)
      if (skip >= BigInt(annotations.length)) {
        skip -= BigInt(annotations.length)
        continue
      }
      for (const a of annotations.slice(Number(skip))) if (out.length < count) out.push(a)
      skip = 0n
    }
  }
  return out
}
