import {
  buildFormModel,
  formValuesToQuery,
  formValuesToSearch,
  PAGE_KEY,
  parseFormSearch,
  PER_PAGE_KEY,
  type FormModel,
  type FormValues,
  type SearchValues,
} from './param-form.ts'
import type { OperationInfo } from './operations.ts'
import type { ParamsOf } from './endpoint.ts'
import type { operations } from './schema'
import { pageOperations } from './page-operations.gen.ts'
import { hasFormFilters, withoutFields } from './list-form.ts'
import { lazy } from '@/lib/lazy.ts'

/** Console pages show fewer rows than the API's default page of 128. */
export const PAGE_PER_PAGE = 50

/** The list operations whose parameter tables the list pages bundle. */
export type ListOperationId = keyof typeof pageOperations & keyof operations

/** The typed query of one list operation, as its query option factory takes it. */
export type QueryOf<Id extends ListOperationId> = NonNullable<ParamsOf<operations[Id]>['query']>

export interface ListPageState<Query = Record<string, unknown>> {
  model: FormModel
  values: FormValues
  notes: string[]
  /** The API query: filters, sort, page and per_page. */
  query: Query
  page: number
  perPage: number
  /** Some filter narrows the list (sorting and paging do not). */
  isFiltered: boolean
}

const models = new Map<string, FormModel>()

/** One form model per operation and set of hidden parameters, built once. */
export function listFormModel(op: OperationInfo, hide: readonly string[] = []): FormModel {
  const key = `${op.id}|${hide.join(',')}`
  let model = models.get(key)
  if (!model) {
    model = buildFormModel(op, { hide: [...hide] })
    models.set(key, model)
  }
  return model
}

/**
 * What a list page's URL asks for: its filters and sort as the form engine reads them, and the
 * page. Invalid values are dropped with notes the page shows.
 */
export function readListSearch(model: FormModel, search: Record<string, unknown>): ListPageState {
  const { values, notes } = parseFormSearch(model, search)
  const page = typeof values[PAGE_KEY] === 'number' ? values[PAGE_KEY] : 1
  const perPage = typeof values[PER_PAGE_KEY] === 'number' ? values[PER_PAGE_KEY] : PAGE_PER_PAGE
  const query = formValuesToQuery(model, { ...values, [PAGE_KEY]: page, [PER_PAGE_KEY]: perPage })
  const isFiltered = hasFormFilters(model, values)
  return { model, values, notes, query, page, perPage, isFiltered }
}

/**
 * One list operation's form, read from and written to the URL, with the API query typed as that
 * operation's own. `hide` leaves parameters out entirely (they filter nothing); `separate` keeps
 * them in the URL and the query but out of the form, for a page that draws its own control
 * (the model type as a select of the app's types by name).
 */
export interface ListForm<Id extends ListOperationId> {
  operation: Id
  /** Parses, corrects and types the URL's filters. */
  read: (search: Record<string, unknown>) => ListPageState<QueryOf<Id>>
  /** The fields the form shows (without the separate ones). */
  shown: FormModel
  /** The URL for these values, back on page 1 unless `keepPage`. */
  search: (values: FormValues, keepPage?: boolean) => SearchValues
  /** Whether the shown form has filters set (the separate controls are always visible). */
  isFormFiltered: (values: FormValues) => boolean
}

export function listForm<Id extends ListOperationId>(operation: Id, options: { hide?: readonly string[]; separate?: readonly string[] } = {}): ListForm<Id> {
  // Built on first use: route modules call this while the app boots, and only the open page's
  // form is ever needed.
  const getModel = lazy(() => listFormModel(pageOperations[operation], options.hide))
  const getShown = lazy(() => (options.separate?.length ? withoutFields(getModel(), options.separate) : getModel()))
  return {
    operation,
    // The form model is built from this operation's own parameter table, so the query it
    // writes holds this operation's parameters, with the kinds that table gives them.
    read: (search) => readListSearch(getModel(), search) as ListPageState<QueryOf<Id>>,
    get shown() {
      return getShown()
    },
    search: (values, keepPage = false) => formValuesToSearch(getModel(), keepPage ? values : { ...values, [PAGE_KEY]: undefined }),
    isFormFiltered: (values) => hasFormFilters(getShown(), values),
  }
}
