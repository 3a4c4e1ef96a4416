// @vitest-environment jsdom
// Every page survives any field missing from the API's answers, `cl_show_if_empty` ones included
// (Clarifai has dropped that option from fields before). For each page: render it once against the
// stand-in, noting every field the page reads (the parsed answers are watched through proxies)
// and every field the contract marks always sent (`required`, from cl_show_if_empty); then, one
// field at a time, render it again with that field removed from every answer and check that
// nothing threw: no uncaught error, no error view for a non-API error, no React error.
import { readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider, createMemoryHistory } from '@tanstack/react-router'
import { createAppQueryClient } from '@/api/query-client.ts'
import { clearSession, type Session } from '@/api/session.ts'
import { getWorld } from '@/demo/data/world.ts'
import { createDemoApi } from '@/demo/handler.ts'
import { matchRoute } from '@/demo/router.ts'
import { createAppRouter } from '@/router.tsx'
import { connectRecordingClient } from '../../test/recording-client.ts'

const session: Session = { token: 'demo', userId: 'demo', baseUrl: 'http://console.test', isRemembered: false, isDemo: true }
type Path = readonly string[]

interface SchemaLike {
  $ref?: string
  allOf?: SchemaLike[]
  items?: SchemaLike
  properties?: Record<string, SchemaLike>
  additionalProperties?: SchemaLike | boolean
  required?: string[]
}

// Read as a file: only src/api/ may import the contract.
const spec = JSON.parse(readFileSync('src/api/openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: SchemaLike }> }> }>>
  components: { schemas: Record<string, SchemaLike> }
}
const responseSchemas = new Map<string, SchemaLike | undefined>()
for (const item of Object.values(spec.paths)) {
  for (const op of Object.values(item)) {
    if (op.operationId) responseSchemas.set(op.operationId, op.responses?.['200']?.content?.['application/json']?.schema)
  }
}

function resolve(schema: SchemaLike | undefined): SchemaLike | undefined {
  let s = schema
  for (let i = 0; s?.$ref && i < 20; i++) s = spec.components.schemas[s.$ref.replace('#/components/schemas/', '')]
  if (s?.allOf) return s.allOf.map(resolve).reduce<SchemaLike>((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b?.properties }, required: [...(a.required ?? []), ...(b?.required ?? [])] }), {})
  return s
}

/** Fields the contract says are always sent (`required`: cl_show_if_empty) that this answer has. */
function collectRequired(value: unknown, schema: SchemaLike | undefined, prefix: string[], out: Map<string, Path>): void {
  const s = resolve(schema)
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) collectRequired(item, s?.items, [...prefix, '[]'], out)
    return
  }
  if (typeof value !== 'object' || value === null) return
  for (const key of s?.required ?? []) {
    if (prefix.length === 0 && key === 'status') continue
    if (Object.hasOwn(value, key)) out.set([...prefix, key].join('.'), [...prefix, key])
  }
  for (const [key, child] of Object.entries(value)) {
    const extra = typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined
    collectRequired(child, s?.properties?.[key] ?? extra, [...prefix, key], out)
  }
}

/** Wraps a parsed answer so that every field a component reads is noted (arrays as `[]`). */
function watchReads(root: unknown, reads: Map<string, Path>): unknown {
  const proxies = new WeakMap<object, unknown>()
  const note = (path: string[]) => {
    if (!(path.length === 1 && path[0] === 'status')) reads.set(path.join('.'), path)
  }
  const wrap = (value: unknown, path: string[]): unknown => {
    if (typeof value !== 'object' || value === null) return value
    const known = proxies.get(value)
    if (known) return known
    const isArray = Array.isArray(value)
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        const child: unknown = Reflect.get(target, key, receiver)
        if (typeof key !== 'string') return child
        if (isArray) return /^\d+$/.test(key) ? wrap(child, [...path, '[]']) : child
        if (!Object.hasOwn(target, key)) return child
        note([...path, key])
        return wrap(child, [...path, key])
      },
      ownKeys(target) {
        if (!isArray) for (const key of Object.keys(target)) note([...path, key])
        return Reflect.ownKeys(target)
      },
    })
    proxies.set(value, proxy)
    return proxy
  }
  return wrap(root, [])
}

function strip(value: unknown, path: Path): void {
  if (path.length === 0 || typeof value !== 'object' || value === null) return
  const [head, ...rest] = path
  if (head === '[]') {
    if (Array.isArray(value)) for (const item of value) strip(item, rest)
    return
  }
  if (rest.length === 0) delete (value as Record<string, unknown>)[head!]
  else strip((value as Record<string, unknown>)[head!], rest)
}

const demo = createDemoApi({ rateLimit: false })

