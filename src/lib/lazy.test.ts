import { describe, expect, it } from 'vitest'
import { lazy } from './lazy.ts'

describe('lazy', () => {
  it('makes the value on first read only, and keeps it', () => {
    let made = 0
    const value = lazy(() => ({ made: ++made }))
    expect(made).toBe(0)
    const first = value()
    expect(value()).toBe(first)
    expect(made).toBe(1)
  })

  it('keeps a made undefined or null instead of making it again', () => {
    let made = 0
    const nothing = lazy(() => {
      made++
      return undefined
    })
    nothing()
    nothing()
    expect(made).toBe(1)
  })
})
