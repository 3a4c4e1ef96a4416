import { describe, expect, it } from 'vitest'
import { getWorld } from './data/world'
import { createDemoApi } from './handler'
import { ALL_FIELDS, AUTH, call, demoApi } from '../../test/demo-utils'

const APP = '/v2/users/demo/apps/general-vision'

describe('auth', () => {
  const api = demoApi()

  it('answers 401 / 11009 without an Authorization header, with the list field present', async () => {
    const r = await call(api, '/v2/users/me/apps', {})
    expect(r.status).toBe(401)
    expect(r.body.status.code).toBe(11009)
    expect(r.body.apps).toEqual([])
  })

  it('answers 401 / 11008 for a garbled header and for another key', async () => {
    for (const value of ['demo', 'Bearer demo', 'key demo', 'Key', 'Key demo extra']) {
      const r = await call(api, '/v2/users/me', { headers: { Authorization: value } })
      expect(r.status, value).toBe(401)
      expect(r.body.status.code, value).toBe(11008)
    }
    const r = await call(api, '/v2/users/me', { headers: { Authorization: 'Key not-the-demo-key' } })
    expect(r.status).toBe(401)
    expect(r.body.status.code).toBe(11008)
  })

  it('accepts Key demo; `me` is the token owner', async () => {
    const r = await call(api, '/v2/users/me')
    expect(r.status).toBe(200)
    expect(r.body.status.code).toBe(10000)
    expect(r.body.user.id).toBe('demo')
    expect(r.headers.get('content-type')).toBe('application/json')
    expect(r.body.status.req_id).toMatch(/^demo-[0-9a-f]{8}$/)
  })
})

describe('not found and methods', () => {
  const api = demoApi()

  it('404 / 11101 for unknown apps, datasets, users, evaluations and paths', async () => {
    for (const path of [
      '/v2/users/demo/apps/nope',
      '/v2/users/demo/apps/nope/models',
      `${APP}/datasets/nope`,
      `${APP}/evaluations/nope`,
      `${APP}/tasks/nope`,
      '/v2/users/nobody/apps',
      '/v2/nothing/here',
      '/v3/users/me',
    ]) {
      const r = await call(api, path)
      expect(r.status, path).toBe(404)
      expect(r.body.status.code, path).toBe(11101)
      expect(typeof r.body.status.details, path).toBe('string')
    }
  })

  it('404 / 21200 for unknown models and model versions', async () => {
    const model = getWorld().appById.get('general-vision')?.models[0]
    for (const path of [`${APP}/models/nope`, `${APP}/models/${model?.id}/versions/nope`, `/v2/models/nope?user_app_id.app_id=general-vision`]) {
      const r = await call(api, path)
      expect(r.status, path).toBe(404)
      expect(r.body.status.code, path).toBe(21200)
    }
  })

  it('405 for other methods on known paths (read-only demo)', async () => {
    const r = await call(api, '/v2/users/demo/apps', { method: 'POST', headers: AUTH, body: '{}' })
    expect(r.status).toBe(405)
    expect(r.body.status.code).toBe(10020)
    expect(r.headers.get('allow')).toBe('GET')
    expect((await call(api, '/v2/nothing', { method: 'DELETE', headers: AUTH })).status).toBe(404)
  })

  it('answers any other GET of the API like an empty app', async () => {
    const list = await call(api, `${APP}/workflows`)
    expect(list.status).toBe(200)
    expect(list.body).toMatchObject({ status: { code: 10000 }, workflows: [] })
    const one = await call(api, `${APP}/workflows/wf-1`)
    expect(one.status).toBe(404)
    expect(one.body.status.code).toBe(11101)
    const short = await call(api, '/v2/workflows?user_app_id.app_id=general-vision')
    expect(short.body.workflows).toEqual([])
  })

  it('ignores a base path before /v2/', async () => {
    const r = await call(api, '/some/base/v2/users/me')
    expect(r.status).toBe(200)
    expect(r.body.user.id).toBe('demo')
  })
})

