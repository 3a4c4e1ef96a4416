// Streams an API answer's body to the browser while watching it: a body that stops sending for
// too long is cut, a body that breaks is reported once, a browser that leaves is noticed. Every
// outcome reaches `onEnd` exactly once, so each request gets exactly one log line.

export type BodyOutcome =
  | { kind: 'complete' }
  | { kind: 'client_closed' }
  | { kind: 'idle_timeout' }
  | { kind: 'total_timeout' }
  | { kind: 'body_error'; reason: string }

export interface BodyGuardOptions {
  /** Longest wait for the next chunk; unset: no limit. */
  idleTimeoutMs?: number
  /** Longest time for the whole body, against an upstream that drips forever; unset: no limit. */
  totalTimeoutMs?: number
  /**
   * Ends the browser's connection without a clean end, so it sees a network error rather than a
   * short body. Unset (no socket, e.g. in tests): the returned stream errors instead.
   */
  cut?: () => void
  /** Whether the browser has gone: a body that breaks after that was cancelled, not broken. */
  isClientGone?: () => boolean
  onEnd: (outcome: BodyOutcome) => void
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? error.cause.message : undefined
    return cause ?? error.message
  }
  return String(error)
}

export function guardBody(body: ReadableStream<Uint8Array>, options: BodyGuardOptions): ReadableStream<Uint8Array> {
  const reader = body.getReader()
  let isFinished = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = options.totalTimeoutMs === undefined ? undefined : Date.now() + options.totalTimeoutMs

  const finish = (outcome: BodyOutcome): void => {
    if (isFinished) return
    isFinished = true
    clearTimeout(timer)
    options.onEnd(outcome)
  }

  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, outcome: BodyOutcome): Promise<void> => {
    finish(outcome)
    reader.cancel().catch(() => {})
    if (options.cut) {
      options.cut()
      // The connection is gone; the stream waits for the server to cancel it.
      return new Promise<void>(() => {})
    }
    controller.error(new Error(`upstream body ended early (${outcome.kind})`))
    return Promise.resolve()
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (isFinished) return new Promise<void>(() => {})
      let isIdle = false
      let isLate = false
      const untilDeadline = deadline === undefined ? Infinity : deadline - Date.now()
      const wait = Math.min(options.idleTimeoutMs ?? Infinity, untilDeadline)
      if (wait !== Infinity) {
        timer = setTimeout(
          () => {
            if (wait === untilDeadline) isLate = true
            else isIdle = true
            reader.cancel().catch(() => {})
          },
          Math.max(0, wait),
        )
      }
      let part: ReadableStreamReadResult<Uint8Array>
      try {
        part = await reader.read()
      } catch (error) {
        if (isFinished) return
        if (isIdle) return fail(controller, { kind: 'idle_timeout' })
        if (isLate) return fail(controller, { kind: 'total_timeout' })
        if (options.isClientGone?.()) {
          finish({ kind: 'client_closed' })
          return
        }
        return fail(controller, { kind: 'body_error', reason: reasonOf(error) })
      } finally {
        clearTimeout(timer)
      }
      if (isFinished) return
      if (isIdle) return fail(controller, { kind: 'idle_timeout' })
      if (isLate) return fail(controller, { kind: 'total_timeout' })
      if (part.done) {
        finish({ kind: 'complete' })
        controller.close()
        return
      }
      controller.enqueue(part.value)
    },
    cancel() {
      finish({ kind: 'client_closed' })
      return reader.cancel().catch(() => {})
    },
  })
}
