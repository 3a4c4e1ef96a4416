// Responses recorded from the live API (test/fixtures, see /work/shared/samples/README.md) must
// validate against the generated contract, and carry no keys the contract does not know except
// the drift listed here.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
type Schema = { [k: string]: unknown }

const DOC_ID = 'openapi.json'
// Read, not imported: a static import of the 1.5 MB JSON would make tsc infer a huge literal type.
const doc = JSON.parse(fs.readFileSync(new URL('./openapi.json', import.meta.url), 'utf8')) as Schema & {
  paths: Record<string, Record<string, Schema>>
}

function fixture(name: string): Json {
  return JSON.parse(fs.readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8')) as Json
}

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
  addFormats(ajv)
  // The contract's 64-bit integers are decimal strings (ajv-formats' int64 is for numbers).
  ajv.addFormat('int64', { type: 'string', validate: /^-?[0-9]+$/ })
  ajv.addFormat('uint64', { type: 'string', validate: /^[0-9]+$/ })
  ajv.addFormat('uint32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 && n < 2 ** 32 })
  ajv.addSchema(doc, DOC_ID)
  return ajv
}

/** `$ref` of the 200 response of an operation. */
function responseRef(method: string, route: string): string {
  const op = doc.paths[route]?.[method] as
    | { responses: { '200': { content: { 'application/json': { schema: { $ref: string } } } } } }
    | undefined
  if (!op) throw new Error(`no operation ${method} ${route}`)
  return op.responses['200'].content['application/json'].schema.$ref
}

function resolve(schema: Schema): Schema {
  let s = schema
  while (typeof s.$ref === 'string') {
    const pointer = s.$ref.replace(/^#\//, '').split('/')
    let t: unknown = doc
    for (const seg of pointer) t = (t as Record<string, unknown>)[seg]
    s = { ...(t as Schema), ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) }
  }
  return s
}

/** Walks a value alongside its schema; returns paths (`a.b[].c`) of object keys the schema does not declare. */
export function unknownKeys(value: Json, schema: Schema, at = ''): string[] {
  const s = resolve(schema)
  const out: string[] = []
  if (Array.isArray(value)) {
    if (s.items) for (const v of value) out.push(...unknownKeys(v, s.items as Schema, `${at}[]`))
  } else if (value && typeof value === 'object') {
    // Only message schemas (with `properties`) declare their keys; maps and Struct take any key.
    const props = s.properties as Record<string, Schema> | undefined
    const extra = s.additionalProperties as Schema | boolean | undefined
    for (const [k, v] of Object.entries(value)) {
      const key = at ? `${at}.${k}` : k
      const known = props?.[k]
      if (known) out.push(...unknownKeys(v, known, key))
      else if (extra && typeof extra === 'object') out.push(...unknownKeys(v, extra, key))
      else if (props && extra !== true) out.push(key)
    }
  }
  return [...new Set(out)].sort()
}

const MODEL = '/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/models/{model_id}'

const samples = [
  {
    file: 'post-model-outputs-2025.json',
    method: 'post',
    route: `${MODEL}/outputs`,
    schema: 'MultiOutputResponse',
    drift: [] as string[],
  },
  {
    file: 'get-model-2022.json',
    method: 'get',
    route: MODEL,
    schema: 'SingleModelResponse',
    // Fields the protos have removed since 2022 (see the samples README).
    drift: [
      'model.import_info',
      'model.input_info',
      'model.model_version.train_stats',
      'model.output_info.output_config.closed_environment',
      'model.train_info',
    ],
  },
]

describe('recorded responses against the contract', () => {
  const ajv = makeAjv()
  for (const sample of samples) {
    describe(sample.file, () => {
      const ref = responseRef(sample.method, sample.route)
      const body = fixture(sample.file)

      it(`is the ${sample.schema} response of ${sample.method.toUpperCase()} ${sample.route}`, () => {
        expect(ref).toBe(`#/components/schemas/${sample.schema}`)
      })

      it('validates (Ajv 2020-12, ajv-formats)', () => {
        const validate = ajv.getSchema(`${DOC_ID}${ref}`)
        expect(validate).toBeTypeOf('function')
        const ok = validate!(body)
        expect(validate!.errors ?? [], JSON.stringify(validate!.errors, null, 2)).toEqual([])
        expect(ok).toBe(true)
      })

      it('has no unknown keys except the listed drift', () => {
        expect(unknownKeys(body, { $ref: ref })).toEqual(sample.drift)
      })
    })
  }

  it('rejects wire-format mistakes (camelCase is unknown, enum names, numeric uint64, bad timestamps)', () => {
    const validate = ajv.getSchema(`${DOC_ID}#/components/schemas/MultiOutputResponse`)!
    expect(validate({ status: { code: 10000 }, outputs: [] })).toBe(true)
    expect(validate({ status: { code: 'SUCCESS' }, outputs: [] })).toBe(false)
    expect(validate({ status: { code: 10000 }, outputs: [{ created_at: 'yesterday' }] })).toBe(false)
    const matrix = ajv.getSchema(`${DOC_ID}#/components/schemas/MatrixUint64`)!
    expect(matrix({ n_cols: '2', data: ['5', '0', '18446744073709551615', '1'] })).toBe(true)
    expect(matrix({ n_cols: 2, data: [5] })).toBe(false)
    expect(unknownKeys({ status: { reqId: 'x' } } as Json, { $ref: '#/components/schemas/BaseResponse' })).toEqual([
      'status.reqId',
    ])
  })

  it('the unknown-key walker sees nested, array and map positions', () => {
    const schema = { $ref: '#/components/schemas/MultiOutputResponse' }
    const body = {
      status: { code: 10000, bogus: 1 },
      outputs: [{ data: { concepts: [{ id: 'x', nope: true }] }, model: { metadata: { free: { form: 1 } } } }],
    } as Json
    expect(unknownKeys(body, schema)).toEqual(['outputs[].data.concepts[].nope', 'status.bogus'])
  })
})
