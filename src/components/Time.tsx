import { formatExactTime, formatRelativeTime } from '@/lib/format.ts'

/** "3 days ago", with the exact instant on hover and for assistive tech. */
export function RelativeTime({ value }: { value: string | undefined }) {
  if (!value) return <span className="text-slate-400">—</span>
  return (
    <time dateTime={value} title={formatExactTime(value)}>
      {formatRelativeTime(value)}
    </time>
  )
}
