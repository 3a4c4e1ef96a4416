// Dataset version metrics (uint64 counts as exact BigInt, MatrixUint64 heatmaps) and dataset inputs,
// generated on demand from the dataset records.
import { Rng } from '@/demo/prng'
import { Code, timestamp } from '@/demo/wire'
import { countRange, datasetInput, GRID } from './inputs'
import type { DatasetRec, DatasetVersionRec } from './world'
import type { InputKind } from './vocab'

/** 2^53 + 1: the classic value a float64 cannot hold; planted in the huge dataset's matrix. */
const NOT_A_DOUBLE = 9007199254740993n

function part(x: bigint, fraction: number): bigint {
  return (x * BigInt(Math.round(fraction * 1_000_000))) / 1_000_000n
}

/** Regions spread over a GRID x GRID heatmap, denser in the middle; cells sum to `regions`. */
function regionMatrix(rng: Rng, regions: bigint, plantBig: boolean): bigint[] {
  const weights: number[] = []
  const cx = rng.range(3.5, 5.5)
  const cy = rng.range(3.5, 5.5)
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const d2 = (i - cy) ** 2 + (j - cx) ** 2
      weights.push(Math.round((Math.exp(-d2 / 18) + 0.08 + 0.1 * rng.float()) * 1_000_000))
    }
  }
  const total = BigInt(weights.reduce((s, w) => s + w, 0))
  const cells = weights.map((w) => (regions * BigInt(w)) / total)
  const assigned = cells.reduce((s, c) => s + c, 0n)
  const centre = Math.floor(GRID / 2) * GRID + Math.floor(GRID / 2)
  cells[centre] = (cells[centre] ?? 0n) + (regions - assigned)
  if (plantBig) cells[0] = NOT_A_DOUBLE
  return cells
}

interface Counts {
  inputs_count: bigint
  unlabeled_inputs_count: bigint
  inputs_with_metadata_count: bigint
  inputs_with_geo_count: bigint
  regions_count: bigint
  bounding_boxes_count: bigint
  polygons_count: bigint
  points_count: bigint
  masks_count: bigint
  region_inputs_count: bigint
  region_frames_count: bigint
  frames_count: bigint
  frame_inputs_count: bigint
  embeddings_count: bigint
  positive_input_tags_count: bigint
  positive_region_tags_count: bigint
  positive_frame_tags_count: bigint
}

interface KindMetrics {
  counts: Counts
  matrix?: bigint[]
}

function kindMetrics(rng: Rng, kind: InputKind, inputs: bigint, huge: boolean): KindMetrics {
  const visual = kind !== 'text'
  const frames = kind === 'video' ? part(inputs, rng.range(30, 240)) : 0n
  const regions = visual ? part(inputs, huge ? rng.range(11, 12) : rng.range(0.8, 4.5)) : 0n
  const matrix = visual ? regionMatrix(rng, regions, huge) : undefined
  const regionsCount = matrix ? matrix.reduce((s, c) => s + c, 0n) : 0n
  const boxes = part(regionsCount, visual ? rng.range(0.6, 0.95) : 0)
  return {
    counts: {
      inputs_count: inputs,
      unlabeled_inputs_count: part(inputs, rng.range(0.03, 0.25)),
      inputs_with_metadata_count: part(inputs, rng.range(0.2, 0.95)),
      inputs_with_geo_count: visual ? part(inputs, rng.range(0, 0.4)) : 0n,
      regions_count: regionsCount,
      bounding_boxes_count: boxes,
      polygons_count: regionsCount - boxes,
      points_count: 0n,
      masks_count: 0n,
      region_inputs_count: visual ? part(inputs, rng.range(0.4, 0.95)) : 0n,
      region_frames_count: kind === 'video' ? part(frames, rng.range(0.1, 0.4)) : 0n,
      frames_count: frames,
      frame_inputs_count: kind === 'video' ? inputs : 0n,
      embeddings_count: inputs + frames,
      positive_input_tags_count: part(inputs, rng.range(1, 2.5)),
      positive_region_tags_count: regionsCount,
      positive_frame_tags_count: kind === 'video' ? part(frames, rng.range(0.05, 0.2)) : 0n,
    },
    matrix,
  }
}

function countsWire(counts: Counts, matrix: bigint[] | undefined): Record<string, unknown> {
  // UInt64Value wrappers are sent whenever set, "0" included.
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(counts)) out[k] = v.toString()
  if (matrix) out.region_location_matrix = { n_cols: String(GRID), data: matrix.map((c) => c.toString()) }
  // Keep proto field order: the matrix comes right after regions_count.
  const ordered: Record<string, unknown> = {}
  for (const k of Object.keys(out)) {
    if (k === 'region_location_matrix') continue
    ordered[k] = out[k]
    if (k === 'regions_count' && out.region_location_matrix) ordered.region_location_matrix = out.region_location_matrix
  }
  return ordered
}

