import { describe, expect, it } from 'vitest'
import { formatCount, formatDate, formatMetric, formatPercent, formatRelativeTime, visibilityLabel } from './format.ts'

describe('format', () => {
  it('groups digits of 64-bit strings without losing any', () => {
    expect(formatCount('18446744073709551615')).toBe('18,446,744,073,709,551,615')
    expect(formatCount('9007199254740993')).toBe('9,007,199,254,740,993')
    expect(formatCount('000120')).toBe('120')
    expect(formatCount(1234)).toBe('1,234')
    expect(formatCount(undefined)).toBe('—')
    expect(formatCount('n/a')).toBe('n/a')
  })

  it('says how long ago', () => {
    const now = Date.parse('2026-11-28T12:00:00Z')
    expect(formatRelativeTime('2026-11-25T12:00:00Z', now)).toBe('3 days ago')
    expect(formatRelativeTime('2026-11-28T11:59:30Z', now)).toBe('just now')
    expect(formatRelativeTime('2025-11-28T12:00:00Z', now)).toBe('last year')
    expect(formatRelativeTime('garbage', now)).toBe('garbage')
  })

  it('prints metrics and dates, and survives absent values', () => {
    expect(formatMetric(0.93456)).toBe('0.935')
    expect(formatMetric(undefined)).toBe('—')
    expect(formatPercent(0.5)).toBe('50.0%')
    expect(formatDate('2026-01-02T03:04:05.123456789Z')).toBe('Jan 2, 2026')
  })

  it.each([
    [10, 'Private'],
    [30, 'Organization'],
    [50, 'Public'],
    [40, 'Visibility 40'],
    [42, 'Visibility 42'],
    [0, undefined],
    [undefined, undefined],
    ['50', undefined],
  ])('visibility %j -> %j', (value, label) => {
    expect(visibilityLabel(value)).toBe(label)
  })
})
