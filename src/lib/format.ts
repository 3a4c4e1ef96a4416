const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' })

/** A calendar date for an RFC 3339 timestamp; the raw text when it does not parse. */
export function formatDate(timestamp: string): string {
  const time = Date.parse(timestamp)
  return Number.isNaN(time) ? timestamp : dateFormat.format(time)
}
