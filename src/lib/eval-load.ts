// Loading an evaluation for the viewer: the answer's bytes (from the API or a file) parsed,
// checked section by section, cleaned and prepared in one function that runs in a Web Worker
// (in-process where there is none, as under Node). What it gives back is made to cross to the
// page cheaply: typed arrays (whose buffers are transferred, not copied) and the small sections
// as plain objects, never the answer's object graph (57 MB of JSON at 10,000 concepts), whose
// structured-clone copy alone would hold the page's thread for seconds. Errors cross as data.

import { BinaryCurves, packBinary, type BinaryTable } from './eval-binary.ts'
import { confusionCells, cooccurrenceCells, createCountEngine, type CountEngine } from './eval-counts.ts'
import { bestF1Thresholds, ConceptLimitError, packBestF1, prepareEvaluation, seedBestF1, type EvalMetricsWire, type PackedBestF1, type PreparedEvaluation } from './eval-metrics.ts'
import { packRegions, regionsOf, type RegionTable } from './eval-regions.ts'
import { checkEvalMetrics, nameRankOf, parseEvaluationFile, rowRanksOf, seedEngine, seedNameRanks, withoutSections, type SectionProblem } from './eval-view.ts'
import { decodeMatrixUint64, MatrixUint64Error, type DecodeResult, type MatrixUint64ErrorKind } from './matrix-uint64.ts'
import { runSteps, type Steps } from './yield-to-main.ts'

/** Sections too large to cross as objects: they cross packed inside the prepared evaluation. */
const HEAVY_SECTIONS = ['test_set', 'confusion_matrix', 'cooccurrence_matrix', 'binary_metrics'] as const

/** An answer the API layer must turn into its error: an unreadable body or a non-10000 status. */
export interface AnswerProblem {
  kind: 'malformed' | 'status'
  code?: number
  description?: string
  details?: string
  reqId?: string
}

/**
 * Many strings as one: structured clone pays per string for 100,000 of them; slices of one text
 * are cheap to make on arrival. A long text crosses as its UTF-8 bytes, whose buffer is
 * transferred: a copied string of megabytes (the image URLs of 20,000 inputs) would be allocated
 * on the page's heap while the message is read, and is decoded only when first unpacked.
 */
export interface PackedStrings {
  /** The strings one after another: a string, or its UTF-8 bytes (`textOf` reads either). */
  text: string | Uint8Array
  /** End of string k in `text` (its start is the previous end). */
  ends: Uint32Array
  /** 1 where the list held no string (undefined); null when every entry is a string. */
  missing: Uint8Array | null
}

export function packStrings(list: readonly (string | undefined)[]): PackedStrings {
  const ends = new Uint32Array(list.length)
  let missing: Uint8Array | null = null
  const parts: string[] = []
  let end = 0
  list.forEach((x, k) => {
    if (typeof x === 'string') {
      parts.push(x)
      end += x.length
    } else (missing ??= new Uint8Array(list.length))[k] = 1
    ends[k] = end
  })
  return { text: crossingText(parts.join('')), ends, missing }
}

