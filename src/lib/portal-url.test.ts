import { describe, expect, it } from 'vitest'
import { parsePortalUrl } from './portal-url.ts'

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
    ['http://127.0.0.1:8080/demo/app-1/models/m1', '/demo/app-1/models/m1'],
    ['/demo/app-1', '/demo/app-1'],
  ])('%s opens %s', (input, path) => {
    expect(parsePortalUrl(input)?.path).toBe(path)
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
