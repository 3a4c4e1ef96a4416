import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import table from './operations.gen.json'
import { createDemoApi } from '@/demo/handler.ts'
import { buildCurl, buildRequestUrl } from '@/lib/curl.ts'
import { ApiError } from './errors.ts'
import { findList, loadAllPages, loadOperations, operationCurl, operationUrl, runOperation, type OperationRequest } from './explorer.ts'
import type { OperationInfo } from './operations.ts'
import { buildFormModel, formValuesToPath, formValuesToQuery, type FormField, type FormModel, type FormValues } from './param-form.ts'
import { clearSession } from './session.ts'
import { connectRecordingClient } from '../../test/recording-client.ts'

const operations = table as unknown as readonly OperationInfo[]
const byId = new Map(operations.map((op) => [op.id, op]))
const op = (id: string) => byId.get(id) as OperationInfo

const ok = async () => new Response(JSON.stringify({ status: { code: 10000, description: 'Ok', req_id: 'r1' } }), { headers: { 'content-type': 'application/json' } })

afterEach(() => clearSession())

/** Random valid values, path parameters included, with text meant to trip encoders. */
function arbitraryRequest(model: FormModel): fc.Arbitrary<FormValues> {
  const text = fc.oneof(
    fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }),
    fc.constantFrom("it's", 'a b', 'a/b', '50%', '#x', '?q=1&r=2', 'ü', '..', '+', '[x]', '{id}', '~!*()'),
  )
  const item = (field: FormField): fc.Arbitrary<string | number | boolean> => {
    switch (field.kind) {
      case 'boolean':
        return fc.constant(true)
      case 'integer':
        return fc.integer({ min: 0, max: 2 ** 31 })
      case 'enum':
        return fc.constantFrom(...(field.options ?? []).map((o) => o.name))
      default:
        return text
    }
  }
  const shape: Record<string, fc.Arbitrary<FormValues[string]>> = {}
  for (const field of model.fields) shape[field.key] = field.isArray ? (fc.array(item(field), { minLength: 1, maxLength: 3 }) as fc.Arbitrary<string[]>) : item(field)
  if (model.sort?.options.length) shape[model.sort.key] = fc.constantFrom(...model.sort.options.map((o) => o.value))
  if (model.sort?.orderKey) shape[model.sort.orderKey] = fc.constantFrom('asc', 'desc')
  if (model.pagination?.perPageKey) shape.per_page = fc.integer({ min: 1, max: 1000 })
  const required = model.fields.filter((f) => f.isRequired).map((f) => f.key)
  return fc.record(shape, { requiredKeys: required }) as fc.Arbitrary<FormValues>
}

