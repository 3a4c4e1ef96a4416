import { useId } from 'react'

const PER_PAGE_CHOICES = [10, 20, 50, 128, 500, 1000]

export interface LoadAllState {
  status: 'loading' | 'done' | 'cancelled' | 'error'
  pages: number
  items: number
  maxPages: number
  /** Done because the page cap stopped it, not a short page. */
  isCapped?: boolean
}

interface ExplorerPaginationProps {
  page: number
  perPage: number
  /** Whether the current page came back full, so a next page may exist. */
  hasNext: boolean
  onPage: (page: number) => void
  onPerPage: (perPage: number) => void
  loadAll: LoadAllState | null
  onLoadAll: () => void
  onCancelLoadAll: () => void
  isBusy: boolean
}

/**
 * Pages without totals: "Next page" while pages come back full; "Load all pages" fetches pages
 * one after another with a progress bar and Cancel, up to a cap.
 */
export function ExplorerPagination({ page, perPage, hasNext, onPage, onPerPage, loadAll, onLoadAll, onCancelLoadAll, isBusy }: ExplorerPaginationProps) {
  const id = useId()
  const choices = PER_PAGE_CHOICES.includes(perPage) ? PER_PAGE_CHOICES : [...PER_PAGE_CHOICES, perPage].sort((a, b) => a - b)
  const button = 'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-900'
  const isLoadingAll = loadAll?.status === 'loading'
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center gap-3 text-sm">
      <button type="button" className={button} disabled={page <= 1 || isBusy || isLoadingAll} onClick={() => onPage(page - 1)}>
        ← Previous
      </button>
      <span className="text-slate-600 dark:text-slate-400">Page {page}</span>
      <button type="button" className={button} disabled={!hasNext || isBusy || isLoadingAll} onClick={() => onPage(page + 1)}>
        Next page →
      </button>
      <label htmlFor={`${id}-per-page`} className="ml-2 text-slate-600 dark:text-slate-400">
        Per page
      </label>
      <select
        id={`${id}-per-page`}
        value={perPage}
        disabled={isLoadingAll}
        onChange={(e) => onPerPage(Number(e.target.value))}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {choices.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      {isLoadingAll ? (
        <span className="flex items-center gap-2">
          <progress
            aria-label="Loading all pages"
            max={loadAll.maxPages}
            value={loadAll.pages}
            className="h-2 w-40 overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-blue-600"
          />
          <span className="text-slate-600 dark:text-slate-400">
            {loadAll.pages} page{loadAll.pages === 1 ? '' : 's'}, {loadAll.items} rows…
          </span>
          <button type="button" className={button} onClick={onCancelLoadAll}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className={button} disabled={isBusy} onClick={onLoadAll} title={`Fetch every page from 1 (at most ${loadAll?.maxPages ?? 50} pages of ${perPage})`}>
          Load all pages
        </button>
      )}
    </nav>
  )
}
