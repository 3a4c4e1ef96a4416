import type { ReactNode } from 'react'
import { visibilityLabel } from '@/lib/format.ts'
import { RelativeTime } from './Time.tsx'

/** One fact: a term and its value; `false`/`undefined` entries are left out, so lists read as data. */
export type FactEntry = readonly [term: string, value: ReactNode] | false | null | undefined | ''

const layouts = {
  /** Terms in one column, values in the next: the facts block under a detail page's title. */
  grid: 'grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm',
  /** Terms stacked on small screens: facts whose values are long (lists, chips). */
  stacked: 'grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]',
  /** One wrapping line of small facts: a header's by-line. */
  line: 'flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500',
} as const

/** The facts of a resource, the same way on every detail page. */
export function FactsGrid({ facts, layout = 'grid', label }: { facts: readonly FactEntry[]; layout?: keyof typeof layouts; label?: string }) {
  const shown = facts.filter((fact): fact is readonly [string, ReactNode] => Boolean(fact))
  return (
    <dl aria-label={label} className={layouts[layout]}>
      {shown.map(([term, value]) =>
        layout === 'line' ? (
          <div key={term} className="flex gap-1">
            <dt>{term}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ) : (
          <div key={term} className="contents">
            <dt className={layout === 'stacked' ? 'font-medium text-slate-600 dark:text-slate-400' : 'text-slate-600 dark:text-slate-400'}>{term}</dt>
            <dd className={layout === 'stacked' ? 'flex min-w-0 flex-col gap-1' : 'min-w-0 break-words'}>{value}</dd>
          </div>
        ),
      )}
    </dl>
  )
}

interface Dated {
  created_at?: string
  modified_at?: string
  visibility?: { gettable?: number }
}

/** The facts every resource has: visibility, created and updated. */
export function lifecycleFacts(resource: Dated | undefined, { updated = 'Updated' }: { updated?: string } = {}): FactEntry[] {
  const visibility = visibilityLabel(resource?.visibility?.gettable)
  return [
    ['Visibility', visibility ?? '—'],
    ['Created', <RelativeTime key="created" value={resource?.created_at} />],
    [updated, <RelativeTime key="updated" value={resource?.modified_at} />],
  ]
}
