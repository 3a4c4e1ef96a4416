import { useCallback, useDeferredValue, useMemo, useState } from 'react'
import { DataTable, downloadText, tableCsv, type Column } from '@/components/DataTable.tsx'
import { ariaSortOf, SortHeader } from '@/components/SortHeader.tsx'
import { columnDirection, describeOrder, nameRanks, nextOrder, orderPositions, parseSort, sameConcepts, sortParam, type ConceptOrder, type SortKey } from '@/lib/concept-order.ts'
import { checkSummary, type ConceptRow } from '@/lib/eval-view.ts'
import { uniqueKeys } from '@/lib/unique-keys.ts'
import type { OnSearch } from './types.ts'
import { buttonClass, fmt3, inputClass, Note } from './ui.tsx'

const SORT_LABELS: Record<SortKey, string> = {
  name: 'Concept',
  support: 'Support',
  tp: 'TP',
  fp: 'FP',
  fn: 'FN',
  precision: 'Precision',
  recall: 'Recall',
  f1: 'F1',
  best_f1: 'Best F1',
  best_threshold: 'Best-F1 threshold',
  roc_auc: 'ROC AUC',
  ap: 'AP',
}

/** The table's own scroll box: a screenful at most, so the panels after it stay near. */
const TABLE_HEIGHT = 'min(70vh, 36rem)'

/** What the table knows of a set of concepts, whatever the threshold. */
interface ConceptSet {
  rows: readonly ConceptRow[]
  /** Each row's place in name order. */
  ranks: Int32Array
  /** Each row's key (its id, made unique). */
  keys: string[]
}

function conceptSet(rows: readonly ConceptRow[], given: Int32Array | undefined): ConceptSet {
  return { rows, ranks: given && given.length === rows.length ? given : nameRanks(rows), keys: uniqueKeys(rows.map((r) => r.id)) }
}

/**
 * The rows' name ranks and keys, computed again only when the concepts change (a new
 * evaluation), not at every threshold step, which only changes the figures.
 */
function useConceptSet(rows: readonly ConceptRow[], given: Int32Array | undefined): ConceptSet {
  const [cache, setCache] = useState(() => conceptSet(rows, given))
  if (cache.rows === rows || sameConcepts(cache.rows, rows)) return cache
  const next = conceptSet(rows, given)
  setCache(next)
  return next
}

/** The last order computed for a set of concepts, where the next sort (at another threshold) starts. */
const lastOrders = new WeakMap<ConceptSet, { sort: string | undefined; filter: string | undefined; positions: readonly number[] }>()

function orderOf(set: ConceptSet, rows: readonly ConceptRow[], sort: string | undefined, filter: string | undefined): number[] {
  const last = lastOrders.get(set)
  const previous = last && last.sort === sort && last.filter === filter ? last.positions : undefined
  const positions = orderPositions(rows, parseSort(sort).order, filter, set.ranks, previous)
  lastOrders.set(set, { sort, filter, positions })
  return positions
}

interface ConceptTableProps {
  rows: readonly ConceptRow[]
  /** The rows' `nameRanks`, when known already (computed where the evaluation was prepared). */
  ranks?: Int32Array
  threshold: number
  sort: string | undefined
  filter: string | undefined
  curveConcepts: readonly string[]
  onToggleCurve: (id: string) => void
  onUseThreshold: (t: number) => void
  onSearch: OnSearch
  fileBase: string
  hasTests: boolean
}

