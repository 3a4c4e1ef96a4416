// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest'

// session.ts keeps the current session in module state: load a fresh copy per test.
async function freshSession() {
  vi.resetModules()
  return import('./session.ts')
}

const base = { token: 'tok-123', userId: 'me', baseUrl: location.origin, isDemo: false }

describe('session storage', () => {
  beforeEach(() => {
    sessionStorage.clear()
    localStorage.clear()
  })

  it('keeps the token in sessionStorage unless remembered', async () => {
    const { setSession } = await freshSession()
    setSession({ ...base, isRemembered: false })
    expect(sessionStorage.getItem('clarifai-console.session')).toContain('tok-123')
    expect(localStorage.length).toBe(0)
  })

  it('moves it to localStorage when remembered, and back', async () => {
    const { setSession } = await freshSession()
    setSession({ ...base, isRemembered: true })
    expect(localStorage.getItem('clarifai-console.session')).toContain('tok-123')
    expect(sessionStorage.length).toBe(0)
    setSession({ ...base, isRemembered: false })
    expect(localStorage.length).toBe(0)
  })

  it('never stores the demo session', async () => {
    const { setSession, getSession } = await freshSession()
    setSession({ ...base, token: 'demo', isDemo: true, isRemembered: false })
    expect(sessionStorage.length + localStorage.length).toBe(0)
    expect(getSession()?.token).toBe('demo')
  })

  it('restores a stored session after a reload, remembered or not', async () => {
    ;(await freshSession()).setSession({ ...base, isRemembered: true })
    expect((await freshSession()).getSession()).toEqual({ ...base, isRemembered: true })
    localStorage.clear()
    ;(await freshSession()).setSession({ ...base, isRemembered: false })
    expect((await freshSession()).getSession()).toEqual({ ...base, isRemembered: false })
  })

  it('does not follow a base URL stored by an older version: the API is the page origin', async () => {
    sessionStorage.setItem('clarifai-console.session', JSON.stringify({ token: 'tok-123', userId: 'me', baseUrl: 'https://elsewhere.example' }))
    expect((await freshSession()).getSession()).toEqual({ ...base, baseUrl: location.origin, isRemembered: false })
  })

  it('ignores corrupt entries and clears both stores', async () => {
    sessionStorage.setItem('clarifai-console.session', '{not json')
    localStorage.setItem('clarifai-console.session', JSON.stringify({ token: '' }))
    const { getSession, setSession, clearSession, subscribeSession } = await freshSession()
    expect(getSession()).toBeNull()
    setSession({ ...base, isRemembered: true })
    let calls = 0
    subscribeSession(() => calls++)
    clearSession()
    expect(getSession()).toBeNull()
    expect(sessionStorage.length + localStorage.length).toBe(0)
    expect(calls).toBe(1)
  })
})
