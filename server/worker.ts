// The console on Cloudflare Workers: the same Hono app as `npm start`, with the build's files from
// the static-assets binding and /v2/* forwarded to CLARIFAI_API_BASE (or the stand-in API when
// unset). Built by `npm run build:worker`; see deploy/cloudflare/.
import type { Hono } from 'hono'
import { createApp } from './app.ts'
import { assetFiles } from './asset-files.ts'
import type { AssetFetcher } from './asset-files.ts'
import { basePathname, normalizeBasePath } from './base-path.ts'

export interface WorkerEnv {
  ASSETS: AssetFetcher
  /** Where /v2/* goes, e.g. https://api.clarifai.com; unset: the built-in demo API. */
  CLARIFAI_API_BASE?: string
  /** The BASE_PATH the console was built with. */
  BASE_PATH?: string
  UPSTREAM_TIMEOUT_MS?: string
}

let app: Hono | undefined

export default {
  fetch(request: Request, env: WorkerEnv): Response | Promise<Response> {
    app ??= createApp({
      files: assetFiles(env.ASSETS),
      apiBase: env.CLARIFAI_API_BASE || undefined,
      basePath: basePathname(normalizeBasePath(env.BASE_PATH)),
      upstreamTimeoutMs: Number(env.UPSTREAM_TIMEOUT_MS) > 0 ? Number(env.UPSTREAM_TIMEOUT_MS) : undefined,
    })
    return app.fetch(request, env)
  },
}
