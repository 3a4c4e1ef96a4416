import { useId, type ChangeEvent } from 'react'

interface ModelTypeLike {
  id?: string
  title?: string
}

/**
 * A `model_type_id` filter as the app's model types by name (ListModelTypes). A type the API does
 * not list (from an old link, say) stays selectable rather than silently dropped.
 */
export function ModelTypeSelect({ types, value, onChange, param }: { types: readonly ModelTypeLike[]; value: string | undefined; onChange: (typeId: string) => void; param: string }) {
  const id = useId()
  const listed = types.filter((t): t is ModelTypeLike & { id: string } => Boolean(t.id))
  const isKnown = value === undefined || listed.some((t) => t.id === value)
  const handleChange = (event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium">
        Model type
      </label>
      <select id={id} value={value ?? ''} onChange={handleChange} className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 dark:border-slate-700 dark:bg-slate-900">
        <option value="">All types</option>
        {!isKnown && <option value={value}>{value} (not listed)</option>}
        {listed.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title || t.id}
          </option>
        ))}
      </select>
      <span className="font-mono text-xs text-slate-500">{param}</span>
    </div>
  )
}
