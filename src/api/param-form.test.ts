import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import table from './operations.gen.json'
import type { OperationInfo } from './operations.ts'
import {
  buildFormModel,
  cleanDescription,
  formValuesToPath,
  formValuesToQuery,
  formValuesToSearch,
  humanize,
  isDefaultTrue,
  missingRequired,
  parseFormSearch,
  queryToFormValues,
  type FormField,
  type FormModel,
  type FormValues,
} from './param-form.ts'
import { parseSearch, stringifySearch } from '@/lib/search-params.ts'
import { serializeQuery } from '@/lib/curl.ts'

const operations = table as unknown as readonly OperationInfo[]
const byId = new Map(operations.map((op) => [op.id, op]))
function op(id: string): OperationInfo {
  const found = byId.get(id)
  if (!found) throw new Error(`no operation ${id}`)
  return found
}

/** Page models (route supplies path + user_app_id) and explorer models (everything a field). */
const pageModels = operations.map((o) => buildFormModel(o))
const explorerModels = operations.map((o) => buildFormModel(o, { fromRoute: [] }))

/** One plausible value per field, deterministic: exercises every kind on every operation. */
function sampleValues(model: FormModel): FormValues {
  const values: FormValues = {}
  for (const field of model.fields) values[field.key] = sampleOf(field)
  if (model.sort?.options[0]) values[model.sort.key] = model.sort.options[model.sort.options.length - 1]?.value
  if (model.sort?.orderKey) values[model.sort.orderKey] = 'asc'
  if (model.pagination?.pageKey) values[model.pagination.pageKey] = 3
  if (model.pagination?.perPageKey) values[model.pagination.perPageKey] = 20
  return values
}

function sampleOf(field: FormField): FormValues[string] {
  const one = (): string | number | boolean => {
    switch (field.kind) {
      case 'boolean':
        return true
      case 'integer':
        return 7
      case 'number':
        return 0.5
      case 'int64':
        return '-9223372036854775808'
      case 'uint64':
        return '18446744073709551615'
      case 'enum':
        return field.options?.[1]?.name ?? field.options?.[0]?.name ?? ''
      default:
        return `v ${field.key} & ü/?`
    }
  }
  if (!field.isArray) return one()
  const item = one()
  if (field.kind === 'enum') return [String(item), field.options?.[0]?.name ?? '', String(item)]
  return (typeof item === 'number' ? [item, item, 1] : [String(item), 'second', String(item)]) as string[] | number[]
}

/** Every parameter ends up in exactly one place: a field, the sort, pagination, the route, or hidden. */
function placesOf(model: FormModel): string[] {
  return [
    ...model.fields.map((f) => f.param.name),
    ...(model.sort?.options.map((o) => o.param) ?? []),
    ...(model.sort?.ascendingParam ? [model.sort.ascendingParam] : []),
    ...(model.pagination?.pageKey ? ['page'] : []),
    ...(model.pagination?.perPageKey ? ['per_page'] : []),
    ...model.fromRoute,
    ...model.hidden,
  ]
}

