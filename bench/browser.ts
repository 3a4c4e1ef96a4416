// The Chromium the benches drive: the same one the browser tests find (scripts/chromium.ts).
import { chromium, type Browser } from '@playwright/test'
import { findChromiumHere } from '../scripts/chromium.ts'

export async function launchChromium(): Promise<Browser> {
  const found = await findChromiumHere()
  if ('error' in found) throw new Error(found.error)
  return chromium.launch({
    executablePath: found.path,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}
