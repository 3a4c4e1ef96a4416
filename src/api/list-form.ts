import { formValuesToSearch, ORDER_KEY, PAGE_KEY, PER_PAGE_KEY, SORT_KEY, type FormModel, type FormValues } from './param-form.ts'

/**
 * The same form without some fields, for a page that renders those fields itself (the model type
 * as a select of the app's types, by name). Parsing and the API query keep using the full model,
 * so the URL, the request and the form stay one state.
 */
export function withoutFields(model: FormModel, keys: readonly string[]): FormModel {
  const drop = new Set(keys)
  const keep = <T extends { fields: FormModel['fields'] }>(group: T): T => ({ ...group, fields: group.fields.filter((f) => !drop.has(f.key)) })
  return {
    ...model,
    fields: model.fields.filter((f) => !drop.has(f.key)),
    groups: model.groups.map(keep).filter((g) => g.fields.length > 0),
    advanced: model.advanced.map(keep).filter((g) => g.fields.length > 0),
    // A page that draws its own sort control (sortable column headers) takes the sort out too.
    sort: drop.has(SORT_KEY) ? undefined : model.sort,
  }
}

const NOT_FILTERS = new Set([PAGE_KEY, PER_PAGE_KEY, SORT_KEY, ORDER_KEY])

/** Whether the values set any of this form's filters (sort and paging are not filters). */
export function hasFormFilters(model: FormModel, values: FormValues): boolean {
  return Object.keys(formValuesToSearch(model, values)).some((key) => !NOT_FILTERS.has(key))
}
