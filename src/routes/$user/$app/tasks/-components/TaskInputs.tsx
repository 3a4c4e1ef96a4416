import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { taskQueries } from '@/api/queries/tasks.ts'
import type { QueryData } from '@/api/query-data.ts'
import { QueryPanel } from '@/components/QueryPanel.tsx'
import { StatusBadge } from '@/components/StatusBadge.tsx'
import { ErrorFacts } from '@/components/states.tsx'
import { RelativeTime } from '@/components/Time.tsx'
import { inputConcepts } from '@/lib/datasets.ts'
import { annotationConcepts, annotationRegionCount, workerRef } from '@/lib/tasks.ts'
import { InputThumbnail } from '@/features/inputs/InputThumbnail.tsx'
import { annotationShapes } from '@/lib/regions.ts'
import { WorkerLink } from './WorkerLink.tsx'

const card = 'flex w-44 flex-col gap-1 rounded-lg border border-slate-200 p-2 text-xs dark:border-slate-800'

/**
 * The caller's next assigned inputs (ListNextTaskAssignments). On the real API asking may assign
 * inputs to the caller, so nothing is requested until the user asks.
 */
export function TaskInputs({ options }: { options: ReturnType<typeof taskQueries.assignments> }) {
  const [isRequested, setIsRequested] = useState(false)
  const { data, error, isFetching } = useQuery({ ...options, enabled: isRequested })
  const inputs = data?.inputs ?? []
  return (
    <section aria-labelledby="assignments-heading" className="space-y-2">
      <h2 id="assignments-heading" className="text-lg font-semibold">
        Your next assignments
      </h2>
      {!isRequested ? (
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
          <button type="button" onClick={() => setIsRequested(true)} className="rounded-md border border-slate-300 px-3 py-1 font-medium text-slate-900 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-100 dark:hover:bg-slate-900">
            Show my next assignments
          </button>
          <span>Asking the API for them may assign inputs of this task to you.</span>
        </div>
      ) : error ? (
        <div role="alert" className="text-sm text-red-800 dark:text-red-300">
          Could not load the assignments.
          <ErrorFacts error={error} />
        </div>
      ) : !data ? (
        <p role="status" className="text-sm text-slate-500">
          {isFetching ? 'Loading assignments…' : ''}
        </p>
      ) : inputs.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing assigned to you right now (the task is closed, you are not one of its workers, or your share is done).</p>
      ) : (
        <ul className="flex flex-wrap gap-3">
          {inputs.map((input, i) => (
            <li key={input.id ?? i} className={card}>
              <InputThumbnail input={input} size="md" />
              <span className="truncate font-mono" title={input.id}>
                {input.id?.slice(0, 12) ?? '—'}
              </span>
              <span className="line-clamp-2 text-slate-600 dark:text-slate-400">{inputConcepts(input).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Labeled samples per worker (GetInputSamples): the input and the worker's annotation. */
export function TaskSamples({ options, user, app }: { options: ReturnType<typeof taskQueries.samples>; user: string; app: string }) {
  return (
    <section aria-labelledby="samples-heading" className="space-y-2">
      <h2 id="samples-heading" className="text-lg font-semibold">
        Samples
      </h2>
      <QueryPanel query={options} name="Samples">
        {(data) => <SampleList hits={data.hits ?? []} user={user} app={app} />}
      </QueryPanel>
    </section>
  )
}

type SampleHit = NonNullable<QueryData<typeof taskQueries.samples>['hits']>[number]

function SampleList({ hits, user, app }: { hits: readonly SampleHit[]; user: string; app: string }) {
  if (hits.length === 0) return <p className="text-sm text-slate-500">No labeled samples yet.</p>
  return (
    <ul aria-label={`${hits.length} samples`} className="flex flex-wrap gap-3">
      {hits.map((hit, i) => {
        const worker = workerRef(hit.annotation?.worker)
        const regions = annotationRegionCount(hit.annotation)
        return (
          <li key={hit.annotation?.id ?? `${hit.input?.id}-${i}`} className={card}>
            <InputThumbnail input={hit.input} size="md" regions={annotationShapes(hit.annotation)} />
            <span className="line-clamp-2">{annotationConcepts(hit.annotation).join(', ') || 'No concepts'}</span>
            {regions > 0 && <span className="text-slate-500">{regions === 1 ? '1 region' : `${regions} regions`}</span>}
            {worker && (
              <span className="truncate">
                by <WorkerLink user={user} app={app} worker={worker} />
              </span>
            )}
            {hit.annotation?.status && (
              <span className="max-w-full overflow-hidden">
                <StatusBadge status={hit.annotation.status} />
              </span>
            )}
            <RelativeTime value={hit.annotation?.modified_at ?? hit.annotation?.created_at} />
          </li>
        )
      })}
    </ul>
  )
}
