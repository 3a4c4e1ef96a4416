import { memo, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react'
import { useRouter } from '@tanstack/react-router'
import type { OperationInfo } from '@/api/operations.ts'
import { buildOperationIndex, filterOperations, groupByResource, type OperationGroup } from './operation-index.ts'

interface OperationListProps {
  operations: readonly OperationInfo[]
  /** The search text from the URL (`?q=`). */
  query: string
  onQueryChange: (query: string) => void
}

/** Every GET operation, searchable by id, path, summary and parameter name, grouped by resource. */
export function OperationList({ operations, query, onQueryChange }: OperationListProps) {
  const id = useId()
  const index = useMemo(() => buildOperationIndex(operations), [operations])
  const [text, setText] = useState(query)
  const [shownQuery, setShownQuery] = useState(query)
  if (shownQuery !== query) {
    // Back/forward changed the URL: follow it.
    setShownQuery(query)
    setText(query)
  }
  // Typing stays responsive while the list catches up.
  const deferredText = useDeferredValue(text)
  const groups = useMemo(() => groupByResource(filterOperations(index, deferredText)), [index, deferredText])
  const count = groups.reduce((n, g) => n + g.ops.length, 0)
  const inputRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return
      event.preventDefault()
      inputRef.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  // The URL follows the box after a pause: one history update per search, not per keystroke.
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timerRef.current), [])
  const pendingRef = useRef<string | undefined>(undefined)
  const flush = () => {
    clearTimeout(timerRef.current)
    const value = pendingRef.current
    if (value === undefined) return
    pendingRef.current = undefined
    setShownQuery(value)
    onQueryChange(value)
  }
  const handleChange = (value: string) => {
    setText(value)
    pendingRef.current = value
    clearTimeout(timerRef.current)
    timerRef.current = setTimeout(flush, 300)
  }

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">API explorer</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Every GET operation of the Clarifai API with a form generated from its parameters. Runs go through your connection; a link to an operation page carries its parameters.
        </p>
      </div>
      <div className="max-w-xl">
        <label htmlFor={`${id}-search`} className="block text-sm font-medium">
          Search operations
        </label>
        <input
          ref={inputRef}
          id={`${id}-search`}
          type="search"
          data-page-search
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => handleChange(e.target.value)}
          placeholder="id, path, summary or parameter — press / to focus"
          aria-keyshortcuts="/"
          aria-controls={`${id}-results`}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <p aria-live="polite" className="mt-1 text-xs text-slate-500">
          {count === operations.length ? `${count} operations` : `${count} of ${operations.length} operations`}
        </p>
      </div>
      {/* Leaving for an operation: write the search into this entry first, so Back restores it. */}
      <div id={`${id}-results`} onPointerDownCapture={flush} onKeyDownCapture={(e) => e.key === 'Enter' && flush()}>
        <OperationGroups groups={groups} idPrefix={id} text={deferredText} />
      </div>
    </div>
  )
}

/** Rendered again only when the filtered list changes, not when the URL catches up with the box. */
// Plain anchors with one delegated click handler: 227 router Links cost several times more to
// render on every keystroke, and these links need no preloading.
const OperationGroups = memo(function OperationGroups({ groups, idPrefix: id, text }: { groups: OperationGroup[]; idPrefix: string; text: string }) {
  const router = useRouter()
  const PLACEHOLDER = '__operation__'
  const template = useMemo(() => router.buildLocation({ to: '/explore/$operation', params: { operation: PLACEHOLDER } }).href, [router])
  const handleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const anchor = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-operation]')
    const operation = anchor?.dataset.operation
    if (!operation) return
    event.preventDefault()
    void router.navigate({ to: '/explore/$operation', params: { operation } })
  }
  return (
    <div className="space-y-6" onClick={handleClick}>
      {groups.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No operation matches “{text}”.</p>}
      {groups.map((group) => (
        <section key={group.resource} aria-labelledby={`${id}-${group.resource}`} className="[contain-intrinsic-size:auto_12rem] [content-visibility:auto]">
          <h2 id={`${id}-${group.resource}`} className="border-b border-slate-200 pb-1 text-sm font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
            {group.resource} <span className="font-normal normal-case text-slate-500">({group.ops.length})</span>
          </h2>
          <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-900">
            {group.ops.map((op) => (
              <li key={op.id} className="flex flex-wrap items-baseline gap-x-3 py-1.5 text-sm">
                <a href={template.replace(PLACEHOLDER, encodeURIComponent(op.id))} data-operation={op.id} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
                  {op.id}
                </a>
                <code className="break-all text-xs text-slate-600 dark:text-slate-400">{op.path}</code>
                <span className="text-slate-600 dark:text-slate-400">{op.summary}</span>
                {op.deprecated && <span className="text-xs text-amber-700 dark:text-amber-400">deprecated</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
})

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}
