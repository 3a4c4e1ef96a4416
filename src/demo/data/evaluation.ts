// Evaluation data: the test set is generated first, and every metric (confusion matrix of
// average probabilities, co-occurrence, label counts, per-concept binary metrics with ROC and
// precision-recall curves, summary, detection AP) is computed from it, so they all agree.
//
// Conventions (documented for whoever reads the numbers):
// - a concept counts as predicted at threshold t when its score >= t; concepts missing from an
//   input's predicted_concepts have score 0;
// - scores are multiples of 1e-4; curves use the 101 thresholds 0.00, 0.01, ..., 1.00
//   (ROC descending, precision-recall ascending; precision is 1 where nothing is predicted);
// - f1, precision and recall in summaries are taken at threshold 0.5;
// - confusion_matrix value (actual A, predicted P) = mean over test inputs whose ground truth
//   contains A of the score of P (0 when not predicted); only non-zero cells are listed;
// - cooccurrence_matrix counts test inputs whose ground truth holds both concepts;
// - detection AP is COCO-style: greedy matching by score at an IoU threshold, 101-point
//   interpolated precision; areas in pixels of a 640x480 image.
import { Rng } from '@/demo/prng'
import { makeConcepts, type ConceptRec, type EvalRec } from './world'

export const IMAGE_W = 640
export const IMAGE_H = 480

export interface DetBox {
  c: number
  top: number
  left: number
  bottom: number
  right: number
  /** score * 1e4 for predicted boxes */
  s: number
}

/**
 * The test set, packed: entry i has ground-truth concepts gt[gtStart[i] .. gtStart[i+1]) and
 * predictions (concept predC[j], score predS[j] / 1e4) for j in predStart[i] .. predStart[i+1],
 * highest score first. Typed arrays keep a 3,000-input x top-5 set cheap to build and walk.
 */
export interface TestSet {
  n: number
  k: number
  gtStart: Int32Array
  gt: Int32Array
  predStart: Int32Array
  predC: Int32Array
  predS: Int32Array
  gtBoxes?: DetBox[][]
  predBoxes?: DetBox[][]
}

class TestSetBuilder {
  private readonly gtStart: number[] = [0]
  private readonly gt: number[] = []
  private readonly predStart: number[] = [0]
  private readonly predC: number[] = []
  private readonly predS: number[] = []

  add(gts: readonly number[], cs: readonly number[], ss: readonly number[], count: number): void {
    for (const g of gts) this.gt.push(g)
    this.gtStart.push(this.gt.length)
    for (let i = 0; i < count; i++) {
      this.predC.push(cs[i] ?? 0)
      this.predS.push(ss[i] ?? 0)
    }
    this.predStart.push(this.predC.length)
  }

  build(k: number): TestSet {
    return {
      n: this.gtStart.length - 1,
      k,
      gtStart: Int32Array.from(this.gtStart),
      gt: Int32Array.from(this.gt),
      predStart: Int32Array.from(this.predStart),
      predC: Int32Array.from(this.predC),
      predS: Int32Array.from(this.predS),
    }
  }
}

export function isPositive(ts: TestSet, i: number, c: number): boolean {
  const end = ts.gtStart[i + 1] ?? 0
  for (let j = ts.gtStart[i] ?? 0; j < end; j++) if (ts.gt[j] === c) return true
  return false
}

export interface Curve {
  a: number[]
  b: number[]
  thresholds: number[]
}

export interface ConceptMetrics {
  numPos: number
  numNeg: number
  numTot: number
  rocAuc: number
  f1: number
  precision: number
  recall: number
  /** a = fpr, b = tpr, thresholds descending */
  roc: Curve
  /** a = recall, b = precision, thresholds ascending */
  pr: Curve
}

export interface AreaMetrics {
  name: string
  min: number
  max: number
  ap: number
  numGt: number
  f1: number
}

export interface DetectionClassMetrics {
  ap50: number
  apRange: number
  numGt: number
  f1: number
  byArea: AreaMetrics[]
}

export interface Summary {
  macro_avg_roc_auc: number
  macro_std_roc_auc: number
  macro_avg_f1_score: number
  macro_std_f1_score: number
  macro_avg_precision: number
  macro_avg_recall: number
  mean_avg_precision_iou_50?: number
  mean_avg_precision_iou_range?: number
}

