// Build-time half of "works under any base path, deep links survive a reload" (see README).
import { existsSync } from 'node:fs'
import { copyFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { normalizeBasePath } from './base-path.ts'
import { DEMO_CONFIG, STATIC_CONFIG } from './runtime-config.ts'
import { runtimeConfigTag } from './static.ts'

/**
 * Vite's `base` from `BASE_PATH` ('/' when unset). Absolute, so index.html and its 404.html copy
 * find their assets from any deep URL; set it to the sub-path the site is hosted under.
 */
export function basePathFromEnv(env: Record<string, string | undefined> = process.env): string {
  return normalizeBasePath(env.BASE_PATH)
}

/** MSW's worker script, copied from public/ by vite into every build unless removed. */
export const DEMO_WORKER_FILE = 'mockServiceWorker.js'

export interface SpaFallbackOptions {
  /** The vite mode of the backend-less demo build (`vite build --mode demo`). */
  demoMode?: string
}

/**
 * - writes 404.html, a copy of index.html, for hosts without SPA rewrites (GitHub Pages,
 *   Netlify, S3 error documents, Cloudflare Pages): a deep link loads the app, whose router
 *   reads the URL;
 * - in the demo build, writes config.json saying "demo" so the console signs in by itself;
 * - in every other build, leaves out the demo's service worker (public/mockServiceWorker.js): a
 *   console for the live API must not ship a worker that could answer its requests;
 * - writes the same runtime config into index.html (`{"mode":"static"}` outside the demo build),
 *   so the page starts without a round trip for config.json; servers rewrite the tag.
 */
export function spaFallback({ demoMode = 'demo' }: SpaFallbackOptions = {}): Plugin {
  let config: ResolvedConfig
  return {
    name: 'clarifai-console:spa-fallback',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
      if (resolved.base === './' || resolved.base === '') {
        resolved.logger.warn(
          '[spa-fallback] base is relative: deep links break on static hosts (assets resolve against the deep URL). ' +
            'Use base: basePathFromEnv() and BASE_PATH=/sub/path/ for sub-path deploys.',
        )
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tag = runtimeConfigTag(config.mode === demoMode ? DEMO_CONFIG : STATIC_CONFIG)
        return html.replace(/<\/head>/i, (end) => `  ${tag}\n  ${end}`)
      },
    },
    async writeBundle(output) {
      const outDir = output.dir ?? path.resolve(config.root, config.build.outDir)
      const indexFile = path.join(outDir, 'index.html')
      if (!existsSync(indexFile)) return
      await copyFile(indexFile, path.join(outDir, '404.html'))
      if (config.mode === demoMode && !existsSync(path.join(config.publicDir, 'config.json'))) {
        await writeFile(path.join(outDir, 'config.json'), `${JSON.stringify(DEMO_CONFIG)}\n`)
      }
      if (config.mode !== demoMode) await rm(path.join(outDir, DEMO_WORKER_FILE), { force: true })
    },
  }
}

/** Written beside index.html by routePreloads(): URL prefix -> chunk files that pages under it need first (read by static.ts). */
const ROUTE_PRELOADS_FILE = 'route-preloads.json'

/**
 * Pages whose first paint waits on a lazy chunk the entry only asks for after it has run (the
 * explorer's operations table): the build records which chunk files hold the listed modules, and
 * the server names them in `<link rel="modulepreload">` when it serves a page under that prefix,
 * so they download while the entry does.
 */
export function routePreloads(modulesByPrefix: Record<string, string[]>): Plugin {
  let config: ResolvedConfig
  return {
    name: 'clarifai-console:route-preloads',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk')
      const entryGraph = new Set<string>()
      for (const chunk of chunks.filter((c) => c.isEntry)) {
        entryGraph.add(chunk.fileName)
        for (const imported of chunk.imports) entryGraph.add(imported)
      }
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
      const preloads: Record<string, string[]> = {}
      for (const [prefix, modules] of Object.entries(modulesByPrefix)) {
        const files = new Set<string>()
        const add = (fileName: string) => {
          if (files.has(fileName) || entryGraph.has(fileName)) return
          files.add(fileName)
          for (const imported of byFile.get(fileName)?.imports ?? []) add(imported)
        }
        for (const module of modules) {
          const target = path.resolve(config.root, module)
          // A split route is in several chunks: its definition in the entry, its component in its own.
          const holders = chunks.filter((chunk) => chunk.moduleIds.some((id) => id.split('?')[0] === target))
          if (holders.length === 0) this.error(`routePreloads: no chunk holds ${module}`)
          for (const holder of holders) add(holder.fileName)
        }
        preloads[prefix] = [...files]
      }
      this.emitFile({ type: 'asset', fileName: ROUTE_PRELOADS_FILE, source: `${JSON.stringify(preloads)}\n` })
    },
  }
}
