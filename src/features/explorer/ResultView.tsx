import { useId, useMemo, useRef, type KeyboardEvent } from 'react'
import { Link } from '@tanstack/react-router'
import { findList } from '@/api/explorer.ts'
import { isApiError, statusCodeName } from '@/api/errors.ts'
import { JsonTree } from './JsonTree.tsx'
import { ResultTable } from './ResultTable.tsx'
import { singleResource } from './result-shape.ts'

export type ResultTab = 'table' | 'tree' | 'raw'
export const RESULT_TABS: readonly ResultTab[] = ['table', 'tree', 'raw']

interface ResultViewProps {
  data: unknown
  /** The request's path and query values, for links to console pages. */
  request: Record<string, unknown>
  tab: ResultTab | undefined
  onTabChange: (tab: ResultTab) => void
}

/** A response as a table (its list), a tree, or raw JSON; the tab lives in the URL. */
export function ResultView({ data, request, tab, onTabChange }: ResultViewProps) {
  const id = useId()
  const list = useMemo(() => findList(data), [data])
  const tabs: ResultTab[] = list ? ['table', 'tree', 'raw'] : ['tree', 'raw']
  const current: ResultTab = tab && tabs.includes(tab) ? tab : (tabs[0] as ResultTab)
  const single = useMemo(() => (list ? undefined : singleResource(data, request)), [data, list, request])
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([])

  const handleKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (delta === 0) return
    event.preventDefault()
    const next = (index + delta + tabs.length) % tabs.length
    onTabChange(tabs[next] as ResultTab)
    tabRefs.current[next]?.focus()
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="tablist" aria-label="Result view" className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700">
          {tabs.map((t, i) => (
            <button
              key={t}
              ref={(el) => {
                tabRefs.current[i] = el
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${t}`}
              aria-selected={current === t}
              aria-controls={`${id}-panel`}
              tabIndex={current === t ? 0 : -1}
              onClick={() => onTabChange(t)}
              onKeyDown={(e) => handleKeyDown(e, i)}
              className={`rounded px-3 py-1 text-sm ${current === t ? 'bg-slate-900 text-white dark:bg-white dark:text-slate-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
            >
              {t === 'table' ? 'Table' : t === 'tree' ? 'Tree' : 'Raw'}
            </button>
          ))}
        </div>
        {single && (
          <Link to={single.href as string} className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
            Open this {single.key.replace(/_/g, ' ')} in the console →
          </Link>
        )}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current}`}>
        {current === 'table' && list ? (
          <ResultTable listKey={list.key} rows={list.items} request={request} />
        ) : current === 'tree' ? (
          <div className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <JsonTree value={data} />
          </div>
        ) : (
          <pre tabIndex={0} aria-label="Raw JSON" className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-3 text-xs dark:border-slate-800 dark:bg-slate-900">
            {JSON.stringify(data, null, 2)}
          </pre>
        )}
      </div>
    </div>
  )
}

/** `10000 SUCCESS · Ok · req_id demo-0001` from a response's status envelope. */
export function statusLine(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const status = (data as { status?: unknown }).status
  if (typeof status !== 'object' || status === null) return undefined
  const { code, description, req_id: reqId } = status as { code?: unknown; description?: unknown; req_id?: unknown }
  const parts: string[] = []
  if (typeof code === 'number') parts.push(`${code}${statusCodeName(code) ? ` ${statusCodeName(code)}` : ''}`)
  if (typeof description === 'string' && description) parts.push(description)
  if (typeof reqId === 'string' && reqId) parts.push(`req_id ${reqId}`)
  return parts.join(' · ') || undefined
}

/** An error as the API sent it: every ApiError field, nothing reworded. */
export function ApiErrorPanel({ error }: { error: unknown }) {
  const facts: Array<[string, string]> = []
  let title = 'The request failed'
  if (isApiError(error)) {
    title = error.description
    if (error.code !== undefined) facts.push(['status.code', `${error.code}${error.codeName ? ` ${error.codeName}` : ''}`])
    facts.push(['HTTP status', error.httpStatus ? String(error.httpStatus) : `none (${error.kind})`])
    facts.push(['description', error.description])
    if (error.details) facts.push(['details', error.details])
    if (error.reqId) facts.push(['req_id', error.reqId])
    if (error.method && error.path) facts.push(['request', `${error.method} ${error.path}`])
  } else {
    facts.push(['message', error instanceof Error ? error.message : String(error)])
  }
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
      <p className="font-semibold">{title}</p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium">{term}</dt>
            <dd className="break-all font-mono">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
