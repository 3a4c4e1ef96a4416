import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import {
  fieldValueProblem,
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

/** Enum lists this short are a row of checkboxes; longer ones a token input with suggestions. */
const MAX_CHECKBOX_OPTIONS = 12

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

function hasValue(value: string | string[] | undefined): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== ''
}

function textOf(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[value.length - 1] ?? '') : (value ?? '')
}

function listOf(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value ? [value] : []
}

function inputClass(error: string | undefined): string {
  return `mt-1 w-full rounded-md border bg-white px-2.5 py-1.5 text-sm dark:bg-slate-900 ${
    error ? 'border-red-500 dark:border-red-500' : 'border-slate-300 dark:border-slate-700'
  }`
}

interface FieldControlProps {
  field: FormField
  id: string
  value: string | string[] | undefined
  pendingText: string
  error: string | undefined
  onChange: (value: string | string[]) => void
  onPendingChange: (text: string) => void
}

function FieldControl({ field, id, value, pendingText, error, onChange, onPendingChange }: FieldControlProps) {
  const helpId = field.help ? `${id}-help` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined
  const help = field.help && (
    <p id={helpId} className="mt-1 line-clamp-3 text-xs text-slate-500" title={field.help}>
      {field.help}
    </p>
  )
  const name = <span className="ml-1.5 font-mono text-[11px] font-normal text-slate-500">{field.key}</span>

  if (field.kind === 'boolean' && !field.isArray && !field.isTriState) {
    return (
      <div>
        <div className="flex items-center gap-2 pt-1">
          <input
            id={id}
            type="checkbox"
            role="switch"
            name={field.key}
            checked={textOf(value) === 'true'}
            onChange={(e) => onChange(e.target.checked ? 'true' : '')}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            className="h-4 w-4"
          />
          <label htmlFor={id} className="text-sm font-medium">
            {field.label}
          </label>
          {name}
        </div>
        <FieldError id={id} error={error} />
        {help}
      </div>
    )
  }

  if (field.isArray && field.kind === 'enum' && (field.options?.length ?? 0) <= MAX_CHECKBOX_OPTIONS) {
    const selected = listOf(value)
    return (
      <fieldset aria-describedby={describedBy} className="sm:col-span-2 lg:col-span-3">
        <legend className="text-sm font-medium">
          {field.label}
          {name}
        </legend>
        <div id={id} tabIndex={-1} className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {field.options?.map((o) => (
            <label key={o.name} className="flex items-center gap-1.5 text-sm" title={`${o.name} = ${o.value}`}>
              <input
                type="checkbox"
                name={field.key}
                value={o.name}
                checked={selected.includes(o.name)}
                onChange={(e) => onChange(e.target.checked ? [...selected, o.name] : selected.filter((s) => s !== o.name))}
                className="h-4 w-4"
              />
              {o.label}
            </label>
          ))}
        </div>
        <FieldError id={id} error={error} />
        {help}
      </fieldset>
    )
  }

  const labelEl = (
    <label htmlFor={id} className="block text-sm font-medium">
      {field.label}
      {field.isRequired && <span aria-hidden="true" className="text-red-600"> *</span>}
      {name}
    </label>
  )

  if (field.isArray) {
    return (
      <div className="sm:col-span-2 lg:col-span-1">
        {labelEl}
        <TokenInput
          id={id}
          field={field}
          tokens={listOf(value)}
          text={pendingText}
          isInvalid={error !== undefined}
          describedBy={describedBy}
          onTokensChange={onChange}
          onTextChange={onPendingChange}
        />
        <FieldError id={id} error={error} />
        {help}
      </div>
    )
  }

  if (field.kind === 'enum' || (field.kind === 'boolean' && field.isTriState)) {
    return (
      <div>
        {labelEl}
        <select
          id={id}
          name={field.key}
          value={textOf(value)}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className={inputClass(error)}
        >
          <option value="">Any</option>
          {field.kind === 'boolean' ? (
            <>
              <option value="true">Yes (true)</option>
              <option value="false">No (false)</option>
            </>
          ) : (
            field.options?.map((o) => (
              <option key={o.name} value={o.name} title={`${o.name} = ${o.value}`}>
                {o.label}
              </option>
            ))
          )}
        </select>
        <FieldError id={id} error={error} />
        {help}
      </div>
    )
  }

  const isNumeric = field.kind === 'integer' || field.kind === 'int64' || field.kind === 'uint64' || field.kind === 'number'
  return (
    <div>
      {labelEl}
      <input
        id={id}
        name={field.key}
        type="text"
        inputMode={isNumeric ? (field.kind === 'number' ? 'decimal' : 'numeric') : undefined}
        autoComplete="off"
        spellCheck={false}
        value={textOf(value)}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholderOf(field)}
        aria-required={field.isRequired || undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`${inputClass(error)} ${isNumeric || field.isPath ? 'font-mono' : ''}`}
      />
      <FieldError id={id} error={error} />
      {help}
    </div>
  )
}

