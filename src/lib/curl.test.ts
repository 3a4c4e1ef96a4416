import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createQuerySerializer, defaultPathSerializer } from 'openapi-fetch'
import { buildCurl, buildRequestUrl, curlBaseUrl, parseCurlTarget, serializeQuery, shellQuote, substitutePath } from './curl.ts'

// The end-to-end check (the URL the real client sends equals the curl URL) is in
// src/api/explorer.test.ts; here the pieces are held to openapi-fetch's own serializers.

const scalar = fc.oneof(fc.string({ maxLength: 8, unit: 'grapheme' }), fc.integer(), fc.boolean())
const queryArb = fc.dictionary(
  fc.stringMatching(/^[a-z_]{1,8}(\.[a-z_]{1,8})?$/),
  fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.constant(undefined)),
)

describe('curl pieces match openapi-fetch', () => {
  it('serializes queries like its default query serializer', () => {
    const serialize = createQuerySerializer()
    fc.assert(
      fc.property(queryArb, (query) => {
        expect(serializeQuery(query)).toBe(serialize(query))
      }),
      { numRuns: 500 },
    )
  })

  it('substitutes path parameters like its default path serializer', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10, unit: 'grapheme' }), fc.string({ maxLength: 10 }), (a, b) => {
        const template = '/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/x'
        const params = { 'user_app_id.user_id': a, 'user_app_id.app_id': b }
        expect(substitutePath(template, params)).toBe(defaultPathSerializer(template, params))
      }),
    )
  })
})

describe('curl', () => {
  it('rebases onto the base URL, keeping its path prefix, and normalizes like the URL parser', () => {
    expect(buildRequestUrl({ baseUrl: 'https://proxy.example/api/', path: '/v2/users/{id}', pathParams: { id: 'me' }, query: { q: "it's" } })).toBe(
      'https://proxy.example/api/v2/users/me?q=it%27s',
    )
  })

  it('quotes for the shell and never prints a token', () => {
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`)
    const command = buildCurl({ baseUrl: 'http://h', path: '/v2/x', method: 'get' })
    expect(command).toBe(`curl 'http://h/v2/x' \\\n  -H "Authorization: Key $CLARIFAI_PAT"`)
    expect(buildCurl({ baseUrl: 'http://h', path: '/v2/x', method: 'DELETE', tokenPlaceholder: '${PAT}' })).toContain(`-X DELETE 'http://h/v2/x'`)
  })
})

describe('curl target', () => {
  it('points at api.clarifai.com unless the console origin is asked for', () => {
    expect(curlBaseUrl('clarifai', 'http://127.0.0.1:8080')).toBe('https://api.clarifai.com')
    expect(curlBaseUrl('console', 'https://proxy.example/sub/')).toBe('https://proxy.example/sub/')
    for (const junk of [undefined, null, '', 'CONSOLE', 'api', 1]) expect(parseCurlTarget(junk)).toBe('clarifai')
    expect(parseCurlTarget('console')).toBe('console')
    const path = { path: '/v2/users/{id}/apps', pathParams: { id: 'me' }, query: { per_page: 2 } }
    expect(buildCurl({ ...path, baseUrl: curlBaseUrl('clarifai', 'http://127.0.0.1:8080/sub') })).toBe(
      `curl 'https://api.clarifai.com/v2/users/me/apps?per_page=2' \\\n  -H "Authorization: Key $CLARIFAI_PAT"`,
    )
  })
})
