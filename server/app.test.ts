import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp, CONTENT_SECURITY_POLICY } from './app.ts'
import type { AppOptions } from './app.ts'
import { silentLogger } from './logger.ts'
import { precompressDir } from './precompress.ts'
import { runtimeConfigTag } from './static.ts'
import { ATTEMPT_TIMEOUT_MARGIN_MS, attemptTimeoutFor, parseRuntimeConfig } from '../src/api/runtime-config.ts'
import { captureLogger, INDEX_HTML, listen, makeDist } from './test-helpers.ts'

const RELATIVE_INDEX_HTML = INDEX_HTML.replaceAll('"/assets/', '"./assets/')

let dist: ReturnType<typeof makeDist>
beforeEach(() => {
  dist = makeDist()
})
afterEach(() => dist.cleanup())

function demoApp(options: Partial<AppOptions> = {}) {
  const seen: Request[] = []
  const app = createApp({
    distDir: dist.dir,
    logger: silentLogger,
    demoApi: async (request) => {
      seen.push(request)
      return Response.json({ status: { code: 10000, description: 'Ok' }, path: new URL(request.url).pathname }, { status: 200 })
    },
    ...options,
  })
  return { app, seen }
}

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('referrer-policy')).toBe('no-referrer')
}

describe('health and runtime config', () => {
  it('answers /healthz with 200', async () => {
    const response = await demoApp().app.request('/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true, mode: 'demo' })
    expectSecurityHeaders(response)
  })

  it('serves config.json for demo mode', async () => {
    const response = await demoApp().app.request('/config.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ mode: 'demo', demoToken: 'demo', demoUserId: 'demo' })
  })

  it('serves config.json for proxy mode', async () => {
    const app = createApp({ distDir: dist.dir, apiBase: 'http://127.0.0.1:9', logger: silentLogger })
    expect(await (await app.request('/config.json')).json()).toEqual({ mode: 'proxy', upstreamTimeoutMs: 6_000, upstreamIdleTimeoutMs: 6_000 })
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true, mode: 'proxy' })
  })
})