describe('paging', () => {
  const api = demoApi()
  const total = getWorld().models.length

  it('defaults to 128 per page, short last page, empty past the end, no totals', async () => {
    expect(total).toBeGreaterThan(128)
    const p1 = await call(api, '/v2/users/demo/models')
    expect(p1.body.models).toHaveLength(128)
    expect(Object.keys(p1.body).sort()).toEqual(['models', 'status'])
    const p2 = await call(api, '/v2/users/demo/models?page=2')
    expect(p2.body.models).toHaveLength(total - 128)
    const p3 = await call(api, '/v2/users/demo/models?page=3')
    expect(p3.status).toBe(200)
    expect(p3.body.models).toEqual([])
    const ids = new Set([...p1.body.models, ...p2.body.models].map((m: { app_id: string; id: string }) => `${m.app_id}/${m.id}`))
    expect(ids.size).toBe(total)
  })

  it('allows per_page up to 1000 and pages are consistent', async () => {
    const all = await call(api, '/v2/users/demo/models?per_page=1000')
    expect(all.body.models).toHaveLength(total)
    const page = await call(api, '/v2/users/demo/models?page=3&per_page=7')
    expect(page.body.models).toEqual(all.body.models.slice(14, 21))
  })

  it('answers 400 / 10020 naming the parameter for bad values', async () => {
    for (const [query, name] of [
      ['page=abc', 'page'],
      ['page=0', 'page'],
      ['per_page=0', 'per_page'],
      ['per_page=1001', 'per_page'],
      ['per_page=-1', 'per_page'],
      ['trained_only=maybe', 'trained_only'],
      ['sort_ascending=yes', 'sort_ascending'],
    ]) {
      const r = await call(api, `/v2/users/demo/models?${query}`)
      expect(r.status, query).toBe(400)
      expect(r.body.status.code, query).toBe(10020)
      expect(r.body.status.details, query).toContain(`"${name}"`)
      expect(r.body.models, query).toEqual([])
    }
    const evals = await call(api, `${APP}/evaluations/x?fields.test_set=sure`)
    expect(evals.status).toBe(400)
    expect(evals.body.status.details).toContain('fields.test_set')
    const twoSorts = await call(api, '/v2/users/demo/apps?sort_by_name=true&sort_by_id=true')
    expect(twoSorts.status).toBe(400)
  })

  it('reads lowerCamel names as the gateway does, segment by segment', async () => {
    const snake = await call(api, '/v2/users/demo/apps?per_page=2&sort_by_name=true&sort_ascending=true&additional_fields=counts')
    const camel = await call(api, '/v2/users/demo/apps?perPage=2&sortByName=true&sortAscending=true&additionalFields=counts')
    expect(camel.status).toBe(200)
    expect(camel.body.apps).toHaveLength(2)
    expect(camel.body.apps).toEqual(snake.body.apps)
    const short = await call(api, '/v2/models?userAppId.appId=general-vision&per_page=1000')
    expect(new Set(short.body.models.map((m: { app_id: string }) => m.app_id))).toEqual(new Set(['general-vision']))
    const mixed = await call(api, `${APP}/evaluations?fields.confusionMatrix=true`)
    expect(mixed.status).toBe(200)
  })

  it('ignores keys no field has, like the gateway', async () => {
    const plain = await call(api, '/v2/users/demo/apps')
    const unknown = await call(api, '/v2/users/demo/apps?no_such_field=1&PerPage=2&per-page=2')
    expect(unknown.status).toBe(200)
    expect(unknown.body.apps).toEqual(plain.body.apps)
  })

  it.each([
    ['a second oneof member, even false', '/v2/users/demo/apps?sort_by_name=false&sort_by_created_at=true', 'sort_by_created_at'],
    ['a second oneof member under its JSON name', '/v2/users/demo/apps?sort_by_id=true&sortByName=true', 'sortByName'],
    ['an empty bool', '/v2/users/demo/models?trained_only=', 'trained_only'],
    ['an empty integer', '/v2/users/demo/models?page=', 'page'],
    ['an enum name the enum lacks', '/v2/users/demo/models?visibility.gettable=SECRET', 'visibility.gettable'],
    ['an enum number the enum lacks', '/v2/users/demo/models?visibility.gettable=42', 'visibility.gettable'],
    ['an empty enum', '/v2/users/demo/models?visibility.gettable=', 'visibility.gettable'],
    ['a repeated key of a non-repeated field', '/v2/users/demo/models?page=1&page=2', 'page'],
    ['a repeated bool', '/v2/users/demo/models?trained_only=true&trained_only=true', 'trained_only'],
    ['a repeated string field', '/v2/users/demo/apps?search=a&search=b', 'search'],
  ])('answers 400 / 10020 naming the field for %s', async (_, path, field) => {
    const r = await call(api, path)
    expect(r.status).toBe(400)
    expect(r.body.status.code).toBe(10020)
    expect(r.body.status.details).toContain(field)
  })

  it('accepts what the gateway accepts: enum names and numbers, bool spellings, repeated keys of repeated fields', async () => {
    for (const query of [
      'visibility.gettable=PUBLIC',
      'visibility.gettable=50',
      'trained_only=1',
      'trained_only=F',
      'additional_fields=stars&additional_fields=counts',
      'additional_fields=',
      'query=',
    ]) {
      const r = await call(api, `/v2/users/demo/models?${query}`)
      expect(r.status, query).toBe(200)
    }
  })
})

