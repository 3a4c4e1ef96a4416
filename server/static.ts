// Serving the built console, the same way on every host that runs the Hono app: the Node server
// reads dist/ from disk (node-files.ts), the Cloudflare worker from its ASSETS binding
// (asset-files.ts). Nothing here compresses: the build wrote .br and .gz beside each file.
import { builtBase } from './base-path.ts'

/** One file of the build, as a file source finds it. */
export interface StaticFile {
  size: number
  /** Changes whenever the content does (size and mtime, or the host's own validator). */
  version: string
  lastModified?: Date
  body(): ReadableStream<Uint8Array>
  text(): Promise<string>
}

/** Looks up a path relative to the build's root ('assets/x.js'); undefined when it is not a file. */
export type FileSource = (relative: string) => Promise<StaticFile | undefined>

export interface StaticOptions {
  files: FileSource
  /** Where the console is mounted, '/' or '/a/b/'. */
  basePath: string
  /** What the server tells the page about itself, written into index.html (see withRuntimeConfig). */
  runtimeConfig?: object
  /**
   * Send the build's prerendered explorer inside `#root` of `/explore` (see withPrerendered); on
   * unless turned off. It was rendered for a visitor who has not connected, and the explorer is
   * public, so it is right for every visitor in every mode; the live app replaces it.
   */
  prerendered?: boolean
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** File types the build precompresses (build/precompress.ts); images and fonts are compressed already. */
export const COMPRESSIBLE_EXTENSIONS = ['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.txt', '.svg', '.ttf', '.wasm']

/** Precompressed variants in order of preference, with the suffix the build gives them. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

const PLAIN_TEXT = { 'content-type': 'text/plain; charset=utf-8' }

export function extensionOf(relative: string): string {
  const name = relative.slice(relative.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot).toLowerCase()
}

export function contentTypeOf(relative: string): string {
  return MIME[extensionOf(relative)] ?? 'application/octet-stream'
}

/**
 * The codings an Accept-Encoding header allows, among ours, in our order of preference (brotli is
 * smaller). `q=0` refuses a coding; `*` stands for every coding not named.
 */
export function acceptedEncodings(header: string | null): Array<(typeof ENCODINGS)[number]> {
  if (!header) return []
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.split(';')
    const name = rawName!.trim().toLowerCase()
    if (name === '') continue
    let q = 1
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim())
      if (key?.toLowerCase() === 'q') q = Number(value)
    }
    weights.set(name, Number.isFinite(q) ? q : 0)
  }
  const wildcard = weights.get('*')
  return ENCODINGS.filter(({ name }) => (weights.get(name) ?? wildcard ?? 0) > 0)
}

/**
 * With a relative build (`base: './'`), index.html says `./assets/x.js`, which a deep URL like
 * /u/app/models would resolve to /u/app/models/assets/x.js. A <base> naming the mount point
 * makes the relative URLs resolve from there; absolute builds need nothing.
 */
export function withBaseHref(indexHtml: string, basePath: string): string {
  const prefix = builtBase(indexHtml)
  if (prefix === undefined || prefix.startsWith('/') || /^https?:/i.test(prefix)) return indexHtml
  if (/<base\s/i.test(indexHtml)) return indexHtml
  const tag = `<base href="${basePath}">`
  return /<head[^>]*>/i.test(indexHtml) ? indexHtml.replace(/<head[^>]*>/i, (head) => `${head}\n    ${tag}`) : tag + indexHtml
}

/** The tag the build writes into index.html and servers rewrite: the page reads it before anything else. */
// Kept in step with src/api/runtime-config.ts, which reads it.
export const RUNTIME_CONFIG_META = 'clarifai-console-config'
const RUNTIME_CONFIG_TAG = new RegExp(`<meta name="${RUNTIME_CONFIG_META}" content="[^"]*"\\s*/?>`)

export function runtimeConfigTag(config: object): string {
  const json = JSON.stringify(config).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  return `<meta name="${RUNTIME_CONFIG_META}" content="${json}">`
}

/**
 * The build says `{"mode":"static"}` (or demo); a server that knows better says so in the same
 * tag, so the page starts without asking for config.json. A page without the tag is left alone.
 */
export function withRuntimeConfig(indexHtml: string, config: object): string {
  return indexHtml.replace(RUNTIME_CONFIG_TAG, () => runtimeConfigTag(config))
}

/** The build's list of chunks to preload per first path segment (server/vite-spa-plugin.ts routePreloads). */
const ROUTE_PRELOADS_FILE = 'route-preloads.json'

/** Names the chunks a page under this path needs first, so they download alongside the entry. */
export function withModulePreloads(indexHtml: string, files: readonly string[]): string {
  const prefix = builtBase(indexHtml) ?? '/'
  // Not twice: index.html already preloads what every page needs first (the build's `app` chunk).
  const missing = files.filter((file) => !indexHtml.includes(`href="${prefix}${file}"`))
  if (missing.length === 0) return indexHtml
  const links = missing.map((file) => `<link rel="modulepreload" crossorigin href="${prefix}${file}">`).join('\n    ')
  return indexHtml.replace(/<\/head>/i, (end) => `  ${links}\n  ${end}`)
}

/** Written by the build (server/vite-spa-plugin.ts prerenderExplorer): `/explore`'s page as HTML. */
export const PRERENDERED_EXPLORER_FILE = 'prerendered/explore.html'
/** The same, as a whole document (index.html with the page inside `#root`), for static hosts (deploy/). */
export const PRERENDERED_EXPLORER_DOCUMENT = 'explore.html'