/** The stand-in, with `path` removed from every successful JSON answer; notes required fields. */
function handler(path: Path | undefined, required?: Map<string, Path>) {
  return async (request: Request): Promise<Response> => {
    const response = await demo(request)
    if (response.status !== 200 || (path === undefined && required === undefined)) return response
    const body: unknown = await response.json()
    if (required) {
      const match = matchRoute('GET', new URL(request.url).pathname)
      if (match.kind === 'match') collectRequired(body, responseSchemas.get(match.route.operationId), [], required)
    }
    if (path) strip(body, path)
    return new Response(JSON.stringify(body), { status: 200, headers: response.headers })
  }
}

/** Renders the page once, unaltered, and returns the fields to take away one by one. */
async function fieldsOf(url: string): Promise<{ fields: Map<string, Path>; problems: string[] }> {
  const fields = new Map<string, Path>()
  const json = Response.prototype.json
  Response.prototype.json = async function (this: Response) {
    return watchReads(await json.call(this), fields)
  }
  try {
    const { problems } = await renderPage(url, handler(undefined, fields))
    return { fields, problems }
  } finally {
    Response.prototype.json = json
  }
}

interface Outcome {
  problems: string[]
}

async function renderPage(url: string, respond: (request: Request) => Promise<Response>): Promise<Outcome> {
  const problems: string[] = []
  const sent = connectRecordingClient(session, respond)
  const queryClient = createAppQueryClient()
  const router = createAppRouter(queryClient, '/', createMemoryHistory({ initialEntries: [url] }))
  const onError = (event: ErrorEvent) => problems.push(`uncaught: ${event.message}`)
  window.addEventListener('error', onError)
  try {
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    )
    // Settled: some request went out, nothing is loading or fetching, for a few polls in a row.
    let calm = 0
    for (let i = 0; i < 600 && calm < 2; i++) {
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5))
      })
      const isSettled = sent.length > 0 && router.state.status === 'idle' && queryClient.isFetching() === 0
      calm = isSettled ? calm + 1 : 0
    }
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    if (document.body.textContent?.includes('Something went wrong')) problems.push('an error view for a non-API error')
  } finally {
    window.removeEventListener('error', onError)
    cleanup()
    queryClient.clear()
  }
  return { problems }
}

const world = getWorld()
const app = world.apps[0]!
const model = app.models.find((m) => m.versions.length > 0)!
const version = model.versions[model.versions.length - 1]!
const dataset = app.datasets.find((d) => d.versions.length > 0)!
const datasetVersion = dataset.versions[dataset.versions.length - 1]!
const task = app.tasks[0]!
const base = `/demo/${app.id}`

// Lists ask for a few rows: every row reads the same fields, and fewer rows render faster.
const FEW = 'per_page=4'

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['user', `/demo?${FEW}`],
  ['app', base],
  ['models', `${base}/models?${FEW}`],
  ['model', `${base}/models/${model.id}`],
  ['model version', `${base}/models/${model.id}/versions/${version.id}`],
  ['datasets', `${base}/datasets?${FEW}`],
  ['dataset', `${base}/datasets/${dataset.id}`],
  ['dataset version', `${base}/datasets/${dataset.id}/versions/${datasetVersion.id}`],
  ['tasks', `${base}/tasks?${FEW}`],
  ['task', `${base}/tasks/${task.id}`],
  ['leaderboard', `${base}/evaluations?${FEW}`],
]

let consoleErrors: string[] = []
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void consoleErrors.push(args.map(String).join(' ').slice(0, 300)))
  // The router warns about links without ids (expected here, and slow to print hundreds of times).
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterAll(() => vi.restoreAllMocks())
afterEach(() => clearSession())

describe('every page survives any field missing', () => {
  it.each(PAGES)('%s page (%s)', { timeout: 120_000 }, async (_, url) => {
    const t0 = performance.now()
    consoleErrors = []
    const { fields: seen, problems: baseline } = await fieldsOf(url)
    expect(baseline).toEqual([])
    expect(seen.size).toBeGreaterThan(0)
    const t1 = performance.now()
    const failures: string[] = []
    for (const [name, path] of seen) {
      consoleErrors = []
      const { problems } = await renderPage(url, handler(path))
      const errors = consoleErrors.filter((line) => !line.includes('act('))
      if (problems.length > 0 || errors.length > 0) failures.push(`without ${name}: ${[...problems, ...errors].join('; ')}`)
    }
    console.info(`${url}: ${seen.size} fields, first render ${(t1 - t0).toFixed(0)} ms, all ${(performance.now() - t0).toFixed(0)} ms`)
    expect(failures).toEqual([])
  })
})
