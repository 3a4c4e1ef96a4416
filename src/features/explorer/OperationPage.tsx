import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Link, useLocation, useNavigate, useRouter } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { findList, LOAD_ALL_MAX_PAGES, loadAllPages, operationCurl, operationQueryOptions, type OperationRequest } from '@/api/explorer.ts'
import { isApiError } from '@/api/errors.ts'
import type { OperationInfo } from '@/api/operations.ts'
import {
  buildFormModel,
  cleanDescription,
  DEFAULT_PER_PAGE,
  formValuesToPath,
  formValuesToQuery,
  formValuesToSearch,
  missingRequired,
  parseFormSearch,
  type FormModel,
  type FormValues,
  type SearchValues,
} from '@/api/param-form.ts'
import { useSession } from '@/api/use-session.ts'
import { ParamForm } from '@/components/ParamForm.tsx'
import { useCurlTarget } from '@/components/CurlTarget.tsx'
import { CopyCurl } from './CopyCurl.tsx'
import { ExplorerPagination, type LoadAllState } from './Pagination.tsx'
import { ApiErrorPanel, RESULT_TABS, ResultView, statusLine, type ResultTab } from './ResultView.tsx'

/** URL key of the result tab: not a parameter of any operation. */
export const VIEW_KEY = 'view'

interface OperationPageProps {
  op: OperationInfo
  /** The URL search: the form's values (parameter names, `sort`, `order`, `page`, `per_page`) and `view`. */
  search: SearchValues
  onSearchChange: (search: SearchValues, options?: { replace?: boolean }) => void
}

function toRequest(model: FormModel, values: FormValues): OperationRequest {
  return { path: formValuesToPath(model, values), query: formValuesToQuery(model, values) }
}

/**
 * One operation: its form (path parameters are fields here), Copy as curl, and the result. The URL
 * holds the whole request, so a link with a complete request (every required parameter) runs it
 * on arrival: GETs are safe, and that is how a link reproduces what its sender saw.
 */