/** Texts from this length on cross as UTF-8 bytes. */
const BYTES_FROM = 4096
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * A text as it best crosses to the page: long ones as UTF-8 bytes (transferred, not copied onto
 * the page's heap), unless a lone surrogate would not survive the encoding.
 */
export function crossingText(text: string): string | Uint8Array {
  if (text.length < BYTES_FROM) return text
  const wellFormed = (text as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !LONE_SURROGATE.test(text)
  return wellFormed ? new TextEncoder().encode(text) : text
}

/** The text that crossed as `crossingText` gave it. */
export function textOf(text: string | Uint8Array): string {
  return typeof text === 'string' ? text : new TextDecoder().decode(text)
}

export function unpackStrings(p: PackedStrings): (string | undefined)[] {
  const out = new Array<string | undefined>(p.ends.length)
  const text = textOf(p.text)
  let start = 0
  for (let k = 0; k < p.ends.length; k++) {
    const end = p.ends[k]!
    out[k] = p.missing !== null && p.missing[k] === 1 ? undefined : text.slice(start, end)
    start = end
  }
  return out
}

type StringFields = 'conceptIds' | 'conceptNames' | 'apiOrder' | 'inputIds' | 'imageUrls'

/** The prepared evaluation as it crosses: no Map, no function, no back reference, strings packed. */
export interface PreparedWire {
  ev: Omit<PreparedEvaluation, 'conceptIndex' | 'regionsAt' | StringFields>
  conceptIds: PackedStrings
  /** null when every name is its id. */
  conceptNames: PackedStrings | null
  /** The API's concept order as indices into conceptIds. */
  apiOrder: Uint32Array
  inputIds: PackedStrings
  imageUrls: PackedStrings
  regions: RegionTable | null
  binary: Omit<BinaryTable, 'ids' | 'names'> & { ids: PackedStrings; names: PackedStrings }
  /** The threshold count engine, built where the sorting costs the page nothing; its `ev` is set again on arrival. */
  engine: Omit<CountEngine, 'ev'> | null
  /** Best-F1 threshold per concept, null without a test set. */
  best: PackedBestF1 | null
  /** Each concept's place in name order (the one string sort of the page's orderings). */
  nameRanks: Int32Array
  /** The per-concept rows' name ranks (`rowRanksOf`). */
  rowRanks: Int32Array
}

export interface EvaluationWire {
  /**
   * Every section but the heavy ones (test set, matrices, binary metrics, which `prepared`
   * carries), each as its JSON text (`crossingText`: a long one as UTF-8 bytes, transferred), and
   * a section is decoded and parsed on the page only when a panel reads it (the 10,000 entries of
   * metrics_by_class of a classifier never are).
   */
  metrics: Record<string, string | Uint8Array>
  problems: SectionProblem[]
  /** Whether the answer carries anything beyond its status. */
  hasResults: boolean
  prepared: PreparedWire | null
  /** Set when the evaluation names more concepts than the viewer takes. */
  limitCount: number | null
}

/** What the preparing function posts back. */
export type LoadMessage =
  | { kind: 'evaluation'; evaluation: EvaluationWire }
  | { kind: 'matrix'; nCols: number; values: Float64Array }
  | { kind: 'matrix'; wire: { n_cols: string; data: string[] } }
  | { kind: 'matrix-error'; errorKind: MatrixUint64ErrorKind; message: string; index: number | undefined }
  | { kind: 'file-error'; message: string }
  | { kind: 'answer-error'; problem: AnswerProblem }

export type LoadSource = 'api' | 'file'

/** An evaluation ready for the viewer, on the page's side. */
export interface LoadedEvaluation {
  /** The small sections (summary, status, model, label counts, detection metrics, …). */
  metrics: EvalMetricsWire & Record<string, unknown>
  problems: SectionProblem[]
  hasResults: boolean
  /** null when over the concept limit (`limit` says so). */
  ev: PreparedEvaluation | null
  binary: BinaryCurves
  limit: ConceptLimitError | null
  /** The answer's bytes as received, for the raw view and downloads (set by the loader). */
  raw?: Blob
}

export type LoadedFile =
  | { kind: 'evaluation'; evaluation: LoadedEvaluation }
  | { kind: 'matrix'; result: DecodeResult }
  | { kind: 'error'; message: string }

function isObj(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x)
}

function present(x: unknown): boolean {
  return x !== undefined && x !== null && x !== false
}

/** Checks, cleans and prepares one EvalMetrics object: the work of the worker after parsing. */
export function prepareEvaluationWire(metrics: Record<string, unknown>, problems: SectionProblem[] = checkEvalMetrics(metrics)): EvaluationWire {
  const clean = withoutSections(metrics, problems) as EvalMetricsWire & Record<string, unknown>
  const small: Record<string, string | Uint8Array> = {}
  for (const [k, v] of Object.entries(clean)) if (v !== undefined && !(HEAVY_SECTIONS as readonly string[]).includes(k)) small[k] = crossingText(JSON.stringify(v))
  const hasResults = ['summary', 'confusion_matrix', 'test_set', 'binary_metrics', 'cooccurrence_matrix', 'label_counts'].some((k) => present(metrics[k]))
  let prepared: PreparedWire | null = null
  let limitCount: number | null = null
  try {
    const full = prepareEvaluation(clean)
    const { regionsAt: _regionsAt, ...ev } = full
    const base = { ...ev, confusionCells: confusionCells(full, clean.confusion_matrix), cooccurrenceCells: clean.cooccurrence_matrix ? cooccurrenceCells(full, clean.cooccurrence_matrix) : null }
    const engine = full.inputCount > 0 ? createCountEngine(full) : null
    let engineWire: PreparedWire['engine'] = null
    if (engine) {
      const { ev: _ev, ...rest } = engine
      engineWire = rest
    }
    const { conceptIndex: _index, conceptIds, conceptNames, apiOrder, inputIds, imageUrls, ...evWire } = base
    const binary = packBinary(clean.binary_metrics)
    prepared = {
      ev: evWire,
      conceptIds: packStrings(conceptIds),
      conceptNames: conceptNames.every((name, k) => name === conceptIds[k]) ? null : packStrings(conceptNames),
      apiOrder: Uint32Array.from(apiOrder, (id) => full.conceptIndex.get(id)!),
      inputIds: packStrings(inputIds),
      imageUrls: packStrings(imageUrls),
      regions: packRegions(Array.isArray(clean.test_set) ? clean.test_set : []),
      binary: { ...binary, ids: packStrings(binary.ids), names: packStrings(binary.names) },
      engine: engineWire,
      best: full.inputCount > 0 ? packBestF1(bestF1Thresholds(full)) : null,
      nameRanks: nameRankOf(full),
      rowRanks: rowRanksOf(full),
    }
  } catch (error) {
    if (!(error instanceof ConceptLimitError)) throw error
    limitCount = error.conceptCount
  }
  return { metrics: small, problems, hasResults, prepared, limitCount }
}

function decodeText(body: ArrayBuffer | Uint8Array | string): string {
  return typeof body === 'string' ? body : new TextDecoder().decode(body)
}

function statusOf(body: unknown): Record<string, unknown> | undefined {
  return isObj(body) && isObj(body.status) ? body.status : undefined
}

/** A GetEvaluation answer's body: its status checked as the API layer does, then its eval_metrics prepared. */
function loadAnswer(text: string): LoadMessage {
  if (text.trim() === '') return { kind: 'answer-error', problem: { kind: 'malformed', description: 'The API answered with an empty body.' } }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { kind: 'answer-error', problem: { kind: 'malformed' } }
  }
  const status = statusOf(body)
  const fields = {
    code: typeof status?.code === 'number' ? status.code : undefined,
    description: typeof status?.description === 'string' ? status.description : undefined,
    details: typeof status?.details === 'string' ? status.details : undefined,
    reqId: typeof status?.req_id === 'string' ? status.req_id : undefined,
  }
  if (fields.code !== undefined && fields.code !== 10000) return { kind: 'answer-error', problem: { kind: 'status', ...fields } }
  const metrics = isObj(body) && isObj(body.eval_metrics) ? body.eval_metrics : {}
  return { kind: 'evaluation', evaluation: prepareEvaluationWire(metrics) }
}