describe('sorting and filters', () => {
  const api = demoApi()

  it('defaults to modified_at descending; sort_ascending flips it', async () => {
    const desc = (await call(api, '/v2/users/demo/apps')).body.apps.map((a: { modified_at: string }) => a.modified_at)
    expect(desc).toEqual([...desc].sort().reverse())
    const asc = (await call(api, '/v2/users/demo/apps?sort_ascending=true')).body.apps.map((a: { modified_at: string }) => a.modified_at)
    expect(asc).toEqual([...desc].reverse())
  })

  it('sorts by name in both directions', async () => {
    const names = (q: string) => call(api, `/v2/users/demo/apps?sort_by_name=true${q}`).then((r) => r.body.apps.map((a: { name: string }) => a.name))
    const asc = await names('&sort_ascending=true')
    const desc = await names('')
    const expected = [...asc].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
    expect(asc).toEqual(expected)
    expect(desc).toEqual([...expected].reverse())
  })

  it('sorts evaluations by ROC AUC and F1 (leaderboard)', async () => {
    const r = await call(api, '/v2/users/demo/evaluations?sort_by_roc_auc=true')
    const aucs = r.body.eval_metrics.filter((e: { summary?: object }) => e.summary).map((e: { summary: { macro_avg_roc_auc: number } }) => e.summary.macro_avg_roc_auc)
    expect(aucs.length).toBeGreaterThan(30)
    expect(aucs).toEqual([...aucs].sort((a: number, b: number) => b - a))
    const f1 = await call(api, '/v2/users/demo/evaluations?sort_by_f1=true&sort_ascending=true&model_type_id=visual-detector')
    const values = f1.body.eval_metrics.map((e: { summary: { macro_avg_f1_score: number } }) => e.summary.macro_avg_f1_score)
    expect(values.length).toBeGreaterThan(3)
    expect(values).toEqual([...values].sort((a: number, b: number) => a - b))
    for (const e of f1.body.eval_metrics) expect(e.summary.mean_avg_precision_iou_50).toBeGreaterThan(0)
  })

  it('matches names with gen*-style wildcards', async () => {
    const gen = await call(api, '/v2/users/demo/apps?name=gen*')
    expect(gen.body.apps.map((a: { id: string }) => a.id)).toEqual(['general-vision'])
    const star = await call(api, '/v2/users/demo/apps?name=*vision*')
    expect(star.body.apps.map((a: { id: string }) => a.id)).toEqual(['general-vision'])
    const none = await call(api, '/v2/users/demo/apps?name=zzz*')
    expect(none.body.apps).toEqual([])
    const search = await call(api, '/v2/users/demo/apps?search=camera')
    expect(search.body.apps.map((a: { id: string }) => a.id)).toEqual(['wildlife-camera-traps'])
  })

  it('filters models by type and trained_only', async () => {
    const r = await call(api, '/v2/users/demo/models?model_type_id=visual-detector&trained_only=true&per_page=1000')
    expect(r.body.models.length).toBeGreaterThan(5)
    for (const m of r.body.models) expect(m.model_type_id).toBe('visual-detector')
  })

  it('filters evaluations by ground-truth dataset; failed ones only on request', async () => {
    const world = getWorld()
    const one = world.evaluations[0]
    const r = await call(api, `/v2/users/demo/evaluations?eval_dataset_ids=${one?.groundTruth.datasetId}`)
    expect(r.body.eval_metrics.length).toBeGreaterThan(0)
    for (const e of r.body.eval_metrics) expect(e.ground_truth_dataset.id).toBe(one?.groundTruth.datasetId)
    const hidden = await call(api, '/v2/users/demo/evaluations')
    const shown = await call(api, '/v2/users/demo/evaluations?show_failed_metrics=true')
    const failed = world.evaluations.filter((e) => e.statusCode >= 21310 && e.statusCode <= 21319).length
    expect(failed).toBeGreaterThan(0)
    expect(shown.body.eval_metrics.length).toBe(hidden.body.eval_metrics.length + failed)
    expect(shown.body.eval_metrics.some((e: { status: { code: number } }) => e.status.code === 21317)).toBe(true)
  })
})

