import { useEffect, useId, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { buildCurl, type CurlQueryValue } from '@/lib/curl.ts'
import { CurlTargetSelect, useCurlTarget } from './CurlTarget.tsx'
import { Dialog } from './Dialog.tsx'

/** The key every query option function makes: `['get', pathTemplate, { params }]`. */
type RequestKey = readonly ['get', string, { params: { path?: unknown; query?: unknown } }]

/** Bodies up to this size are shown re-indented; larger ones as they came. */
const PRETTY_MAX_BYTES = 2_000_000

/**
 * "Copy as curl" and "Raw JSON" for the request behind a view. The command carries a token
 * placeholder, never the token. `rawBody`: the answer's bytes, for a view whose query keeps a
 * prepared form instead of the parsed answer (read when the dialog opens).
 */
export function RequestTools({ queryKey, rawBody }: { queryKey: RequestKey; rawBody?: Blob }) {
  const queryClient = useQueryClient()
  const [isRawOpen, setIsRawOpen] = useState(false)
  const titleId = useId()
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle')
  const { baseUrl } = useCurlTarget()
  const [, path, { params }] = queryKey
  const curl = buildCurl({
    baseUrl,
    path,
    pathParams: (params.path ?? {}) as Record<string, string>,
    query: (params.query ?? {}) as Record<string, CurlQueryValue>,
  })
  const handleCopy = async () => {
    try {
      await navigator.clipboard.writeText(curl)
      setCopied('done')
    } catch {
      setCopied('failed')
    }
  }
  const button = 'whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900'
  return (
    <div className="contents">
      <button type="button" onClick={handleCopy} className={button} title={curl}>
        {copied === 'done' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy as curl'}
      </button>
      <CurlTargetSelect />
      <button type="button" onClick={() => setIsRawOpen(true)} aria-haspopup="dialog" className={button}>
        Raw JSON
      </button>
      {isRawOpen && (
        <Dialog labelledBy={titleId} onClose={() => setIsRawOpen(false)} className="h-full max-w-5xl">
          <div className="flex items-center gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
            <h2 id={titleId} className="shrink-0 text-sm font-semibold">
              Raw JSON
            </h2>
            <code className="min-w-0 flex-1 truncate text-xs text-slate-600 dark:text-slate-400">{curl.split('\n')[0]}</code>
            <button type="button" onClick={() => setIsRawOpen(false)} className={button}>
              Close
            </button>
          </div>
          <pre tabIndex={0} aria-label="Response body" className="flex-1 overflow-auto p-4 text-xs">
            {rawBody ? <RawText body={rawBody} /> : JSON.stringify(queryClient.getQueryData(queryKey), null, 2)}
          </pre>
        </Dialog>
      )}
    </div>
  )
}

function RawText({ body }: { body: Blob }) {
  const [text, setText] = useState<string | null>(null)
  useEffect(() => {
    let isCurrent = true
    void body.text().then((t) => {
      if (!isCurrent) return
      if (body.size > PRETTY_MAX_BYTES) return setText(t)
      try {
        setText(JSON.stringify(JSON.parse(t), null, 2))
      } catch {
        setText(t)
      }
    })
    return () => {
      isCurrent = false
    }
  }, [body])
  return text ?? 'Reading…'
}