export interface EvalDetail {
  concepts: ConceptRec[]
  testSet: TestSet
  metrics: ConceptMetrics[]
  confusion: { a: number; p: number; v: number }[]
  /** Concept indices by diagonal strength (strongest first). */
  order: number[]
  cooc: { r: number; c: number; n: number }[]
  summary: Summary
  detection?: DetectionClassMetrics[]
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4
/** Curve points: three decimals are plenty for plotting and keep 1,000-concept bodies small. */
const r3 = (x: number): number => Math.round(x * 1e3) / 1e3

function toScore(x: number): number {
  return Math.max(1, Math.min(9999, Math.round(x * 1e4)))
}

function cumulativePicker(rng: Rng, weights: number[]): () => number {
  const cum: number[] = []
  let total = 0
  for (const w of weights) {
    total += w
    cum.push(total)
  }
  return () => {
    const r = rng.range(0, total)
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cum[mid] ?? 0) > r) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

interface ConceptModel {
  difficulty: number[]
  neighbors: number[][]
  pickConcept: () => number
}

/** Concepts from this many on get a long-tailed frequency and confusions among related concepts. */
export const LARGE_EVAL_CONCEPTS = 2000

/**
 * The model of a large label space (Clarifai's general model): concept frequency follows a
 * Zipf-like law over a shuffled rank, and each concept's likely confusions are concepts sharing
 * its noun ("red-car" with "blue-car"), else random ones.
 */
function largeConceptModel(rng: Rng, concepts: readonly ConceptRec[]): ConceptModel {
  const k = concepts.length
  const floor = rng.range(0.45, 0.7)
  const rank = rng.shuffle([...Array(k).keys()])
  const weights = new Array<number>(k)
  rank.forEach((c, r) => (weights[c] = 1 / Math.pow(r + 1, 1.05)))
  const byNoun = new Map<string, number[]>()
  concepts.forEach((c, i) => {
    const noun = c.id.replace(/-\d+$/, '').split('-').pop() ?? c.id
    let group = byNoun.get(noun)
    if (!group) byNoun.set(noun, (group = []))
    group.push(i)
  })
  const difficulty: number[] = []
  const neighbors: number[][] = []
  concepts.forEach((c, i) => {
    difficulty.push(floor + (0.97 - floor) * Math.pow(rng.float(), 0.7))
    const noun = c.id.replace(/-\d+$/, '').split('-').pop() ?? c.id
    const group = (byNoun.get(noun) ?? []).filter((x) => x !== i)
    const set = new Set<number>()
    for (let tries = 0; set.size < 4 && tries < 12; tries++) {
      const n = group.length > 0 && tries < 8 ? rng.pick(group) : rng.int(0, k - 1)
      if (n !== i) set.add(n)
    }
    neighbors.push([...set])
  })
  return { difficulty, neighbors, pickConcept: cumulativePicker(rng, weights) }
}

function conceptModel(rng: Rng, k: number): ConceptModel {
  // Each evaluation has its own overall quality, so leaderboards have something to sort.
  const floor = rng.range(0.3, 0.75)
  const difficulty: number[] = []
  const neighbors: number[][] = []
  const weights: number[] = []
  for (let c = 0; c < k; c++) {
    difficulty.push(floor + (0.98 - floor) * Math.pow(rng.float(), 0.6))
    weights.push(0.25 + 1.5 * rng.float())
    if (k <= 4) neighbors.push([...Array(k).keys()].filter((x) => x !== c))
    else {
      // Four likely confusions per concept: top-5 predictions mostly stay inside the concept's
      // neighbourhood, which keeps the sparse confusion matrix realistic and compact.
      const set = new Set<number>()
      while (set.size < Math.min(4, k - 1)) {
        const n = rng.int(0, k - 1)
        if (n !== c) set.add(n)
      }
      neighbors.push([...set])
    }
  }
  return { difficulty, neighbors, pickConcept: cumulativePicker(rng, weights) }
}

/** Primary ground-truth concept per input: every concept at least once, then by frequency, shuffled. */
function primaries(rng: Rng, n: number, k: number, m: ConceptModel): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(i < k ? i : m.pickConcept())
  return rng.shuffle(out)
}

// Scratch buffers for the few candidates of one input (no allocation per input).
const candC: number[] = []
const candS: number[] = []

function bump(c: number, s: number): void {
  const i = candC.indexOf(c)
  if (i < 0) {
    candC.push(c)
    candS.push(s)
  } else if ((candS[i] ?? 0) < s) candS[i] = s
}