describe('additional fields and eval fields', () => {
  const api = demoApi()

  it('adds extra_info.counts as int64 strings with additional_fields=counts', async () => {
    const plain = await call(api, '/v2/users/demo/apps')
    expect(plain.body.apps[0].extra_info).toBeUndefined()
    const r = await call(api, '/v2/users/demo/apps?additional_fields=counts&additional_fields=stars')
    const app = r.body.apps.find((a: { id: string }) => a.id === 'general-vision')
    expect(app.extra_info.counts).toEqual({ datasets: '5', models: '20', inputs: expect.stringMatching(/^\d+$/) })
    expect(app.star_count).toBe(42)
    expect(app.is_starred).toBe(true)
    const counts = await call(api, `${APP}/resource_counts`)
    expect(counts.body.models).toBe('20')
    expect(counts.body.inputs).toBe(app.extra_info.counts.inputs)
  })

  it('returns only the summary unless fields.* ask for more', async () => {
    const rec = getWorld().evaluations.find((e) => e.conceptCount === 10 && e.statusCode === 21300)
    const path = `/v2/users/demo/apps/${rec?.appId}/evaluations/${rec?.id}`
    const bare = (await call(api, path)).body.eval_metrics
    expect(bare.summary.macro_avg_roc_auc).toBeGreaterThan(0.5)
    for (const f of ['confusion_matrix', 'cooccurrence_matrix', 'label_counts', 'binary_metrics', 'test_set', 'metrics_by_class']) {
      expect(bare[f], f).toBeUndefined()
    }
    const one = (await call(api, `${path}?fields.confusion_matrix=true`)).body.eval_metrics
    expect(one.confusion_matrix.concept_ids).toHaveLength(10)
    expect(one.test_set).toBeUndefined()
    expect(one.summary).toEqual(bare.summary)
    const all = (await call(api, `${path}?${ALL_FIELDS}`)).body.eval_metrics
    expect(all.test_set).toHaveLength(rec?.nInputs ?? -1)
    expect(all.binary_metrics).toHaveLength(10)
    expect(all.metrics_by_area).toBeUndefined() // classification: no areas
    const viaVersion = (await call(api, `/v2/users/demo/apps/${rec?.appId}/models/${rec?.modelId}/versions/${rec?.versionId}/evaluations/${rec?.id}?fields.label_counts=true`)).body
    expect(viaVersion.eval_metrics.label_counts.positive_label_counts.length).toBe(10)
    const metrics = (await call(api, `/v2/models/${rec?.modelId}/versions/${rec?.versionId}/metrics?user_app_id.app_id=${rec?.appId}&fields.binary_metrics=true`)).body
    expect(metrics.model_version.metrics.binary_metrics).toHaveLength(10)
  })

  it('lists tasks with metrics on request and counts per worker', async () => {
    const r = await call(api, `${APP}/tasks?additional_fields=metrics`)
    expect(r.body.tasks.length).toBeGreaterThan(0)
    expect(r.body.tasks[0].metrics.input_source.inputs_count_estimated).toMatch(/^\d+$/)
    const plain = await call(api, `${APP}/tasks`)
    expect(plain.body.tasks[0].metrics).toBeUndefined()
    const task = plain.body.tasks.find((t: { worker: { workers: { user?: object }[] } }) => t.worker.workers.some((w) => w.user))
    const counts = await call(api, `${APP}/tasks/${task.id}/inputs/count`)
    expect(counts.body.task_id).toBe(task.id)
    for (const c of counts.body.counts) {
      for (const k of ['pending', 'awaiting_review', 'success', 'review_denied', 'awaiting_consensus_review']) expect(typeof c[k]).toBe('number')
      expect(c.worker.user.id).toBeTruthy()
    }
    const samples = await call(api, `${APP}/tasks/${task.id}/inputs/samples`)
    expect(samples.body.hits).toBeInstanceOf(Array)
  })
})

