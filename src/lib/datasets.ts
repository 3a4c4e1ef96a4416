// Dataset and dataset version logic for the dataset pages: the `metrics` map of a dataset
// version (keyed "/" for the whole version and "/INPUT_TYPE:<type>" per input type), its uint64
// counts kept as exact decimal strings, and the series of the "inputs and annotations across
// versions" chart. Pure: no React, no network. Every field may be absent or of the wrong type.

export const DATASET_VERSION_PENDING = 64005
export const DATASET_VERSION_IN_PROGRESS = 64010
export const DATASET_VERSION_READY = 64015
export const DATASET_VERSION_FAILURE = 64020

/** The key of the whole version in `DatasetVersion.metrics`. */
export const ROOT_METRIC_KEY = '/'

export interface MetricField {
  /** The `DatasetVersionMetrics` property. */
  field: string
  label: string
}

/** The uint64 counts of `DatasetVersionMetrics`, in proto order (region_location_matrix aside). */
export const METRIC_FIELDS: readonly MetricField[] = [
  { field: 'inputs_count', label: 'Inputs' },
  { field: 'unlabeled_inputs_count', label: 'Unlabeled inputs' },
  { field: 'inputs_with_metadata_count', label: 'Inputs with metadata' },
  { field: 'inputs_with_geo_count', label: 'Inputs with geo' },
  { field: 'regions_count', label: 'Regions' },
  { field: 'bounding_boxes_count', label: 'Bounding boxes' },
  { field: 'polygons_count', label: 'Polygons' },
  { field: 'points_count', label: 'Points' },
  { field: 'masks_count', label: 'Masks' },
  { field: 'region_inputs_count', label: 'Inputs with regions' },
  { field: 'region_frames_count', label: 'Frames with regions' },
  { field: 'frames_count', label: 'Frames' },
  { field: 'frame_inputs_count', label: 'Inputs with frames' },
  { field: 'embeddings_count', label: 'Embeddings' },
  { field: 'positive_input_tags_count', label: 'Input-level tags' },
  { field: 'positive_region_tags_count', label: 'Region-level tags' },
  { field: 'positive_frame_tags_count', label: 'Frame-level tags' },
]

/** The annotation counts the chart stacks: positive tags at input, region and frame level. */
export const ANNOTATION_FIELDS: readonly MetricField[] = [
  { field: 'positive_input_tags_count', label: 'Input-level tags' },
  { field: 'positive_region_tags_count', label: 'Region-level tags' },
  { field: 'positive_frame_tags_count', label: 'Frame-level tags' },
]

const UINT64_MAX = '18446744073709551615'

/**
 * A uint64 as its exact decimal string (no leading zeros), or `undefined` when the value is not
 * one: digit strings up to 2^64-1, and JSON numbers that are safe non-negative integers.
 */
export function uint64Text(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined
  const digits = value.replace(/^0+(?=\d)/, '')
  if (digits.length > UINT64_MAX.length || (digits.length === UINT64_MAX.length && digits > UINT64_MAX)) return undefined
  return digits
}

/** The nearest double of a uint64 string, for bar lengths and colors only (never for display). */
export function uint64Approx(value: string | number | undefined): number {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : 0
  const text = uint64Text(value)
  return text === undefined ? 0 : Number(text)
}

