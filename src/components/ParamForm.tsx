import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import {
  formValuesToSearch,
  missingRequired,
  parseFormSearch,
  type FieldGroup,
  type FieldIssue,
  type FormField,
  type FormModel,
  type FormValues,
  type SearchValues,
} from '@/api/param-form.ts'
import { FieldControl, FieldError, hasValue, inputClass, textOf } from './ParamFields.tsx'

export interface ParamFormProps {
  model: FormModel
  /** The current values (from the URL): the form shows them and resets when they change. */
  values: FormValues
  /** Valid values only. `per_page` is kept; `page` too unless the filters changed (then page 1). */
  onSubmit: (values: FormValues) => void
  /** Notes from `parseFormSearch` about values dropped from the link. */
  notes?: string[]
  submitLabel?: string
  /** The values the form would submit now, or `null` while something is invalid or missing. */
  onDraftChange?: (values: FormValues | null) => void
  /** Extra controls after the buttons (Copy as curl, …). */
  actions?: ReactNode
  /** Accessible name of the form. */
  label?: string
  isBusy?: boolean
}

/** What the inputs hold: the URL's strings (and string lists), keyed like the URL. */
type Draft = SearchValues


export function ParamForm({ model, values, onSubmit, notes = [], submitLabel = 'Apply', onDraftChange, actions, label = 'Parameters', isBusy = false }: ParamFormProps) {
  const idPrefix = useId()
  const initial = useMemo(() => formValuesToSearch(model, values), [model, values])
  const signature = JSON.stringify(initial)
  const [draft, setDraft] = useState<Draft>(initial)
  const [pending, setPending] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [shownSignature, setShownSignature] = useState(signature)
  if (shownSignature !== signature) {
    // New values from outside (navigation): show them instead of the edits.
    setShownSignature(signature)
    setDraft(initial)
    setPending({})
    setErrors({})
  }
  const formRef = useRef<HTMLFormElement>(null)
  const [isAdvancedOpen, setIsAdvancedOpen] = useState(false)

  const fieldId = (key: string) => `${idPrefix}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`

  const validate = (d: Draft, p: Record<string, string>) => {
    const merged: Draft = { ...d }
    const issues: FieldIssue[] = []
    for (const [key, text] of Object.entries(p)) {
      if (text.trim() === '') continue
      const current = merged[key]
      merged[key] = [...(Array.isArray(current) ? current : current ? [current] : []), text.trim()]
    }
    const parsed = parseFormSearch(model, merged)
    issues.push(...parsed.issues)
    for (const field of missingRequired(model, parsed.values)) {
      if (!issues.some((i) => i.key === field.key)) issues.push({ key: field.key, value: '', message: 'Required' })
    }
    return { values: parsed.values, issues }
  }

  useEffect(() => {
    if (!onDraftChange) return
    const result = validate(draft, pending)
    onDraftChange(result.issues.length === 0 ? result.values : null)
    // validate reads only model, draft and pending.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, pending, model, onDraftChange])

  const setValue = (key: string, value: string | string[]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest)
  }
  const setPendingText = (key: string, text: string) => setPending((p) => ({ ...p, [key]: text }))

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const result = validate(draft, pending)
    if (result.issues.length > 0) {
      const byKey: Record<string, string> = {}
      for (const issue of result.issues) byKey[issue.key] ??= issue.value ? `${issue.message} (“${issue.value}”)` : issue.message
      setErrors(byKey)
      const first = result.issues[0]
      if (first) formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(first.key))}`)?.focus()
      return
    }
    const next: FormValues = { ...result.values }
    const { pageKey, perPageKey } = model.pagination ?? {}
    // Pagination is not edited here: the page size stays, and changed filters start on page 1.
    if (perPageKey) next[perPageKey] = values[perPageKey]
    if (pageKey) {
      const withoutPage = (v: FormValues) => JSON.stringify(formValuesToSearch(model, { ...v, [pageKey]: undefined }))
      next[pageKey] = withoutPage(next) === withoutPage(values) ? values[pageKey] : undefined
    }
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key]
    onSubmit(next)
  }

  const handleClear = () => {
    setDraft({})
    setPending({})
    setErrors({})
  }

  const renderField = (field: FormField) => (
    <FieldControl
      key={field.key}
      field={field}
      id={fieldId(field.key)}
      value={draft[field.key]}
      pendingText={pending[field.key] ?? ''}
      error={errors[field.key]}
      onChange={(value) => setValue(field.key, value)}
      onPendingChange={(text) => setPendingText(field.key, text)}
    />
  )
  const renderGroup = (group: FieldGroup) =>
    group.prefix === null && !group.isPath ? (
      <div key="loose" className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
        {group.fields.map(renderField)}
      </div>
    ) : (
      <fieldset key={group.prefix ?? 'path'} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">
          {group.label} {group.prefix && <span className="font-mono text-xs font-normal text-slate-500">{group.prefix}.*</span>}
        </legend>
        <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">{group.fields.map(renderField)}</div>
      </fieldset>
    )

  const advancedFields = model.advanced.flatMap((g) => g.fields)
  const isAdvancedActive = advancedFields.some((f) => hasValue(draft[f.key]) || errors[f.key] !== undefined)
  const isAdvancedShown = isAdvancedOpen || isAdvancedActive
  const sort = model.sort
  const hasFields = model.fields.length > 0 || sort !== undefined

  return (
    <form ref={formRef} aria-label={label} noValidate onSubmit={handleSubmit} className="space-y-4">
      {notes.length > 0 && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-medium">Some values in the link were not used:</p>
          <ul className="mt-1 list-disc pl-5">
            {notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {!hasFields && <p className="text-sm text-slate-600 dark:text-slate-400">This operation takes no parameters.</p>}
      {model.groups.map(renderGroup)}
      {sort && (
        <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <legend className="px-1 text-sm font-medium">Sort</legend>
          <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
            {sort.options.length > 0 && (
              <div>
                <label htmlFor={fieldId(sort.key)} className="block text-sm font-medium">
                  Sort by
                </label>
                <select
                  id={fieldId(sort.key)}
                  name={sort.key}
                  value={textOf(draft[sort.key])}
                  onChange={(e) => setValue(sort.key, e.target.value)}
                  aria-describedby={sort.help ? `${fieldId(sort.key)}-help` : undefined}
                  className={inputClass(errors[sort.key])}
                >
                  <option value="">Default</option>
                  {sort.options.map((o) => (
                    <option key={o.value} value={o.value} title={o.help}>
                      {o.label}
                    </option>
                  ))}
                </select>
                {sort.help && (
                  <p id={`${fieldId(sort.key)}-help`} className="mt-1 text-xs text-slate-500">
                    {sort.help}
                  </p>
                )}
                <FieldError id={fieldId(sort.key)} error={errors[sort.key]} />
              </div>
            )}
            {sort.orderKey && (
              <div>
                <label htmlFor={fieldId(sort.orderKey)} className="block text-sm font-medium">
                  Direction
                </label>
                <select
                  id={fieldId(sort.orderKey)}
                  name={sort.orderKey}
                  value={textOf(draft[sort.orderKey])}
                  onChange={(e) => setValue(sort.orderKey as string, e.target.value)}
                  className={inputClass(errors[sort.orderKey])}
                >
                  <option value="">Default (descending)</option>
                  <option value="asc">Ascending</option>
                  <option value="desc">Descending</option>
                </select>
                <FieldError id={fieldId(sort.orderKey)} error={errors[sort.orderKey]} />
              </div>
            )}
          </div>
        </fieldset>
      )}
      {advancedFields.length > 0 && (
        <details
          open={isAdvancedShown}
          onToggle={(e) => setIsAdvancedOpen(e.currentTarget.open)}
          className="rounded-md border border-dashed border-slate-300 p-3 dark:border-slate-700"
        >
          <summary className="cursor-pointer text-sm font-medium text-slate-700 dark:text-slate-300">
            Advanced <span className="font-normal text-slate-500">({advancedFields.length}: deprecated parameters and response fields that requests carry)</span>
          </summary>
          {/* Built only when opened: status.code alone is a select of 600 codes. */}
          {isAdvancedShown && <div className="mt-3 space-y-4">{model.advanced.map(renderGroup)}</div>}
        </details>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          disabled={isBusy}
          className="rounded-md bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {submitLabel}
        </button>
        {hasFields && (
          <button type="button" onClick={handleClear} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
            Clear
          </button>
        )}
        {actions}
      </div>
    </form>
  )
}