describe('console files', () => {
  it.each(['/', '/index.html', '/demo/app1/models/x', '/clarifai/main/models?page=2', '/connect'])(
    'answers %s with index.html, revalidated every time',
    async (url) => {
      const response = await demoApp().app.request(url)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(await response.text()).toBe(INDEX_HTML)
      expectSecurityHeaders(response)
    },
  )

  it('serves hashed assets as immutable with their type', async () => {
    const response = await demoApp().app.request('/assets/index-abc123.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await response.text()).toBe('console.log("app")\n')
    expectSecurityHeaders(response)
    const css = await demoApp().app.request('/assets/index-def456.css')
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('revalidates other public files', async () => {
    const response = await demoApp().app.request('/favicon.svg')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/svg+xml')
    expect(response.headers.get('cache-control')).toBe('no-cache')
  })

  it('answers a missing hashed asset with 404, not with the page', async () => {
    const response = await demoApp().app.request('/assets/index-old999.js')
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).not.toContain('html')
  })

  it('answers 304 to a matching If-None-Match', async () => {
    const { app } = demoApp()
    const first = await app.request('/assets/index-abc123.js')
    const etag = first.headers.get('etag')!
    expect(etag).toBeTruthy()
    const second = await app.request('/assets/index-abc123.js', { headers: { 'if-none-match': etag } })
    expect(second.status).toBe(304)
    const page = await app.request('/some/page')
    const again = await app.request('/other/page', { headers: { 'if-none-match': page.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('answers HEAD without a body', async () => {
    const response = await demoApp().app.request('/assets/index-abc123.js', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe('19')
    expect(await response.text()).toBe('')
  })

  it('never serves files outside dist', async () => {
    for (const url of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await demoApp().app.request(url)
      expect(await response.text()).not.toContain('top secret')
    }
    expect((await demoApp().app.request('/%E0%A4%A')).status).toBe(400)
  })

  it('says the console is not built when dist has no index.html, and still answers the API', async () => {
    const { app } = demoApp({ distDir: `${dist.dir}/nowhere` })
    const page = await app.request('/demo/app1')
    expect(page.status).toBe(503)
    expect(await page.text()).toContain('npm run build')
    expect((await app.request('/v2/users/me')).status).toBe(200)
  })
})

describe('relative builds and base paths', () => {
  it('adds <base href="/"> to a relative build so deep links find ./assets', async () => {
    dist.cleanup()
    dist = makeDist(RELATIVE_INDEX_HTML)
    const html = await (await demoApp().app.request('/demo/app1/models/x')).text()
    expect(html).toContain('<head>\n    <base href="/">')
    expect(html.replace('\n    <base href="/">', '')).toBe(RELATIVE_INDEX_HTML)
  })

  it('leaves an absolute build untouched', async () => {
    const html = await (await demoApp().app.request('/deep/link')).text()
    expect(html).not.toContain('<base')
  })

  it('mounts the console, config and API under a base path', async () => {
    dist.cleanup()
    dist = makeDist(RELATIVE_INDEX_HTML)
    const { app, seen } = demoApp({ basePath: '/console/' })
    const page = await app.request('/console/demo/app1/models')
    expect(await page.text()).toContain('<base href="/console/">')
    expect((await app.request('/console/assets/index-abc123.js')).status).toBe(200)
    expect((await app.request('/console/config.json')).status).toBe(200)
    const root = await app.request('/')
    expect(root.status).toBe(302)
    expect(root.headers.get('location')).toBe('/console/')
    expect((await app.request('/console')).headers.get('location')).toBe('/console/')
    expect((await app.request('/elsewhere')).status).toBe(404)

    const api = await app.request('/console/v2/users/me?x=1', { method: 'POST', body: '{"a":1}' })
    expect(await api.json()).toMatchObject({ path: '/v2/users/me' })
    expect(new URL(seen[0]!.url).search).toBe('?x=1')
    expect(await seen[0]!.text()).toBe('{"a":1}')
    await app.request('/v2/users/me')
    expect(new URL(seen[1]!.url).pathname).toBe('/v2/users/me')
  })
})

describe('demo API', () => {
  it('hands /v2 requests, unknown ones included, to the stand-in with their fault header', async () => {
    const { app, seen } = demoApp()
    const response = await app.request('/v2/no/such/thing?q=1', { headers: { 'x-demo-faults': 'slow', authorization: 'Key demo' } })
    expect(response.status).toBe(200)
    expectSecurityHeaders(response)
    expect(seen[0]!.headers.get('x-demo-faults')).toBe('slow')
    expect(new URL(seen[0]!.url).pathname + new URL(seen[0]!.url).search).toBe('/v2/no/such/thing?q=1')
  })

  it('uses the real stand-in by default and logs no headers', async () => {
    const logger = captureLogger()
    const app = createApp({ distDir: dist.dir, logger })
    const response = await app.request('/v2/users/me', { headers: { authorization: 'Key sekrit-token' } })
    const body = (await response.json()) as { status: { code: number } }
    expect(typeof body.status.code).toBe('number')
    expectSecurityHeaders(response)
    expect(logger.lines.join('\n')).toContain('/v2/users/me')
    expect(logger.lines.join('\n')).not.toContain('sekrit')
  })

  it('turns a crashing handler into a 500 status envelope', async () => {
    const logger = captureLogger()
    const app = createApp({
      distDir: dist.dir,
      logger,
      demoApi: async () => {
        throw new Error('boom')
      },
    })
    const response = await app.request('/v2/users/me')
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ status: { code: 98004 } })
    expectSecurityHeaders(response)
  })

  it('works over a real socket', async () => {
    const { app } = demoApp()
    const server = await listen(app)
    try {
      const health = await fetch(`${server.url}/healthz`)
      expect(health.status).toBe(200)
      const api = await fetch(`${server.url}/v2/users/me`, { method: 'POST', body: 'x' })
      expect(await api.json()).toMatchObject({ path: '/v2/users/me' })
      const page = await fetch(`${server.url}/demo/app1/models`)
      expect(page.headers.get('cache-control')).toBe('no-cache')
      expect(await page.text()).toBe(INDEX_HTML)
      const asset = await fetch(`${server.url}/assets/index-abc123.js`)
      expect(await asset.text()).toBe('console.log("app")\n')
    } finally {
      await server.close()
    }
  })
})

describe('compression', () => {
  it('gzips large API answers for clients that accept it', async () => {
    const app = createApp({ distDir: dist.dir, logger: silentLogger })
    const response = await app.request('/v2/users/demo/apps?per_page=100', {
      headers: { Authorization: 'Key demo', 'Accept-Encoding': 'gzip' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('gzip')
    const text = await new Response(response.body?.pipeThrough(new DecompressionStream('gzip'))).text()
    expect(JSON.parse(text).apps.length).toBeGreaterThan(5)
  })
})

describe('precompressed files', () => {
  function addVariants() {
    writeFileSync(path.join(dist.dir, 'assets', 'index-abc123.js.br'), 'BROTLI')
    writeFileSync(path.join(dist.dir, 'assets', 'index-abc123.js.gz'), 'GZIP-BYTES')
  }

  it.each([
    ['br, gzip', 'br', 'BROTLI'],
    ['gzip, deflate, br;q=0', 'gzip', 'GZIP-BYTES'],
    ['gzip;q=0.5, br;q=0.9', 'br', 'BROTLI'],
    ['*', 'br', 'BROTLI'],
    ['*, br;q=0', 'gzip', 'GZIP-BYTES'],
    ['identity', null, 'console.log("app")\n'],
    ['', null, 'console.log("app")\n'],
  ])('answers Accept-Encoding %j with %s', async (accept, encoding, body) => {
    addVariants()
    const response = await demoApp().app.request('/assets/index-abc123.js', { headers: accept ? { 'accept-encoding': accept } : {} })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe(encoding)
    expect(response.headers.get('vary')).toBe('accept-encoding')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)))
    expect(await response.text()).toBe(body)
  })

  it('gives each coding its own validator', async () => {
    addVariants()
    const { app } = demoApp()
    const br = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'br' } })
    const plain = await app.request('/assets/index-abc123.js')
    expect(br.headers.get('etag')).not.toBe(plain.headers.get('etag'))
    const again = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('serves the plain file when the build wrote no variant, and never compresses it itself', async () => {
    const big = 'x'.repeat(100_000)
    writeFileSync(path.join(dist.dir, 'assets', 'big-1.js'), big)
    const response = await demoApp().app.request('/assets/big-1.js', { headers: { 'accept-encoding': 'gzip, br' } })
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(await response.text()).toBe(big)
  })

  it('does not offer variants of files that are compressed already', async () => {
    writeFileSync(path.join(dist.dir, 'assets', 'photo-1.png'), 'PNG')
    writeFileSync(path.join(dist.dir, 'assets', 'photo-1.png.gz'), 'NOPE')
    const response = await demoApp().app.request('/assets/photo-1.png', { headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(response.headers.get('vary')).toBeNull()
    expect(await response.text()).toBe('PNG')
  })

  it('sends the precompressed bytes over a real socket', async () => {
    writeFileSync(path.join(dist.dir, 'assets', 'real-1.js'), 'console.log("real")\n'.repeat(100))
    await precompressDir(dist.dir)
    const server = await listen(demoApp().app)
    try {
      const response = await fetch(`${server.url}/assets/real-1.js`, { headers: { 'accept-encoding': 'br' } })
      expect(response.headers.get('content-encoding')).toBe('br')
      // fetch decodes it: the bytes on disk were valid brotli of the same file.
      expect(await response.text()).toBe('console.log("real")\n'.repeat(100))
    } finally {
      await server.close()
    }
  })
})

describe('runtime config in the page', () => {
  const TAGGED = INDEX_HTML.replace('</head>', `  ${runtimeConfigTag({ mode: 'static' })}\n  </head>`)

  it.each([
    ['demo', {}, { mode: 'demo', demoToken: 'demo', demoUserId: 'demo' }],
    ['proxy', { apiBase: 'http://127.0.0.1:9' }, { mode: 'proxy', upstreamTimeoutMs: 6_000, upstreamIdleTimeoutMs: 6_000 }],
  ] as const)('rewrites the build tag to say %s', async (_mode, options, expected) => {
    dist.cleanup()
    dist = makeDist(TAGGED)
    const html = await (await demoApp(options).app.request('/some/deep/link')).text()
    const content = /<meta name="clarifai-console-config" content="([^"]*)">/.exec(html)![1]!
    expect(JSON.parse(content.replaceAll('&quot;', '"'))).toEqual(expected)
    expect(html.replace(/content="[^"]*">/, '')).toBe(TAGGED.replace(/content="[^"]*">/, ''))
  })

  it("tells the page the server's upstream timeouts, from which the client derives its own", async () => {
    dist.cleanup()
    dist = makeDist(TAGGED)
    const app = createApp({ distDir: dist.dir, apiBase: 'http://127.0.0.1:9', upstreamTimeoutMs: 30_000, logger: silentLogger })
    const html = await (await app.request('/explore')).text()
    const content = /<meta name="clarifai-console-config" content="([^"]*)">/.exec(html)![1]!
    const config = parseRuntimeConfig(JSON.parse(content.replaceAll('&quot;', '"')))
    expect(config).toEqual({ mode: 'proxy', upstreamTimeoutMs: 30_000, upstreamIdleTimeoutMs: 6_000 })
    expect(attemptTimeoutFor(config)).toBe(30_000 + ATTEMPT_TIMEOUT_MARGIN_MS)
    expect(await (await app.request('/config.json')).json()).toEqual(config)
  })

  it('escapes what it writes into the attribute', () => {
    expect(runtimeConfigTag({ a: '"><script>&' })).toBe(
      '<meta name="clarifai-console-config" content="{&quot;a&quot;:&quot;\\&quot;&gt;&lt;script&gt;&amp;&quot;}">',
    )
  })
})

describe('route preloads', () => {
  it('names the chunks a page needs first only on pages under their prefix', async () => {
    writeFileSync(path.join(dist.dir, 'route-preloads.json'), JSON.stringify({ explore: ['assets/operations-1.js', 'assets/explore-2.js'] }))
    const { app } = demoApp()
    for (const url of ['/explore', '/explore/ListModels?x=1']) {
      const html = await (await app.request(url)).text()
      expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/operations-1.js">')
      expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/explore-2.js">')
    }
    for (const url of ['/', '/demo/app1/models', '/explorer']) {
      expect(await (await app.request(url)).text()).toBe(INDEX_HTML)
    }
  })

  it('does not name a chunk twice when index.html already preloads it', async () => {
    dist.cleanup()
    dist = makeDist(INDEX_HTML.replace('</head>', '<link rel="modulepreload" crossorigin href="/assets/app-0.js"></head>'))
    writeFileSync(path.join(dist.dir, 'route-preloads.json'), JSON.stringify({ explore: ['assets/app-0.js', 'assets/explore-2.js'] }))
    const html = await (await demoApp().app.request('/explore')).text()
    expect(html.match(/href="\/assets\/app-0\.js"/g)).toHaveLength(1)
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/explore-2.js">')
  })

  it('prefixes the build base under a sub-path, and ignores a broken list', async () => {
    dist.cleanup()
    dist = makeDist(INDEX_HTML.replaceAll('"/assets/', '"/console/assets/'))
    writeFileSync(path.join(dist.dir, 'route-preloads.json'), JSON.stringify({ explore: ['assets/operations-1.js'] }))
    const html = await (await demoApp({ basePath: '/console/' }).app.request('/console/explore')).text()
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/console/assets/operations-1.js">')

    writeFileSync(path.join(dist.dir, 'route-preloads.json'), '{not json')
    const plain = await (await demoApp({ basePath: '/console/' }).app.request('/console/explore')).text()
    expect(plain).not.toContain('modulepreload')
  })
})

describe('prerendered explorer', () => {
  const PAGE = '<div data-testid="app-shell"><a href="/explore/ListModels" data-operation="ListModels">ListModels</a></div>'
  beforeEach(() => {
    mkdirSync(path.join(dist.dir, 'prerendered'), { recursive: true })
    writeFileSync(path.join(dist.dir, 'prerendered', 'explore.html'), PAGE)
  })

  it('sends /explore with the build-time page inside #root, inert until the app replaces it', async () => {
    const html = await (await demoApp().app.request('/explore')).text()
    expect(html).toBe(INDEX_HTML.replace('<div id="root"></div>', `<div id="root"><div inert>${PAGE}</div></div>`))
  })

  it('in proxy mode too: rendered for a visitor who has not connected, it is the same for everyone', async () => {
    const proxy = createApp({ distDir: dist.dir, apiBase: 'http://127.0.0.1:9', logger: silentLogger })
    const html = await (await proxy.request('/explore')).text()
    expect(html).toContain(`<div id="root"><div inert>${PAGE}</div></div>`)
    expect(html, 'with the proxy\'s config, not the demo\'s').not.toContain('demoToken')
  })

  it('only on the unfiltered explorer', async () => {
    for (const app of [demoApp().app, createApp({ distDir: dist.dir, apiBase: 'http://127.0.0.1:9', logger: silentLogger })]) {
      for (const url of ['/explore?q=models', '/explore/ListModels', '/', '/demo/app1/models']) {
        expect(await (await app.request(url)).text(), url).not.toContain('data-operation')
      }
    }
  })

  it('serves the page as built when the build has no prerendered explorer', async () => {
    dist.cleanup()
    dist = makeDist()
    expect(await (await demoApp().app.request('/explore')).text()).toBe(INDEX_HTML)
  })
})
