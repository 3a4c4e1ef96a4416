import { existsSync } from 'node:fs'
import { chromium, defineConfig, devices } from '@playwright/test'
import { findChromium } from './scripts/chromium.ts'

const PORT = Number(process.env.E2E_PORT ?? 4319)

// `npm run test:e2e` first runs scripts/ensure-chromium.ts, which installs or explains when this finds nothing.
const browser = findChromium({ env: process.env, platform: process.platform, playwrightPath: () => chromium.executablePath(), exists: existsSync })

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 45_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: 'path' in browser ? browser.path : undefined,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'npm start',
    url: `http://127.0.0.1:${PORT}/healthz`,
    env: { PORT: String(PORT), HOST: '127.0.0.1' },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
  },
})
