import { lazy } from './lazy.ts'

const dateFormat = lazy(() => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }))
const exactFormat = lazy(() => new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'long', timeZone: 'UTC' }))
const relativeFormat = lazy(() => new Intl.RelativeTimeFormat('en', { numeric: 'auto' }))
const integerFormat = lazy(() => new Intl.NumberFormat('en'))

/** A calendar date for an RFC 3339 timestamp; the raw text when it does not parse. */
export function formatDate(timestamp: string): string {
  const time = Date.parse(timestamp)
  return Number.isNaN(time) ? timestamp : dateFormat().format(time)
}

/** The full instant in UTC, for hover titles. */
export function formatExactTime(timestamp: string): string {
  const time = Date.parse(timestamp)
  return Number.isNaN(time) ? timestamp : `${exactFormat().format(time)} (${timestamp})`
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600e3],
  ['month', 30 * 24 * 3600e3],
  ['week', 7 * 24 * 3600e3],
  ['day', 24 * 3600e3],
  ['hour', 3600e3],
  ['minute', 60e3],
]

/** "3 days ago", "in 2 hours", "now". */
export function formatRelativeTime(timestamp: string, now = Date.now()): string {
  const time = Date.parse(timestamp)
  if (Number.isNaN(time)) return timestamp
  const delta = time - now
  for (const [unit, ms] of UNITS) {
    if (Math.abs(delta) >= ms) return relativeFormat().format(Math.round(delta / ms), unit)
  }
  return 'just now'
}

/**
 * Thousands separators for counts that arrive as numbers or as 64-bit decimal strings; strings
 * keep every digit, however long.
 */
export function formatCount(value: string | number | undefined | null): string {
  if (value === undefined || value === null || value === '') return '—'
  if (typeof value === 'number') return Number.isFinite(value) ? integerFormat().format(value) : String(value)
  if (!/^-?\d+$/.test(value)) return value
  const negative = value.startsWith('-')
  const digits = (negative ? value.slice(1) : value).replace(/^0+(?=\d)/, '')
  return (negative ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** A 0..1 metric as "0.934"; absent as an em dash. */
export function formatMetric(value: number | undefined | null, digits = 3): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—'
}

export function formatPercent(value: number | undefined | null, digits = 1): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : '—'
}

const VISIBILITY: Readonly<Record<number, string>> = { 10: 'Private', 30: 'Organization', 50: 'Public' }

/**
 * `visibility.gettable` in words: 50 -> "Public"; unknown enum integers stay visible as numbers;
 * absent or 0 (unset on the wire) -> undefined, so callers choose what to show.
 */
export function visibilityLabel(gettable: unknown): string | undefined {
  if (typeof gettable !== 'number' || gettable === 0) return undefined
  return VISIBILITY[gettable] ?? `Visibility ${gettable}`
}
