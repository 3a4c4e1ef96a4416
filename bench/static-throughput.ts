// Serving the main bundle (the largest script of a first load) over real HTTP, with compression asked for (brotli, then gzip) and
// without: the server sends the build's precompressed file. The baseline is how it was served
// before, compressing the same file on every request (hono's compress middleware), measured in
// the same run. Bars: precompressed at least 4x the per-request throughput, and close to plain.
import { readFileSync, statSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { createApp } from '../server/app.ts'
import { checkBuild, runViteBuild } from '../server/build.ts'
import { silentLogger } from '../server/logger.ts'
import { nodeFiles } from '../server/node-files.ts'
import { createStaticHandler, ENCODINGS } from '../server/static.ts'
import { median, type Bench } from './harness.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DIST = path.join(ROOT, 'dist')
const CONCURRENCY = 8
const ROUND_MS = 1500
const ROUNDS = 3

export async function ensureBuilt(): Promise<void> {
  const check = await checkBuild(ROOT, DIST, '/')
  if (check.isStale) {
    console.log(`building dist/ (${check.reason})`)
    await runViteBuild(ROOT, DIST)
  }
}

async function listen(fetchHandler: (request: Request) => Response | Promise<Response>) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** Requests per second for one URL, CONCURRENCY requests in flight, bodies read and dropped. */
async function throughput(port: number, urlPath: string, acceptEncoding: string | undefined): Promise<{ rps: number; bytes: number; encoding: string }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const until = Date.now() + ROUND_MS
  let count = 0
  let bytes = 0
  let encoding = 'identity'
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path: urlPath, agent, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
        let size = 0
        encoding = String(response.headers['content-encoding'] ?? 'identity')
        response.on('data', (chunk: Buffer) => (size += chunk.length))
        response.on('end', () => {
          bytes = size
          resolve()
        })
        response.on('error', reject)
      })
      request.on('error', reject)
    })
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        await one()
        count++
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  return { rps: count / seconds, bytes, encoding }
}

export const staticThroughputBench: Bench = {
  name: 'static files: main bundle throughput',
  async run() {
    await ensureBuilt()
    // The largest script every page loads first: index.html's entry and the chunks it preloads.
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8')
    const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
    const bundle = firstLoad.sort((a, b) => statSync(path.join(DIST, b)).size - statSync(path.join(DIST, a)).size)[0]
    if (!bundle) throw new Error('no script in dist/index.html')
    const urlPath = `/${bundle}`

    const app = createApp({ distDir: DIST, logger: silentLogger })
    // Before: no precompressed files, the compress middleware gzips each answer.
    const plainFiles = nodeFiles(DIST)
    const before = new Hono()
    const serveOld = createStaticHandler({
      files: async (relative) => (ENCODINGS.some(({ suffix }) => relative.endsWith(suffix)) ? undefined : plainFiles(relative)),
      basePath: '/',
    })
    before.use('*', compress())
    before.get('*', (c) => serveOld(c.req.raw))

    const now = await listen(app.fetch)
    const old = await listen(before.fetch)
    try {
      const runs = { plain: [] as number[], precompressed: [] as number[], perRequest: [] as number[] }
      const sizes: Record<string, string> = {}
      const browserAccept = 'gzip, deflate, br, zstd'
      for (let round = 0; round < ROUNDS; round++) {
        const plain = await throughput(now.port, urlPath, undefined)
        const pre = await throughput(now.port, urlPath, browserAccept)
        const perRequest = await throughput(old.port, urlPath, browserAccept)
        runs.plain.push(plain.rps)
        runs.precompressed.push(pre.rps)
        runs.perRequest.push(perRequest.rps)
        sizes.plain = `${(plain.bytes / 1024).toFixed(0)} KB`
        sizes.precompressed = `${(pre.bytes / 1024).toFixed(0)} KB ${pre.encoding}`
        sizes.perRequest = `${(perRequest.bytes / 1024).toFixed(0)} KB ${perRequest.encoding}`
      }
      const plain = median(runs.plain)
      const pre = median(runs.precompressed)
      const perRequest = median(runs.perRequest)
      console.log(`${urlPath}, ${CONCURRENCY} requests in flight, ${ROUNDS} rounds of ${ROUND_MS} ms, medians`)
      console.log(`  uncompressed:                 ${plain.toFixed(0)} req/s (${sizes.plain})`)
      console.log(`  compressed, precompressed:    ${pre.toFixed(0)} req/s (${sizes.precompressed})`)
      console.log(`  compressed per request (old): ${perRequest.toFixed(0)} req/s (${sizes.perRequest})`)
      const speedup = pre / perRequest
      console.log(`compressed throughput: ${speedup.toFixed(1)}x of compressing per request (bar 4x) ${speedup >= 4 ? 'PASS' : 'MISS'}`)
      console.log(`compressed throughput: ${(pre / plain).toFixed(2)}x of uncompressed (info)`)
    } finally {
      await now.close()
      await old.close()
    }
  },
}
