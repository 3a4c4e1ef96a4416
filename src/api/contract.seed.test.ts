// Conformance with the user's spec page (test/fixtures/seed-spec.txt): for every GET path of the
// seed, our contract has a GET operation with the same path and parameters. The seed was generated
// with JSON names (lowerCamelCase) from older protos: our proto names go through protoc's json_name
// rule before comparing, and what the current protos dropped is listed below with a reason.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { toJsonPath } from '../../scripts/gen-openapi.ts'
import type { OperationInfo } from './operations.ts'

interface SeedParam {
  name: string
  in: string
  required: boolean
  /** string | integer | number | boolean | array */
  type: string
}
interface SeedEndpoint {
  path: string
  params: SeedParam[]
}

/** Parses the markdown: `/v2/...` heading, parameter table, `GET /v2/...` line. */
export function parseSeed(text: string): SeedEndpoint[] {
  const out: SeedEndpoint[] = []
  let cur: SeedEndpoint | null = null
  for (const line of text.split('\n')) {
    if (/^\/v2\/\S*$/.test(line)) cur = { path: line, params: [] }
    const row = /^\| ([A-Za-z0-9_.]+) \| (path|query|body|header) \| (required|optional) \| (\w+) \|/.exec(line)
    if (row && cur) cur.params.push({ name: row[1]!, in: row[2]!, required: row[3] === 'required', type: row[4]! })
    if (line.startsWith('GET ')) {
      if (!cur || line.slice(4) !== cur.path) throw new Error(`seed: GET line without its heading: ${line}`)
      out.push(cur)
      cur = null
    }
  }
  return out
}

/** Our path with each proto-name path parameter through json_name (`{user_app_id.user_id}` -> `{userAppId.userId}`). */
function jsonPathTemplate(p: string): string {
  return p.replace(/\{([^}]+)\}/g, (_m, name: string) => `{${toJsonPath(name)}}`)
}

/** Seed GET paths that no longer exist in the protos. */
const GONE_PATHS: Record<string, string> = {
  '/v2/annotations/searches/metrics': 'annotation search metrics RPCs were removed from the protos',
  '/v2/annotations/searches/metrics/{id}': 'annotation search metrics RPCs were removed from the protos',
  '/v2/users/{userAppId.userId}/apps/{userAppId.appId}/annotations/searches/metrics':
    'annotation search metrics RPCs were removed from the protos',
  '/v2/users/{userAppId.userId}/apps/{userAppId.appId}/annotations/searches/metrics/{id}':
    'annotation search metrics RPCs were removed from the protos',
  '/v2/trending_metrics/views/{viewType}': 'trending metrics views RPCs were removed from the protos',
  '/v2/users/{userAppId.userId}/apps/{userAppId.appId}/trending_metrics/views/{viewType}':
    'trending metrics views RPCs were removed from the protos',
  '/v2/users/{userAppId.userId}/runners/{runnerId}/items':
    'ListRunnerItems moved to /v2/users/{user_app_id.user_id}/compute_clusters/{compute_cluster_id}/nodepools/{nodepool_id}/runners/{runner_id}/items',
}

/** Seed parameters (`<path> <name>`) of paths we have, whose fields the protos have dropped. */
const GONE_PARAMS: Record<string, string> = {
  '/v2/users/{userAppId.userId}/apps/{userAppId.appId}/workflows/{workflowId} favorClarifaiWorkflows':
    'GetWorkflowRequest field removed (reserved 3, 5)',
  '/v2/users/{userAppId.userId}/apps/{userAppId.appId}/workflows/{workflowId} excludeClarifaiWorkflows':
    'GetWorkflowRequest field removed (reserved 3, 5)',
  '/v2/workflows/{workflowId} favorClarifaiWorkflows': 'GetWorkflowRequest field removed (reserved 3, 5)',
  '/v2/workflows/{workflowId} excludeClarifaiWorkflows': 'GetWorkflowRequest field removed (reserved 3, 5)',
}

const seed = parseSeed(fs.readFileSync(new URL('../../test/fixtures/seed-spec.txt', import.meta.url), 'utf8'))
const operations = JSON.parse(
  fs.readFileSync(new URL('./operations.gen.json', import.meta.url), 'utf8'),
) as OperationInfo[]

function compare() {
  const ours = new Map<string, OperationInfo>()
  for (const op of operations) {
    const key = jsonPathTemplate(op.path)
    if (ours.has(key)) throw new Error(`two GET operations on ${key}`)
    ours.set(key, op)
  }
  const missingPaths: string[] = []
  const missingParams: string[] = []
  const wrongIn: string[] = []
  const wrongType: string[] = []
  let paths = 0
  let params = 0
  let paramsOfMatchedPaths = 0
  let totalParams = 0
  for (const endpoint of seed) {
    totalParams += endpoint.params.length
    const op = ours.get(endpoint.path)
    if (!op) {
      missingPaths.push(endpoint.path)
      continue
    }
    paths++
    paramsOfMatchedPaths += endpoint.params.length
    for (const p of endpoint.params) {
      const mine = op.params.find((q) => toJsonPath(q.name) === p.name)
      if (!mine) missingParams.push(`${endpoint.path} ${p.name}`)
      else if (mine.in !== p.in || mine.required !== p.required) wrongIn.push(`${endpoint.path} ${p.name}`)
      else params++
      // The seed's generator wrote enums as name strings; the wire (and our contract) uses integers.
      const type = mine?.array ? 'array' : mine?.enum && p.type === 'string' ? 'string' : mine?.type
      if (mine && type !== p.type) wrongType.push(`${endpoint.path} ${p.name}: ${p.type} vs ${type}`)
    }
  }
  return { missingPaths, missingParams, wrongIn, wrongType, paths, params, paramsOfMatchedPaths, totalParams }
}

describe('seed spec conformance (GET endpoints)', () => {
  const r = compare()

  it('parses the whole seed', () => {
    expect(seed.length).toBe(181)
    expect(r.totalParams).toBe(1093)
  })

  it('prints the match rates', () => {
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`
    console.log(
      `seed paths matched ${r.paths}/${seed.length} (${pct(r.paths, seed.length)}); ` +
        `params matched ${r.params}/${r.paramsOfMatchedPaths} of matched paths (${pct(r.params, r.paramsOfMatchedPaths)}), ` +
        `${r.params}/${r.totalParams} of all seed params (${pct(r.params, r.totalParams)})`,
    )
    expect(r.paths).toBeGreaterThanOrEqual(174)
    expect(r.params / r.paramsOfMatchedPaths).toBeGreaterThanOrEqual(0.99)
  })

  it('every missing path is a listed exception, and no listed exception matches again', () => {
    expect(r.missingPaths.filter((p) => !(p in GONE_PATHS))).toEqual([])
    expect(Object.keys(GONE_PATHS).filter((p) => !r.missingPaths.includes(p))).toEqual([])
  })

  it('every missing parameter is a listed exception, and no listed exception matches again', () => {
    expect(r.missingParams.filter((p) => !(p in GONE_PARAMS))).toEqual([])
    expect(Object.keys(GONE_PARAMS).filter((p) => !r.missingParams.includes(p))).toEqual([])
  })

  it('matched parameters sit in the same place (path/query) with the same required flag', () => {
    expect(r.wrongIn).toEqual([])
  })

  it('matched parameters have the same type (64-bit integers are strings in both)', () => {
    expect(r.wrongType).toEqual([])
  })
})
