// Runs before the browser tests (`npm run test:e2e`): finds a Chromium, or installs Playwright's
// when none is there, or stops at once with one line saying how to get one.
// E2E_BROWSER_INSTALL=0 skips the install attempt.
import { spawnSync } from 'node:child_process'
import { findChromiumHere, NO_BROWSER } from './chromium.ts'

let found = await findChromiumHere()
if ('error' in found && found.error === NO_BROWSER && process.env.E2E_BROWSER_INSTALL !== '0') {
  console.log('No Chromium found: installing Playwright\'s (npx playwright install chromium)...')
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', shell: process.platform === 'win32' })
  if (install.status === 0) found = await findChromiumHere()
}
if ('error' in found) {
  console.error(found.error)
  process.exit(1)
}
console.log(`Browser tests use ${found.path} (${found.source})`)
