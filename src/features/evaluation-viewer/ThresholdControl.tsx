import { useEffect, useId, useRef, useState } from 'react'
import { inputClass } from './ui.tsx'

/** After the last arrow key, how long before the URL is written (a release, not every step). */
const KEY_COMMIT_MS = 300

/**
 * The one threshold of the page. Moving the slider updates everything live; the URL is written
 * when the slider is released (replacing the history entry), not on every step: on pointer up
 * and blur at once, and a moment after the last key, so stepping with the arrows keeps to the
 * frame budget.
 */
export function ThresholdControl({ value, onInput, onCommit }: { value: number; onInput: (t: number) => void; onCommit: (t: number) => void }) {
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const keyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(keyTimer.current), [])
  const commitNow = (t: number) => {
    clearTimeout(keyTimer.current)
    keyTimer.current = undefined
    onCommit(t)
  }
  const commitSoon = (t: number) => {
    clearTimeout(keyTimer.current)
    keyTimer.current = setTimeout(() => {
      keyTimer.current = undefined
      onCommit(t)
    }, KEY_COMMIT_MS)
  }
  const commitDraft = () => {
    if (draft === null) return
    const t = Number(draft)
    setDraft(null)
    if (draft.trim() !== '' && Number.isFinite(t) && t >= 0 && t <= 1) {
      onInput(t)
      onCommit(t)
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <label htmlFor={id} className="text-sm font-medium">
        Threshold
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={value}
        data-testid="threshold-slider"
        className="w-64 accent-blue-600"
        onChange={(e) => onInput(Number(e.target.value))}
        onPointerUp={(e) => commitNow(Number(e.currentTarget.value))}
        onKeyUp={(e) => commitSoon(Number(e.currentTarget.value))}
        onBlur={(e) => commitNow(Number(e.currentTarget.value))}
      />
      <input
        type="number"
        min={0}
        max={1}
        step={0.01}
        aria-label="Threshold value"
        className={`${inputClass} w-20 tabular-nums`}
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commitDraft}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitDraft()
        }}
      />
      <span className="text-xs text-slate-500">A concept counts as predicted when its score is at or above the threshold.</span>
    </div>
  )
}
