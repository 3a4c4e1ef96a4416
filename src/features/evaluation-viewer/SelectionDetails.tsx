import { useMemo, useState } from 'react'
import { cellInputsAtThreshold, NONE_ID, OTHER_ID, type PreparedEvaluation } from '@/lib/eval-metrics.ts'
import { idLabel } from '@/lib/eval-view.ts'
import { InputThumbnail } from '@/features/inputs/InputThumbnail.tsx'
import { buttonClass, fmt3 } from './ui.tsx'

const PAGE = 24

/** The test inputs behind one cell of the count matrix at the threshold. */
export function SelectionDetails({ ev, actual, predicted, threshold, onClose }: { ev: PreparedEvaluation; actual: string; predicted: string; threshold: number; onClose: () => void }) {
  const [shown, setShown] = useState(PAGE)
  const inputs = useMemo(() => cellInputsAtThreshold(ev, actual, predicted, threshold), [ev, actual, predicted, threshold])
  const actualName = idLabel(ev, actual)
  const predictedName = idLabel(ev, predicted)
  const isOther = actual === OTHER_ID || predicted === OTHER_ID
  return (
    <section aria-labelledby="selection-heading" className="space-y-3 rounded-lg border border-orange-300 p-4 dark:border-orange-900" data-testid="selection-details">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="selection-heading" className="mr-auto text-lg font-semibold">
          Selection: actual <span className="font-mono">{actualName}</span>, predicted <span className="font-mono">{predictedName}</span>
        </h2>
        <button type="button" className={buttonClass} onClick={onClose}>
          Clear selection
        </button>
      </div>
      {isOther ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">“(other)” stands for the concepts folded away by top-N; raise N or clear it to see the inputs of one concept.</p>
      ) : (
        <>
          <p className="text-sm">
            <strong data-testid="selection-count">{inputs.length.toLocaleString('en')}</strong> test {inputs.length === 1 ? 'input' : 'inputs'}{' '}
            {actual === NONE_ID ? 'without ground truth' : <>labelled <span className="font-mono">{actualName}</span></>}{' '}
            {predicted === NONE_ID ? (
              <>with no concept scored at or above {threshold.toFixed(2)}</>
            ) : (
              <>
                where <span className="font-mono">{predictedName}</span> scored at or above {threshold.toFixed(2)}
              </>
            )}
            .
          </p>
          {inputs.length > 0 && (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6" aria-label="Inputs in the selected cell">
              {inputs.slice(0, shown).map((input) => (
                <li key={input.inputIndex} className="space-y-1 rounded-md border border-slate-200 p-2 text-xs dark:border-slate-800" data-testid="selection-input">
                  {input.imageUrl ? (
                    <InputRegions ev={ev} inputIndex={input.inputIndex} inputId={input.inputId} imageUrl={input.imageUrl} threshold={threshold} />
                  ) : (
                    <div className="flex aspect-square w-full items-center justify-center rounded bg-slate-100 text-slate-500 dark:bg-slate-800">no image</div>
                  )}
                  <div className="truncate font-mono" title={input.inputId}>
                    {input.inputId || `#${input.inputIndex + 1}`}
                  </div>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-2 tabular-nums">
                    {input.predictedScore !== null && (
                      <>
                        <dt className="text-slate-500">{predictedName}</dt>
                        <dd>{fmt3(input.predictedScore)}</dd>
                      </>
                    )}
                    {actual !== predicted && input.actualScore !== null && (
                      <>
                        <dt className="text-slate-500">{actualName}</dt>
                        <dd>{fmt3(input.actualScore)}</dd>
                      </>
                    )}
                    {predicted === NONE_ID && (
                      <>
                        <dt className="text-slate-500">top score</dt>
                        <dd>{fmt3(input.topScore)}</dd>
                      </>
                    )}
                  </dl>
                </li>
              ))}
            </ul>
          )}
          {inputs.length > shown && (
            <button type="button" className={buttonClass} onClick={() => setShown(shown + PAGE * 2)}>
              Show more ({(inputs.length - shown).toLocaleString('en')} left)
            </button>
          )}
        </>
      )}
    </section>
  )
}

/** A test input's picture with its ground-truth regions and the predictions at the threshold (detection). */
function InputRegions({ ev, inputIndex, inputId, imageUrl, threshold }: { ev: PreparedEvaluation; inputIndex: number; inputId: string; imageUrl: string; threshold: number }) {
  const regions = ev.regionsAt?.(inputIndex)
  const input = { id: inputId, data: { image: { url: imageUrl, image_info: regions?.size } } }
  return <InputThumbnail input={input} alt={`Input ${inputId}`} size="fill" regions={regions?.truth} predicted={regions?.predicted.filter((r) => r.score === undefined || r.score >= threshold)} />
}
