// EvalMetrics on the wire: summary always (when evaluated), the rest only with fields.* flags.
import { hashString } from '@/demo/prng'
import { Code, nzList, status } from '@/demo/wire'
import { computeEvaluation, type ConceptMetrics, type DetBox, type EvalDetail, type Summary } from './evaluation'
import { svgThumb, svgWithBoxes } from './images'
import summariesFile from './summaries.gen.json'
import { TEXT_TEMPLATES } from './vocab'
import { conceptName, OWNER, type ConceptRec, type EvalRec } from './world'

export const EVAL_FIELDS = [
  'confusion_matrix',
  'cooccurrence_matrix',
  'label_counts',
  'binary_metrics',
  'test_set',
  'metrics_by_area',
  'metrics_by_class',
] as const
export type EvalField = (typeof EVAL_FIELDS)[number]
export type EvalFields = Partial<Record<EvalField, boolean>>

/** Order of the numbers in summaries.gen.json. */
export const SUMMARY_KEYS = [
  'macro_avg_roc_auc',
  'macro_std_roc_auc',
  'macro_avg_f1_score',
  'macro_std_f1_score',
  'macro_avg_precision',
  'macro_avg_recall',
  'mean_avg_precision_iou_50',
  'mean_avg_precision_iou_range',
] as const satisfies readonly (keyof Summary)[]

function fromRow(row: number[]): Summary {
  const s = Object.fromEntries(SUMMARY_KEYS.map((k, i) => [k, row[i] ?? 0])) as unknown as Summary
  if (!s.mean_avg_precision_iou_50) delete s.mean_avg_precision_iou_50
  if (!s.mean_avg_precision_iou_range) delete s.mean_avg_precision_iou_range
  return s
}

// Summaries are small and needed by every list: precomputed in summaries.gen.json (kept in step by
// summaries.test.ts), else computed once without curves, and kept.
const precomputed = summariesFile as Record<string, number[]>
const summaries = new Map<string, Summary>()
// Full details are big: keep the few most recently used.
const details = new Map<string, EvalDetail>()
const DETAIL_CACHE = 4

export function isEvaluated(rec: EvalRec): boolean {
  return rec.statusCode === Code.MODEL_EVALUATED
}

export function evalSummary(rec: EvalRec): Summary | undefined {
  if (!isEvaluated(rec)) return undefined
  let s = summaries.get(rec.id)
  if (!s) {
    const row = precomputed[rec.id]
    s = row ? fromRow(row) : (details.get(rec.id) ?? computeEvaluation(rec, false)).summary
    summaries.set(rec.id, s)
  }
  return s
}

export function evalDetail(rec: EvalRec): EvalDetail {
  let d = details.get(rec.id)
  if (d) {
    details.delete(rec.id)
  } else {
    d = computeEvaluation(rec, true)
    summaries.set(rec.id, d.summary)
  }
  details.set(rec.id, d)
  while (details.size > DETAIL_CACHE) {
    const oldest = details.keys().next().value
    if (oldest === undefined) break
    details.delete(oldest)
  }
  return d
}

function conceptWire(c: ConceptRec | undefined, value = 1): Record<string, unknown> {
  return { id: c?.id ?? '', name: c?.name ?? '', value }
}

function summaryWire(s: Summary): Record<string, unknown> {
  // cl_show_if_empty: the six macro fields are always sent; detection fields only when set.
  return {
    macro_avg_roc_auc: s.macro_avg_roc_auc,
    macro_std_roc_auc: s.macro_std_roc_auc,
    macro_avg_f1_score: s.macro_avg_f1_score,
    macro_std_f1_score: s.macro_std_f1_score,
    macro_avg_precision: s.macro_avg_precision,
    macro_avg_recall: s.macro_avg_recall,
    mean_avg_precision_iou_50: s.mean_avg_precision_iou_50 || undefined,
    mean_avg_precision_iou_range: s.mean_avg_precision_iou_range || undefined,
  }
}

function binaryWire(m: ConceptMetrics, concept: ConceptRec | undefined, withCurves: boolean): Record<string, unknown> {
  return {
    num_pos: m.numPos,
    num_neg: m.numNeg,
    num_tot: m.numTot,
    roc_auc: m.rocAuc,
    f1: m.f1,
    concept: conceptWire(concept),
    roc_curve: withCurves ? { fpr: m.roc.a, tpr: m.roc.b, thresholds: m.roc.thresholds } : undefined,
    precision_recall_curve: withCurves ? { recall: m.pr.a, precision: m.pr.b, thresholds: m.pr.thresholds } : undefined,
  }
}

