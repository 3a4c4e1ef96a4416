// Shared by the server tests: a fake dist/, a captured logger, listening on 127.0.0.1 only.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import type { Hono } from 'hono'
import type { Logger } from './logger.ts'

export const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-def456.css">
  </head>
  <body><div id="root"></div></body>
</html>
`

export function makeDist(indexHtml = INDEX_HTML): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'console-dist-'))
  // A file beside dist/ that no URL may reach.
  writeFileSync(path.join(root, 'secret.txt'), 'top secret\n')
  const dir = path.join(root, 'dist')
  mkdirSync(path.join(dir, 'assets'), { recursive: true })
  writeFileSync(path.join(dir, 'index.html'), indexHtml)
  writeFileSync(path.join(dir, '404.html'), indexHtml)
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app")\n')
  writeFileSync(path.join(dir, 'assets', 'index-def456.css'), 'body{margin:0}\n')
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n')
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) }
}

export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  }
}

export async function listen(app: Hono): Promise<{ url: string; close: () => Promise<void> }> {
  let server: ServerType | undefined
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
        server!.close(() => resolve())
      }),
  }
}
