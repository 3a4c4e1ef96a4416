// `npm start`: build the console when needed, then serve it and /v2/* on one port.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import {
  createApp,
  DEFAULT_UPSTREAM_BODY_TIMEOUT_MS,
  DEFAULT_UPSTREAM_IDLE_TIMEOUT_MS,
  DEFAULT_UPSTREAM_TIMEOUT_MS,
} from './app.ts'
import { basePathname, normalizeBasePath } from './base-path.ts'
import { checkBuild, runViteBuild } from './build.ts'
import { consoleLogger as logger } from './logger.ts'

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const env = process.env

function positiveInt(name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    logger.error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`)
    process.exit(1)
  }
  return value
}

const port = env.PORT === '0' ? 0 : positiveInt('PORT', 8080)
const host = env.HOST || '127.0.0.1'
const apiBase = env.CLARIFAI_API_BASE || undefined
const basePath = basePathname(normalizeBasePath(env.BASE_PATH))
const distDir = path.resolve(rootDir, env.DIST_DIR || 'dist')

if (apiBase !== undefined) {
  try {
    const url = new URL(apiBase)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)')
  } catch {
    logger.error(`CLARIFAI_API_BASE must be an http(s) URL, got ${JSON.stringify(apiBase)}`)
    process.exit(1)
  }
}

if (env.SKIP_BUILD !== '1') {
  const check = await checkBuild(rootDir, distDir, basePath)
  if (check.isStale) {
    logger.info(`Building the console (${check.reason})...`)
    try {
      await runViteBuild(rootDir, distDir)
    } catch (error) {
      // Keep serving the API (the Vite dev server proxies /v2 here); pages say the build is missing.
      logger.error(`Build failed, serving the API only: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

const app = createApp({
  distDir,
  apiBase,
  faults: env.DEMO_FAULTS || undefined,
  upstreamTimeoutMs: positiveInt('UPSTREAM_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS),
  upstreamIdleTimeoutMs: positiveInt('UPSTREAM_IDLE_TIMEOUT_MS', DEFAULT_UPSTREAM_IDLE_TIMEOUT_MS),
  upstreamBodyTimeoutMs: positiveInt('UPSTREAM_BODY_TIMEOUT_MS', DEFAULT_UPSTREAM_BODY_TIMEOUT_MS),
  basePath,
  logger,
})

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address
  const target = apiBase ? `proxying /v2/* to ${apiBase}` : 'demo API on /v2/*'
  logger.info(`Clarifai console on http://${shownHost}:${info.port}${basePath} (${target})`)
})

server.on('error', (error: NodeJS.ErrnoException) => {
  logger.error(error.code === 'EADDRINUSE' ? `Port ${port} on ${host} is in use: set PORT to another port` : error.message)
  process.exit(1)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    // Keep-alive connections can hold close() open; do not hang on them.
    setTimeout(() => process.exit(0), 2_000).unref()
  })
}