/** Adds uint64 decimal strings exactly (BigInt only here, for totals of a few values). */
export function addUint64(values: ReadonlyArray<string | undefined>): string | undefined {
  let total = 0n
  let hasAny = false
  for (const value of values) {
    const text = uint64Text(value)
    if (text === undefined) continue
    total += BigInt(text)
    hasAny = true
  }
  return hasAny ? total.toString() : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The metrics map as records only (a `null` map, or a non-object entry, is left out). */
export function metricsMap(metrics: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>()
  if (!isRecord(metrics)) return out
  for (const [key, value] of Object.entries(metrics)) if (isRecord(value)) out.set(key, value)
  return out
}

/** Keys of the metrics map in reading order: the whole version first, then by name. */
export function metricKeys(metrics: unknown): string[] {
  const keys = [...metricsMap(metrics).keys()]
  return keys.sort((a, b) => (a === ROOT_METRIC_KEY ? -1 : b === ROOT_METRIC_KEY ? 1 : a < b ? -1 : a > b ? 1 : 0))
}

/** `/` -> "All inputs", `/INPUT_TYPE:image` -> "Image"; other keys as they are. */
export function metricKeyLabel(key: string): string {
  if (key === ROOT_METRIC_KEY) return 'All inputs'
  const match = /^\/INPUT_TYPE:(.+)$/.exec(key)
  if (match) {
    const type = (match[1] as string).replace(/[_-]+/g, ' ').trim()
    return type ? type.charAt(0).toUpperCase() + type.slice(1) : key
  }
  return key
}

export interface MetricRow {
  field: string
  label: string
  /** One per key, in the order of the keys: exact decimal strings, `undefined` when absent. */
  values: Array<string | undefined>
}

/**
 * One row per count of `DatasetVersionMetrics`, one value per key. Known fields come in proto
 * order; fields this console does not know yet follow, when some key holds a uint64 in them.
 * Rows absent from every key are left out.
 */
export function metricRows(metrics: unknown, keys: readonly string[] = metricKeys(metrics)): MetricRow[] {
  const map = metricsMap(metrics)
  const entries = keys.map((key) => map.get(key))
  const known = new Set(METRIC_FIELDS.map((f) => f.field))
  const extra: MetricField[] = []
  for (const entry of entries) {
    for (const [field, value] of Object.entries(entry ?? {})) {
      if (known.has(field) || extra.some((f) => f.field === field) || uint64Text(value) === undefined) continue
      extra.push({ field, label: field.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) })
    }
  }
  const rows: MetricRow[] = []
  for (const { field, label } of [...METRIC_FIELDS, ...extra]) {
    const values = entries.map((entry) => uint64Text(entry?.[field]))
    if (values.some((v) => v !== undefined)) rows.push({ field, label, values })
  }
  return rows
}

/** The count of one field under one key of a version's metrics. */
export function metricValue(metrics: unknown, field: string, key: string = ROOT_METRIC_KEY): string | undefined {
  return uint64Text(metricsMap(metrics).get(key)?.[field])
}

/** The raw `region_location_matrix` of one key, for the shared MatrixUint64 decoder. */
export function regionMatrixOf(metrics: unknown, key: string): unknown {
  return metricsMap(metrics).get(key)?.region_location_matrix
}

/** Keys whose entry carries a region location matrix. */
export function keysWithMatrix(metrics: unknown): string[] {
  const map = metricsMap(metrics)
  return metricKeys(metrics).filter((key) => map.get(key)?.region_location_matrix !== undefined)
}

export interface KeyChoice {
  key: string | undefined
  /** Set when the requested key was not usable and another was chosen. */
  note?: string
}

/**
 * The key whose matrix the page shows: the requested one when the version has it, else the first
 * key with a matrix (the whole version when it has one), with a note saying what was dropped.
 */
export function chooseMatrixKey(metrics: unknown, requested: string | undefined): KeyChoice {
  const keys = keysWithMatrix(metrics)
  const fallback = keys[0]
  if (requested === undefined || requested === '') return { key: fallback }
  if (keys.includes(requested)) return { key: requested }
  const shown = requested.length > 40 ? `${requested.slice(0, 37)}…` : requested
  return {
    key: fallback,
    note: `Dropped key=${shown}: this version has no region location matrix for it${fallback ? `; showing ${metricKeyLabel(fallback)}` : ''}.`,
  }
}

export interface VersionLike {
  id?: string
  created_at?: string
  description?: string
  status?: { code?: number }
  metrics?: unknown
}

export interface VersionChartSeries {
  id: string
  label: string
  /** Bars of the same stack are drawn end to end; different stacks side by side. */
  stack: string
  /** One per version, oldest first: exact uint64 strings, `undefined` when unknown. */
  values: Array<string | undefined>
}

