// The hosts the README's deploy sections describe, run for real on 127.0.0.1: Debian's nginx with
// the config files from deploy/nginx/, the built worker in workerd, and a stand-in for
// api.clarifai.com that records what reaches it.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** `npm run build` for a base path, into `outDir`. */
export async function buildConsole(outDir: string, basePath: string): Promise<void> {
  const args = [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']
  await promisify(execFile)(process.execPath, args, { cwd: ROOT, env: { ...process.env, BASE_PATH: basePath } })
}

/** `npm run build:worker`, into `outFile`. */
export async function buildWorker(outFile: string): Promise<void> {
  const args = [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'deploy/cloudflare/build-worker.ts')]
  await promisify(execFile)(process.execPath, args, { cwd: ROOT, env: { ...process.env, WORKER_OUT: outFile } })
}

export interface SeenRequest {
  method: string
  pathAndQuery: string
  headers: Record<string, string>
}

export interface FakeUpstream {
  origin: string
  seen: SeenRequest[]
  close(): Promise<void>
}

/** The stand-in API behind a recorder (fake-upstream.ts), in a child process. */
export async function startFakeUpstream(): Promise<FakeUpstream> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'e2e/support/fake-upstream.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const seen: SeenRequest[] = []
  let buffered = ''
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake upstream exited with ${code}`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      let newline
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffered.slice(0, newline)) as { seen?: SeenRequest; listening?: string }
        buffered = buffered.slice(newline + 1)
        if (message.seen) seen.push(message.seen)
        if (message.listening) resolve(message.listening)
      }
    })
  })
  return { origin, seen, close: stopper(child) }
}

export interface RunningHost {
  origin: string
  stop(): Promise<void>
}

async function waitUntilAnswering(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output()}`)
    try {
      await fetch(origin, { signal: AbortSignal.timeout(1_000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  child.kill('SIGKILL')
  throw new Error(`no answer on ${origin} within 15 s:\n${output()}`)
}

function run(command: string, args: string[], cwd: string): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return { child, output: () => output }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
}

/**
 * `npm start` in proxy mode, forwarding /v2 to `apiOrigin`, serving the build already in dist/
 * (the suite's own server has built it): the Node deployment the README describes.
 */
export async function startProxyServer(options: { apiOrigin: string }): Promise<RunningHost> {
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CLARIFAI_API_BASE: options.apiOrigin, SKIP_BUILD: '1', BASE_PATH: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const origin = `http://127.0.0.1:${port}`
  await waitUntilAnswering(origin, child, () => output)
  return { origin, stop: stopper(child) }
}

/** NGINX_PATH, else Debian's /usr/sbin/nginx (often not on a user's PATH), else whatever PATH has. */
export function nginxBinary(): string {
  return process.env.NGINX_PATH ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx')
}

/** The nginx installation's own mime.types, next to its default nginx.conf. */
async function nginxMimeTypes(binary: string): Promise<string> {
  let stderr: string
  try {
    ;({ stderr } = await promisify(execFile)(binary, ['-V']))
  } catch {
    throw new Error(`nginx not found (${binary}): apt-get install nginx, brew install nginx, or set NGINX_PATH`)
  }
  const confPath = /--conf-path=(\S+)/.exec(stderr)?.[1] ?? '/etc/nginx/nginx.conf'
  return path.join(path.dirname(confPath), 'mime.types')
}

/**
 * Runs nginx in the foreground with everything (pid, logs, temp files) under `dir`, serving a file
 * from deploy/nginx/ changed only on its lines marked EDIT: port, folder and API address.
 */
export async function startNginx(options: { dir: string; siteFile: string; root: string; apiOrigin: string }): Promise<RunningHost> {
  const binary = nginxBinary()
  const port = await freePort()
  const original = readFileSync(path.join(ROOT, 'deploy/nginx', options.siteFile), 'utf8')
  const edits: Array<[RegExp, string]> = [
    [/^(\s*)listen 80;(\s*# EDIT)/m, `$1listen 127.0.0.1:${port};$2`],
    [/^(\s*)root \/var\/www\/[\w-]+;(\s*# EDIT)/m, `$1root ${options.root};$2`],
    [/^(\s*)proxy_pass https:\/\/api\.clarifai\.com;(\s*# EDIT)/m, `$1proxy_pass ${options.apiOrigin};$2`],
  ]
  let site = original
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(site)) throw new Error(`${options.siteFile} no longer has the line ${pattern}: update the test with the file`)
    site = site.replace(pattern, replacement)
  }

  mkdirSync(options.dir, { recursive: true })
  writeFileSync(path.join(options.dir, 'site.conf'), site)
  const temp = (name: string) => path.join(options.dir, name)
  writeFileSync(
    path.join(options.dir, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${temp('nginx.pid')};`,
      'error_log stderr warn;',
      'events { worker_connections 256; }',
      'http {',
      `  include ${await nginxMimeTypes(binary)};`,
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${temp(`${kind}_temp`)};`),
      `  include ${temp('site.conf')};`,
      '}',
      '',
    ].join('\n'),
  )
  const { child, output } = run(binary, ['-p', options.dir, '-c', temp('nginx.conf'), '-e', 'stderr', '-g', 'daemon off;'], options.dir)
  const origin = `http://127.0.0.1:${port}`
  await waitUntilAnswering(origin, child, output)
  return { origin, stop: stopper(child) }
}

interface WranglerConfig {
  main: string
  compatibility_date: string
  compatibility_flags?: string[]
  assets: { directory: string; binding: string }
  vars?: Record<string, string>
}

export function readWranglerConfig(): WranglerConfig {
  return JSON.parse(readFileSync(path.join(ROOT, 'deploy/cloudflare/wrangler.json'), 'utf8')) as WranglerConfig
}

/**
 * Runs the built worker in workerd the way deploy/cloudflare/wrangler.json deploys it: its
 * compatibility date and flags, its vars (the API address and base path changed for the test),
 * and the build's folder as the assets binding.
 */
export async function startWorkerd(options: { dir: string; workerFile: string; assetsDir: string; vars: Record<string, string> }): Promise<RunningHost> {
  const wrangler = readWranglerConfig()
  const port = await freePort()
  mkdirSync(options.dir, { recursive: true })
  writeFileSync(path.join(options.dir, 'worker.js'), readFileSync(options.workerFile))
  const vars = { ...wrangler.vars, ...options.vars }
  const bindings = [
    `(name = ${JSON.stringify(wrangler.assets.binding)}, service = "assets")`,
    ...Object.entries(vars).map(([name, value]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)})`),
  ]
  writeFileSync(
    path.join(options.dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "assets", disk = (path = ${JSON.stringify(options.assetsDir)}, writable = false)),
    # The test's upstream is on 127.0.0.1, which workerd's default outbound refuses.
    (name = "outbound", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = ${JSON.stringify(wrangler.compatibility_date)},
  compatibilityFlags = [${(wrangler.compatibility_flags ?? []).map((flag) => JSON.stringify(flag)).join(', ')}],
  bindings = [${bindings.join(', ')}],
  globalOutbound = "outbound",
);
`,
  )
  const { child, output } = run(path.join(ROOT, 'node_modules/.bin/workerd'), ['serve', 'config.capnp'], options.dir)
  const origin = `http://127.0.0.1:${port}`
  await waitUntilAnswering(origin, child, output)
  return { origin, stop: stopper(child) }
}
