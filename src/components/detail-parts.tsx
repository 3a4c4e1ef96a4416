import { useState, type ReactNode } from 'react'
import { formatMetric } from '@/lib/format.ts'
import type { MetricCard } from '@/lib/models.ts'

interface ConceptLike {
  id?: string
  name?: string
}

/** Beyond this many, concepts are listed on request: a 1,000-concept model stays readable. */
const CONCEPTS_SHOWN = 120

export function ConceptChips({ concepts }: { concepts: readonly ConceptLike[] }) {
  const [isAll, setIsAll] = useState(false)
  if (concepts.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No concepts.</p>
  const shown = isAll ? concepts : concepts.slice(0, CONCEPTS_SHOWN)
  return (
    <div>
      <ul aria-label={`${concepts.length} concepts`} className="flex flex-wrap gap-1.5">
        {shown.map((c, i) => (
          <li key={`${c.id ?? ''}-${i}`} title={c.id} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs dark:bg-slate-800">
            {c.name || c.id || '(unnamed)'}
            {c.name && c.id && c.name !== c.id && c.name.replace(/ /g, '-') !== c.id && <span className="ml-1 font-mono text-slate-500">{c.id}</span>}
          </li>
        ))}
      </ul>
      {concepts.length > CONCEPTS_SHOWN && (
        <button type="button" onClick={() => setIsAll((v) => !v)} className="mt-2 text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
          {isAll ? 'Show fewer' : `Show all ${concepts.length} concepts`}
        </button>
      )}
    </div>
  )
}

export function MetricCards({ cards }: { cards: readonly MetricCard[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {cards.map((card) => (
        <li key={card.key} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" title={card.help}>
          <span className="block text-xs uppercase tracking-wide text-slate-500">{card.label}</span>
          <span className="mt-1 block text-xl font-semibold tabular-nums">{formatMetric(card.value)}</span>
          {card.std !== undefined && <span className="block text-xs text-slate-500 tabular-nums">± {formatMetric(card.std)}</span>}
        </li>
      ))}
    </ul>
  )
}

/** A Struct (or any JSON object) as a definition list; nested values as compact JSON. */
export function StructList({ value, empty = 'None.' }: { value: unknown; empty?: string }) {
  const entries = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : []
  if (entries.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
      {entries.map(([key, v]) => (
        <div key={key} className="contents">
          <dt className="font-mono text-slate-600 dark:text-slate-400">{key}</dt>
          <dd className="break-all font-mono">{formatValue(v)}</dd>
        </div>
      ))}
    </dl>
  )
}

function formatValue(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return value === '' ? '""' : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  )
}
