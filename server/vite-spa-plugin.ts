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