/** An evaluation file: an EvalMetrics (bare or in a GetEvaluation answer) or a MatrixUint64. */
function loadFile(text: string): LoadMessage {
  const parsed = parseEvaluationFile(text)
  if (parsed.kind === 'error') return { kind: 'file-error', message: parsed.message }
  if (parsed.kind === 'evaluation') return { kind: 'evaluation', evaluation: prepareEvaluationWire(parsed.metrics, parsed.problems) }
  const r = parsed.result
  if (!r.ok) return { kind: 'matrix-error', errorKind: r.error.kind, message: r.error.message, index: r.error.index }
  // Exact values below 2^53 cross as doubles and are decoded again on arrival (a typed pass).
  if (r.matrix.isExact) return { kind: 'matrix', nCols: r.matrix.cols, values: r.matrix.values }
  const data: string[] = new Array<string>(r.matrix.rows * r.matrix.cols)
  for (let k = 0; k < data.length; k++) data[k] = r.matrix.exactAt(k)
  return { kind: 'matrix', wire: { n_cols: String(r.matrix.cols), data } }
}

/** The preparing function the worker runs: bytes (or text) in, a message made to cross out. */
export function loadEvaluationBody(body: ArrayBuffer | Uint8Array | string, source: LoadSource): LoadMessage {
  const text = decodeText(body)
  return source === 'api' ? loadAnswer(text) : loadFile(text)
}

/** The buffers of every typed array in a message, each once: transferred, not copied. */
export function transferablesOf(message: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>()
  const seen = new Set<object>()
  const walk = (x: unknown): void => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return
    seen.add(x)
    if (ArrayBuffer.isView(x)) {
      if (x.buffer instanceof ArrayBuffer) out.add(x.buffer)
      return
    }
    if (Array.isArray(x)) {
      // Lists of strings or numbers hold no buffers.
      if (x.length > 0 && (x[0] === null || typeof x[0] !== 'object')) return
      for (const v of x) walk(v)
      return
    }
    for (const v of Object.values(x)) walk(v)
  }
  walk(message)
  return [...out]
}