describe('copy as curl', () => {
  it('targets exactly the URL the client sends, for random requests on random operations and base URLs', async () => {
    const models = operations.map((o) => buildFormModel(o, { fromRoute: [] }))
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...models).chain((model) => fc.tuple(fc.constant(model), arbitraryRequest(model))),
        fc.constantFrom('http://console.test', 'https://proxy.example/sub/path/', 'http://127.0.0.1:8080'),
        async ([model, values], baseUrl) => {
          const sent = connectRecordingClient({ token: 'secret-token', userId: 'me', baseUrl, isRemembered: false, isDemo: false }, ok)
          const request: OperationRequest = { path: formValuesToPath(model, values), query: formValuesToQuery(model, values) }
          await runOperation(model.op, request)
          expect(sent).toHaveLength(1)
          const actual = (sent[0] as Request).url
          expect(operationUrl(model.op, request)).toBe(actual)
          const curl = operationCurl(model.op, request, 'console')
          expect(curl).toContain(`'${actual.replace(/'/g, `'\\''`)}'`)
          expect(curl).toContain('-H "Authorization: Key $CLARIFAI_PAT"')
          expect(curl).not.toContain('secret-token')
          // By default the same path and query go to the API itself.
          const sentUrl = new URL(actual)
          const prefix = new URL(baseUrl).pathname.replace(/\/+$/, '')
          const apiCurl = operationCurl(model.op, request)
          const apiUrl = `https://api.clarifai.com${sentUrl.pathname.slice(prefix.length)}${sentUrl.search}`
          expect(apiCurl).toContain(`curl '${apiUrl.replace(/'/g, `'\\''`)}'`)
          expect(apiCurl).not.toContain('secret-token')
          expect((sent[0] as Request).headers.get('authorization')).toBe('Key secret-token')
        },
      ),
      { numRuns: 300 },
    )
  })

  it('prints a runnable command', () => {
    expect(
      buildCurl({
        baseUrl: 'http://127.0.0.1:8080/',
        path: '/v2/users/{user_app_id.user_id}/apps',
        pathParams: { 'user_app_id.user_id': 'me' },
        query: { per_page: 2, additional_fields: ['stars', 'counts'], sort_by_name: true, search: "o'neil" },
      }),
    ).toBe(
      `curl 'http://127.0.0.1:8080/v2/users/me/apps?per_page=2&additional_fields=stars&additional_fields=counts&sort_by_name=true&search=o%27neil' \\\n  -H "Authorization: Key $CLARIFAI_PAT"`,
    )
    expect(buildRequestUrl({ baseUrl: 'http://h', path: '/v2/x/{id}', pathParams: { id: 'a/b c' }, query: { empty: [], skip: undefined } })).toBe('http://h/v2/x/a%2Fb%20c')
  })
})

describe('runOperation against the stand-in API', () => {
  it('answers every GET operation with data or an ApiError the API sent (no crash, no 5xx)', async () => {
    connectRecordingClient({ token: 'demo', userId: 'me', baseUrl: 'http://console.test', isRemembered: false, isDemo: true }, createDemoApi({ rateLimit: false }))
    const apps = findList(await runOperation(op('ListApps'), { path: { 'user_app_id.user_id': 'me' }, query: { per_page: 1 } }))
    const appId = String(apps?.items[0]?.id)
    const outcomes = new Map<string, string>()
    for (const o of operations) {
      const path: Record<string, string> = {}
      for (const p of o.params.filter((p) => p.in === 'path')) path[p.name] = p.name === 'user_app_id.user_id' ? 'me' : p.name === 'user_app_id.app_id' ? appId : 'x'
      try {
        await runOperation(o, { path, query: {} })
        outcomes.set(o.id, 'ok')
      } catch (error) {
        expect(error, o.id).toBeInstanceOf(ApiError)
        const e = error as ApiError
        expect(e.httpStatus, `${o.id}: ${e.description} ${e.details ?? ''}`).toBeLessThan(500)
        expect(e.code, o.id).toBeDefined()
        outcomes.set(o.id, String(e.httpStatus))
      }
    }
    expect(outcomes.size).toBe(227)
    expect([...outcomes.values()].filter((v) => v === 'ok').length).toBeGreaterThan(80)
  })

  it('reports a missing path parameter without sending anything', async () => {
    const sent = connectRecordingClient({ token: 'demo', userId: 'me', baseUrl: 'http://console.test', isRemembered: false, isDemo: true }, ok)
    await expect(runOperation(op('GetModel'), { path: { 'user_app_id.user_id': 'me' }, query: {} })).rejects.toMatchObject({
      description: 'Missing path parameters: user_app_id.app_id, model_id',
    })
    expect(sent).toHaveLength(0)
  })

  it('loads all pages until a short page, reporting progress, and can be cancelled', async () => {
    const sent = connectRecordingClient({ token: 'demo', userId: 'me', baseUrl: 'http://console.test', isRemembered: false, isDemo: true }, createDemoApi({ rateLimit: false }))
    const progress: number[] = []
    const all = await loadAllPages(op('ListApps'), { path: { 'user_app_id.user_id': 'me' }, query: { sort_by_name: true } }, { perPage: 2, onProgress: (p) => progress.push(p.pages) })
    expect(all.isComplete).toBe(true)
    expect(all.key).toBe('apps')
    expect(progress).toEqual(Array.from({ length: all.pages }, (_, i) => i + 1))
    expect(all.items.length).toBeGreaterThan(2)
    expect(new URL((sent[0] as Request).url).search).toBe('?sort_by_name=true&page=1&per_page=2')
    const capped = await loadAllPages(op('ListApps'), { path: { 'user_app_id.user_id': 'me' }, query: {} }, { perPage: 1, maxPages: 2 })
    expect(capped).toMatchObject({ isComplete: false, pages: 2 })
    expect(capped.items).toHaveLength(2)
    const controller = new AbortController()
    const cancelled = loadAllPages(op('ListApps'), { path: { 'user_app_id.user_id': 'me' }, query: {} }, {
      perPage: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    })
    await expect(cancelled).rejects.toMatchObject({ kind: 'aborted' })
  })
})

describe('findList and loadOperations', () => {
  it('finds the first array of objects, or an empty list', () => {
    expect(findList({ status: {}, apps: [{ id: 'a' }] })).toEqual({ key: 'apps', items: [{ id: 'a' }] })
    expect(findList({ status: {}, ids: ['x'], models: [] })).toEqual({ key: 'models', items: [] })
    expect(findList({ status: {}, model: { id: 'm' } })).toBeUndefined()
    expect(findList(null)).toBeUndefined()
  })

  it('loads the table lazily, once', async () => {
    const first = loadOperations()
    expect(loadOperations()).toBe(first)
    expect((await first).length).toBe(227)
  })
})
