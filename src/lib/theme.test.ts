import { describe, expect, it } from 'vitest'
import { parseThemeChoice, resolveTheme, THEME_CHOICES } from './theme.ts'

describe('parseThemeChoice', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', 'system'],
    [null, 'system'],
    [undefined, 'system'],
    ['', 'system'],
    ['Dark', 'system'],
    ['"dark"', 'system'],
  ] as const)('%j -> %s', (stored, choice) => {
    expect(parseThemeChoice(stored)).toBe(choice)
  })
})

describe('resolveTheme', () => {
  it('follows the system only when asked to', () => {
    expect(THEME_CHOICES.map((c) => [resolveTheme(c, false), resolveTheme(c, true)])).toEqual([
      ['light', 'dark'],
      ['light', 'light'],
      ['dark', 'dark'],
    ])
  })
})