describe('buildFormModel over the real operations table', () => {
  it('has every GET operation', () => {
    expect(operations.length).toBe(227)
  })

  it.each([
    ['page', pageModels],
    ['explorer', explorerModels],
  ])('places every parameter exactly once (%s forms)', (_, models) => {
    for (const model of models) {
      expect([...placesOf(model)].sort(), model.op.id).toEqual(model.op.params.map((p) => p.name).sort())
    }
  })

  it('keeps path parameters and user_app_id.* out of page forms, and makes them required fields in the explorer', () => {
    for (const [i, o] of operations.entries()) {
      const page = pageModels[i] as FormModel
      expect(page.fields.some((f) => f.isPath || f.key.startsWith('user_app_id.')), o.id).toBe(false)
      const explorer = explorerModels[i] as FormModel
      for (const p of o.params.filter((p) => p.in === 'path')) {
        expect(explorer.fields.find((f) => f.key === p.name)?.isRequired, `${o.id} ${p.name}`).toBe(true)
      }
    }
  })

  it('folds the sort_by oneof and sort_ascending into one sort select and a direction', () => {
    const model = buildFormModel(op('ListModels'))
    expect(model.sort?.key).toBe('sort')
    expect(model.sort?.orderKey).toBe('order')
    expect(model.sort?.options.map((o) => o.value)).toEqual(['name', 'num_inputs', 'modified_at', 'created_at', 'star_count', 'relevance'])
    expect(model.sort?.help).toBe('Default: modified at.')
    expect(model.fields.some((f) => f.key.startsWith('sort_'))).toBe(false)
    expect(model.pagination).toEqual({ pageKey: 'page', perPageKey: 'per_page' })
    const query = formValuesToQuery(model, { sort: 'created_at', order: 'asc', page: 2 })
    expect(query).toEqual({ page: 2, sort_ascending: true, sort_by_created_at: true })
    expect(formValuesToQuery(model, { sort: 'name', order: 'desc' })).toEqual({ sort_ascending: false, sort_by_name: true })
  })

  it('groups dotted parameters into fieldsets and hides status.* and deprecated ones under Advanced', () => {
    const evaluation = buildFormModel(op('GetEvaluation'))
    expect(evaluation.groups.map((g) => g.prefix)).toEqual(['fields'])
    expect(evaluation.groups[0]?.fields.map((f) => f.label)).toContain('Confusion matrix')
    const withStatus = operations.find((o) => o.params.some((p) => p.name === 'status.code')) as OperationInfo
    const model = buildFormModel(withStatus)
    expect(model.advanced.some((g) => g.prefix === 'status')).toBe(true)
    expect(model.groups.some((g) => g.prefix === 'status')).toBe(false)
    const models = buildFormModel(op('ListModels'))
    expect(models.advanced.flatMap((g) => g.fields).map((f) => f.key)).toContain('dont_fetch_from_main')
  })

  it('reads types: uint32 integers, enums by name, repeated fields', () => {
    const model = buildFormModel(op('ListDatasetVersionMetricsGroups'))
    const types = model.fields.find((f) => f.key === 'types')
    expect(types).toMatchObject({ kind: 'enum', isArray: true })
    expect(types?.options?.find((o) => o.name === 'CONCEPT_ID')).toEqual({ name: 'CONCEPT_ID', value: 10, label: 'Concept ID' })
  })

  it('honours fromRoute and hide', () => {
    const model = buildFormModel(op('ListModels'), { fromRoute: ['user_app_id.user_id'], hide: ['trained_only'] })
    expect(model.fields.map((f) => f.key)).toContain('user_app_id.app_id')
    expect(model.fields.map((f) => f.key)).not.toContain('trained_only')
    expect(formValuesToQuery(model, { trained_only: true })).toEqual({})
  })

  it('finds no default-true boolean in the current table, but recognizes the wording', () => {
    expect(operations.flatMap((o) => o.params).filter((p) => p.type === 'boolean' && isDefaultTrue(p.description))).toEqual([])
    expect(isDefaultTrue('Whether to include X. Defaults to true.')).toBe(true)
    expect(isDefaultTrue('Whether to show failed metrics, defaults to false')).toBe(false)
    expect(isDefaultTrue('true by default')).toBe(true)
  })

  it('humanizes names and cleans descriptions', () => {
    expect(humanize('user_app_id.user_id')).toBe('User app ID user ID')
    expect(humanize('sort_by_roc_auc')).toBe('Sort by ROC AUC')
    expect(humanize('MODEL_TRAINED')).toBe('Model trained')
    expect(cleanDescription('(optional URL parameter) The page number.\nDefaults to 1.')).toBe('The page number. Defaults to 1.')
  })
})

