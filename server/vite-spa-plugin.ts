// Build-time half of "works under any base path, deep links survive a reload" (see README).
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ConfigEnv, Plugin, ResolvedConfig, UserConfig } from 'vite'
import { normalizeBasePath } from './base-path.ts'
import { DEMO_CONFIG, STATIC_CONFIG } from './runtime-config.ts'
import { PRERENDERED_EXPLORER_DOCUMENT, PRERENDERED_EXPLORER_FILE, runtimeConfigTag, withModulePreloads, withPrerendered } from './static.ts'

/** The browser build (`vite build`), not the server-side one prerenderExplorer() runs. */
export function isClientBuild(_config: UserConfig, env: ConfigEnv): boolean {
  return env.command === 'build' && !env.isSsrBuild
}

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
    apply: isClientBuild,
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

/** The files a page loads before anything else: the entry chunks and what they import statically. */
function entryFiles(chunks: ReadonlyArray<{ isEntry: boolean; fileName: string; imports: string[] }>): Set<string> {
  return new Set(chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => [chunk.fileName, ...chunk.imports]))
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
    apply: isClientBuild,
    configResolved(resolved) {
      config = resolved
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk')
      const entryGraph = entryFiles(chunks)
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

export interface PrerenderExplorerOptions {
  /** A module exporting `renderExplorerPage(basepath): Promise<string>` (src/prerender.tsx). */
  entry: string
  /** The vite mode of the backend-less demo build, which no server serves and which skips this. */
  demoMode?: string
}

/**
 * The explorer's page (`/explore`) rendered to HTML at build time, as the app renders it for a
 * visitor who has not connected: the explorer is public and its operations are known when the
 * console is built, so the HTML is the same for every visitor in every mode. Written twice:
 * - `prerendered/explore.html`, the page alone, which the Node server and the worker put inside
 *   `#root` of the index.html they rewrite (static.ts);
 * - `explore.html`, the whole document (index.html with the explorer's module preloads and the
 *   page inside `#root`) for static hosts, whose configs in deploy/ send it for `/explore`.
 * The list is on screen before the scripts have loaded; main.tsx then renders the live app in its
 * place. The app is built once more for Node (vite's SSR build, into node_modules/.cache),
 * imported, and run; any `<script>` it emits is dropped (the CSP allows no inline scripts, and the
 * live app restores scrolling itself).
 */
export function prerenderExplorer({ entry, demoMode = 'demo' }: PrerenderExplorerOptions): Plugin {
  let config: ResolvedConfig
  return {
    name: 'clarifai-console:prerender-explorer',
    apply: isClientBuild,
    configResolved(resolved) {
      config = resolved
    },
    writeBundle: {
      sequential: true,
      async handler(output) {
        if (config.mode === demoMode) return
        const outDir = output.dir ?? path.resolve(config.root, config.build.outDir)
        const started = Date.now()
        // Its own folder per build (two builds may run at once), inside the project so the bundle's
        // imports of react and the rest resolve from node_modules.
        const ssrDir = path.join(config.root, 'node_modules/.cache/clarifai-console-prerender', `${process.pid}-${Date.now()}`)
        try {
          const { build } = await import('vite')
          await build({
            root: config.root,
            configFile: config.configFile,
            mode: config.mode,
            base: config.base,
            logLevel: 'warn',
            build: {
              ssr: entry,
              outDir: ssrDir,
              emptyOutDir: true,
              copyPublicDir: false,
              minify: false,
              rolldownOptions: { output: { codeSplitting: false, entryFileNames: 'prerender-[hash].js' } },
            },
          })
          const file = (await readdir(ssrDir)).find((name) => name.startsWith('prerender-') && name.endsWith('.js'))
          if (!file) this.error(`prerenderExplorer: the server build of ${entry} wrote no bundle`)
          const module = (await import(pathToFileURL(path.join(ssrDir, file)).href)) as {
            renderExplorerPage: (basepath: string) => Promise<string>
          }
          const html = (await module.renderExplorerPage(config.base)).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
          if (!html.includes('data-operation=')) this.error('prerenderExplorer: the rendered page lists no operation')
          await mkdir(path.dirname(path.join(outDir, PRERENDERED_EXPLORER_FILE)), { recursive: true })
          await writeFile(path.join(outDir, PRERENDERED_EXPLORER_FILE), html)
          await writeFile(path.join(outDir, PRERENDERED_EXPLORER_DOCUMENT), await explorerDocument(outDir, html))
          config.logger.info(`prerendered /explore (${(html.length / 1024).toFixed(0)} kB) in ${Date.now() - started} ms`)
        } finally {
          await rm(ssrDir, { recursive: true, force: true })
        }
      },
    },
  }
}

/** index.html as a static host sends it for `/explore`: the explorer's chunks preloaded, its page inside `#root`. */
async function explorerDocument(outDir: string, pageHtml: string): Promise<string> {
  let html = await readFile(path.join(outDir, 'index.html'), 'utf8')
  const preloadsFile = path.join(outDir, ROUTE_PRELOADS_FILE)
  if (existsSync(preloadsFile)) {
    const preloads = JSON.parse(await readFile(preloadsFile, 'utf8')) as Record<string, unknown>
    const files = preloads.explore
    if (Array.isArray(files)) html = withModulePreloads(html, files.filter((file): file is string => typeof file === 'string'))
  }
  return withPrerendered(html, pageHtml)
}

export interface BootChunksOptions {
  /** The page's entry module: run first, with the libraries it and the app import. */
  entry: string
  /** The app's root module, which the entry imports dynamically once its own task has ended. */
  app: string
}

/**
 * The first load as two chunks evaluated in two tasks instead of one: evaluating every module a
 * page starts with is one main-thread task per chunk graph, over 50 ms on a busy machine. The
 * entry's graph gets `vendor`: the libraries of the entry and of the app (so the app's task does
 * not evaluate them again), with the entry's own few modules. The app's own modules get `app`.
 * Both are found by following static imports from the two modules after the build has parsed
 * them; lazy routes' modules and libraries stay in their own chunks. index.html preloads the
 * app's chunk (and anything it imports besides `vendor`) so it downloads beside the entry rather
 * than after it has run.
 */
export function bootChunks({ entry, app }: BootChunksOptions): Plugin {
  let config: ResolvedConfig
  let entryId: string
  let appId: string
  const first = new Set<string>()
  const own = new Set<string>()
  const isCode = (id: string) => !/\.css($|\?)/.test(id)
  return {
    name: 'clarifai-console:boot-chunks',
    apply: isClientBuild,
    config() {
      return {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  { name: 'vendor', test: (id: string) => first.has(id), priority: 2 },
                  { name: 'app', test: (id: string) => own.has(id), priority: 1 },
                ],
              },
            },
          },
        },
      }
    },
    configResolved(resolved) {
      config = resolved
      entryId = path.resolve(resolved.root, entry)
      appId = path.resolve(resolved.root, app)
    },
    buildEnd() {
      const reach = (start: string) => {
        const seen = new Set<string>()
        const stack = [start]
        while (stack.length > 0) {
          const id = stack.pop() as string
          if (seen.has(id)) continue
          seen.add(id)
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) stack.push(imported)
        }
        return seen
      }
      const fromEntry = reach(entryId)
      if (!this.getModuleInfo(appId)) this.error(`bootChunks: ${app} is not in the build`)
      if (fromEntry.has(appId)) this.error(`bootChunks: ${entry} imports ${app} statically; it must import() it`)
      first.clear()
      own.clear()
      for (const id of fromEntry) if (id !== entryId && isCode(id)) first.add(id)
      for (const id of reach(appId)) {
        if (!isCode(id) || first.has(id)) continue
        if (/[\\/]node_modules[\\/]/.test(id)) first.add(id)
        else own.add(id)
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunks = Object.values(context.bundle ?? {}).filter((output) => output.type === 'chunk')
        const appChunk = chunks.find((chunk) => chunk.moduleIds.includes(appId))
        if (!appChunk) return
        const entryGraph = entryFiles(chunks)
        const files = [appChunk.fileName, ...appChunk.imports].filter((file) => !entryGraph.has(file))
        return files.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${config.base}${file}` }, injectTo: 'head' as const }))
      },
    },
  }
}
