// Dataset version metrics (uint64 counts as exact BigInt, MatrixUint64 heatmaps) and dataset inputs,
// generated on demand from the dataset records.
import { hashString, Rng } from '@/demo/prng'
import { Code, status, timestamp } from '@/demo/wire'
import { svgThumb } from './images'
import { conceptName, type DatasetRec, type DatasetVersionRec } from './world'
import { APP_SPECS, TEXT_TEMPLATES, type InputKind } from './vocab'

const GRID = 10
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

/** `DatasetVersion.metrics`: "/" for the whole version plus one entry per input type. */
export function datasetVersionMetrics(ds: DatasetRec, dv: DatasetVersionRec): Record<string, unknown> | undefined {
  if (dv.statusCode !== Code.DATASET_VERSION_READY) return undefined
  const key = `${ds.appId}/${ds.id}/${dv.id}`
  const hit = metricsCache.get(key)
  if (hit) return hit
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
  metricsCache.set(key, out)
  return out
}

function inputKindAt(ds: DatasetRec, index: number): InputKind {
  return ds.kinds[hashString(`${ds.id}/${index}`) % ds.kinds.length] ?? 'image'
}

/** Input `index` (0 = newest) of a dataset, as a wire Input. */
export function datasetInput(ds: DatasetRec, index: number): { createdAt: number; input: Record<string, unknown> } {
  const rng = new Rng(`input/${ds.appId}/${ds.id}/${index}`)
  const vocab = APP_SPECS.find((a) => a.id === ds.appId)?.concepts ?? ['item']
  const concepts = rng.shuffle(vocab).slice(0, rng.chance(0.3) ? 2 : 1)
  const kind = inputKindAt(ds, index)
  const id = rng.hex(32)
  // Newest first: later indexes are older, a minute or so apart (wrapping for the huge dataset).
  const createdAt = ds.modifiedAt - (index % 200_000) * 61 - rng.range(0, 50)
  const data: Record<string, unknown> =
    kind === 'text'
      ? { text: { raw: rng.pick(TEXT_TEMPLATES).replace('{x}', conceptName(concepts[0] ?? 'item')) } }
      : kind === 'video'
        ? { video: { url: `https://samples.clarifai.com/demo/${ds.id}/${id}.mp4`, thumbnail_url: svgThumb(id, concepts[0] ?? '') } }
        : { image: { url: svgThumb(id, concepts[0] ?? ''), image_info: { width: 64, height: 48, format: 'SVG' } } }
  data.concepts = concepts.map((c) => ({ id: c, name: conceptName(c), value: 1, app_id: ds.appId }))
  return {
    createdAt,
    input: {
      id,
      data,
      created_at: timestamp(createdAt),
      modified_at: timestamp(createdAt + 60),
      status: status(Code.INPUT_SUCCESS),
    },
  }
}

export function datasetInputsPage(ds: DatasetRec, page: number, perPage: number): Record<string, unknown>[] {
  const start = BigInt(page - 1) * BigInt(perPage)
  if (start >= ds.inputCount) return []
  const end = start + BigInt(perPage) > ds.inputCount ? ds.inputCount : start + BigInt(perPage)
  const out: Record<string, unknown>[] = []
  for (let i = Number(start); i < Number(end); i++) {
    const { createdAt, input } = datasetInput(ds, i)
    out.push({ created_at: timestamp(createdAt + 30), input })
  }
  return out
}

