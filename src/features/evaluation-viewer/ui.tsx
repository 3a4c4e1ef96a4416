import { memo, type ReactNode } from 'react'
import { suggestionsFor } from '@/lib/suggestions.ts'

export const buttonClass = 'rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-900'
export const selectClass = 'rounded-md border border-slate-300 bg-white px-1.5 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900'
export const inputClass = 'rounded-md border border-slate-300 bg-white px-2 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900'

/**
 * A titled section of the viewer. `isSkippedOffScreen`: while off screen it is neither laid out
 * nor painted (content-visibility), so a threshold step pays for the panels in view only; its
 * last size holds its place (its paint is clipped to its box: a little padding leaves focus rings
 * room). Not for a panel whose parts must measure themselves at once (the per-concept table's
 * scroll region).
 */
export function Panel({ id, title, actions, children, isSkippedOffScreen = false }: { id: string; title: ReactNode; actions?: ReactNode; children: ReactNode; isSkippedOffScreen?: boolean }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={`space-y-3${isSkippedOffScreen ? ' -mx-1 px-1 [content-visibility:auto] [contain-intrinsic-block-size:auto_30rem]' : ''}`} data-testid={`panel-${id}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`${id}-heading`} className="mr-auto text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  )
}

/** Something corrected or worth knowing, not an error. */
export function Note({ children }: { children: ReactNode }) {
  return (
    <div role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
      {children}
    </div>
  )
}

/** A part of the page that cannot be shown, and why; the rest of the page keeps working. */
export function ProblemPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40">
      <h3 className="font-semibold text-red-900 dark:text-red-200">{title}</h3>
      <div className="mt-1 text-red-900 dark:text-red-200">{children}</div>
    </div>
  )
}

export function fmt3(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(3) : '—'
}

export function pct(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—'
}

/**
 * Suggestions for a text input (`list={id}`): the first few values matching what is typed, so a
 * list of thousands of concepts never puts thousands of options in the page; memoized, so a
 * re-render of the input's panel skips its options.
 */
export const Datalist = memo(function Datalist({ id, values, query }: { id: string; values: readonly string[]; query: string }) {
  return (
    <datalist id={id}>
      {suggestionsFor(values, query).map((v, k) => (
        <option key={k} value={v} />
      ))}
    </datalist>
  )
})