/** Fills candC/candS with the top predictions (scores as integers), highest first; returns the count. */
function topPredictions(rng: Rng, k: number, gts: readonly number[], m: ConceptModel): number {
  candC.length = 0
  candS.length = 0
  for (const g of gts) {
    if (rng.chance(m.difficulty[g] ?? 0.8)) bump(g, rng.range(0.55, 0.995))
    else {
      bump(g, rng.range(0.02, 0.5))
      const confuser = rng.chance(0.8) ? rng.pick(m.neighbors[g] ?? [0]) : rng.int(0, k - 1)
      if (confuser !== g) bump(confuser, rng.range(0.4, 0.95))
    }
  }
  const want = Math.min(5, k)
  for (let tries = 0; candC.length < want && tries < 50; tries++) {
    const anchor = gts[tries % gts.length] ?? 0
    const c = rng.chance(0.9) ? rng.pick(m.neighbors[anchor] ?? [0]) : rng.int(0, k - 1)
    if (!candC.includes(c)) {
      candC.push(c)
      candS.push(rng.range(0.003, 0.3) / (1 + candC.length * 0.5))
    }
  }
  for (let i = 0; i < candS.length; i++) candS[i] = toScore(candS[i] ?? 0)
  // Insertion sort: score descending, concept ascending on ties.
  for (let i = 1; i < candC.length; i++) {
    const c = candC[i] ?? 0
    const s = candS[i] ?? 0
    let j = i - 1
    while (j >= 0 && ((candS[j] ?? 0) < s || ((candS[j] ?? 0) === s && (candC[j] ?? 0) > c))) {
      candC[j + 1] = candC[j] ?? 0
      candS[j + 1] = candS[j] ?? 0
      j--
    }
    candC[j + 1] = c
    candS[j + 1] = s
  }
  return Math.min(want, candC.length)
}

function generateClassification(rec: EvalRec, k: number, rng: Rng, concepts: readonly ConceptRec[]): TestSet {
  const m = k >= LARGE_EVAL_CONCEPTS ? largeConceptModel(rng, concepts) : conceptModel(rng, k)
  const builder = new TestSetBuilder()
  const gts: number[] = []
  for (const primary of primaries(rng, rec.nInputs, k, m)) {
    gts.length = 0
    gts.push(primary)
    if (rec.multiLabel && k > 2) {
      if (rng.chance(0.35)) {
        const extra = rng.pick(m.neighbors[primary] ?? [0])
        if (!gts.includes(extra)) gts.push(extra)
      }
      if (rng.chance(0.1)) {
        const extra = rng.int(0, k - 1)
        if (!gts.includes(extra)) gts.push(extra)
      }
    }
    const count = topPredictions(rng, k, gts, m)
    builder.add(gts, candC, candS, count)
  }
  return builder.build(k)
}

function iou(a: DetBox, b: DetBox): number {
  const top = Math.max(a.top, b.top)
  const left = Math.max(a.left, b.left)
  const bottom = Math.min(a.bottom, b.bottom)
  const right = Math.min(a.right, b.right)
  const inter = Math.max(0, bottom - top) * Math.max(0, right - left)
  const union = (a.bottom - a.top) * (a.right - a.left) + (b.bottom - b.top) * (b.right - b.left) - inter
  return union > 0 ? inter / union : 0
}

function clampBox(box: DetBox): DetBox {
  const c = (x: number): number => Math.min(1, Math.max(0, r4(x)))
  const out = { ...box, top: c(box.top), left: c(box.left), bottom: c(box.bottom), right: c(box.right) }
  if (out.bottom - out.top < 0.01) out.bottom = Math.min(1, out.top + 0.01)
  if (out.right - out.left < 0.01) out.right = Math.min(1, out.left + 0.01)
  return out
}

function randomBox(rng: Rng, c: number): DetBox {
  const r = rng.float()
  const sizePx = r < 0.2 ? rng.range(12, 30) : r < 0.6 ? rng.range(34, 90) : rng.range(100, 380)
  const aspect = rng.range(0.5, 2)
  const w = Math.min(IMAGE_W - 2, sizePx * Math.sqrt(aspect)) / IMAGE_W
  const h = Math.min(IMAGE_H - 2, sizePx / Math.sqrt(aspect)) / IMAGE_H
  const left = rng.range(0, 1 - w)
  const top = rng.range(0, 1 - h)
  return clampBox({ c, top, left, bottom: top + h, right: left + w, s: 0 })
}