export function OperationPage({ op, search, onSearchChange }: OperationPageProps) {
  const session = useSession()
  // Reading the operation needs no token; sending it does. Without a session nothing is sent and
  // Run goes to /connect, which comes back here with the request in the URL (and so runs it).
  const canSend = session !== null
  const router = useRouter()
  const navigate = useNavigate()
  const location = useLocation()
  const hereWith = (next: SearchValues) => `${location.pathname}${router.options.stringifySearch(next)}`
  const model = useMemo(() => buildFormModel(op, { fromRoute: [] }), [op])
  const { values, notes } = useMemo(() => parseFormSearch(model, search), [model, search])
  const view = typeof search[VIEW_KEY] === 'string' && (RESULT_TABS as readonly string[]).includes(search[VIEW_KEY]) ? (search[VIEW_KEY] as ResultTab) : undefined

  // Only what the URL says runs; the session's user id is merely offered in the form.
  const isComplete = missingRequired(model, values).length === 0
  const request = useMemo(() => toRequest(model, values), [model, values])
  const requestKey = JSON.stringify(request)
  const formValues = useMemo(() => {
    const userField = model.fields.find((f) => f.key === 'user_app_id.user_id' && f.isPath)
    return userField && values[userField.key] === undefined && session?.userId ? { ...values, [userField.key]: session.userId } : values
  }, [model, values, session?.userId])

  const result = useQuery({ ...operationQueryOptions(op, request), enabled: isComplete && canSend })

  const [draft, setDraft] = useState<FormValues | null>(formValues)
  const { target: curlTarget } = useCurlTarget()
  const curl = draft ? operationCurl(op, toRequest(model, draft), curlTarget) : null

  const withView = (next: SearchValues): SearchValues => (view ? { ...next, [VIEW_KEY]: view } : next)
  const handleSubmit = (next: FormValues) => {
    if (!canSend) {
      void navigate({ to: '/connect', search: { redirect: hereWith(withView(formValuesToSearch(model, next))) } })
      return
    }
    if (isComplete && JSON.stringify(toRequest(model, next)) === requestKey) {
      // Same request: run it again rather than reading the cache.
      void result.refetch()
      return
    }
    onSearchChange(withView(formValuesToSearch(model, next)))
  }
  const setValuesInUrl = (next: FormValues) => onSearchChange(withView(formValuesToSearch(model, next)))
  const handleTab = (tab: ResultTab) => onSearchChange({ ...formValuesToSearch(model, values), [VIEW_KEY]: tab }, { replace: true })

  // Pagination: page and per_page are part of the URL like everything else.
  const pagination = model.pagination
  const page = typeof values.page === 'number' ? values.page : 1
  const perPage = typeof values.per_page === 'number' ? values.per_page : DEFAULT_PER_PAGE
  const list = useMemo(() => findList(result.data), [result.data])

  const [loadAll, setLoadAll] = useState<(LoadAllState & { requestKey: string; key?: string; rows?: Record<string, unknown>[]; error?: unknown }) | null>(null)
  const controllerRef = useRef<AbortController | null>(null)
  useEffect(() => () => controllerRef.current?.abort(), [])
  const handleLoadAll = () => {
    controllerRef.current?.abort()
    const controller = new AbortController()
    controllerRef.current = controller
    const base = { requestKey, maxPages: LOAD_ALL_MAX_PAGES }
    setLoadAll({ ...base, status: 'loading', pages: 0, items: 0 })
    loadAllPages(op, request, {
      perPage,
      signal: controller.signal,
      onProgress: ({ pages, items }) => setLoadAll((s) => (s && s.requestKey === requestKey ? { ...s, pages, items } : s)),
    }).then(
      (all) => setLoadAll({ ...base, status: 'done', pages: all.pages, items: all.items.length, key: all.key, rows: all.items, isCapped: !all.isComplete }),
      (error: unknown) => {
        const isAborted = isApiError(error) && error.kind === 'aborted'
        setLoadAll((s) => ({ ...base, pages: s?.pages ?? 0, items: s?.items ?? 0, status: isAborted ? 'cancelled' : 'error', error }))
      },
    )
  }
  const handleCancelLoadAll = useCallback(() => controllerRef.current?.abort(), [])
  const currentLoadAll = loadAll?.requestKey === requestKey ? loadAll : null
  const allRows = currentLoadAll?.status === 'done' ? currentLoadAll : null

  const requestValues = useMemo(() => ({ ...request.query, ...request.path }) as Record<string, unknown>, [request])
  const description = cleanDescription(op.description)
  const missing = missingRequired(model, values)

  let summary: string
  if (!canSend) summary = isComplete ? 'Not sent: sending a request needs a connection.' : `Fill in ${missing.map((f) => f.key).join(', ')}, then connect to run.`
  else if (!isComplete) summary = `Fill in ${missing.map((f) => f.key).join(', ')} and run.`
  else if (result.isFetching) summary = 'Running…'
  else if (result.isError) summary = `Failed: ${isApiError(result.error) ? result.error.description : String(result.error)}`
  else if (allRows) summary = `All pages: ${allRows.items} rows from ${allRows.pages} page${allRows.pages === 1 ? '' : 's'}${allRows.isCapped ? ` (stopped at the ${allRows.maxPages}-page cap)` : ''}.`
  else if (result.data !== undefined) {
    const rows = list ? `${list.items.length} ${list.key}${pagination ? ` on page ${page}` : ''} · ` : ''
    summary = `${rows}${statusLine(result.data) ?? 'Done'}`
  } else summary = ''

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link to="/explore" className="text-blue-700 hover:underline dark:text-blue-400">
            ← All operations
          </Link>
          <span className="text-slate-500"> / {op.resource}</span>
        </nav>
        <h1 className="text-2xl font-semibold">
          {op.id}
          {op.deprecated && <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 align-middle text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">deprecated</span>}
        </h1>
        <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200">GET</span>
          <span className="break-all">{op.path}</span>
        </p>
        {op.summary && <p className="text-slate-700 dark:text-slate-300">{op.summary}</p>}
        {description && description !== op.summary && <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>}
      </header>

      <section aria-labelledby="explore-params" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="explore-params" className="mb-3 text-lg font-semibold">
          Parameters
        </h2>
        <ParamForm
          model={model}
          values={formValues}
          notes={notes}
          label={`${op.id} parameters`}
          submitLabel={canSend ? 'Run' : 'Connect and run'}
          isBusy={result.isFetching}
          onSubmit={handleSubmit}
          onDraftChange={setDraft}
          actions={<CopyCurl curl={curl} disabledReason="Fix or fill in the highlighted fields first." />}
        />
      </section>

      <section aria-labelledby="explore-result" className="space-y-3">
        <h2 id="explore-result" className="text-lg font-semibold">
          Result
        </h2>
        <p role="status" aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
          {summary}
        </p>
        {!canSend && (
          <p className="text-sm">
            <Link to="/connect" search={{ redirect: location.href }} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
              Connect to send requests
            </Link>
            <span className="text-slate-600 dark:text-slate-400"> · the operation, its parameters and Copy as curl need no token.</span>
          </p>
        )}
        {result.isError && <ApiErrorPanel error={result.error} />}
        {currentLoadAll?.status === 'error' && <ApiErrorPanel error={currentLoadAll.error} />}
        {currentLoadAll?.status === 'cancelled' && <p className="text-sm text-slate-600 dark:text-slate-400">Loading all pages was cancelled after {currentLoadAll.pages} pages.</p>}
        {pagination && isComplete && (result.data !== undefined || currentLoadAll) && (
          <ExplorerPagination
            page={page}
            perPage={perPage}
            hasNext={list !== undefined && list.items.length >= perPage && list.items.length > 0}
            onPage={(next) => setValuesInUrl({ ...values, page: next })}
            onPerPage={(next) => setValuesInUrl({ ...values, page: undefined, per_page: next })}
            loadAll={currentLoadAll}
            onLoadAll={handleLoadAll}
            onCancelLoadAll={handleCancelLoadAll}
            isBusy={result.isFetching}
          />
        )}
        {allRows ? (
          <ResultView data={{ [allRows.key ?? 'items']: allRows.rows ?? [] }} request={requestValues} tab={view} onTabChange={handleTab} />
        ) : (
          result.data !== undefined && !result.isError && <ResultView data={result.data} request={requestValues} tab={view} onTabChange={handleTab} />
        )}
      </section>
    </div>
  )
}