function regionWire(box: DetBox, concepts: ConceptRec[], id: string, predicted: boolean): Record<string, unknown> {
  const score = predicted ? box.s / 1e4 : 1
  return {
    id,
    region_info: { bounding_box: { top_row: box.top, left_col: box.left, bottom_row: box.bottom, right_col: box.right } },
    data: { concepts: [conceptWire(concepts[box.c], score)] },
    value: predicted ? score : undefined,
  }
}

function shortHex(key: string): string {
  return hashString(key).toString(16).padStart(8, '0') + hashString(`${key}#`).toString(16).padStart(8, '0')
}

function testSetWire(rec: EvalRec, d: EvalDetail): Record<string, unknown>[] {
  const ts = d.testSet
  const text = rec.modelTypeId === 'text-classifier'
  const out: Record<string, unknown>[] = []
  for (let i = 0; i < ts.n; i++) {
    const inputId = shortHex(`${rec.id}/input/${i}`) + shortHex(`${rec.id}/input/${i}/b`)
    const gts: number[] = []
    for (let j = ts.gtStart[i] ?? 0; j < (ts.gtStart[i + 1] ?? 0); j++) gts.push(ts.gt[j] ?? 0)
    const predicted: Record<string, unknown>[] = []
    for (let j = ts.predStart[i] ?? 0; j < (ts.predStart[i + 1] ?? 0); j++) {
      predicted.push(conceptWire(d.concepts[ts.predC[j] ?? 0], (ts.predS[j] ?? 0) / 1e4))
    }
    const firstGt = d.concepts[gts[0] ?? 0]
    let data: Record<string, unknown>
    if (text) {
      const template = TEXT_TEMPLATES[hashString(inputId) % TEXT_TEMPLATES.length] ?? '{x}'
      data = { text: { raw: template.replace('{x}', conceptName(firstGt?.id ?? 'item')) } }
    } else if (ts.gtBoxes) {
      const boxes = (ts.gtBoxes[i] ?? []).map((b) => ({ ...b, colorKey: d.concepts[b.c]?.id ?? '' }))
      data = { image: { url: svgWithBoxes(inputId, boxes), image_info: { width: 640, height: 480, format: 'SVG' } } }
    } else {
      data = { image: { url: svgThumb(inputId, firstGt?.id ?? '') } }
    }
    // Empty repeated fields are left out (an input the model found nothing in has no predictions).
    const entry: Record<string, unknown> = {
      input: { id: inputId, data },
      predicted_concepts: nzList(predicted),
      ground_truth_concepts: nzList(gts.map((g) => conceptWire(d.concepts[g]))),
    }
    const predBoxes = ts.predBoxes?.[i] ?? []
    const gtBoxes = ts.gtBoxes?.[i] ?? []
    if (predBoxes.length > 0) {
      entry.predicted_annotation = {
        input_id: inputId,
        data: { regions: predBoxes.map((b, k) => regionWire(b, d.concepts, shortHex(`${inputId}/p${k}`), true)) },
      }
    }
    if (gtBoxes.length > 0) {
      entry.ground_truth_annotation = {
        input_id: inputId,
        data: { regions: gtBoxes.map((b, k) => regionWire(b, d.concepts, shortHex(`${inputId}/g${k}`), false)) },
      }
    }
    out.push(entry)
  }
  return out
}

// The wire objects of large evaluations take seconds to build (10,000 concepts: about 57 MB of
// JSON): keep the last one so a reload or a second viewer answers from memory.
let lastWire: { key: string; wire: Record<string, unknown> } | undefined
const CACHE_WIRE_FROM_CONCEPTS = 2000

/** The EvalMetrics message of an evaluation; `fields` select the heavy parts. */
export function evalWire(rec: EvalRec, fields: EvalFields = {}): Record<string, unknown> {
  if (rec.conceptCount < CACHE_WIRE_FROM_CONCEPTS) return buildEvalWire(rec, fields)
  const key = `${rec.id}|${EVAL_FIELDS.filter((f) => fields[f]).join(',')}`
  if (lastWire?.key !== key) lastWire = { key, wire: buildEvalWire(rec, fields) }
  return lastWire.wire
}

