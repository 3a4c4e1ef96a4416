// `npm run build:worker`: bundles server/worker.ts into dist-worker/worker.js, the file
// wrangler.jsonc deploys as is (no_bundle) and the workerd test runs.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const outfile = path.resolve(root, process.env.WORKER_OUT ?? 'dist-worker/worker.js')

const result = await build({
  entryPoints: [path.join(root, 'server/worker.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  minify: true,
  // Node's built-ins come from the runtime (compatibility flag nodejs_compat); only the disk-based
  // file source imports them, and the worker never calls it.
  external: ['node:*'],
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  metafile: true,
  logLevel: 'warning',
})
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
console.log(`${path.relative(root, outfile)}: ${(bytes / 1024).toFixed(0)} KB`)
