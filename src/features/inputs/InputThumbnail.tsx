import { inputSummary, inputThumbnail } from '@/lib/datasets.ts'

/** A small picture of an input (image, else video thumbnail), or a line of its text. */
export function InputThumbnail({ input, size = 'sm' }: { input: unknown; size?: 'sm' | 'md' }) {
  const url = inputThumbnail(input)
  const box = size === 'md' ? 'h-24 w-32' : 'h-8 w-11'
  if (url) {
    return <img src={url} alt={inputSummary(input) === 'Video' ? 'Video thumbnail' : 'Input image'} loading="lazy" decoding="async" className={`${box} rounded border border-slate-200 bg-slate-50 object-cover dark:border-slate-700 dark:bg-slate-900`} />
  }
  const text = inputSummary(input)
  return (
    <span title={text} className={`${size === 'md' ? 'line-clamp-4 w-32 text-xs' : 'line-clamp-1 max-w-xs text-xs'} text-slate-600 dark:text-slate-400`}>
      {text ?? '—'}
    </span>
  )
}
