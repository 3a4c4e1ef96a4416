// The server first-paint.ts measures against, in a process of its own so the browser driver does
// not share its event loop: the console plus Swagger UI and the raw openapi.json. The console runs
// in demo mode, or with `--proxy` in proxy mode (a real deployment), forwarding /v2 to the
// stand-in API on another port of 127.0.0.1. Prints its origin as the first line of output.
// Listens on BENCH_PORT when set, else on any free port.
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createApp } from '../server/app.ts'
import { silentLogger } from '../server/logger.ts'
import { createDemoApi } from '../src/demo/handler.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const SWAGGER_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Swagger UI</title><link rel="stylesheet" href="/swagger/swagger-ui.css"></head>
  <body><div id="swagger-ui"></div><script src="/swagger/swagger-ui-bundle.js"></script><script src="/swagger/init.js"></script></body>
</html>
`
const SWAGGER_INIT = "window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' })\n"

/** The stand-in API as a server of its own, which the console in proxy mode forwards /v2 to. */
async function startUpstream(): Promise<string> {
  const demo = createDemoApi()
  return new Promise((resolve) => serve({ fetch: (request: Request) => demo(request), port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`)))
}

const apiBase = process.argv.includes('--proxy') ? await startUpstream() : undefined
const consoleApp = createApp({ distDir: path.join(ROOT, 'dist'), apiBase, logger: silentLogger })
const swaggerDir = path.join(ROOT, 'node_modules/swagger-ui-dist')
const file = (name: string) => readFileSync(path.join(swaggerDir, name))
const spec = readFileSync(path.join(ROOT, 'src/api/openapi.json'))
const app = new Hono()
app.get('/swagger/', (c) => c.html(SWAGGER_PAGE))
app.get('/swagger/init.js', (c) => c.body(SWAGGER_INIT, 200, { 'content-type': 'text/javascript' }))
app.get('/swagger/swagger-ui.css', (c) => c.body(file('swagger-ui.css'), 200, { 'content-type': 'text/css' }))
app.get('/swagger/swagger-ui-bundle.js', (c) => c.body(file('swagger-ui-bundle.js'), 200, { 'content-type': 'text/javascript' }))
app.get('/openapi.json', (c) => c.body(spec, 200, { 'content-type': 'application/json' }))
app.all('*', (c) => consoleApp.fetch(c.req.raw))
serve({ fetch: app.fetch, port: Number(process.env.BENCH_PORT ?? 0), hostname: '127.0.0.1' }, (info: AddressInfo) => console.log(`http://127.0.0.1:${info.port}`))