describe('URL <-> values <-> query', () => {
  it('serializes enums by name in the URL and as integers to the API', () => {
    const model = buildFormModel(op('ListPipelineVersionRuns'))
    const { values, notes } = parseFormSearch(model, { status_codes: ['MODEL_TRAINED', '21101'] })
    expect(notes).toEqual([])
    expect(values.status_codes).toEqual(['MODEL_TRAINED', 'MODEL_TRAINING'])
    expect(formValuesToSearch(model, values)).toEqual({ status_codes: ['MODEL_TRAINED', 'MODEL_TRAINING'] })
    expect(formValuesToQuery(model, values)).toEqual({ status_codes: [21100, 21101] })
  })

  it('drops invalid link values with a note and ignores unknown keys', () => {
    const model = buildFormModel(op('ListModels'))
    const { values, notes, issues } = parseFormSearch(model, {
      per_page: 'abc',
      page: '0',
      trained_only: 'maybe',
      sort: 'nonsense',
      order: 'sideways',
      utm_source: 'mail',
      model_type_id: 'visual-classifier',
    })
    expect(values).toEqual({ model_type_id: 'visual-classifier' })
    expect(notes).toEqual([
      'Dropped trained_only=maybe: not true or false',
      'Dropped sort=nonsense: not a sort option (name, num_inputs, modified_at, created_at, star_count, relevance)',
      'Dropped order=sideways: not asc or desc',
      'Dropped page=0: at least 1',
      'Dropped per_page=abc: not a whole number',
    ])
    expect(issues.map((i) => i.key)).toEqual(['trained_only', 'sort', 'order', 'page', 'per_page'])
  })

  it('validates whole numbers, uint32 bounds, 64-bit decimals and the page size maximum', () => {
    const model = buildFormModel({
      id: 'X',
      path: '/v2/x',
      summary: '',
      resource: 'x',
      params: [
        { name: 'count', in: 'query', type: 'integer', format: 'uint32', required: false },
        { name: 'big', in: 'query', type: 'string', format: 'int64', required: false },
        { name: 'ubig', in: 'query', type: 'string', format: 'uint64', required: false },
        { name: 'per_page', in: 'query', type: 'integer', format: 'uint32', required: false },
      ],
    })
    const parse = (search: Record<string, string>) => parseFormSearch(model, search)
    expect(parse({ count: '-1' }).notes).toEqual(['Dropped count=-1: must not be negative'])
    expect(parse({ count: '1.5' }).notes).toEqual(['Dropped count=1.5: not a whole number'])
    expect(parse({ count: '4294967296' }).notes).toEqual(['Dropped count=4294967296: at most 4294967295'])
    expect(parse({ big: '-9223372036854775808' }).values).toEqual({ big: '-9223372036854775808' })
    expect(parse({ big: '9223372036854775808' }).notes).toEqual(['Dropped big=9223372036854775808: out of range for int64'])
    expect(parse({ ubig: '18446744073709551615' }).values).toEqual({ ubig: '18446744073709551615' })
    expect(parse({ ubig: '-1' }).notes).toEqual(['Dropped ubig=-1: must not be negative'])
    expect(parse({ big: '0012' }).values).toEqual({ big: '12' })
    expect(parse({ per_page: '1001' }).notes).toEqual(['Dropped per_page=1001: at most 1000'])
    expect(formValuesToQuery(model, { big: '9007199254740993' })).toEqual({ big: '9007199254740993' })
  })

  it('keeps repeats and order of array values', () => {
    const model = buildFormModel(op('ListModels'))
    const search = { additional_fields: ['stars', 'counts', 'stars'] }
    const { values } = parseFormSearch(model, search)
    expect(formValuesToQuery(model, values)).toEqual({ additional_fields: ['stars', 'counts', 'stars'] })
    expect(serializeQuery(formValuesToQuery(model, values))).toBe('additional_fields=stars&additional_fields=counts&additional_fields=stars')
  })

  it('reads page defaults written as a query', () => {
    const model = buildFormModel(op('ListApps'))
    expect(queryToFormValues(model, { per_page: 50, sort_by_modified_at: true })).toEqual({ per_page: 50, sort: 'modified_at' })
  })

  it('reports required path fields that are missing in the explorer', () => {
    const model = buildFormModel(op('GetModel'), { fromRoute: [] })
    expect(missingRequired(model, { model_id: 'm' }).map((f) => f.key)).toEqual(['user_app_id.user_id', 'user_app_id.app_id'])
    expect(formValuesToPath(model, { model_id: 'm/1', 'user_app_id.user_id': 'me' })).toEqual({ model_id: 'm/1', 'user_app_id.user_id': 'me' })
  })

  it.each([
    ['page', pageModels],
    ['explorer', explorerModels],
  ])('round-trips URL -> form -> query -> URL unchanged for every operation (%s forms)', (_, models) => {
    for (const model of models) {
      const search = formValuesToSearch(model, sampleValues(model))
      // Through the router's own URL encoding, as a link would travel.
      const fromUrl = parseSearch(stringifySearch(search))
      const parsed = parseFormSearch(model, fromUrl)
      expect(parsed.notes, model.op.id).toEqual([])
      const request = { ...formValuesToPath(model, parsed.values), ...formValuesToQuery(model, parsed.values) }
      expect(formValuesToSearch(model, queryToFormValues(model, request)), model.op.id).toEqual(search)
    }
  })
})