describe('rate limit', () => {
  it('answers 429 / 11005 after 15 requests within a second, per token, with a fake clock', async () => {
    let now = 1_000_000
    const api = createDemoApi({ now: () => now })
    for (let i = 0; i < 15; i++) {
      expect((await call(api, '/v2/users/me')).status).toBe(200)
      now += 10
    }
    const throttled = await call(api, '/v2/users/me/apps')
    expect(throttled.status).toBe(429)
    expect(throttled.body.status.code).toBe(11005)
    expect(throttled.body.apps).toEqual([])
    now += 855 // now = start + 1005: only the first request (at start) left the window
    expect((await call(api, '/v2/users/me')).status).toBe(200)
    expect((await call(api, '/v2/users/me')).status).toBe(429)
    now += 1000
    expect((await call(api, '/v2/users/me')).status).toBe(200)
  })

  it('can be disabled', async () => {
    const api = createDemoApi({ rateLimit: false, now: () => 0 })
    for (let i = 0; i < 40; i++) expect((await call(api, '/v2/users/me')).status).toBe(200)
  })
})

describe('fault injection', () => {
  const headers = (faults: string) => ({ headers: { ...AUTH, 'x-demo-faults': faults } })

  it('error=RATE answers 500 / 98004 on an evenly spread share of requests', async () => {
    const api = demoApi()
    const codes: number[] = []
    for (let i = 0; i < 8; i++) codes.push((await call(api, '/v2/users/me', headers('error=0.25'))).status)
    expect(codes).toEqual([200, 200, 200, 500, 200, 200, 200, 500])
    const r = await call(api, '/v2/users/me', headers('error=1'))
    expect(r.body.status.code).toBe(98004)
  })

  it('throttle=N answers N times 429 then lets one through', async () => {
    const api = demoApi()
    const codes: number[] = []
    for (let i = 0; i < 6; i++) codes.push((await call(api, '/v2/users/me', headers('throttle=2'))).status)
    expect(codes).toEqual([429, 429, 200, 429, 429, 200])
  })

  it('malformed=1 cuts the JSON; drop=1 breaks the body stream', async () => {
    const api = demoApi()
    const bad = await call(api, '/v2/users/me', headers('malformed=1'))
    expect(bad.status).toBe(200)
    expect(bad.headers.get('content-type')).toBe('application/json')
    expect(() => JSON.parse(bad.text)).toThrow()
    const dropped = await api(new Request('http://localhost/v2/users/me', headers('drop=1')))
    await expect(dropped.json()).rejects.toThrow()
  })

  it('latency=MS waits before answering; the option sets defaults, the header overrides', async () => {
    const waits: number[] = []
    const api = createDemoApi({ rateLimit: false, faults: 'latency=300', sleep: async (ms) => void waits.push(ms) })
    expect((await call(api, '/v2/users/me')).status).toBe(200)
    expect((await call(api, '/v2/users/me', headers('latency=10-20'))).status).toBe(200)
    expect((await call(api, '/v2/users/me', headers('none'))).status).toBe(200)
    expect(waits[0]).toBe(300)
    expect(waits[1]).toBeGreaterThanOrEqual(10)
    expect(waits[1]).toBeLessThanOrEqual(20)
    expect(waits).toHaveLength(2)
  })

  it('rejects bad fault syntax: 400 for the header, a throw for the option', async () => {
    const r = await call(demoApi(), '/v2/users/me', headers('explode=1'))
    expect(r.status).toBe(400)
    expect(r.body.status.details).toContain('x-demo-faults')
    expect(() => createDemoApi({ faults: 'error=2' })).toThrow()
  })
})

