import { useMemo, useRef } from 'react'
import { Link } from '@tanstack/react-router'
import { useVirtualizer } from '@tanstack/react-virtual'
import { cellText, chooseColumns, resourceLink, valueAt } from './result-shape.ts'
import { ScrollRegion } from '@/components/ScrollRegion.tsx'

/** Up to this many rows render plainly; longer lists (load all) render only the rows in view. */
const PLAIN_ROWS = 150
const ROW_HEIGHT = 33

interface ResultTableProps {
  listKey: string
  rows: ReadonlyArray<Record<string, unknown>>
  /** Path and query values of the request, for ids rows lack (user, app, model). */
  request: Record<string, unknown>
}

export function ResultTable({ listKey, rows, request }: ResultTableProps) {
  const columns = useMemo(() => chooseColumns(rows), [rows])
  if (rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">The list <code>{listKey}</code> is empty.</p>
  }
  return rows.length <= PLAIN_ROWS ? <PlainTable listKey={listKey} rows={rows} columns={columns} request={request} /> : <VirtualTable listKey={listKey} rows={rows} columns={columns} request={request} />
}

interface TableBodyProps extends ResultTableProps {
  columns: string[]
}

function Head({ listKey, columns, count }: { listKey: string; columns: string[]; count: number }) {
  return (
    <>
      <caption className="sr-only">
        {listKey}: {count} rows
      </caption>
      <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col" className="whitespace-nowrap px-3 py-2 font-medium normal-case">
              {c}
            </th>
          ))}
        </tr>
      </thead>
    </>
  )
}

function Row({ listKey, row, columns, request }: { listKey: string; row: Record<string, unknown>; columns: string[]; request: Record<string, unknown> }) {
  const href = resourceLink(listKey, row, request)
  return (
    <tr className="border-t border-slate-100 dark:border-slate-800" style={{ height: ROW_HEIGHT }}>
      {columns.map((c) => {
        const text = cellText(c, valueAt(row, c))
        return (
          <td key={c} className="max-w-[13rem] truncate px-3 py-1.5 align-top" title={text}>
            {c === 'id' && href ? (
              // The resource pages are file routes under /$user/$app; the address is built as a string.
              <Link to={href as string} className="font-mono text-blue-700 hover:underline dark:text-blue-400">
                {text}
              </Link>
            ) : (
              <span className={c.endsWith('id') || c.endsWith('_at') ? 'font-mono' : undefined}>{text}</span>
            )}
          </td>
        )
      })}
    </tr>
  )
}

function PlainTable({ listKey, rows, columns, request }: TableBodyProps) {
  return (
    <ScrollRegion label={`${listKey}: ${rows.length} rows`} className="rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="min-w-full text-sm">
        <Head listKey={listKey} columns={columns} count={rows.length} />
        <tbody>
          {rows.map((row, i) => (
            <Row key={i} listKey={listKey} row={row} columns={columns} request={request} />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  )
}

function VirtualTable({ listKey, rows, columns, request }: TableBodyProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 20 })
  const items = virtualizer.getVirtualItems()
  const before = items[0]?.start ?? 0
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  return (
    <div ref={scrollRef} className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800" tabIndex={0} aria-label={`${listKey}: ${rows.length} rows, scrollable`}>
      <table className="min-w-full text-sm" aria-rowcount={rows.length + 1}>
        <Head listKey={listKey} columns={columns} count={rows.length} />
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: before, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => (
            <Row key={item.index} listKey={listKey} row={rows[item.index] as Record<string, unknown>} columns={columns} request={request} />
          ))}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: after, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