function jitter(rng: Rng, box: DetBox, amount: number, c: number, s: number): DetBox {
  const w = box.right - box.left
  const h = box.bottom - box.top
  const dx = rng.range(-amount, amount) * w
  const dy = rng.range(-amount, amount) * h
  const sx = 1 + rng.range(-amount, amount)
  const sy = 1 + rng.range(-amount, amount)
  const cx = (box.left + box.right) / 2 + dx
  const cy = (box.top + box.bottom) / 2 + dy
  return clampBox({ c, left: cx - (w * sx) / 2, right: cx + (w * sx) / 2, top: cy - (h * sy) / 2, bottom: cy + (h * sy) / 2, s })
}

function generateDetection(rec: EvalRec, k: number, rng: Rng): TestSet {
  const m = conceptModel(rng, k)
  const builder = new TestSetBuilder()
  const allGt: DetBox[][] = []
  const allPred: DetBox[][] = []
  for (const primary of primaries(rng, rec.nInputs, k, m)) {
    const nBoxes = 1 + (rng.chance(0.6) ? rng.int(0, 3) : 0)
    const gtBoxes: DetBox[] = []
    for (let b = 0; b < nBoxes; b++) gtBoxes.push(randomBox(rng, b === 0 ? primary : m.pickConcept()))
    const predBoxes: DetBox[] = []
    for (const g of gtBoxes) {
      if (rng.chance(m.difficulty[g.c] ?? 0.8)) {
        const c = rng.chance(0.9) ? g.c : rng.pick(m.neighbors[g.c] ?? [g.c])
        predBoxes.push(jitter(rng, g, rng.range(0.02, 0.3), c, toScore(rng.range(0.5, 0.99))))
      } else if (rng.chance(0.5)) {
        predBoxes.push(jitter(rng, g, rng.range(0.2, 0.6), g.c, toScore(rng.range(0.05, 0.5))))
      }
    }
    const fps = rng.chance(0.5) ? rng.int(1, 2) : 0
    for (let f = 0; f < fps; f++) {
      const box = randomBox(rng, rng.int(0, k - 1))
      box.s = toScore(rng.range(0.05, 0.7))
      predBoxes.push(box)
    }
    predBoxes.sort((a, b) => b.s - a.s)
    // Input level: the best score per class, top 5; ground truth: the classes present.
    const best = new Map<number, number>()
    for (const p of predBoxes) best.set(p.c, Math.max(best.get(p.c) ?? 0, p.s))
    const pred = [...best.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 5)
    builder.add(
      [...new Set(gtBoxes.map((g) => g.c))],
      pred.map((p) => p[0]),
      pred.map((p) => p[1]),
      pred.length,
    )
    allGt.push(gtBoxes)
    allPred.push(predBoxes)
  }
  const ts = builder.build(k)
  ts.gtBoxes = allGt
  ts.predBoxes = allPred
  return ts
}

/**
 * Per-concept binary metrics from the input-level scores of the test set. Curves are built only
 * when asked for (they are most of the memory); the numbers do not depend on them.
 */