/**
 * The page's HTML inside its empty `#root`, so it shows before the scripts have run. Inert until
 * then: nothing in it reacts yet, and nothing typed into it would survive main.tsx rendering the
 * live app in its place.
 */
export function withPrerendered(indexHtml: string, pageHtml: string): string {
  return indexHtml.replace('<div id="root"></div>', () => `<div id="root"><div inert>${pageHtml}</div></div>`)
}

/** FNV-1a: a cheap validator for the small, rewritten index.html. */
function hashText(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16)
}

function notModified(request: Request, etag: string, headers: Headers): Response | undefined {
  const ifNoneMatch = request.headers.get('if-none-match')
  if (ifNoneMatch === null) return undefined
  const tags = ifNoneMatch.split(',').map((tag) => tag.trim())
  return tags.includes(etag) || tags.includes('*') ? new Response(null, { status: 304, headers }) : undefined
}

function hasUnsafeSegment(relative: string): boolean {
  return relative.includes('\0') || relative.includes('\\') || relative.split('/').some((segment) => segment === '..')
}

/** Serves the build: real files as they are, every other path as index.html (client-side routes). */
export function createStaticHandler({ files, basePath, runtimeConfig, prerendered = true }: StaticOptions) {
  let preloads: Promise<Record<string, string[]>> | undefined
  function routePreloads(): Promise<Record<string, string[]>> {
    preloads ??= (async () => {
      try {
        const file = await files(ROUTE_PRELOADS_FILE)
        const parsed: unknown = file ? JSON.parse(await file.text()) : {}
        return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string[]>) : {}
      } catch {
        return {}
      }
    })()
    return preloads
  }

  let explorerHtml: Promise<string | undefined> | undefined
  function prerenderedExplorer(): Promise<string | undefined> {
    explorerHtml ??= files(PRERENDERED_EXPLORER_FILE).then(
      (file) => file?.text(),
      () => undefined,
    )
    return explorerHtml
  }

  async function serveIndex(request: Request, relative = ''): Promise<Response> {
    const file = await files('index.html')
    if (!file) {
      return new Response('The console is not built yet: run `npm run build` (or `npm start`, which builds when needed).\n', {
        status: 503,
        headers: { ...PLAIN_TEXT, 'cache-control': 'no-store' },
      })
    }
    let html = withBaseHref(await file.text(), basePath)
    if (runtimeConfig) html = withRuntimeConfig(html, runtimeConfig)
    const segment = relative.split('/')[0]!
    const preload = segment === '' ? undefined : (await routePreloads())[segment]
    if (Array.isArray(preload)) html = withModulePreloads(html, preload.filter((file) => typeof file === 'string'))
    // The explorer as prerendered: its full list, so not when the URL filters it (`?q=`).
    if (prerendered && relative === 'explore' && new URL(request.url).search === '') {
      const page = await prerenderedExplorer()
      if (page) html = withPrerendered(html, page)
    }
    const etag = `W/"${hashText(html)}-${file.version}"`
    const headers = new Headers({ 'content-type': MIME['.html']!, 'cache-control': REVALIDATE, etag })
    return notModified(request, etag, headers) ?? new Response(request.method === 'HEAD' ? null : html, { headers })
  }

  return async function serveStatic(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url)
    let relative: string
    try {
      relative = decodeURIComponent(pathname.slice(basePath.length))
    } catch {
      return new Response('Bad request\n', { status: 400, headers: PLAIN_TEXT })
    }
    if (relative === '' || relative.endsWith('/') || relative === 'index.html') return serveIndex(request)

    const isAsset = relative.startsWith('assets/')
    const file = hasUnsafeSegment(relative) ? undefined : await files(relative)
    if (!file) {
      // A missing hashed file is a real 404 (an old tab asking for a replaced chunk), not a page.
      if (isAsset) return new Response('Not found\n', { status: 404, headers: PLAIN_TEXT })
      return serveIndex(request, relative)
    }

    const headers = new Headers({
      'content-type': contentTypeOf(relative),
      'cache-control': isAsset ? IMMUTABLE : REVALIDATE,
    })
    let chosen = file
    let etagSuffix = ''
    if (COMPRESSIBLE_EXTENSIONS.includes(extensionOf(relative))) {
      headers.set('vary', 'accept-encoding')
      for (const encoding of acceptedEncodings(request.headers.get('accept-encoding'))) {
        const variant = await files(relative + encoding.suffix)
        if (!variant) continue
        chosen = variant
        etagSuffix = `-${encoding.name}`
        headers.set('content-encoding', encoding.name)
        break
      }
    }
    const etag = `W/"${file.version}${etagSuffix}"`
    headers.set('etag', etag)
    if (file.lastModified) headers.set('last-modified', file.lastModified.toUTCString())
    const cached = notModified(request, etag, headers)
    if (cached) return cached
    headers.set('content-length', String(chosen.size))
    if (request.method === 'HEAD') return new Response(null, { headers })
    // Workers would encode the body again unless told it already is; Node ignores the option.
    const init: ResponseInit & { encodeBody?: 'manual' } = { headers }
    if (headers.has('content-encoding')) init.encodeBody = 'manual'
    return new Response(chosen.body(), init)
  }
}
