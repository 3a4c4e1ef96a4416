import type { ReactNode } from 'react'
import { useNavigate } from '@tanstack/react-router'
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import type { ApiQuery } from '@/api/endpoint.ts'
import { ensure, prefetch } from '@/api/load.ts'
import type { ListForm, ListOperationId, ListPageState, QueryOf } from '@/api/list-page.ts'
import type { FormValues } from '@/api/param-form.ts'
import { searchRecord, type SearchRecord } from '@/lib/search-params.ts'
import type { Column } from './DataTable.tsx'
import { ParamForm } from './ParamForm.tsx'
import { QueryPanel } from './QueryPanel.tsx'
import { RequestTools } from './RequestTools.tsx'
import { ResourceList } from './ResourceList.tsx'

/** A list page, said once: its operation's form, its query, how rows are read and drawn. */
export interface ListPageConfig<Id extends ListOperationId, Params, Data, Row> {
  form: ListForm<Id>
  /** The query option factory for these route params and the URL's typed query. */
  query: (params: Params, query: QueryOf<Id>) => ApiQuery<Data>
  rows: (data: Data, state: ListPageState<QueryOf<Id>>, params: Params) => readonly Row[]
  rowKey: (row: Row) => string
  /** Plural noun for captions, empty states and the CSV name. */
  noun: string
  columns: (params: Params, state: ListPageState<QueryOf<Id>>, rows: readonly Row[]) => ReadonlyArray<Column<Row>>
  /** The file name of the CSV export, without the page suffix. */
  csvName: (params: Params) => string
}

export interface ListView<Id extends ListOperationId, Params, Row> {
  params: Params
  search: SearchRecord
  state: ListPageState<QueryOf<Id>>
  queryKey: ApiQuery<unknown>['queryKey']
  rows: readonly Row[]
  /** Goes to these filter values, back on page 1. */
  go: (values: FormValues) => void
}

interface LoaderContext<Params> {
  context: { queryClient: QueryClient }
  params: Params
  deps: { search: SearchRecord }
}

/**
 * Everything a list route needs from one config: lenient search validation (the form engine
 * reads and corrects the filters, with notes on the page), the loader, the reading hook and the
 * body (filters, table, paging, CSV, request tools).
 */
export function listPage<Id extends ListOperationId, Params, Data, Row>(config: ListPageConfig<Id, Params, Data, Row>) {
  const { form } = config
  const options = (params: Params, search: SearchRecord) => {
    const state = form.read(search)
    return { state, options: config.query(params, state.query) }
  }

  function useGo() {
    const navigate = useNavigate()
    return (values: FormValues) => {
      void navigate({ to: '.', search: form.search(values) })
    }
  }

  /** The list as the page's primary resource: the loader awaited it. */
  function useList(params: Params, search: SearchRecord): ListView<Id, Params, Row> {
    const go = useGo()
    const { state, options: query } = options(params, search)
    const { data } = useSuspenseQuery(query)
    return { params, search, state, queryKey: query.queryKey, rows: config.rows(data, state, params), go }
  }

  /** The list as one part of a page (a model's versions): its own loading and error states. */
  function Part({ params, search, label, before }: { params: Params; search: SearchRecord; label: string; before?: (rows: readonly Row[]) => ReactNode }) {
    const go = useGo()
    const { state, options: query } = options(params, search)
    const name = `${config.noun[0]?.toUpperCase() ?? ''}${config.noun.slice(1)}`
    return (
      <QueryPanel query={query} name={name}>
        {(data) => {
          const rows = config.rows(data, state, params)
          return (
            <>
              {before?.(rows)}
              <Body list={{ params, search, state, queryKey: query.queryKey, rows, go }} label={label} />
            </>
          )
        }}
      </QueryPanel>
    )
  }

  interface BodyProps {
    list: ListView<Id, Params, Row>
    /** The filter form's accessible name. */
    label: string
    /** Values of controls the page draws outside the form, kept when the form is applied. */
    separate?: FormValues
    /** Columns drawn from what else the page reads (the app's model type names). */
    columns?: ReadonlyArray<Column<Row>>
  }

  function Body({ list, label, separate = {}, columns }: BodyProps) {
    const { state, search, params, rows } = list
    const handleSubmit = (values: FormValues) => list.go({ ...values, ...separate })
    return (
      <ResourceList
        noun={config.noun}
        columns={columns ?? config.columns(params, state, rows)}
        rows={rows}
        rowKey={config.rowKey}
        page={state.page}
        perPage={state.perPage}
        isFiltered={state.isFiltered}
        isFilterOpen={state.notes.length > 0 || form.isFormFiltered(state.values)}
        clearFilters={{ to: '.', search: {} }}
        pageLink={(page) => ({ to: '.', search: { ...search, page: String(page) } })}
        filters={<ParamForm model={form.shown} values={state.values} notes={state.notes} onSubmit={handleSubmit} label={label} />}
        tools={<RequestTools queryKey={list.queryKey} />}
        csvName={config.csvName(params)}
      />
    )
  }

  return {
    form,
    validateSearch: (search: Record<string, unknown>): SearchRecord => searchRecord(search),
    loaderDeps: ({ search }: { search: SearchRecord }) => ({ search }),
    /** Awaits the list: the page's primary resource. */
    load: ({ context: { queryClient }, params, deps: { search } }: LoaderContext<Params>) => ensure(queryClient, options(params, search).options),
    /** Starts the list without awaiting it, for a page where it is one part among others. */
    prefetch: ({ context: { queryClient }, params, deps: { search } }: LoaderContext<Params>) => prefetch(queryClient, options(params, search).options),
    useList,
    Body,
    Part,
  }
}

/** A list page's title row: heading, an optional line under it, and links on the right. */
export function ListHeader({ title, lead, actions }: { title: string; lead?: string; actions?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {lead && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{lead}</p>}
      </div>
      {actions}
    </header>
  )
}
