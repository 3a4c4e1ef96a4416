// Which Chromium the browser tests and benches drive: CHROMIUM_PATH when set, else Playwright's
// own build when installed (`npx playwright install chromium`), else a Chromium-based browser the
// system already has (Debian's chromium, Google Chrome, Microsoft Edge).
import { existsSync } from 'node:fs'
import path from 'node:path'

export interface FoundChromium {
  path: string
  source: 'CHROMIUM_PATH' | 'playwright' | 'system'
}

export interface ChromiumLookup {
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  /** Where Playwright's own Chromium is (or would be) installed. */
  playwrightPath: () => string | undefined
  exists: (file: string) => boolean
}

export function systemCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => !!root)
    return [
      ...roots.map((root) => path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      // Every Windows 10/11 has Edge, which is Chromium.
      ...roots.map((root) => path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    ]
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium']
}

/**
 * The browser to use, or an error line saying what to do. An explicit CHROMIUM_PATH that points
 * at nothing is an error, not a reason to pick another browser.
 */
export function findChromium(lookup: ChromiumLookup): FoundChromium | { error: string } {
  const explicit = lookup.env.CHROMIUM_PATH
  if (explicit) {
    return lookup.exists(explicit) ? { path: explicit, source: 'CHROMIUM_PATH' } : { error: `CHROMIUM_PATH=${explicit} does not exist: point it at a Chromium-based browser or unset it.` }
  }
  let own: string | undefined
  try {
    own = lookup.playwrightPath()
  } catch {
    own = undefined
  }
  if (own && lookup.exists(own)) return { path: own, source: 'playwright' }
  const system = systemCandidates(lookup.platform, lookup.env).find((candidate) => lookup.exists(candidate))
  if (system) return { path: system, source: 'system' }
  return { error: NO_BROWSER }
}

export const NO_BROWSER =
  'No Chromium for the browser tests: run `npx playwright install chromium`, or install Google Chrome or Chromium, or set CHROMIUM_PATH to one.'

/** The real lookup for this machine. */
export async function findChromiumHere(): Promise<FoundChromium | { error: string }> {
  const { chromium } = await import('@playwright/test')
  return findChromium({ env: process.env, platform: process.platform, playwrightPath: () => chromium.executablePath(), exists: existsSync })
}
