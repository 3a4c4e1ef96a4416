/**
 * A sliding-window limiter: at most `limit` starts in any `windowMs`. The API throttles at about
 * 15 requests per second; staying at 10 leaves room for other tabs and clients of the same key.
 */
export interface RateLimiter {
  /** Resolves when a request may start; rejects with the signal's reason if aborted while waiting. */
  acquire(signal?: AbortSignal): Promise<void>
}

export interface RateLimiterOptions {
  limit: number
  windowMs: number
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

export function createRateLimiter({ limit, windowMs, now = Date.now, sleep = abortableSleep }: RateLimiterOptions): RateLimiter {
  const starts: number[] = []
  // Waiters are served in arrival order so a burst cannot starve an earlier request.
  let queue: Promise<void> = Promise.resolve()

  async function waitTurn(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted()
      const t = now()
      while (starts.length > 0 && t - (starts[0] as number) >= windowMs) starts.shift()
      if (starts.length < limit) {
        starts.push(t)
        return
      }
      await sleep(windowMs - (t - (starts[0] as number)), signal)
    }
  }

  return {
    acquire(signal) {
      const turn = queue.then(() => waitTurn(signal))
      queue = turn.catch(() => {})
      return turn
    },
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, Math.max(0, ms))
    function onAbort() {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