const metricsCache = new Map<string, Record<string, unknown>>()

/** The inputs a version holds: the oldest `inputCount` inputs of its dataset (index 0 is the newest). */
export function versionRange(ds: DatasetRec, dv: DatasetVersionRec): { from: bigint; to: bigint } {
  const count = dv.inputCount < ds.inputCount ? dv.inputCount : ds.inputCount
  return { from: ds.inputCount - count, to: ds.inputCount }
}

/** Counts of a version's inputs and annotations, exactly what listing them gives. */
function exactKindMetrics(ds: DatasetRec, dv: DatasetVersionRec, kind: InputKind | undefined): KindMetrics {
  const { from, to } = versionRange(ds, dv)
  const c = countRange(ds, from, to, kind)
  const visual = kind ? kind !== 'text' : ds.kinds.some((k) => k !== 'text')
  return {
    counts: {
      inputs_count: c.inputs,
      unlabeled_inputs_count: c.unlabeled,
      inputs_with_metadata_count: c.withMetadata,
      inputs_with_geo_count: c.withGeo,
      regions_count: c.regions,
      bounding_boxes_count: c.boxes,
      polygons_count: c.polygons,
      points_count: 0n,
      masks_count: 0n,
      region_inputs_count: c.regionInputs,
      // Video inputs carry no frame annotations in the demo.
      region_frames_count: 0n,
      frames_count: 0n,
      frame_inputs_count: 0n,
      embeddings_count: c.inputs,
      positive_input_tags_count: c.inputTags,
      positive_region_tags_count: c.regionTags,
      positive_frame_tags_count: 0n,
    },
    matrix: visual ? c.matrix : undefined,
  }
}

/** `DatasetVersion.metrics`: "/" for the whole version plus one entry per input type. */
export function datasetVersionMetrics(ds: DatasetRec, dv: DatasetVersionRec): Record<string, unknown> | undefined {
  if (dv.statusCode !== Code.DATASET_VERSION_READY) return undefined
  const key = `${ds.appId}/${ds.id}/${dv.id}`
  const hit = metricsCache.get(key)
  if (hit) return hit
  const out = ds.huge ? hugeMetrics(ds, dv, key) : exactMetrics(ds, dv)
  metricsCache.set(key, out)
  return out
}

function exactMetrics(ds: DatasetRec, dv: DatasetVersionRec): Record<string, unknown> {
  const root = exactKindMetrics(ds, dv, undefined)
  const out: Record<string, unknown> = { '/': countsWire(root.counts, root.matrix) }
  for (const kind of ds.kinds) {
    const m = exactKindMetrics(ds, dv, kind)
    if (m.counts.inputs_count > 0n) out[`/INPUT_TYPE:${kind}`] = countsWire(m.counts, m.matrix)
  }
  return out
}

/**
 * The synthetic planet-scale dataset: 3 x 10^17 inputs cannot be listed page by page (page is a
 * uint32), so its counts are drawn, with 2^53 + 1 planted in the first matrix cell.
 */
function hugeMetrics(ds: DatasetRec, dv: DatasetVersionRec, key: string): Record<string, unknown> {
  const rng = new Rng(`dsmetrics/${key}`)
  const shares = ds.kinds.map(() => rng.range(0.5, 1.5))
  const totalShare = shares.reduce((s, x) => s + x, 0)
  let remaining = dv.inputCount
  const perKind = ds.kinds.map((kind, i) => {
    const inputs = i === ds.kinds.length - 1 ? remaining : part(dv.inputCount, (shares[i] ?? 1) / totalShare)
    remaining -= inputs
    return { kind, m: kindMetrics(rng, kind, inputs, ds.huge) }
  })
  const root = {} as Counts
  let rootMatrix: bigint[] | undefined
  for (const { m } of perKind) {
    for (const [k, v] of Object.entries(m.counts) as [keyof Counts, bigint][]) root[k] = (root[k] ?? 0n) + v
    if (m.matrix) rootMatrix = rootMatrix ? rootMatrix.map((c, i) => c + (m.matrix?.[i] ?? 0n)) : m.matrix.slice()
  }
  const out: Record<string, unknown> = { '/': countsWire(root, rootMatrix) }
  for (const { kind, m } of perKind) out[`/INPUT_TYPE:${kind}`] = countsWire(m.counts, m.matrix)
  return out
}

export function datasetInputsPage(ds: DatasetRec, page: number, perPage: number): Record<string, unknown>[] {
  const start = BigInt(page - 1) * BigInt(perPage)
  if (start >= ds.inputCount) return []
  const end = start + BigInt(perPage) > ds.inputCount ? ds.inputCount : start + BigInt(perPage)
  const out: Record<string, unknown>[] = []
  for (let i = start; i < end; i++) {
    const { createdAt, input } = datasetInput(ds, i)
    out.push({ created_at: timestamp(createdAt + 30), input })
  }
  return out
}
