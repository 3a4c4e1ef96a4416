import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './return-path.ts'

describe('safeReturnPath', () => {
  it.each([
    '/',
    '/demo/general-vision/models',
    '/demo/general-vision/models?sort=name&order=asc',
    '/demo/app/evaluations/e1?threshold=0.5&cell=a~b#matrix',
    '/explore/ListApps?user_app_id.user_id=demo&per_page=5',
  ])('keeps the console path %s', (path) => {
    expect(safeReturnPath(path)).toBe(path)
  })

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a backslash that browsers read as a slash', '/\\evil.example/x'],
    ['a tab hidden before the host', '/\t/evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'demo/app'],
    ['the connection screen itself', '/connect?reason=refused'],
    ['an empty value', ''],
    ['not a string', 42],
    ['something absurdly long', `/${'a'.repeat(3000)}`],
  ])('refuses %s', (_, value) => {
    expect(safeReturnPath(value)).toBeUndefined()
  })
})