/** The small sections, each parsed from its text on first read. */
function lazySections(texts: Record<string, string | Uint8Array>): EvalMetricsWire & Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, text] of Object.entries(texts)) {
    let value: unknown
    let isParsed = false
    Object.defineProperty(out, key, {
      enumerable: true,
      get() {
        if (!isParsed) {
          value = JSON.parse(textOf(text))
          isParsed = true
        }
        return value
      },
    })
  }
  return out as EvalMetricsWire & Record<string, unknown>
}

/** The page's side of an evaluation that crossed: indexes and readers rebuilt, O(concepts + inputs). */
export function reviveEvaluation(wire: EvaluationWire): LoadedEvaluation {
  return runSteps(reviveEvaluationSteps(wire))
}

/** Concepts indexed per step of reviveEvaluationSteps. */
const INDEX_STEP = 5000

/**
 * reviveEvaluation in steps of a few milliseconds at 10,000 concepts (the concepts' ids, their
 * index 5,000 at a time; their names, order and the handed-over results; the binary metrics and
 * their index), so the page's share of an arrival is never one long task. Inputs' ids and URLs
 * wait for their first read.
 */
export function* reviveEvaluationSteps(wire: EvaluationWire): Steps<LoadedEvaluation> {
  const p = wire.prepared
  let ev: PreparedEvaluation | null = null
  let binary: BinaryTable | null = null
  if (p) {
    const regions = p.regions
    const conceptIds = unpackStrings(p.conceptIds) as string[]
    const conceptIndex = new Map<string, number>()
    for (let k = 0; k < conceptIds.length; k++) {
      if (k % INDEX_STEP === 0) yield
      conceptIndex.set(conceptIds[k]!, k)
    }
    yield
    const inputs = { ids: p.inputIds, urls: p.imageUrls }
    let inputIds: string[] | undefined
    let imageUrls: (string | undefined)[] | undefined
    ev = {
      ...p.ev,
      conceptIds,
      conceptIndex,
      conceptNames: p.conceptNames ? (unpackStrings(p.conceptNames) as string[]) : conceptIds,
      apiOrder: Array.from(p.apiOrder, (k) => conceptIds[k]!),
      // Read only when a cell's inputs are listed: unpacked then, not on arrival.
      get inputIds() {
        return (inputIds ??= unpackStrings(inputs.ids) as string[])
      },
      get imageUrls() {
        return (imageUrls ??= unpackStrings(inputs.urls))
      },
      regionsAt: (i: number) => regionsOf(regions, i),
    }
    if (p.engine) seedEngine(ev, { ...p.engine, ev })
    if (p.best) seedBestF1(ev, p.best)
    seedNameRanks(ev, p.nameRanks, p.rowRanks)
    yield
    binary = { ...p.binary, ids: unpackStrings(p.binary.ids) as string[], names: unpackStrings(p.binary.names) as string[] }
    yield
  }
  return {
    metrics: lazySections(wire.metrics),
    problems: wire.problems,
    hasResults: wire.hasResults,
    ev,
    binary: new BinaryCurves(binary ?? packBinary([])),
    limit: wire.limitCount === null ? null : new ConceptLimitError(wire.limitCount),
  }
}

/** A file's message on the page's side. */
export function reviveFile(message: LoadMessage): LoadedFile {
  return runSteps(reviveFileSteps(message))
}

/** reviveFile in steps (an evaluation's are reviveEvaluationSteps). */
export function* reviveFileSteps(message: LoadMessage): Steps<LoadedFile> {
  switch (message.kind) {
    case 'evaluation':
      return { kind: 'evaluation', evaluation: yield* reviveEvaluationSteps(message.evaluation) }
    case 'matrix':
      try {
        return { kind: 'matrix', result: { ok: true, matrix: decodeMatrixUint64('wire' in message ? message.wire : { n_cols: message.nCols, data: message.values }) } }
      } catch (error) {
        return { kind: 'matrix', result: { ok: false, error: error as MatrixUint64Error } }
      }
    case 'matrix-error':
      return { kind: 'matrix', result: { ok: false, error: new MatrixUint64Error(message.errorKind, message.message, message.index) } }
    case 'file-error':
      return { kind: 'error', message: message.message }
    case 'answer-error':
      return { kind: 'error', message: message.problem.description ?? 'The file could not be read.' }
  }
}

/** An EvalMetrics object already in memory, prepared in-process by the same function. */
export function loadedEvaluation(metrics: Record<string, unknown>): LoadedEvaluation {
  return reviveEvaluation(prepareEvaluationWire(metrics))
}
