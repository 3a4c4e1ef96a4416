import { useId, useState } from 'react'
import { useQueries } from '@tanstack/react-query'
import { evaluationQueries } from '@/api/queries/evaluations.ts'
import { PICKER_QUERY } from './search.ts'
import { buttonClass, inputClass, selectClass } from './ui.tsx'

const PER_PAGE = PICKER_QUERY.per_page ?? 100

/**
 * A select of the app's other evaluations; choosing one sets `compare`. The API lists pages
 * without a total: the picker says when it shows only the first ones, loads more on demand and
 * narrows the loaded ones by model or evaluation id as the user types.
 */
export function ComparePicker({ user, app, current, value, onChange }: { user: string; app: string; current: string; value: string | undefined; onChange: (id: string | undefined) => void }) {
  const id = useId()
  const filterId = useId()
  const [pageCount, setPageCount] = useState(1)
  const [filter, setFilter] = useState('')
  // Page 1 is the loader's prefetched query (same options); later pages only when asked for.
  const results = useQueries({ queries: Array.from({ length: pageCount }, (_, k) => evaluationQueries.list(user, app, k === 0 ? PICKER_QUERY : { ...PICKER_QUERY, page: k + 1 })) })
  const isPending = results.some((r) => r.isPending)
  const failed = results.find((r) => r.isError)
  const loaded = results.flatMap((r) => r.data?.eval_metrics ?? [])
  const lastPage = results[results.length - 1]?.data?.eval_metrics
  const hasMore = !isPending && lastPage !== undefined && lastPage.length >= PER_PAGE
  const needle = filter.trim().toLowerCase()
  const others = loaded.filter((e) => e.id && e.id !== current && (!needle || e.id.toLowerCase().includes(needle) || (e.model?.id ?? '').toLowerCase().includes(needle)))
  const hasValue = value !== undefined && !others.some((e) => e.id === value)
  return (
    <span className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id} className="text-xs text-slate-500">
        Compare with (B)
      </label>
      <select id={id} className={`${selectClass} max-w-80`} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} disabled={isPending && !hasValue && loaded.length === 0}>
        <option value="">{isPending && loaded.length === 0 ? 'Loading evaluations…' : failed && loaded.length === 0 ? 'Could not list evaluations' : others.length === 0 ? (needle ? 'No evaluation matches' : 'No other evaluation in this app') : 'None'}</option>
        {hasValue && <option value={value}>{value}</option>}
        {others.map((e) => (
          <option key={e.id} value={e.id}>
            {e.model?.id ?? 'model'}
            {e.model?.model_version?.id ? `@${e.model.model_version.id.slice(0, 8)}` : ''} · {e.id!.slice(0, 8)}
            {typeof e.summary?.macro_avg_f1_score === 'number' ? ` · F1 ${e.summary.macro_avg_f1_score.toFixed(3)}` : ''}
          </option>
        ))}
      </select>
      {(hasMore || needle) && (
        <>
          <label htmlFor={filterId} className="sr-only">
            Narrow the evaluations
          </label>
          <input id={filterId} className={`${inputClass} w-36`} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="type to narrow" />
        </>
      )}
      {hasMore && (
        <span className="text-xs text-slate-500" data-testid="picker-more">
          First {loaded.length.toLocaleString('en')}, type to narrow{' '}
          <button type="button" className={buttonClass} onClick={() => setPageCount((n) => n + 1)}>
            Load {PER_PAGE} more
          </button>
        </span>
      )}
      {failed && (
        <button type="button" className="text-xs text-blue-700 hover:underline dark:text-blue-400" onClick={() => void failed.refetch()}>
          Retry
        </button>
      )}
    </span>
  )
}