describe('values on the wire', () => {
  const api = demoApi()

  it('sends 64-bit integers as strings and keeps every digit beyond 2^53', async () => {
    const world = getWorld()
    const huge = world.datasets.find((d) => d.huge)
    const version = huge?.versions.filter((v) => v.statusCode === 64015).pop()
    const r = await call(api, `/v2/users/demo/apps/${huge?.appId}/datasets/${huge?.id}/versions/${version?.id}`)
    const metrics = r.body.dataset_version.metrics
    expect(Object.keys(metrics)).toEqual(['/', '/INPUT_TYPE:image'])
    const root = metrics['/']
    expect(root.region_location_matrix.n_cols).toBe('10')
    const data: string[] = root.region_location_matrix.data
    expect(data).toHaveLength(100)
    for (const cell of data) {
      expect(cell).toMatch(/^\d+$/)
      expect(BigInt(cell) > 2n ** 53n).toBe(true)
    }
    expect(data[0]).toBe('9007199254740993')
    // The raw text carries the exact digits (JSON.parse would round them).
    expect(r.text).toContain('"9007199254740993"')
    const sum = data.reduce((s, c) => s + BigInt(c), 0n)
    expect(root.regions_count).toBe(sum.toString())
    expect(sum < 2n ** 64n).toBe(true)
    expect(BigInt(root.inputs_count) > 2n ** 53n).toBe(true)
    // UInt64Value wrappers are sent even when zero.
    expect(root.points_count).toBe('0')
  })

  it('splits dataset metrics by input type with "/" the sum', async () => {
    const world = getWorld()
    const ds = world.datasets.find((d) => d.kinds.length > 1 && !d.huge && d.versions.some((v) => v.statusCode === 64015))
    const v = ds?.versions.find((x) => x.statusCode === 64015)
    const r = await call(api, `/v2/users/demo/apps/${ds?.appId}/datasets/${ds?.id}/versions/${v?.id}`)
    const m = r.body.dataset_version.metrics
    const kinds = Object.keys(m).filter((k) => k !== '/')
    expect(kinds.length).toBe(ds?.kinds.length)
    const total = kinds.reduce((s, k) => s + BigInt(m[k].inputs_count), 0n)
    expect(m['/'].inputs_count).toBe(total.toString())
  })

  it('leaves zero values out except cl_show_if_empty fields and set wrappers', async () => {
    const allowedZero = new Set([
      'value', 'num_pos', 'num_neg', 'num_tot', 'roc_auc', 'f1', 'max_concepts', 'min_value',
      'macro_avg_roc_auc', 'macro_std_roc_auc', 'macro_avg_f1_score', 'macro_std_f1_score', 'macro_avg_precision', 'macro_avg_recall',
      'pending', 'awaiting_review', 'success', 'review_denied', 'awaiting_consensus_review', 'score',
      'top_row', 'left_col', 'bottom_row', 'right_col', 'count',
    ])
    const wrappers = new Set(['is_template', 'workflow_recommended'])
    const uint64Wrappers = /_count$|^inputs_count$|^n_cols$/
    const problems: string[] = []
    const walk = (value: unknown, path: string, listOk: boolean): void => {
      if (Array.isArray(value)) {
        if (value.length === 0 && !listOk) problems.push(`${path}: []`)
        value.forEach((v, i) => walk(v, `${path}[${i}]`, false))
        return
      }
      if (value === null || typeof value !== 'object') return
      for (const [k, v] of Object.entries(value)) {
        const p = `${path}.${k}`
        if (v === '' || (v === false && !wrappers.has(k))) problems.push(`${p}: ${JSON.stringify(v)}`)
        if (v === 0 && !allowedZero.has(k)) problems.push(`${p}: 0`)
        if (v === '0' && !uint64Wrappers.test(k)) problems.push(`${p}: "0"`)
        walk(v, p, ['select_concepts', 'apps', 'models', 'datasets', 'tasks', 'model_versions', 'dataset_versions', 'dataset_inputs', 'inputs', 'hits', 'workflows'].includes(k))
      }
    }
    const rec = getWorld().evaluations.find((e) => e.kind === 'detection')
    const model = getWorld().appById.get('general-vision')?.models[0]
    for (const path of [
      '/v2/users/demo/apps?additional_fields=counts&additional_fields=stars',
      '/v2/users/demo/models?additional_fields=stars',
      `${APP}/models/${model?.id}/versions`,
      `${APP}/datasets`,
      `${APP}/tasks?additional_fields=metrics`,
      `${APP}/workflows`,
      `/v2/users/demo/apps/${rec?.appId}/evaluations/${rec?.id}?${ALL_FIELDS}`,
      '/v2/users/demo/apps?page=9',
    ]) {
      const r = await call(api, path)
      expect(r.status, path).toBe(200)
      walk(r.body, path, false)
    }
    expect(problems.slice(0, 10)).toEqual([])
  })

  it('is deterministic across handler instances', async () => {
    const rec = getWorld().evaluations.find((e) => e.conceptCount === 20)
    const path = `/v2/users/demo/apps/${rec?.appId}/evaluations/${rec?.id}?${ALL_FIELDS}`
    const a = await call(demoApi(), path)
    const b = await call(demoApi(), path)
    expect(a.text.replace(/demo-[0-9a-f]{8}/, '')).toBe(b.text.replace(/demo-[0-9a-f]{8}/, ''))
  })
})
