import { useState } from 'react'
import { CurlTargetSelect } from '@/components/CurlTarget.tsx'

/** "Copy as curl" for a request that has not necessarily run yet, with the command on show. */
export function CopyCurl({ curl, disabledReason }: { curl: string | null; disabledReason?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const handleCopy = async () => {
    if (!curl) return
    try {
      await navigator.clipboard.writeText(curl)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={handleCopy}
        disabled={!curl}
        title={curl ? undefined : disabledReason}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        Copy as curl
      </button>
      <CurlTargetSelect />
      <span aria-live="polite" className="text-xs text-slate-500">
        {state === 'copied' ? 'Copied (the token is $CLARIFAI_PAT)' : state === 'failed' ? 'Could not copy: select the command below' : ''}
      </span>
      <details className="w-full text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Show the request</summary>
        <pre data-testid="curl" className="mt-2 overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 text-xs text-slate-100">
          {curl ?? disabledReason}
        </pre>
      </details>
    </>
  )
}