function buildEvalWire(rec: EvalRec, fields: EvalFields): Record<string, unknown> {
  const datasetRef = (ref: { datasetId: string; versionId: string }): Record<string, unknown> => ({
    id: ref.datasetId,
    app_id: rec.appId,
    user_id: OWNER,
    version: { id: ref.versionId },
  })
  const out: Record<string, unknown> = {
    status: status(rec.statusCode, rec.statusCode === Code.MODEL_EVALUATION_FAILED ? 'Not enough inputs per concept in the ground truth dataset' : undefined),
    user_id: OWNER,
    app_id: rec.appId,
    id: rec.id,
    model: {
      id: rec.modelId,
      app_id: rec.appId,
      user_id: OWNER,
      model_type_id: rec.modelTypeId,
      model_version: { id: rec.versionId },
    },
    ground_truth_dataset: datasetRef(rec.groundTruth),
    predictions_dataset: datasetRef(rec.predictions),
  }
  if (!isEvaluated(rec)) return out
  const wantsDetail = EVAL_FIELDS.some((f) => fields[f])
  const d = wantsDetail ? evalDetail(rec) : undefined
  const summary = d?.summary ?? evalSummary(rec)
  if (summary) out.summary = summaryWire(summary)
  if (!d) return out
  const ids = d.order.map((c) => d.concepts[c]?.id ?? '')
  if (fields.confusion_matrix) {
    out.confusion_matrix = {
      matrix: d.confusion.map((cell) => ({
        predicted: d.concepts[cell.p]?.id,
        actual: d.concepts[cell.a]?.id,
        value: cell.v,
        predicted_concept: conceptWire(d.concepts[cell.p]),
        actual_concept: conceptWire(d.concepts[cell.a]),
      })),
      concept_ids: ids,
    }
  }
  if (fields.cooccurrence_matrix) {
    out.cooccurrence_matrix = {
      matrix: d.cooc.map((cell) => ({ row: d.concepts[cell.r]?.id, col: d.concepts[cell.c]?.id, count: cell.n })),
      concept_ids: ids,
    }
  }
  if (fields.label_counts) {
    const counts = d.metrics
      .map((m, c) => ({ c, n: m.numPos }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n || a.c - b.c)
    out.label_counts = { positive_label_counts: counts.map((x) => ({ count: x.n, concept: conceptWire(d.concepts[x.c]) })) }
  }
  if (fields.binary_metrics) out.binary_metrics = d.order.map((c) => binaryWire(d.metrics[c] as ConceptMetrics, d.concepts[c], true))
  if (fields.test_set) out.test_set = testSetWire(rec, d)
  if (fields.metrics_by_class) {
    out.metrics_by_class = d.order.map((c) => {
      const det = d.detection?.[c]
      if (!det) return binaryWire(d.metrics[c] as ConceptMetrics, d.concepts[c], false)
      return {
        num_pos: det.numGt,
        num_neg: 0,
        num_tot: det.numGt,
        roc_auc: 0,
        f1: det.f1,
        concept: conceptWire(d.concepts[c]),
        avg_precision: det.ap50,
        area_name: 'all',
        area_max: 1e10,
        iou: 0.5,
      }
    })
  }
  if (fields.metrics_by_area && d.detection) {
    const rows: Record<string, unknown>[] = []
    for (const c of d.order) {
      for (const area of d.detection[c]?.byArea ?? []) {
        if (area.name === 'all') continue
        rows.push({
          num_pos: area.numGt,
          num_neg: 0,
          num_tot: area.numGt,
          roc_auc: 0,
          f1: area.f1,
          concept: conceptWire(d.concepts[c]),
          avg_precision: area.ap || undefined,
          area_name: area.name,
          area_min: area.min || undefined,
          area_max: area.max,
          iou: 0.5,
        })
      }
    }
    out.metrics_by_area = rows
  }
  return out
}

/** ModelVersion.metrics: the newest evaluation of the version, summary only. */
export function versionMetricsWire(rec: EvalRec | undefined, fields: EvalFields = {}): Record<string, unknown> {
  if (!rec) return { status: status(Code.MODEL_NOT_EVALUATED) }
  return evalWire(rec, fields)
}
