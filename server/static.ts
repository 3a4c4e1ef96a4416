import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { builtBase } from './base-path.ts'

export interface StaticOptions {
  distDir: string
  /** Where the console is mounted, '/' or '/a/b/'. */
  basePath: string
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

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

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

function etagOf(size: number, mtimeMs: number, extra = ''): string {
  return `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${extra}"`
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

async function fileStat(file: string) {
  try {
    const info = await stat(file)
    return info.isFile() ? info : undefined
  } catch {
    return undefined
  }
}

function notModified(request: Request, etag: string, headers: Headers): Response | undefined {
  const ifNoneMatch = request.headers.get('if-none-match')
  if (ifNoneMatch === null) return undefined
  const tags = ifNoneMatch.split(',').map((tag) => tag.trim())
  return tags.includes(etag) || tags.includes('*') ? new Response(null, { status: 304, headers }) : undefined
}

/** Serves dist/: real files as they are, every other path as index.html (client-side routes). */
export function createStaticHandler({ distDir, basePath }: StaticOptions) {
  const root = path.resolve(distDir)
  const indexFile = path.join(root, 'index.html')

  async function serveIndex(request: Request): Promise<Response> {
    const info = await fileStat(indexFile)
    if (!info) {
      return new Response('The console is not built yet: run `npm run build` (or `npm start`, which builds when needed).\n', {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      })
    }
    const html = withBaseHref(await readFile(indexFile, 'utf8'), basePath)
    const etag = etagOf(Buffer.byteLength(html), info.mtimeMs, `-${basePath.length}`)
    const headers = new Headers({ 'content-type': MIME['.html']!, 'cache-control': REVALIDATE, etag })
    return notModified(request, etag, headers) ?? new Response(request.method === 'HEAD' ? null : html, { headers })
  }

  return async function serveStatic(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url)
    let relative: string
    try {
      relative = decodeURIComponent(pathname.slice(basePath.length))
    } catch {
      return new Response('Bad request\n', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } })
    }
    if (relative === '' || relative.endsWith('/') || relative === 'index.html') return serveIndex(request)

    const file = path.resolve(root, relative)
    const info = !relative.includes('\0') && isInside(root, file) ? await fileStat(file) : undefined
    const isAsset = relative.startsWith('assets/')
    if (!info) {
      // A missing hashed file is a real 404 (an old tab asking for a replaced chunk), not a page.
      if (isAsset) return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
      return serveIndex(request)
    }

    const etag = etagOf(info.size, info.mtimeMs)
    const headers = new Headers({
      'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': isAsset ? IMMUTABLE : REVALIDATE,
      etag,
      'last-modified': info.mtime.toUTCString(),
    })
    const cached = notModified(request, etag, headers)
    if (cached) return cached
    headers.set('content-length', String(info.size))
    if (request.method === 'HEAD') return new Response(null, { headers })
    const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>
    return new Response(body, { headers })
  }
}