export function conceptMetrics(ts: TestSet, withCurves = true): ConceptMetrics[] {
  const { n, k } = ts
  const numPos = new Int32Array(k)
  const predCount = new Int32Array(k)
  // hist[c * 200 + bin]: positives by score bin (score * 100, floored); + 100: negatives.
  const hist = new Int32Array(k * 200)
  // Packed scores (score * 2 + isPositive), for an exact rank-based ROC AUC.
  const packedAll = new Int32Array(ts.predC.length)
  for (const g of ts.gt) numPos[g] = (numPos[g] ?? 0) + 1
  for (let i = 0; i < n; i++) {
    const end = ts.predStart[i + 1] ?? 0
    for (let j = ts.predStart[i] ?? 0; j < end; j++) {
      const c = ts.predC[j] ?? 0
      const s = ts.predS[j] ?? 0
      const pos = isPositive(ts, i, c)
      predCount[c] = (predCount[c] ?? 0) + 1
      const at = c * 200 + (pos ? 0 : 100) + Math.floor(s / 100)
      hist[at] = (hist[at] ?? 0) + 1
      packedAll[j] = s * 2 + (pos ? 1 : 0)
    }
  }
  // Group the packed scores by concept.
  const offsets = new Int32Array(k + 1)
  for (let c = 0; c < k; c++) offsets[c + 1] = (offsets[c] ?? 0) + (predCount[c] ?? 0)
  const cursor = offsets.slice(0, k)
  const packed = new Int32Array(packedAll.length)
  for (let j = 0; j < packedAll.length; j++) {
    const c = ts.predC[j] ?? 0
    const at = cursor[c] ?? 0
    packed[at] = packedAll[j] ?? 0
    cursor[c] = at + 1
  }
  const tp = new Int32Array(101)
  const fp = new Int32Array(101)
  const out: ConceptMetrics[] = []
  for (let c = 0; c < k; c++) {
    const P = numPos[c] ?? 0
    const N = n - P
    // tp[j], fp[j]: predicted positives at threshold j/100 (j = 0..100).
    tp[100] = 0
    fp[100] = 0
    for (let j = 99; j >= 1; j--) {
      tp[j] = (tp[j + 1] ?? 0) + (hist[c * 200 + j] ?? 0)
      fp[j] = (fp[j + 1] ?? 0) + (hist[c * 200 + 100 + j] ?? 0)
    }
    tp[0] = P
    fp[0] = N
    // ROC AUC (Mann-Whitney U with ties); unpredicted inputs score 0.
    const scores = packed.subarray(offsets[c] ?? 0, offsets[c + 1] ?? 0).sort()
    let predictedPos = 0
    for (let i = 0; i < scores.length; i++) predictedPos += (scores[i] ?? 0) & 1
    const zeroPos = P - predictedPos
    const zeroNeg = N - (scores.length - predictedPos)
    let u = zeroPos * zeroNeg * 0.5
    let negBelow = zeroNeg
    for (let i = 0; i < scores.length; ) {
      const s = (scores[i] ?? 0) >> 1
      let posIn = 0
      let negIn = 0
      while (i < scores.length && (scores[i] ?? 0) >> 1 === s) {
        if ((scores[i] ?? 0) & 1) posIn++
        else negIn++
        i++
      }
      u += posIn * (negBelow + 0.5 * negIn)
      negBelow += negIn
    }
    const rocAuc = P > 0 && N > 0 ? u / (P * N) : 0
    const t50 = tp[50] ?? 0
    const f50 = fp[50] ?? 0
    const precision = t50 + f50 > 0 ? t50 / (t50 + f50) : 0
    const recall = P > 0 ? t50 / P : 0
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
    const roc: Curve = { a: [], b: [], thresholds: [] }
    const pr: Curve = { a: [], b: [], thresholds: [] }
    if (withCurves) {
      for (let j = 100; j >= 0; j--) {
        roc.thresholds.push(j / 100)
        roc.b.push(P > 0 ? r3((tp[j] ?? 0) / P) : 0)
        roc.a.push(N > 0 ? r3((fp[j] ?? 0) / N) : 0)
      }
      for (let j = 0; j <= 100; j++) {
        const t = tp[j] ?? 0
        const f = fp[j] ?? 0
        pr.thresholds.push(j / 100)
        pr.a.push(P > 0 ? r3(t / P) : 0)
        pr.b.push(t + f > 0 ? r3(t / (t + f)) : 1)
      }
    }
    out.push({ numPos: P, numNeg: N, numTot: n, rocAuc: r4(rocAuc), f1: r4(f1), precision: r4(precision), recall: r4(recall), roc, pr })
  }
  return out
}

