import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { useVirtualizer, useWindowVirtualizer } from '@tanstack/react-virtual'
import { toCsv } from '@/lib/csv.ts'
import { uniqueKeys } from '@/lib/unique-keys.ts'
import { ScrollRegion } from './ScrollRegion.tsx'

export interface Column<Row> {
  id: string
  /** The header's text (also the CSV header). */
  header: string
  /** What the header cell shows instead of the text (a sort button or link). */
  headerContent?: ReactNode
  /** The header's `aria-sort` when the table is sorted by, or can be sorted by, this column. */
  ariaSort?: 'ascending' | 'descending' | 'none'
  cell: (row: Row) => ReactNode
  /** The value for CSV export; columns without it are left out of the file. */
  csv?: (row: Row) => unknown
  className?: string
}

interface DataTableProps<Row> {
  caption: string
  columns: ReadonlyArray<Column<Row>>
  rows: readonly Row[]
  rowKey: (row: Row) => string
  /**
   * The positions in `rows` of the rows to show, in the order shown (a sorted or filtered view of
   * rows whose figures change more often than their order, without copying them); all rows in
   * order when absent.
   */
  order?: readonly number[]
  /**
   * The shown rows' keys, distinct, one per shown row, when the caller keeps them from render to
   * render (with `order`): then a render does work only per row in view. Otherwise they are made
   * from `rowKey`.
   */
  keys?: readonly string[]
  /**
   * A CSS height (`min(70vh, 36rem)`): the table becomes a box of at most that height that
   * scrolls by itself, header kept in view, so what follows it on the page stays a short scroll
   * away however many rows it has.
   */
  maxHeight?: string
  /** When this changes (a new sort or filter), a boxed table scrolls back to its first row. */
  scrollResetKey?: string
}

const ROW_HEIGHT = 41
/** Below this many rows every row is rendered: nothing to gain from virtualizing. */
const VIRTUALIZE_FROM = 100

/**
 * A plain table whose rows are windowed once there are many: a 1,000-row page keeps about a
 * screenful plus overscan in the DOM, and the page itself scrolls; with `maxHeight` the table
 * scrolls in its own box instead (a focusable, named region) with a sticky header.
 */
export function DataTable<Row>({ caption, columns, rows: allRows, rowKey, order, keys: givenKeys, maxHeight, scrollResetKey }: DataTableProps<Row>) {
  const count = order ? order.length : allRows.length
  const rowAt = (index: number): Row => allRows[order ? order[index]! : index]!
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const regionRef = useRef<HTMLDivElement>(null)
  const [pageMargin, setPageMargin] = useState(0)
  const isVirtual = count >= VIRTUALIZE_FROM
  const isBoxed = maxHeight !== undefined
  useLayoutEffect(() => {
    if (bodyRef.current && !isBoxed) setPageMargin(bodyRef.current.getBoundingClientRect().top + window.scrollY)
  }, [isVirtual, isBoxed])
  useEffect(() => {
    if (regionRef.current) regionRef.current.scrollTop = 0
  }, [scrollResetKey])
  const pageVirtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: pageMargin,
    enabled: isVirtual && !isBoxed,
  })
  const boxVirtualizer = useVirtualizer({
    count,
    getScrollElement: () => regionRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    enabled: isVirtual && isBoxed,
  })
  const virtualizer = isBoxed ? boxVirtualizer : pageVirtualizer
  const scrollMargin = isBoxed ? 0 : pageMargin
  // Ids may be missing from an answer: rows still need distinct keys.
  const keys = givenKeys !== undefined && givenKeys.length === count ? givenKeys : uniqueKeys(Array.from({ length: count }, (_, index) => rowKey(rowAt(index))))
  const items = isVirtual ? virtualizer.getVirtualItems() : null
  const visible = items ? items.map((item) => ({ index: item.index, row: rowAt(item.index) })) : Array.from({ length: count }, (_, index) => ({ index, row: rowAt(index) }))
  const paddingTop = items && items.length > 0 ? (items[0]?.start ?? 0) - scrollMargin : 0
  const paddingBottom = items && items.length > 0 ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - scrollMargin) : 0

  return (
    <ScrollRegion label={caption} scrollRef={regionRef} style={isBoxed ? { maxHeight } : undefined} className="rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm" aria-rowcount={count + 1}>
        <caption className="sr-only">{caption}</caption>
        <thead className={`${isBoxed ? 'sticky top-0 z-10 shadow-[0_1px_0_0] shadow-slate-200 dark:shadow-slate-800' : ''} bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400`}>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th key={column.id} scope="col" aria-sort={column.ariaSort} className={`px-3 py-2 font-medium ${column.className ?? ''}`}>
                {column.headerContent ?? column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef} className="divide-y divide-slate-100 dark:divide-slate-800">
          {paddingTop > 0 && <tr aria-hidden="true" style={{ height: paddingTop }} />}
          {visible.map(({ index, row }) => (
            <DataRow key={keys[index]} index={index} row={row} columns={columns} />
          ))}
          {paddingBottom > 0 && <tr aria-hidden="true" style={{ height: paddingBottom }} />}
        </tbody>
      </table>
    </ScrollRegion>
  )
}

const ROW_STYLE = { height: ROW_HEIGHT }

/**
 * One body row; rendered again only when its row object, place or columns change, so a table
 * whose caller keeps unchanged rows and its columns (memoized) re-renders only the rows that moved.
 */
const DataRow = memo(function DataRow<Row>({ index, row, columns }: { index: number; row: Row; columns: ReadonlyArray<Column<Row>> }) {
  return (
    <tr aria-rowindex={index + 2} style={ROW_STYLE} className="hover:bg-slate-50 dark:hover:bg-slate-900/60">
      {columns.map((column) => (
        <td key={column.id} className={`px-3 py-2 align-middle ${column.className ?? ''}`}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
  )
}) as <Row>(props: { index: number; row: Row; columns: ReadonlyArray<Column<Row>> }) => ReactNode

export function tableCsv<Row>(columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]): string {
  const exported = columns.filter((column) => column.csv)
  return toCsv(
    exported.map((column) => column.header),
    rows.map((row) => exported.map((column) => column.csv?.(row))),
  )
}

/** Saves text as a file through a temporary object URL. */
export function downloadText(filename: string, text: string, type = 'text/csv') {
  downloadBlob(filename, new Blob([text], { type }))
}

/** Saves a Blob as a file (an answer's bytes as received, say). */
export function downloadBlob(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
