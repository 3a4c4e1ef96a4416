import { useId } from 'react'
import { useQuery } from '@tanstack/react-query'
import { evaluationQueries } from '@/api/queries/evaluations.ts'
import { PICKER_QUERY } from './search.ts'
import { selectClass } from './ui.tsx'

/** A select of the app's other evaluations; choosing one sets `compare`. */
export function ComparePicker({ user, app, current, value, onChange }: { user: string; app: string; current: string; value: string | undefined; onChange: (id: string | undefined) => void }) {
  const id = useId()
  const { data, isPending, isError, refetch } = useQuery(evaluationQueries.list(user, app, PICKER_QUERY))
  const others = (data?.eval_metrics ?? []).filter((e) => e.id && e.id !== current)
  const hasValue = value !== undefined && !others.some((e) => e.id === value)
  return (
    <span className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-xs text-slate-500">
        Compare with (B)
      </label>
      <select id={id} className={`${selectClass} max-w-80`} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} disabled={isPending && !hasValue}>
        <option value="">{isPending ? 'Loading evaluations…' : isError ? 'Could not list evaluations' : others.length === 0 ? 'No other evaluation in this app' : 'None'}</option>
        {hasValue && <option value={value}>{value}</option>}
        {others.map((e) => (
          <option key={e.id} value={e.id}>
            {e.model?.id ?? 'model'}
            {e.model?.model_version?.id ? `@${e.model.model_version.id.slice(0, 8)}` : ''} · {e.id!.slice(0, 8)}
            {typeof e.summary?.macro_avg_f1_score === 'number' ? ` · F1 ${e.summary.macro_avg_f1_score.toFixed(3)}` : ''}
          </option>
        ))}
      </select>
      {isError && (
        <button type="button" className="text-xs text-blue-700 hover:underline dark:text-blue-400" onClick={() => void refetch()}>
          Retry
        </button>
      )}
    </span>
  )
}
