import { describe, expect, it } from 'vitest'
import { parsePortalUrl, portalUrlProblem } from './portal-url.ts'

describe('parsePortalUrl', () => {
  it.each([
    ['https://clarifai.com/clarifai/main', '/clarifai/main'],
    ['https://clarifai.com/clarifai/main/models/general-image-recognition', '/clarifai/main/models/general-image-recognition'],
    ['https://clarifai.com/u1/app-1/models/m1/versions/aa11bb', '/u1/app-1/models/m1/versions/aa11bb'],
    ['https://clarifai.com/u1/app-1/datasets/d1/versions/v2?tab=x#y', '/u1/app-1/datasets/d1/versions/v2'],
    ['clarifai.com/u1/app-1/tasks/t-9', '/u1/app-1/tasks/t-9'],
    ['https://clarifai.com/u1/app-1/evaluations/e1', '/u1/app-1/evaluations/e1'],
    ['https://clarifai.com/u1', '/u1'],
    ['https://clarifai.com/u1/app-1/models', '/u1/app-1/models'],
    ['https://clarifai.com/u1/app-1/workflows/w1', '/u1/app-1'],
    ['https://portal.clarifai.com/u1/app-1', '/u1/app-1'],
    ['https://www.clarifai.com/u1/app-1/models/m1', '/u1/app-1/models/m1'],
    ['/demo/app-1', '/demo/app-1'],
  ])('%s opens %s', (input, path) => {
    expect(parsePortalUrl(input)?.path).toBe(path)
    expect(portalUrlProblem(input)).toBeUndefined()
  })

  it('opens links to this console only when told its origin', () => {
    const console = { consoleOrigin: 'http://127.0.0.1:8080' }
    expect(parsePortalUrl('http://127.0.0.1:8080/demo/app-1/models/m1', console)?.path).toBe('/demo/app-1/models/m1')
    expect(parsePortalUrl('http://127.0.0.1:8080/demo/app-1/models/m1')).toBeNull()
    expect(parsePortalUrl('127.0.0.1:8080/demo/app-1', console)).toBeNull()
    expect(portalUrlProblem('http://127.0.0.1:8080/demo', console)).toBeUndefined()
  })

  it.each([
    ['https://example.com/foo', 'example.com is not Clarifai: only clarifai.com addresses or console paths (starting with /) open here.'],
    ['example.com/foo/bar', 'example.com is not Clarifai: only clarifai.com addresses or console paths (starting with /) open here.'],
    ['https://clarifai.com.evil.example/u/a', 'clarifai.com.evil.example is not Clarifai: only clarifai.com addresses or console paths (starting with /) open here.'],
    ['https://notclarifai.com/u/a', 'notclarifai.com is not Clarifai: only clarifai.com addresses or console paths (starting with /) open here.'],
    ['javascript:alert(1)', 'Only http and https addresses open here.'],
    ['https://clarifai.com/', 'That is not the address of a Clarifai user, app or resource.'],
    ['  ', 'Paste a clarifai.com address or a console path.'],
  ])('says why %j does not open', (input, problem) => {
    expect(parsePortalUrl(input)).toBeNull()
    expect(portalUrlProblem(input)).toBe(problem)
  })

  it('names the parts', () => {
    expect(parsePortalUrl('https://clarifai.com/u1/a1/models/m1/versions/v1')).toEqual({
      path: '/u1/a1/models/m1/versions/v1',
      user: 'u1',
      app: 'a1',
      kind: 'models',
      id: 'm1',
      version: 'v1',
    })
  })

  it.each(['', '   ', 'javascript:alert(1)', 'https://clarifai.com/', 'https://clarifai.com/explore', 'https://clarifai.com/%3Cscript%3E/x', 'ftp://x/y/z'])(
    'rejects %j',
    (input) => {
      expect(parsePortalUrl(input)).toBeNull()
    },
  )
})
