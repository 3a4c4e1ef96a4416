import type { ReactNode } from 'react'

export type SortDirection = 'ascending' | 'descending'

interface SortHeaderProps {
  label: string
  /** How the table is sorted by this column, if it is. */
  direction: SortDirection | undefined
  /** Words for the two directions, for screen readers: `['lowest', 'highest']`, `['A to Z', 'Z to A']`. */
  words?: readonly [string, string]
  /** What activating an unsorted header does: `rank by it`, `sort by it`. */
  verb?: string
  /**
   * The control around the text: a router link when the sort is a navigation of its own, a button
   * when the page changes its search through a callback. Given the label, arrow and hint.
   */
  render: (content: ReactNode, className: string) => ReactNode
}

export const sortHeaderClass = 'inline-flex items-center gap-1 uppercase hover:text-blue-700 hover:underline dark:hover:text-blue-300'

/**
 * A sortable column header's content: the label, an arrow for the direction (↕ when unsorted) and
 * what activating it does, for screen readers. The column's `aria-sort` comes from the same
 * direction (`ariaSortOf`).
 */
export function SortHeader({ label, direction, words = ['lowest', 'highest'], verb = 'sort by it', render }: SortHeaderProps) {
  const [low, high] = words
  const hint = direction === undefined ? `, activate to ${verb}` : direction === 'ascending' ? `, sorted ${low} first; activate for ${high} first` : `, sorted ${high} first; activate for ${low} first`
  return render(
    <>
      {label}
      <span aria-hidden="true">{direction === undefined ? '↕' : direction === 'ascending' ? '↑' : '↓'}</span>
      <span className="sr-only">{hint}</span>
    </>,
    sortHeaderClass,
  )
}

/** A column's `aria-sort`: every sortable column says whether it is the sorted one. */
export function ariaSortOf(direction: SortDirection | undefined): 'ascending' | 'descending' | 'none' {
  return direction ?? 'none'
}
