// The committed generated files of the demo must match what their generators produce now.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildRouteTable, readOperations, readSpec, serializeRouteTable } from './gen-demo-routes'
import { computeSummaries, serializeSummaries } from './gen-demo-summaries'
import { matchRoute, queryParamSpecs } from '../src/demo/router'

describe('generated files', () => {
  it('routes.gen.json is up to date with src/api/openapi.json (run: npx tsx scripts/gen-demo-routes.ts)', () => {
    const fresh = serializeRouteTable(buildRouteTable(readSpec(), readOperations()))
    expect(readFileSync('src/demo/routes.gen.json', 'utf8')).toBe(fresh)
  })

  it('data/summaries.gen.json matches the evaluations (run: npx tsx scripts/gen-demo-summaries.ts)', () => {
    expect(readFileSync('src/demo/data/summaries.gen.json', 'utf8')).toBe(serializeSummaries(computeSummaries()))
  })
})

describe('router', () => {
  it('prefers literal segments over parameters', () => {
    const types = matchRoute('GET', '/v2/models/types')
    expect(types.kind === 'match' && types.route.operationId).toBe('ListModelTypes_2')
    const model = matchRoute('GET', '/v2/models/abc')
    expect(model.kind === 'match' && model.route.operationId).toBe('GetModel_2')
    const relations = matchRoute('GET', '/v2/users/u/apps/a/concepts/relations')
    expect(relations.kind === 'match' && relations.route.rpc).toBe('ListConceptRelations')
  })

  it('extracts dotted path parameters and decodes segments', () => {
    const m = matchRoute('GET', '/v2/users/me/apps/my%20app/models/m1/versions/v1')
    expect(m.kind).toBe('match')
    if (m.kind === 'match') {
      expect(m.route.params).toEqual({ 'user_app_id.user_id': 'me', 'user_app_id.app_id': 'my app', model_id: 'm1', version_id: 'v1' })
      expect(m.route.operationId).toBe('GetModelVersion')
    }
  })

  it('tells other methods and unknown paths apart', () => {
    expect(matchRoute('GET', '/v2/annotations/searches').kind).toBe('method-not-allowed')
    expect(matchRoute('GET', '/v2/nothing').kind).toBe('none')
  })

  it('knows the query parameters of each operation: types, repeated fields, oneofs', () => {
    const specs = queryParamSpecs('ListModels')
    const names = specs.map((p) => `${p.name}:${p.type}`)
    expect(names).toEqual(expect.arrayContaining(['page:uint32', 'per_page:uint32', 'trained_only:bool', 'visibility.gettable:enum', 'query:string']))
    expect(specs.find((p) => p.name === 'sort_by_name')).toMatchObject({ oneof: 'sort_by', isRepeated: false })
    expect(specs.find((p) => p.name === 'additional_fields')).toMatchObject({ isRepeated: true })
    expect(queryParamSpecs('GetEvaluation').map((p) => p.name)).toContain('fields.test_set')
  })
})