/** TP, FP, FN, precision, recall, F1 per concept at the threshold, checked against the API. */
export function ConceptTable({ rows, ranks: givenRanks, threshold, sort, filter, curveConcepts, onToggleCurve, onUseThreshold, onSearch, fileBase, hasTests }: ConceptTableProps) {
  const { order, problem } = parseSort(sort)
  const set = useConceptSet(rows, givenRanks)
  // A threshold step changes the figures at once and the order just after: the re-sort (a few
  // milliseconds at 10,000 rows, numbers only since names are ranked once) runs in a deferred
  // render, while the urgent one shows the new rows in the previous order (the same positions).
  // Only the rows in view are rendered either way, and of those only the ones whose figures moved.
  const deferredRows = useDeferredValue(rows)
  const sortedRows = deferredRows === rows || sameConcepts(deferredRows, rows) ? deferredRows : rows
  const positions = useMemo(() => orderOf(set, sortedRows, sort, filter), [set, sortedRows, sort, filter])
  // The rows' keys follow the order, not the figures: made again only when the order changes.
  const keys = useMemo(() => positions.map((k) => set.keys[k]!), [positions, set])
  // TP + FN is the support whatever the threshold: the check against the API can wait for the deferred rows.
  const checks = useMemo(() => checkSummary(sortedRows), [sortedRows])
  const setOrder = useCallback((next: ConceptOrder) => onSearch({ sort: sortParam(next) }, { replace: true }), [onSearch])
  const columns = useMemo(
    () => conceptColumns(parseSort(sort).order, new Set(curveConcepts), onToggleCurve, onUseThreshold, setOrder),
    [sort, curveConcepts, onToggleCurve, onUseThreshold, setOrder],
  )

  const handleCsv = () => downloadText(`${fileBase}-concepts-t${threshold.toFixed(2)}.csv`, tableCsv(columns, positions.map((k) => rows[k]!)))
  return (
    <div className="space-y-3">
      {hasTests && checks.checked > 0 && (
        <div className={`text-sm ${checks.mismatched.length === 0 ? 'text-emerald-800 dark:text-emerald-300' : ''}`} data-testid="api-check">
          {checks.mismatched.length === 0 ? (
            <>✓ Matches API: TP + FN from the test set equals the API’s num_pos for all {checks.checked.toLocaleString('en')} concepts.</>
          ) : (
            <Note>
              ⚠ TP + FN from the test set differs from the API’s num_pos for {checks.mismatched.length} of {checks.checked} concepts (first: {checks.mismatched[0]!.name}: API {checks.mismatched[0]!.apiNumPos}, test set {checks.mismatched[0]!.tp + checks.mismatched[0]!.fn}). The test set sent may be a sample.
            </Note>
          )}
        </div>
      )}
      {!hasTests && <Note>This evaluation has no test set: TP, FP, FN and the counts cannot be recomputed. The API’s figures are shown where sent.</Note>}
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-slate-500">Filter concepts</span>
          <input type="search" className={`${inputClass} w-56`} value={filter ?? ''} placeholder="name or id" onChange={(e) => onSearch({ q: e.target.value || undefined }, { replace: true })} />
        </label>
        <div role="group" aria-label="Row order" className="flex items-center gap-1.5">
          <button type="button" className={buttonClass} aria-pressed={order.kind === 'worst'} onClick={() => setOrder({ kind: 'worst' })}>
            Worst first
          </button>
          <button type="button" className={buttonClass} aria-pressed={order.kind === 'matrix'} onClick={() => setOrder({ kind: 'matrix' })}>
            Matrix order
          </button>
        </div>
        <span className="ml-auto text-xs text-slate-500">
          {positions.length.toLocaleString('en')} of {rows.length.toLocaleString('en')} concepts
        </span>
        <button type="button" className={buttonClass} onClick={handleCsv}>
          Per-concept CSV
        </button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="concept-order">
        {describeOrder(order, (key) => SORT_LABELS[key])} Click a column header to sort by it.
      </p>
      {problem && <Note>{problem}.</Note>}
      <DataTable
        caption={`Per-concept metrics at threshold ${threshold.toFixed(2)}`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        order={positions}
        keys={keys}
        maxHeight={TABLE_HEIGHT}
        scrollResetKey={`${sort ?? ''}\u0000${filter ?? ''}`}
      />
    </div>
  )
}

/**
 * The table's columns for an order and the concepts whose curves are drawn: the same array (kept
 * by the caller) at every threshold step, so rows whose figures did not move are not rendered again.
 */
function conceptColumns(order: ConceptOrder, curveSet: ReadonlySet<string>, onToggleCurve: (id: string) => void, onUseThreshold: (t: number) => void, setOrder: (next: ConceptOrder) => void): Column<ConceptRow>[] {
  const sortable = (key: SortKey): Pick<Column<ConceptRow>, 'ariaSort' | 'headerContent'> => {
    const direction = columnDirection(order, key)
    return {
      ariaSort: ariaSortOf(direction),
      headerContent: (
        <SortHeader
          label={SORT_LABELS[key]}
          direction={direction}
          words={key === 'name' ? ['A to Z', 'Z to A'] : undefined}
          render={(content, className) => (
            <button type="button" className={`${className} uppercase`} onClick={() => setOrder(nextOrder(order, key))}>
              {content}
            </button>
          )}
        />
      ),
    }
  }
  const columns: Column<ConceptRow>[] = [
    {
      id: 'curve',
      header: 'Curve',
      cell: (r) => <input type="checkbox" aria-label={`Draw the curves of ${r.name}`} checked={curveSet.has(r.id)} onChange={() => onToggleCurve(r.id)} />,
    },
    {
      id: 'name',
      ...sortable('name'),
      header: 'Concept',
      cell: (r) => (
        <span className="block max-w-56 truncate" title={r.id}>
          {r.name}
          {r.name !== r.id && <span className="ml-1 font-mono text-xs text-slate-500">{r.id}</span>}
        </span>
      ),
      csv: (r) => r.name,
    },
    { id: 'id', header: 'ID', cell: (r) => <span className="font-mono text-xs">{r.id}</span>, csv: (r) => r.id, className: 'hidden' },
    { id: 'support', ...sortable('support'), header: 'Support', cell: (r) => r.support, csv: (r) => r.support, className: 'text-right tabular-nums' },
    { id: 'tp', ...sortable('tp'), header: 'TP', cell: (r) => r.tp, csv: (r) => r.tp, className: 'text-right tabular-nums' },
    { id: 'fp', ...sortable('fp'), header: 'FP', cell: (r) => r.fp, csv: (r) => r.fp, className: 'text-right tabular-nums' },
    { id: 'fn', ...sortable('fn'), header: 'FN', cell: (r) => r.fn, csv: (r) => r.fn, className: 'text-right tabular-nums' },
    { id: 'precision', ...sortable('precision'), header: 'Precision', cell: (r) => fmt3(r.precision), csv: (r) => r.precision, className: 'text-right tabular-nums' },
    { id: 'recall', ...sortable('recall'), header: 'Recall', cell: (r) => fmt3(r.recall), csv: (r) => r.recall, className: 'text-right tabular-nums' },
    { id: 'f1', ...sortable('f1'), header: 'F1', cell: (r) => fmt3(r.f1), csv: (r) => r.f1, className: 'text-right tabular-nums font-medium' },
    {
      id: 'best',
      ...sortable('best_f1'),
      header: 'Best F1',
      cell: (r) =>
        r.bestThreshold === null ? (
          '—'
        ) : (
          <span className="flex items-center justify-end gap-1.5">
            {fmt3(r.bestF1)}
            <button type="button" className={buttonClass} title={`Set the threshold to ${r.bestThreshold}, where ${r.name} reaches F1 ${fmt3(r.bestF1)}`} onClick={() => onUseThreshold(r.bestThreshold!)}>
              @ {r.bestThreshold.toFixed(2)}
            </button>
          </span>
        ),
      csv: (r) => r.bestF1,
      className: 'text-right tabular-nums',
    },
    { id: 'best_threshold', header: 'Best-F1 threshold', cell: (r) => r.bestThreshold ?? '', csv: (r) => r.bestThreshold ?? '', className: 'hidden' },
    { id: 'roc_auc', ...sortable('roc_auc'), header: 'ROC AUC', cell: (r) => fmt3(r.apiRocAuc ?? r.curveAuc), csv: (r) => r.apiRocAuc ?? r.curveAuc ?? '', className: 'text-right tabular-nums' },
    { id: 'ap', ...sortable('ap'), header: 'AP', cell: (r) => fmt3(r.ap), csv: (r) => r.ap ?? '', className: 'text-right tabular-nums' },
    {
      id: 'check',
      header: 'API num_pos',
      cell: (r) =>
        r.check === 'absent' ? (
          <span className="text-slate-400">—</span>
        ) : r.check === 'match' ? (
          <span className="text-emerald-700 dark:text-emerald-400" title="num_pos from the API equals TP + FN from the test set">
            {r.apiNumPos} ✓
          </span>
        ) : (
          <span className="font-medium text-red-700 dark:text-red-400" title={`The API says ${r.apiNumPos} positives; the test set has ${r.tp + r.fn}`}>
            {r.apiNumPos} ≠ {r.tp + r.fn}
          </span>
        ),
      csv: (r) => r.apiNumPos ?? '',
      className: 'text-right tabular-nums',
    },
  ]

  return columns
}
