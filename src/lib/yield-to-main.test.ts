import { describe, expect, it } from 'vitest'
import { yieldToMain, type YieldEnvironment } from './yield-to-main.ts'

/** Resolves once `depth` chained microtasks have run: all of them belong to the current task. */
function microtaskChain(depth: number, log: string[]): Promise<void> {
  return depth === 0 ? Promise.resolve().then(() => void log.push('microtasks done')) : Promise.resolve().then(() => microtaskChain(depth - 1, log))
}

describe('yieldToMain', () => {
  it('resolves in a later task: after every microtask the current task queued', async () => {
    const log: string[] = []
    const yielded = yieldToMain().then(() => log.push('yielded'))
    void microtaskChain(200, log)
    await yielded
    expect(log).toEqual(['microtasks done', 'yielded'])
  })

  it('uses a MessageChannel message when there is no scheduler.yield, not a timer', async () => {
    const log: string[] = []
    const env: YieldEnvironment = {
      MessageChannel,
      setTimeout: () => {
        throw new Error('a timer was used')
      },
    }
    const yielded = yieldToMain(env).then(() => log.push('yielded'))
    void microtaskChain(50, log)
    await yielded
    expect(log).toEqual(['microtasks done', 'yielded'])
  })

  it('prefers scheduler.yield, called on the scheduler', async () => {
    const calls: unknown[] = []
    const scheduler = {
      yield(this: unknown) {
        calls.push(this)
        return new Promise<void>((resolve) => setTimeout(resolve, 0))
      },
    }
    await expect(yieldToMain({ scheduler, MessageChannel, setTimeout })).resolves.toBeUndefined()
    expect(calls).toEqual([scheduler])
  })

  it('falls back to a timer where there is neither', async () => {
    const delays: Array<number | undefined> = []
    const env: YieldEnvironment = {
      setTimeout: (callback, ms) => {
        delays.push(ms)
        return setTimeout(callback, ms)
      },
    }
    await yieldToMain(env)
    expect(delays).toEqual([0])
  })
})