function placeholderOf(field: FormField): string | undefined {
  switch (field.kind) {
    case 'integer':
      return field.min !== undefined && field.min >= 0 ? 'whole number ≥ 0' : 'whole number'
    case 'int64':
      return 'whole number (64-bit)'
    case 'uint64':
      return 'whole number ≥ 0 (64-bit)'
    case 'number':
      return 'number'
    default:
      return undefined
  }
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null
  return (
    <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
      {error}
    </p>
  )
}

interface TokenInputProps {
  id: string
  field: FormField
  tokens: string[]
  text: string
  isInvalid: boolean
  describedBy: string | undefined
  onTokensChange: (tokens: string[]) => void
  onTextChange: (text: string) => void
}

/**
 * A list of values, repeats and order kept. Enter or comma adds what was typed, Backspace in the
 * empty box removes the last value, each value has its own remove button. Long enum lists suggest
 * their names and accept only those.
 */
export function TokenInput({ id, field, tokens, text, isInvalid, describedBy, onTokensChange, onTextChange }: TokenInputProps) {
  const [announcement, setAnnouncement] = useState('')
  const [localError, setLocalError] = useState<string | undefined>()
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = `${id}-options`
  const hintId = `${id}-hint`
  const localErrorId = `${id}-token-error`

  const check = (value: string) => fieldValueProblem(field, value)

  const add = (raw: string[]) => {
    const values = raw.map((v) => (field.kind === 'string' ? v : v.trim())).filter((v) => v.trim() !== '')
    if (values.length === 0) return true
    const bad = values.map((v) => [v, check(v)] as const).find(([, problem]) => problem !== undefined)
    if (bad) {
      setLocalError(`“${bad[0]}”: ${bad[1]}`)
      return false
    }
    setLocalError(undefined)
    onTokensChange([...tokens, ...values])
    setAnnouncement(`Added ${values.join(', ')}`)
    return true
  }

  const removeAt = (index: number) => {
    const removed = tokens[index]
    onTokensChange(tokens.filter((_, i) => i !== index))
    setAnnouncement(`Removed ${removed ?? ''}`)
    inputRef.current?.focus()
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',') && text.trim() !== '') {
      event.preventDefault()
      if (add([text])) onTextChange('')
    } else if (event.key === ',') {
      event.preventDefault()
    } else if (event.key === 'Backspace' && text === '' && tokens.length > 0) {
      event.preventDefault()
      removeAt(tokens.length - 1)
    }
  }

  const handleChange = (value: string) => {
    setLocalError(undefined)
    if (value.includes(',')) {
      // Pasted or typed lists: everything before the last comma becomes values.
      const parts = value.split(',')
      const rest = parts.pop() ?? ''
      if (add(parts)) onTextChange(rest)
      else onTextChange(value)
      return
    }
    onTextChange(value)
  }

  const hasSuggestions = field.kind === 'enum' && (field.options?.length ?? 0) > 0
  return (
    <div>
      <div
        className={`mt-1 flex min-h-[2.25rem] flex-wrap items-center gap-1 rounded-md border bg-white px-1.5 py-1 dark:bg-slate-900 ${
          isInvalid || localError ? 'border-red-500' : 'border-slate-300 dark:border-slate-700'
        }`}
      >
        {tokens.length > 0 && (
          <ul aria-label={`${field.label}: ${tokens.length} value${tokens.length === 1 ? '' : 's'}`} className="contents">
            {tokens.map((token, i) => (
              <li key={`${i}:${token}`} className="flex items-center gap-1 rounded bg-slate-100 py-0.5 pl-2 pr-1 font-mono text-xs dark:bg-slate-800">
                <span>{token}</span>
                <button
                  type="button"
                  onClick={() => removeAt(i)}
                  aria-label={`Remove ${token}`}
                  className="rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:hover:bg-slate-700 dark:hover:text-white"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={inputRef}
          id={id}
          name={field.key}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={text}
          list={hasSuggestions ? listId : undefined}
          onChange={(e) => handleChange(e.target.value)}
          onKeyDown={handleKeyDown}
          aria-describedby={[localError ? localErrorId : undefined, hintId, describedBy].filter(Boolean).join(' ')}
          aria-invalid={isInvalid || localError ? true : undefined}
          className="min-w-[8rem] flex-1 bg-transparent px-1 py-0.5 font-mono text-sm outline-none"
        />
      </div>
      {hasSuggestions && (
        <datalist id={listId}>
          {field.options?.map((o) => (
            <option key={o.name} value={o.name}>
              {o.label}
            </option>
          ))}
        </datalist>
      )}
      <p id={hintId} className="sr-only">
        Enter or comma adds a value; Backspace in the empty box removes the last one.
      </p>
      {localError && (
        <p id={localErrorId} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {localError}
        </p>
      )}
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </div>
  )
}
