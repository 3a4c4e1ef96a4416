import { describe, expect, it } from 'vitest'
import { listFormModel, readListSearch } from './list-page.ts'
import { formValuesToQuery, parseFormSearch } from './param-form.ts'
import { pageOperations } from './page-operations.gen.ts'
import { hasFormFilters, withoutFields } from './list-form.ts'

const full = listFormModel(pageOperations.ListModels)
const shown = withoutFields(full, ['model_type_id'])

describe('withoutFields', () => {
  it('drops the field from what the form shows, and nothing else', () => {
    expect(full.fields.some((f) => f.key === 'model_type_id')).toBe(true)
    expect(shown.fields.some((f) => f.key === 'model_type_id')).toBe(false)
    expect(shown.groups.flatMap((g) => g.fields).some((f) => f.key === 'model_type_id')).toBe(false)
    expect(shown.fields).toHaveLength(full.fields.length - 1)
    expect(shown.sort).toBe(full.sort)
    expect(shown.advanced.flatMap((g) => g.fields).map((f) => f.key)).toEqual(full.advanced.flatMap((g) => g.fields).map((f) => f.key))
  })

  it('leaves the full model in charge of the URL and the request', () => {
    const state = readListSearch(full, { model_type_id: 'visual-detector', sort: 'name', order: 'asc' })
    expect(state.query).toMatchObject({ model_type_id: 'visual-detector', sort_by_name: true, sort_ascending: true, per_page: 50 })
    expect(parseFormSearch(shown, { model_type_id: 'visual-detector' }).values).toEqual({})
    expect(formValuesToQuery(full, state.values)).toMatchObject({ model_type_id: 'visual-detector' })
  })
})

describe('hasFormFilters', () => {
  it.each<[Record<string, string>, boolean]>([
    [{}, false],
    [{ sort: 'name', order: 'asc', page: '2', per_page: '10' }, false],
    [{ model_type_id: 'visual-detector' }, false],
    [{ trained_only: 'true' }, true],
    [{ search: 'gen', sort: 'name' }, true],
  ])('%j -> %s', (search, expected) => {
    const { values } = readListSearch(full, search)
    expect(hasFormFilters(shown, values)).toBe(expected)
  })
})
