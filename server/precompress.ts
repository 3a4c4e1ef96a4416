// Build step: a brotli and a gzip copy beside every compressible file of the build, so servers
// send compressed bytes straight from disk (or from the edge's asset store) instead of compressing
// the same bundle on every request.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin, ResolvedConfig } from 'vite'
import { COMPRESSIBLE_EXTENSIONS, ENCODINGS, extensionOf } from './static.ts'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Below this, a compressed copy saves less than a packet. */
const MIN_SIZE = 512

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (entry.isFile()) yield full
  }
}

const isVariant = (file: string) => ENCODINGS.some(({ suffix }) => file.endsWith(suffix))

/** Writes `<file>.br` and `<file>.gz` for each compressible file under `dir`; returns how many files it compressed. */
export async function precompressDir(dir: string): Promise<number> {
  const jobs: Array<Promise<void>> = []
  for await (const file of walk(dir)) {
    if (isVariant(file) || !COMPRESSIBLE_EXTENSIONS.includes(extensionOf(file))) continue
    if ((await stat(file)).size < MIN_SIZE) continue
    jobs.push(
      (async () => {
        const bytes = await readFile(file)
        const [br, gz] = await Promise.all([
          brotli(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
          gzipAsync(bytes, { level: 9 }),
        ])
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)])
      })(),
    )
  }
  await Promise.all(jobs)
  return jobs.length
}

/** The vite plugin: runs after everything else has written its files (404.html, config.json). */
export function precompress(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'clarifai-console:precompress',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(resolved) {
      config = resolved
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const outDir = path.resolve(config.root, config.build.outDir)
        const started = Date.now()
        const count = await precompressDir(outDir)
        config.logger.info(`precompressed ${count} files (.br, .gz) in ${Date.now() - started} ms`)
      },
    },
  }
}
