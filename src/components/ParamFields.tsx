// The field controls of the parameter form: one control per field kind (text, number, toggle,
// enum select or checkboxes, token input for arrays), with its error line.
import { useRef, useState, type KeyboardEvent } from 'react'
import { fieldValueProblem, type FormField } from '@/api/param-form.ts'

/** Enum lists this short are a row of checkboxes; longer ones a token input with suggestions. */
const MAX_CHECKBOX_OPTIONS = 12

export function hasValue(value: string | string[] | undefined): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== ''
}

export function textOf(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[value.length - 1] ?? '') : (value ?? '')
}

export function listOf(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value ? [value] : []
}

export function inputClass(error: string | undefined): string {
  return `mt-1 w-full rounded-md border bg-white px-2.5 py-1.5 text-sm dark:bg-slate-900 ${
    error ? 'border-red-500 dark:border-red-500' : 'border-slate-300 dark:border-slate-700'
  }`
}

export interface FieldControlProps {
  field: FormField
  id: string
  value: string | string[] | undefined
  pendingText: string
  error: string | undefined
  onChange: (value: string | string[]) => void
  onPendingChange: (text: string) => void
}

export function FieldControl({ field, id, value, pendingText, error, onChange, onPendingChange }: FieldControlProps) {
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
      {field.isRequired && <span aria-hidden="true" className="text-red-600 dark:text-red-400"> *</span>}
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

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
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
