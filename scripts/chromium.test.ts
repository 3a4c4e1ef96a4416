import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findChromium, NO_BROWSER, systemCandidates } from './chromium.ts'

const PLAYWRIGHT_OWN = '/home/u/.cache/ms-playwright/chromium-1234/chrome-linux/chrome'

function lookup(files: string[], env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux') {
  return { env, platform, playwrightPath: () => PLAYWRIGHT_OWN, exists: (file: string) => files.includes(file) }
}

describe('findChromium', () => {
  it("prefers Playwright's own Chromium over the system's", () => {
    expect(findChromium(lookup([PLAYWRIGHT_OWN, '/usr/bin/chromium']))).toEqual({ path: PLAYWRIGHT_OWN, source: 'playwright' })
  })

  it('uses the system browser when Playwright has none', () => {
    expect(findChromium(lookup(['/usr/bin/chromium']))).toEqual({ path: '/usr/bin/chromium', source: 'system' })
    expect(findChromium(lookup(['/usr/bin/google-chrome']))).toEqual({ path: '/usr/bin/google-chrome', source: 'system' })
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(findChromium(lookup([mac], {}, 'darwin'))).toEqual({ path: mac, source: 'system' })
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
    expect(findChromium(lookup([edge], { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, 'win32'))).toEqual({ path: edge, source: 'system' })
  })

  it('honours CHROMIUM_PATH, and says so when it points at nothing', () => {
    expect(findChromium(lookup(['/opt/c', PLAYWRIGHT_OWN], { CHROMIUM_PATH: '/opt/c' }))).toEqual({ path: '/opt/c', source: 'CHROMIUM_PATH' })
    expect(findChromium(lookup([PLAYWRIGHT_OWN], { CHROMIUM_PATH: '/nope' }))).toEqual({
      error: 'CHROMIUM_PATH=/nope does not exist: point it at a Chromium-based browser or unset it.',
    })
  })

  it('says how to get a browser when there is none', () => {
    expect(findChromium(lookup([]))).toEqual({ error: NO_BROWSER })
    expect(findChromium({ ...lookup([]), playwrightPath: () => { throw new Error('no registry') } })).toEqual({ error: NO_BROWSER })
  })

  it('knows where Windows keeps Chrome and Edge', () => {
    const candidates = systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' })
    expect(candidates).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')
    expect(candidates).toContain('C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe')
    expect(candidates).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe')
  })
})

describe('before the browser tests', () => {
  const script = path.join(import.meta.dirname, 'ensure-chromium.ts')
  const tsx = path.join(import.meta.dirname, '../node_modules/tsx/dist/cli.mjs')

  it('stops within seconds with one line when there is no browser', () => {
    const started = Date.now()
    const run = spawnSync(process.execPath, [tsx, script], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', E2E_BROWSER_INSTALL: '0' },
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toEqual(['CHROMIUM_PATH=/nonexistent/chromium does not exist: point it at a Chromium-based browser or unset it.'])
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('names the browser it found', () => {
    const run = spawnSync(process.execPath, [tsx, script], { env: { ...process.env, CHROMIUM_PATH: process.execPath }, encoding: 'utf8', timeout: 20_000 })
    expect(run.status).toBe(0)
    expect(run.stdout.trim()).toBe(`Browser tests use ${process.execPath} (CHROMIUM_PATH)`)
  })
})
