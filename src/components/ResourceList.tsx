import type { ReactNode } from 'react'
import { Link, type LinkProps } from '@tanstack/react-router'
import { DataTable, downloadText, tableCsv, type Column } from './DataTable.tsx'

interface ResourceListProps<Row> {
  /** Plural noun for captions and empty states, e.g. "models". */
  noun: string
  columns: ReadonlyArray<Column<Row>>
  rows: readonly Row[]
  rowKey: (row: Row) => string
  page: number
  perPage: number
  /** Any filter narrows the list: an empty page then means "no results", not "nothing yet". */
  isFiltered: boolean
  /** The same page without filters. */
  clearFilters: LinkProps
  /** The same filters at another page. */
  pageLink: (page: number) => LinkProps
  filters?: ReactNode
  /** Open the filters from the start (some are set, or the link had values worth a note). */
  isFilterOpen?: boolean
  tools?: ReactNode
  csvName: string
}

/**
 * The body of every list page: filters, the table, pagination without totals ("next" until a
 * short page), CSV export, and empty states that say why there is nothing.
 */
export function ResourceList<Row>(props: ResourceListProps<Row>) {
  const { noun, columns, rows, rowKey, page, perPage, isFiltered, clearFilters, pageLink, filters, isFilterOpen = isFiltered, tools, csvName } = props
  const hasNext = rows.length >= perPage
  const handleExport = () => downloadText(`${csvName}-page-${page}.csv`, tableCsv(columns, rows))
  return (
    <div className="space-y-4">
      {filters && (
        <details open={isFilterOpen || undefined} className="group rounded-lg border border-slate-200 dark:border-slate-800">
          <summary className="cursor-pointer select-none px-4 py-2 text-sm font-medium">
            Filters and sort{isFiltered ? ' (filtered)' : ''}
          </summary>
          <div className="border-t border-slate-200 p-4 dark:border-slate-800">{filters}</div>
        </details>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite" className="text-slate-600 dark:text-slate-400">
          {rows.length === 0 ? `No ${noun} on page ${page}` : `${noun[0]?.toUpperCase()}${noun.slice(1)} ${(page - 1) * perPage + 1}–${(page - 1) * perPage + rows.length}`}
          {hasNext ? ' · more on the next page' : ''}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {tools}
          <button type="button" onClick={handleExport} disabled={rows.length === 0} className="rounded-md border border-slate-300 px-2.5 py-1 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-900">
            Export CSV
          </button>
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyList noun={noun} page={page} isFiltered={isFiltered} clearFilters={clearFilters} firstPage={pageLink(1)} />
      ) : (
        <DataTable caption={noun} columns={columns} rows={rows} rowKey={rowKey} />
      )}
      <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
        {page > 1 ? (
          <Link {...pageLink(page - 1)} rel="prev" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
            ← Previous
          </Link>
        ) : (
          <span />
        )}
        <span className="text-slate-500">Page {page}</span>
        {hasNext ? (
          <Link {...pageLink(page + 1)} rel="next" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
            Next →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  )
}

function EmptyList({ noun, page, isFiltered, clearFilters, firstPage }: { noun: string; page: number; isFiltered: boolean; clearFilters: LinkProps; firstPage: LinkProps }) {
  const link = 'font-medium text-blue-700 hover:underline dark:text-blue-400'
  let message: ReactNode
  if (page > 1) {
    message = (
      <>
        This page is past the end of the list.{' '}
        <Link {...firstPage} className={link}>
          Back to page 1
        </Link>
      </>
    )
  } else if (isFiltered) {
    message = (
      <>
        No results for these filters.{' '}
        <Link {...clearFilters} className={link}>
          Clear filters
        </Link>
      </>
    )
  } else {
    message = `Nothing here yet: there are no ${noun}.`
  }
  return <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">{message}</p>
}
