// Evaluations are parsed and prepared off the page's thread: the answer's bytes (or a file's)
// go to a Web Worker as a Blob, and what comes back is the prepared evaluation with its typed
// arrays transferred (see lib/eval-load.ts). Where there is no Worker (Node, under tests) the same
// function runs in-process and its message makes the same structured-clone trip.
import { loadEvaluationBody, reviveEvaluationSteps, reviveFileSteps, transferablesOf, type LoadedEvaluation, type LoadedFile, type LoadMessage, type LoadSource } from '@/lib/eval-load.ts'
import { runSteps, yieldToMain, type Steps } from '@/lib/yield-to-main.ts'
import { ApiError } from './errors.ts'

export interface LoadJob {
  body: Blob
  source: LoadSource
}

export type LoadReply = { ok: true; message: LoadMessage } | { ok: false; error: string }

class PrepareError extends Error {
  override name = 'PrepareError'
}

function abortError(): DOMException {
  return new DOMException('The load was aborted.', 'AbortError')
}

/**
 * The user-timing name of the page's share of a load: reading the worker's message, then each
 * step of reviving it, each in a task of its own (one measure per task).
 */
export const ARRIVAL_MEASURE = 'evaluation arrival'

/** What the page makes of the worker's message, in steps (see `Steps`). */
export type Revive<T> = (message: LoadMessage) => Steps<T>

/**
 * Revives a message that arrived, each step in a task of its own (measured as ARRIVAL_MEASURE),
 * and settles in another: what settling runs (the query's observers, the page's render) is not
 * part of a revive step's task.
 */
async function reviveInTasks<T>(message: LoadMessage, revive: Revive<T>, signal?: AbortSignal): Promise<T> {
  const steps = revive(message)
  for (;;) {
    await yieldToMain()
    if (signal?.aborted) throw abortError()
    const start = performance.now()
    let r: IteratorResult<void, T>
    try {
      r = steps.next()
    } finally {
      performance.measure(ARRIVAL_MEASURE, { start })
    }
    if (r.done) {
      await yieldToMain()
      if (signal?.aborted) throw abortError()
      return r.value
    }
  }
}

function inWorker<T>(worker: Worker, job: LoadJob, revive: Revive<T>, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      worker.terminate()
      return reject(abortError())
    }
    const onAbort = () => {
      worker.terminate()
      reject(abortError())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    const done = () => {
      signal?.removeEventListener('abort', onAbort)
      worker.terminate()
    }
    worker.onmessage = (event: MessageEvent<LoadReply>) => {
      done()
      // The message is deserialized on first read: from here on is the page's share, in tasks of
      // their own (reading, each step of reviving, and settling, which renders the page), so
      // none of them holds the page for long.
      const start = performance.now()
      const reply = event.data
      performance.measure(ARRIVAL_MEASURE, { start })
      if (!reply.ok) return reject(new PrepareError(reply.error))
      reviveInTasks(reply.message, revive, signal).then(resolve, reject)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      done()
      reject(new PrepareError(event.message || 'the preparing worker failed'))
    }
    worker.postMessage(job)
  })
}

async function inProcess<T>(job: LoadJob, revive: Revive<T>, signal?: AbortSignal): Promise<T> {
  const bytes = await job.body.arrayBuffer()
  if (signal?.aborted) throw abortError()
  let message: LoadMessage
  try {
    message = loadEvaluationBody(bytes, job.source)
  } catch (error) {
    throw new PrepareError(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
  }
  // The same trip as from a worker: whatever cannot be cloned fails here too.
  return runSteps(revive(structuredClone(message, { transfer: transferablesOf(message) })))
}

/** A worker for one load, started early (while the answer downloads) so its start-up costs no time. */
export interface Loader {
  /** Runs the preparing function on a body and `revive` on its message as soon as it arrives; once. */
  prepare<T>(job: LoadJob, revive: Revive<T>, signal?: AbortSignal): Promise<T>
  /** Ends the worker if `prepare` never ran. */
  close(): void
}

/** A Web Worker when there is one, else the same function in-process. */
export function startLoader(): Loader {
  if (typeof Worker === 'undefined') return { prepare: (job, revive, signal) => inProcess(job, revive, signal), close: () => {} }
  const worker = new Worker(new URL('./evaluation.worker.ts', import.meta.url), { type: 'module', name: 'evaluation-loader' })
  return { prepare: (job, revive, signal) => inWorker(worker, job, revive, signal), close: () => worker.terminate() }
}

export function prepareOffThread<T>(job: LoadJob, revive: Revive<T>, signal?: AbortSignal): Promise<T> {
  return startLoader().prepare(job, revive, signal)
}

/**
 * A GetEvaluation answer's body, prepared: a non-10000 status or an unreadable body becomes the
 * ApiError the transport would have made, so pages see one error type.
 */
export async function loadEvaluationAnswer(body: Blob, context: { method: string; path: string }, signal?: AbortSignal, loader: Loader = startLoader()): Promise<LoadedEvaluation> {
  let message: LoadMessage | LoadedEvaluation
  try {
    message = await loader.prepare({ body, source: 'api' }, (m) => answerSteps(m, body), signal)
  } catch (error) {
    if (signal?.aborted) throw new ApiError({ kind: 'aborted', ...context })
    throw new ApiError({ kind: 'malformed', httpStatus: 200, ...context, description: `The evaluation could not be prepared: ${error instanceof Error ? error.message : String(error)}` })
  }
  if (!('kind' in message)) return message
  if (message.kind === 'answer-error') throw new ApiError({ httpStatus: 200, ...message.problem, ...context })
  throw new ApiError({ kind: 'malformed', httpStatus: 200, ...context })
}

function* answerSteps(m: LoadMessage, body: Blob): Steps<LoadMessage | LoadedEvaluation> {
  if (m.kind !== 'evaluation') return m
  return { ...(yield* reviveEvaluationSteps(m.evaluation)), raw: body }
}

/** An evaluation file (or a MatrixUint64) read and prepared off the page's thread. */
export async function loadEvaluationFile(file: Blob): Promise<LoadedFile> {
  try {
    const loaded = await prepareOffThread({ body: file, source: 'file' }, reviveFileSteps)
    return loaded.kind === 'evaluation' ? { kind: 'evaluation', evaluation: { ...loaded.evaluation, raw: file } } : loaded
  } catch (error) {
    return { kind: 'error', message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` }
  }
}
