/** What `yieldToMain` needs from its environment (the browser's global, or a test's stand-in). */
export interface YieldEnvironment {
  scheduler?: { yield?: () => Promise<unknown> }
  MessageChannel?: typeof MessageChannel
  setTimeout: (callback: () => void, ms?: number) => unknown
}

/**
 * Resolves in a later task, so that long work split by it lets the browser paint and answer input
 * in between (each piece is its own task, measured on its own). `scheduler.yield()` keeps the
 * work's place ahead of other tasks where the browser has it; a MessageChannel message otherwise
 * (no 4 ms clamp, unlike nested timers); a timer where neither exists.
 */
export function yieldToMain(env: YieldEnvironment = globalThis as unknown as YieldEnvironment): Promise<void> {
  const schedulerYield = env.scheduler?.yield
  if (typeof schedulerYield === 'function') return schedulerYield.call(env.scheduler).then(() => undefined)
  if (typeof env.MessageChannel === 'function') {
    const channel = new env.MessageChannel()
    return new Promise((resolve) => {
      channel.port1.onmessage = () => {
        channel.port1.close()
        resolve()
      }
      channel.port2.postMessage(undefined)
    })
  }
  return new Promise((resolve) => void env.setTimeout(resolve, 0))
}

/**
 * Work done in steps (a generator that yields between them), so a caller on the page's thread
 * can let the page run between steps, each a task of its own (yieldToMain); `runSteps` does them
 * all at once.
 */
export type Steps<T> = Generator<void, T, void>

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}
