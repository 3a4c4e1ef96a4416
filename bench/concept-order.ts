// The per-concept table at 10,000 rows: names are ranked once per evaluation by a key plain
// string comparison orders (against a numeric Intl.Collator sort of the same names), and the
// re-sort a threshold step asks for compares numbers only (against a comparator that breaks the
// many F1 ties with the collator, as a straightforward sort would); and that re-sort started from
// the previous order (a step moves a few concepts) against the same sort from matrix order.
import { nameRanks, orderPositions } from '../src/lib/concept-order.ts'
import type { ConceptRow } from '../src/lib/eval-view.ts'
import { compareInterleaved, verdict, type Bench } from './harness.ts'

const ROWS = 10_000
const FRAME_MS = 16.7
const WORDS = ['amber', 'brisk', 'coral', 'dusty', 'early', 'faint', 'giant', 'hazel']
const NOUNS = ['blender', 'ladle', 'box', 'spoon', 'towel', 'grater', 'jar', 'board', 'peeler', 'bag']

// Long-tailed: a third of the concepts have no F1 at a threshold, many share a value.
function rows(): ConceptRow[] {
  return Array.from({ length: ROWS }, (_, k) => {
    const support = k % 4 === 0 ? 0 : 1 + (k % 9)
    const f1 = support === 0 || k % 3 === 0 ? 0 : ((k * 37) % 41) / 40
    return {
      id: `concept-${k}`,
      name: `${WORDS[k % WORDS.length]} ${NOUNS[(k >> 3) % NOUNS.length]} ${k % 97}`,
      support,
      tp: k % 7,
      fp: k % 5,
      fn: k % 3,
      precision: f1,
      recall: f1,
      f1,
      bestThreshold: 0.5,
      bestF1: f1,
      apiNumPos: support,
      apiRocAuc: null,
      apiF1: null,
      curveAuc: null,
      ap: null,
      check: 'match',
    }
  })
}

function run(): void {
  const list = rows()
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
  const byCollator = () => list.map((_, k) => k).sort((a, b) => collator.compare(list[a]!.name, list[b]!.name) || a - b)
  console.log(verdict(`name ranks, ${ROWS.toLocaleString('en')} concepts (once per evaluation)`, compareInterleaved(byCollator, () => nameRanks(list), { reps: 7 }), 0.5, 'a numeric collator sort'))

  const ranks = nameRanks(list)
  const worstWithCollator = () =>
    list
      .map((_, k) => k)
      .sort((a, b) => {
        const x = list[a]!
        const y = list[b]!
        return Number(x.support === 0) - Number(y.support === 0) || (x.support > 0 ? x.f1 - y.f1 : 0) || collator.compare(x.name, y.name)
      })
  const cmp = compareInterleaved(worstWithCollator, () => orderPositions(list, { kind: 'worst' }, undefined, ranks), { reps: 9 })
  console.log(verdict(`worst-first re-sort at a threshold step, ${ROWS.toLocaleString('en')} rows`, cmp, 0.5, 'a comparator with collator ties'))
  console.log(`  that re-sort is ${(cmp.candidateMs / FRAME_MS).toFixed(2)} frames of ${FRAME_MS} ms, in a deferred render after the step's frame`)

  // A step moves the F1 of some concepts (here one in 30): the table's re-sort starts from the
  // order it had, which is nearly sorted already.
  const previous = orderPositions(list, { kind: 'worst' }, undefined, ranks)
  const moved = list.map((r, k) => (k % 30 === 0 && r.support > 0 ? { ...r, f1: ((k * 13) % 41) / 40 } : r))
  const fromPrevious = compareInterleaved(
    () => orderPositions(moved, { kind: 'worst' }, undefined, ranks),
    () => orderPositions(moved, { kind: 'worst' }, undefined, ranks, previous),
    { reps: 9 },
  )
  console.log(verdict(`worst-first re-sort from the previous order, ${ROWS.toLocaleString('en')} rows, 1 in 30 moved`, fromPrevious, 0.5, 'the same sort from matrix order'))
}

export const conceptOrderBench: Bench = { name: 'Per-concept table order', run }