export interface VersionChart {
  /** Versions oldest first (the chart reads left to right, top to bottom, in time). */
  versions: Array<{ id: string; label: string }>
  series: VersionChartSeries[]
}

/**
 * Inputs and annotations across versions, from each version's whole-version metrics ("/"):
 * inputs on one bar, annotations (positive tags at input, region and frame level) stacked on
 * another. Versions without metrics (pending, failed) keep their place with no bars.
 */
export function versionChart(versions: readonly VersionLike[]): VersionChart {
  const ordered = versions
    .map((version, index) => ({ version, index }))
    .sort((a, b) => {
      const ta = Date.parse(a.version.created_at ?? '')
      const tb = Date.parse(b.version.created_at ?? '')
      if (Number.isNaN(ta) || Number.isNaN(tb) || ta === tb) return b.index - a.index
      return ta - tb
    })
    .map(({ version }) => version)
  const series: VersionChartSeries[] = [
    { id: 'inputs_count', label: 'Inputs', stack: 'inputs', values: ordered.map((v) => metricValue(v.metrics, 'inputs_count')) },
    ...ANNOTATION_FIELDS.map(({ field, label }) => ({
      id: field,
      label,
      stack: 'annotations',
      values: ordered.map((v) => metricValue(v.metrics, field)),
    })),
  ]
  return {
    versions: ordered.map((v, i) => ({ id: v.id ?? `#${i + 1}`, label: v.id ? v.id.slice(0, 8) : `#${i + 1}` })),
    // A series absent or zero in every version (frame tags of an image dataset) is legend noise.
    series: series.filter((s) => s.values.some((v) => v !== undefined && v !== '0')),
  }
}

const ORIGINS: Record<number, string> = { 1: 'Manual', 2: 'Training', 3: 'Evaluation ground truth', 4: 'Evaluation predictions' }

/** `DatasetVersionRequestOrigin` by name; unknown integers as numbers. */
export function versionOriginLabel(origin: unknown): string | undefined {
  if (typeof origin === 'string' && origin) return origin
  if (typeof origin !== 'number' || origin === 0) return undefined
  return ORIGINS[origin] ?? `Origin ${origin}`
}

/** The image of an input worth a thumbnail: an image URL, else a video thumbnail. */
export function inputThumbnail(input: unknown): string | undefined {
  if (!isRecord(input) || !isRecord(input.data)) return undefined
  const { image, video } = input.data
  if (isRecord(image)) {
    const url = safeImageUrl(image.url)
    if (url) return url
  }
  return isRecord(video) ? safeImageUrl(video.thumbnail_url) : undefined
}

/** Image URLs an `<img>` may load: http(s), `data:image/…`, `blob:` and same-origin paths. */
export function safeImageUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  const text = url.trim()
  if (/^(?:https?:\/\/|blob:|data:image\/)/i.test(text)) return text
  if (/^\/(?!\/)/.test(text)) return text
  return undefined
}

/** A short text of an input without an image: its raw text, or the kind of data it holds. */
export function inputSummary(input: unknown): string | undefined {
  if (!isRecord(input) || !isRecord(input.data)) return undefined
  const data = input.data
  if (isRecord(data.text) && typeof data.text.raw === 'string') return data.text.raw
  for (const kind of ['image', 'video', 'audio', 'text']) if (isRecord(data[kind])) return kind.charAt(0).toUpperCase() + kind.slice(1)
  return undefined
}

/** Names of the concepts on an input (`data.concepts`), ids when unnamed. */
export function inputConcepts(input: unknown): string[] {
  if (!isRecord(input) || !isRecord(input.data) || !Array.isArray(input.data.concepts)) return []
  return input.data.concepts
    .filter(isRecord)
    .map((c) => (typeof c.name === 'string' && c.name ? c.name : typeof c.id === 'string' ? c.id : undefined))
    .filter((n): n is string => n !== undefined)
}