/** Sparse confusion matrix of average predicted probabilities, row by row (actual concept ascending). */
export function confusionOf(ts: TestSet): { a: number; p: number; v: number }[] {
  const { n, k } = ts
  // Inputs per actual concept (CSR), then one dense scratch row at a time.
  const counts = new Int32Array(k + 1)
  for (const g of ts.gt) counts[g + 1] = (counts[g + 1] ?? 0) + 1
  for (let c = 0; c < k; c++) counts[c + 1] = (counts[c + 1] ?? 0) + (counts[c] ?? 0)
  const cursor = counts.slice(0, k)
  const byRow = new Int32Array(ts.gt.length)
  for (let i = 0; i < n; i++) {
    const end = ts.gtStart[i + 1] ?? 0
    for (let j = ts.gtStart[i] ?? 0; j < end; j++) {
      const g = ts.gt[j] ?? 0
      const at = cursor[g] ?? 0
      byRow[at] = i
      cursor[g] = at + 1
    }
  }
  const sums = new Float64Array(k)
  const touched: number[] = []
  const out: { a: number; p: number; v: number }[] = []
  for (let a = 0; a < k; a++) {
    const from = counts[a] ?? 0
    const to = counts[a + 1] ?? 0
    touched.length = 0
    for (let r = from; r < to; r++) {
      const i = byRow[r] ?? 0
      const end = ts.predStart[i + 1] ?? 0
      for (let j = ts.predStart[i] ?? 0; j < end; j++) {
        const c = ts.predC[j] ?? 0
        if (sums[c] === 0) touched.push(c)
        sums[c] = (sums[c] ?? 0) + (ts.predS[j] ?? 0)
      }
    }
    touched.sort((x, y) => x - y)
    for (const p of touched) {
      out.push({ a, p, v: r4((sums[p] ?? 0) / 1e4 / (to - from)) })
      sums[p] = 0
    }
  }
  return out
}

const AREAS = [
  { name: 'all', min: 0, max: 1e10 },
  { name: 'small', min: 0, max: 32 * 32 },
  { name: 'medium', min: 32 * 32, max: 96 * 96 },
  { name: 'large', min: 96 * 96, max: 1e10 },
]

function areaPx(b: DetBox): number {
  return (b.bottom - b.top) * IMAGE_H * (b.right - b.left) * IMAGE_W
}

interface ClassBoxes {
  /** Ground-truth boxes of the class, by test entry. */
  gtByEntry: Map<number, DetBox[]>
  /** Predicted boxes of the class, highest score first. */
  preds: { e: number; box: DetBox }[]
}

function classBoxes(ts: TestSet): ClassBoxes[] {
  const out: ClassBoxes[] = []
  for (let c = 0; c < ts.k; c++) out.push({ gtByEntry: new Map(), preds: [] })
  for (let i = 0; i < ts.n; i++) {
    for (const g of ts.gtBoxes?.[i] ?? []) {
      const cls = out[g.c]
      if (!cls) continue
      const list = cls.gtByEntry.get(i) ?? []
      list.push(g)
      cls.gtByEntry.set(i, list)
    }
    for (const p of ts.predBoxes?.[i] ?? []) out[p.c]?.preds.push({ e: i, box: p })
  }
  for (const cls of out) cls.preds.sort((a, b) => b.box.s - a.box.s)
  return out
}

function averagePrecision(cls: ClassBoxes, threshold: number, inArea: (b: DetBox) => boolean): { ap: number; numGt: number; f1: number } {
  let numGt = 0
  for (const list of cls.gtByEntry.values()) for (const g of list) if (inArea(g)) numGt++
  const used = new Set<DetBox>()
  const precisions: number[] = []
  const recalls: number[] = []
  let tp = 0
  let fp = 0
  let tp50 = 0
  let fp50 = 0
  for (const p of cls.preds) {
    if (!inArea(p.box)) continue
    let best: DetBox | undefined
    let bestIou = threshold
    for (const g of cls.gtByEntry.get(p.e) ?? []) {
      if (used.has(g) || !inArea(g)) continue
      const v = iou(g, p.box)
      if (v >= bestIou) {
        bestIou = v
        best = g
      }
    }
    if (best) {
      used.add(best)
      tp++
      if (p.box.s >= 5000) tp50++
    } else {
      fp++
      if (p.box.s >= 5000) fp50++
    }
    precisions.push(tp / (tp + fp))
    recalls.push(numGt > 0 ? tp / numGt : 0)
  }
  for (let i = precisions.length - 2; i >= 0; i--) precisions[i] = Math.max(precisions[i] ?? 0, precisions[i + 1] ?? 0)
  let ap = 0
  if (numGt > 0) {
    let idx = 0
    for (let r = 0; r <= 100; r++) {
      while (idx < recalls.length && (recalls[idx] ?? 0) < r / 100 - 1e-12) idx++
      ap += idx < precisions.length ? (precisions[idx] ?? 0) : 0
    }
    ap /= 101
  }
  const prec = tp50 + fp50 > 0 ? tp50 / (tp50 + fp50) : 0
  const rec = numGt > 0 ? tp50 / numGt : 0
  const f1 = prec + rec > 0 ? (2 * prec * rec) / (prec + rec) : 0
  return { ap: r4(ap), numGt, f1: r4(f1) }
}

