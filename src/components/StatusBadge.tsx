import { statusCodeName } from '@/api/errors.ts'

type Tone = 'good' | 'busy' | 'bad' | 'neutral'

const GOOD = new Set([10000, 21100, 21300, 64015, 54002, 30000, 40000])
const BUSY = new Set([21101, 21103, 21104, 21105, 21301, 21303, 64005, 64010, 54001, 30001, 30002, 30003])
const BAD = new Set([21106, 21110, 21111, 21112, 21113, 21114, 21115, 21116, 21117, 21118, 64020, 54005, 54003, 30004])

export function statusTone(code: number | undefined): Tone {
  if (code === undefined) return 'neutral'
  if (GOOD.has(code)) return 'good'
  if (BUSY.has(code)) return 'busy'
  if (BAD.has(code) || (code >= 21310 && code <= 21319)) return 'bad'
  return 'neutral'
}

const TONE_CLASSES: Record<Tone, string> = {
  good: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200',
  busy: 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200',
  bad: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200',
  neutral: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
}

/** `MODEL_TRAINED` -> "Model trained"; unknown codes show their number. */
export function statusLabel(code: number | undefined): string {
  if (code === undefined) return 'Unknown'
  const name = statusCodeName(code)
  if (!name) return `Status ${code}`
  const words = name.toLowerCase().split('_')
  return words.join(' ').replace(/^./, (c) => c.toUpperCase())
}

export function StatusBadge({ status }: { status: { code?: number; description?: string; details?: string } | undefined }) {
  const code = status?.code
  const title = [code !== undefined ? `${code} ${statusCodeName(code) ?? ''}`.trim() : undefined, status?.description, status?.details]
    .filter(Boolean)
    .join(' — ')
  return (
    <span title={title || undefined} className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONE_CLASSES[statusTone(code)]}`}>
      {statusLabel(code)}
    </span>
  )
}
