import { useState } from 'react'

const CHILD_PAGE = 100

/** A collapsible view of any JSON value; children render only when opened, so big answers stay cheap. */
export function JsonTree({ value, label = 'Response' }: { value: unknown; label?: string }) {
  return (
    <ul aria-label={label} className="font-mono text-xs leading-5">
      <JsonNode name={null} value={value} depth={0} isInitiallyOpen />
    </ul>
  )
}

function JsonNode({ name, value, depth, isInitiallyOpen = false }: { name: string | null; value: unknown; depth: number; isInitiallyOpen?: boolean }) {
  const [isOpen, setIsOpen] = useState(isInitiallyOpen)
  const [shown, setShown] = useState(CHILD_PAGE)
  const keyLabel = name === null ? null : <span className="text-slate-700 dark:text-slate-300">{name}: </span>
  if (!isContainer(value)) {
    return (
      <li className="pl-5">
        {keyLabel}
        <Scalar value={value} />
      </li>
    )
  }
  const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value)
  const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`
  if (entries.length === 0) {
    return (
      <li className="pl-5">
        {keyLabel}
        <span className="text-slate-500">{Array.isArray(value) ? '[]' : '{}'}</span>
      </li>
    )
  }
  return (
    <li>
      <button
        type="button"
        aria-expanded={isOpen}
        onClick={() => setIsOpen((open) => !open)}
        className="inline-flex items-center gap-1 rounded px-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true" className="inline-block w-3 text-slate-500">
          {isOpen ? '▾' : '▸'}
        </span>
        {keyLabel ?? <span className="text-slate-700 dark:text-slate-300">(root) </span>}
        <span className="text-slate-500">{summary}</span>
      </button>
      {isOpen && (
        <ul className="ml-2 border-l border-slate-200 pl-2 dark:border-slate-800">
          {entries.slice(0, shown).map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} isInitiallyOpen={depth === 0 && entries.length <= 20 && !Array.isArray(value)} />
          ))}
          {entries.length > shown && (
            <li className="pl-5">
              <button type="button" onClick={() => setShown((n) => n + CHILD_PAGE)} className="text-blue-700 hover:underline dark:text-blue-400">
                Show {Math.min(CHILD_PAGE, entries.length - shown)} more of {entries.length - shown}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  )
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="break-all text-emerald-800 dark:text-emerald-300">{JSON.stringify(value)}</span>
  if (typeof value === 'number') return <span className="text-blue-800 dark:text-blue-300">{String(value)}</span>
  if (typeof value === 'boolean') return <span className="text-purple-800 dark:text-purple-300">{String(value)}</span>
  return <span className="text-slate-500">null</span>
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}