function detectionMetrics(ts: TestSet, k: number): DetectionClassMetrics[] {
  const out: DetectionClassMetrics[] = []
  const buckets = classBoxes(ts)
  for (let c = 0; c < k; c++) {
    const cls = buckets[c] as ClassBoxes
    const byArea = AREAS.map((area) => {
      const res = averagePrecision(cls, 0.5, (b) => {
        const a = areaPx(b)
        return a >= area.min && a < area.max
      })
      return { name: area.name, min: area.min, max: area.max, ap: res.ap, numGt: res.numGt, f1: res.f1 }
    })
    const all = byArea[0] as AreaMetrics
    let sum = 0
    for (let t = 0; t < 10; t++) sum += averagePrecision(cls, 0.5 + t * 0.05, () => true).ap
    out.push({ ap50: all.ap, apRange: r4(sum / 10), numGt: all.numGt, f1: all.f1, byArea })
  }
  return out
}

function meanStd(values: number[]): [number, number] {
  if (values.length === 0) return [0, 0]
  const mean = values.reduce((s, v) => s + v, 0) / values.length
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length
  return [r4(mean), r4(Math.sqrt(variance))]
}

export function computeEvaluation(rec: EvalRec, withCurves = true): EvalDetail {
  const k = rec.conceptCount
  const concepts = makeConcepts(rec.conceptKey, rec.conceptVocab, k)
  const rng = new Rng(`eval/${rec.id}/testset`)
  const testSet = rec.kind === 'detection' ? generateDetection(rec, k, rng) : generateClassification(rec, k, rng, concepts)
  const metrics = conceptMetrics(testSet, withCurves)
  const confusion = confusionOf(testSet)
  const diag = new Float64Array(k)
  for (const cell of confusion) if (cell.a === cell.p) diag[cell.a] = cell.v
  const order = [...Array(k).keys()].sort(
    (a, b) => (diag[b] ?? 0) - (diag[a] ?? 0) || ((concepts[a]?.id ?? '') < (concepts[b]?.id ?? '') ? -1 : 1),
  )
  const position = new Int32Array(k)
  order.forEach((c, i) => (position[c] = i))
  confusion.sort((x, y) => (position[x.a] ?? 0) - (position[y.a] ?? 0) || (position[x.p] ?? 0) - (position[y.p] ?? 0))
  const coocMap = new Map<number, number>()
  for (let i = 0; i < testSet.n; i++) {
    const from = testSet.gtStart[i] ?? 0
    const to = testSet.gtStart[i + 1] ?? 0
    for (let x = from; x < to; x++) {
      for (let y = from; y < to; y++) {
        const key = (testSet.gt[x] ?? 0) * k + (testSet.gt[y] ?? 0)
        coocMap.set(key, (coocMap.get(key) ?? 0) + 1)
      }
    }
  }
  const cooc = [...coocMap.entries()]
    .map(([key, n]) => ({ r: Math.floor(key / k), c: key % k, n }))
    .sort((x, y) => (position[x.r] ?? 0) - (position[y.r] ?? 0) || (position[x.c] ?? 0) - (position[y.c] ?? 0))
  const valid = metrics.filter((m) => m.numPos > 0 && m.numNeg > 0)
  const [aucMean, aucStd] = meanStd(valid.map((m) => m.rocAuc))
  const [f1Mean, f1Std] = meanStd(valid.map((m) => m.f1))
  const summary: Summary = {
    macro_avg_roc_auc: aucMean,
    macro_std_roc_auc: aucStd,
    macro_avg_f1_score: f1Mean,
    macro_std_f1_score: f1Std,
    macro_avg_precision: meanStd(valid.map((m) => m.precision))[0],
    macro_avg_recall: meanStd(valid.map((m) => m.recall))[0],
  }
  let detection: DetectionClassMetrics[] | undefined
  if (rec.kind === 'detection') {
    detection = detectionMetrics(testSet, k)
    const withGt = detection.filter((d) => d.numGt > 0)
    summary.mean_avg_precision_iou_50 = meanStd(withGt.map((d) => d.ap50))[0]
    summary.mean_avg_precision_iou_range = meanStd(withGt.map((d) => d.apRange))[0]
  }
  return { concepts, testSet, metrics, confusion, order, cooc, summary, detection }
}