/** Random valid values for a model's fields, sort and pagination. */
function arbitraryValues(model: FormModel): fc.Arbitrary<FormValues> {
  const shape: Record<string, fc.Arbitrary<FormValues[string]>> = {}
  for (const field of model.fields) {
    const item = arbitraryItem(field)
    shape[field.key] = field.isArray ? (fc.array(item, { minLength: 1, maxLength: 4 }) as fc.Arbitrary<string[] | number[]>) : item
  }
  if (model.sort && model.sort.options.length > 0) shape[model.sort.key] = fc.constantFrom(...model.sort.options.map((o) => o.value))
  if (model.sort?.orderKey) shape[model.sort.orderKey] = fc.constantFrom('asc', 'desc')
  if (model.pagination?.pageKey) shape[model.pagination.pageKey] = fc.integer({ min: 1, max: 100_000 })
  if (model.pagination?.perPageKey) shape[model.pagination.perPageKey] = fc.integer({ min: 1, max: 1000 })
  return fc.record(shape, { requiredKeys: [] }) as fc.Arbitrary<FormValues>
}

function arbitraryItem(field: FormField): fc.Arbitrary<string | number | boolean> {
  switch (field.kind) {
    case 'boolean':
      return field.isTriState ? fc.boolean() : fc.constant(true)
    case 'integer':
      return fc.integer({ min: Math.max(field.min ?? -(2 ** 31), -(2 ** 31)), max: Math.min(field.max ?? 2 ** 31, 2 ** 32 - 1) })
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true })
    case 'int64':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String)
    case 'uint64':
      return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String)
    case 'enum':
      return fc.constantFrom(...(field.options ?? []).map((o) => o.name))
    default:
      return fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter((s) => s !== '')
  }
}

const arbitraryModel = fc.constantFrom(...pageModels, ...explorerModels)

describe('serializer properties (fast-check)', () => {
  it('random valid values for random operations round-trip through the URL and the query', () => {
    fc.assert(
      fc.property(
        arbitraryModel.chain((model) => fc.tuple(fc.constant(model), arbitraryValues(model))),
        ([model, values]) => {
          const search = formValuesToSearch(model, values)
          const parsed = parseFormSearch(model, parseSearch(stringifySearch(search)))
          expect(parsed.notes).toEqual([])
          expect(formValuesToSearch(model, parsed.values)).toEqual(search)
          const query = formValuesToQuery(model, parsed.values)
          // What goes on the wire reads back as the same repeated keys, in order.
          const wire = new URLSearchParams(serializeQuery(query))
          for (const [name, value] of Object.entries(query)) {
            expect(wire.getAll(name)).toEqual((Array.isArray(value) ? value : [value]).map(String))
          }
          const back = queryToFormValues(model, { ...formValuesToPath(model, parsed.values), ...query })
          expect(formValuesToSearch(model, back)).toEqual(search)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('random junk in the URL never throws, yields notes for what it drops, and leaves only valid values', () => {
    const junkValue = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('true', 'false', 'maybe', '-1', '0', '1e3', '9999999999999999999999', 'NaN', '__proto__', 'asc', 'MODEL_TRAINED'),
      fc.integer().map(String),
    )
    fc.assert(
      fc.property(
        arbitraryModel.chain((model) => {
          const keys = [...model.fields.map((f) => f.key), 'sort', 'order', 'page', 'per_page', '__proto__', 'constructor', 'unknown_key']
          const entry = fc.tuple(fc.constantFrom(...keys), fc.oneof(junkValue, fc.array(junkValue, { maxLength: 3 })))
          return fc.tuple(fc.constant(model), fc.array(entry, { maxLength: 8 }))
        }),
        ([model, entries]) => {
          const search: Record<string, string | string[]> = Object.create(null)
          for (const [key, value] of entries) search[key] = value
          const parsed = parseFormSearch(model, search)
          expect(parsed.notes.length).toBeGreaterThanOrEqual(parsed.issues.length)
          const canonical = formValuesToSearch(model, parsed.values)
          const again = parseFormSearch(model, canonical)
          expect(again.notes).toEqual([])
          expect(formValuesToSearch(model, again.values)).toEqual(canonical)
        },
      ),
      { numRuns: 500 },
    )
  })
})
