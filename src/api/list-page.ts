import {
  buildFormModel,
  formValuesToQuery,
  PAGE_KEY,
  parseFormSearch,
  PER_PAGE_KEY,
  type FormModel,
  type FormValues,
  type QueryValues,
} from './param-form.ts'
import type { OperationInfo } from './operations.ts'
import { hasFormFilters } from './list-form.ts'

/** Console pages show fewer rows than the API's default page of 128. */
export const PAGE_PER_PAGE = 50

export interface ListPageState {
  model: FormModel
  values: FormValues
  notes: string[]
  /** The API query: filters, sort, page and per_page. */
  query: QueryValues
  page: number
  perPage: number
  /** Some filter narrows the list (sorting and paging do not). */
  isFiltered: boolean
}

const models = new Map<string, FormModel>()

/** One form model per operation and set of hidden parameters, built once. */
export function listFormModel(op: OperationInfo, hide: string[] = []): FormModel {
  const key = `${op.id}|${hide.join(',')}`
  let model = models.get(key)
  if (!model) {
    model = buildFormModel(op, { hide })
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
