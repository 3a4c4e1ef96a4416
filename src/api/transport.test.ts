import { describe, expect, it, vi } from 'vitest'
import { createApiClient } from './client.ts'
import { ApiError } from './errors.ts'
import { createRateLimiter } from './rate-limiter.ts'
import { BODY_AS_BLOB, createTransport, type Fetch } from './transport.ts'

const URL_ = 'http://api.test/v2/users/me/apps?page=1'

function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init })
}

/** Answers in turn from a script, recording every request it saw. */
function scripted(...answers: Array<Response | Error | (() => Promise<Response>)>) {
  const seen: Request[] = []
  const fetch: Fetch = async (request) => {
    seen.push(request)
    const next = answers.shift()
    if (next === undefined) throw new Error('no more answers')
    if (next instanceof Error) throw next
    if (typeof next === 'function') return next()
    return next
  }
  return { fetch, seen }
}

const noWait = { sleep: async () => {}, limiter: null, random: () => 0.5 }

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    return error as ApiError
  }
  throw new Error('expected a failure')
}

describe('transport', () => {
  it('hands an answer asked for as a Blob over unparsed, in order across many chunks, and keeps its marker header home', async () => {
    const parts = Array.from({ length: 300 }, (_, k) => `"${String(k).padStart(8000, 'x')}",`)
    const text = `{"status": {"code": 10000}, "list": [${parts.join('')}0]}`
    const bytes = new TextEncoder().encode(text)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 4096) controller.enqueue(bytes.slice(at, at + 4096))
        controller.close()
      },
    })
    const { fetch, seen } = scripted(new Response(stream, { status: 200 }))
    const transport = createTransport({ fetch, ...noWait })
    const response = await transport(new Request(URL_, { headers: { [BODY_AS_BLOB]: '1' } }))
    expect(seen[0]!.headers.has(BODY_AS_BLOB)).toBe(false)
    expect(await (await response.blob()).text()).toBe(text)
  })

  it('reads a large answer already queued up over several tasks, a megabyte at a time, not in one', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // 4 MB all queued before the reading starts: every read could resolve in the same task.
        for (let k = 0; k < 64; k++) controller.enqueue(chunk)
        controller.close()
      },
    })
    const { fetch } = scripted(new Response(stream, { status: 200 }))
    const transport = createTransport({ fetch, ...noWait })
    const tasks: string[] = []
    const reading = transport(new Request(URL_, { headers: { [BODY_AS_BLOB]: '1' } })).then(async (response) => {
      tasks.push('read')
      return (await response.blob()).size
    })
    // A task queued while the reading runs gets its turn before the reading ends.
    const other = new Promise<void>((resolve) =>
      setTimeout(() => {
        tasks.push('other task')
        resolve()
      }, 0),
    )
    expect(await reading).toBe(64 * chunk.length)
    await other
    expect(tasks).toEqual(['other task', 'read'])
  })

  it('still reads a failed answer asked for as a Blob into its ApiError', async () => {
    const { fetch } = scripted(json({ status: { code: 21200, description: 'Model does not exist' } }, { status: 404 }))
    const error = await failure(createTransport({ fetch, ...noWait })(new Request(URL_, { headers: { [BODY_AS_BLOB]: '1' } })))
    expect([error.httpStatus, error.code, error.description]).toEqual([404, 21200, 'Model does not exist'])
  })

  it('parses each answer once, also when openapi-fetch reads it', async () => {
    const body = { status: { code: 10000, description: 'Ok' }, apps: [{ id: 'a', name: 'Café ☕ 𝄞' }] }
    const variants: Array<Record<string, string>> = [{ 'content-type': 'application/json' }, { 'content-type': 'application/json', 'content-encoding': 'gzip' }]
    for (const headers of variants) {
      const { fetch } = scripted(new Response(JSON.stringify(body), { headers }))
      const { client } = createApiClient({ fetch, ...noWait, session: () => null })
      const parse = vi.spyOn(JSON, 'parse')
      try {
        const { data, response } = await client.GET('/v2/users/{user_app_id.user_id}/apps', { params: { path: { 'user_app_id.user_id': 'me' } } })
        expect(data).toEqual(body)
        expect(parse).toHaveBeenCalledTimes(1)
        expect(response.headers.get('content-encoding')).toBeNull()
        expect(response.headers.get('content-length')).toBe(String(new TextEncoder().encode(JSON.stringify(body)).byteLength))
      } finally {
        parse.mockRestore()
      }
    }
  })

  it('passes a 10000 answer through with its body intact', async () => {
    const body = { status: { code: 10000, description: 'Ok' }, apps: [{ id: 'a' }] }
    const { fetch } = scripted(json(body))
    const response = await createTransport({ fetch, ...noWait })(new Request(URL_))
    expect(await response.json()).toEqual(body)
  })

  it('turns an HTTP error with a Clarifai body into ApiError with every field', async () => {
    const { fetch } = scripted(
      json({ status: { code: 11101, description: 'Resource does not exist', details: 'app x', req_id: 'r-1' } }, { status: 404 }),
    )
    const error = await failure(createTransport({ fetch, ...noWait })(new Request(URL_)))
    expect(error).toMatchObject({
      kind: 'http',
      httpStatus: 404,
      code: 11101,
      codeName: 'CONN_DOES_NOT_EXIST',
      description: 'Resource does not exist',
      details: 'app x',
      reqId: 'r-1',
      method: 'GET',
      path: '/v2/users/me/apps',
    })
    expect(error.isNotFound).toBe(true)
  })

  it('turns an HTTP error without a body into ApiError', async () => {
    const { fetch } = scripted(new Response('', { status: 403 }))
    const error = await failure(createTransport({ fetch, ...noWait })(new Request(URL_)))
    expect(error).toMatchObject({ kind: 'http', httpStatus: 403, code: undefined })
    expect(error.description).toContain('403')
  })

  it('rejects a 200 whose status.code is not 10000', async () => {
    const { fetch } = scripted(json({ status: { code: 10020, description: 'Failure' } }))
    const error = await failure(createTransport({ fetch, ...noWait })(new Request(URL_)))
    expect(error).toMatchObject({ kind: 'status', httpStatus: 200, code: 10020, codeName: 'FAILURE' })
  })

  it('rejects malformed JSON and an empty 200', async () => {
    const transport = createTransport({ fetch: scripted(new Response('{"status":', { status: 200 }), new Response('')).fetch, ...noWait })
    expect(await failure(transport(new Request(URL_)))).toMatchObject({ kind: 'malformed', httpStatus: 200 })
    expect(await failure(transport(new Request(URL_)))).toMatchObject({ kind: 'malformed' })
  })

  it('retries network errors on reads, then reports them', async () => {
    const { fetch, seen } = scripted(new TypeError('down'), new TypeError('down'), new TypeError('down'), new TypeError('down'))
    const error = await failure(createTransport({ fetch, maxRetries: 3, ...noWait })(new Request(URL_)))
    expect(error.kind).toBe('network')
    expect(seen).toHaveLength(4)
  })

  it('recovers when a retry succeeds, honouring Retry-After for 429', async () => {
    const waits: number[] = []
    const { fetch, seen } = scripted(
      json({ status: { code: 11005, description: 'Throttled' } }, { status: 429, headers: { 'retry-after': '2' } }),
      json({ status: { code: 98004, description: 'Internal' } }, { status: 503 }),
      json({ status: { code: 10000 } }),
    )
    const transport = createTransport({ fetch, limiter: null, random: () => 1, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) })
    await transport(new Request(URL_))
    expect(seen).toHaveLength(3)
    expect(waits).toEqual([2000, 200])
  })

  it('does not retry client errors, or a POST after a 5xx', async () => {
    const get = scripted(json({ status: { code: 10020 } }, { status: 400 }), json({ status: { code: 10000 } }))
    await failure(createTransport({ fetch: get.fetch, ...noWait })(new Request(URL_)))
    expect(get.seen).toHaveLength(1)
    const post = scripted(json({ status: { code: 98004 } }, { status: 500 }), json({ status: { code: 10000 } }))
    await failure(createTransport({ fetch: post.fetch, ...noWait })(new Request(URL_, { method: 'POST', body: '{}' })))
    expect(post.seen).toHaveLength(1)
  })

  it('gives up at once when Retry-After is longer than it will wait', async () => {
    const { fetch, seen } = scripted(json({ status: { code: 11005 } }, { status: 429, headers: { 'retry-after': '120' } }))
    const error = await failure(createTransport({ fetch, ...noWait })(new Request(URL_)))
    expect(error).toMatchObject({ httpStatus: 429, retryAfterMs: 120_000 })
    expect(seen).toHaveLength(1)
  })

  it('times out a slow answer', async () => {
    const never: Fetch = (request) =>
      new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    const error = await failure(createTransport({ fetch: never, timeoutMs: 20, maxRetries: 0, ...noWait })(new Request(URL_)))
    expect(error.kind).toBe('timeout')
  })

  it('retries a timed-out read only once, while network errors get every retry', async () => {
    let calls = 0
    const never: Fetch = (request) => {
      calls++
      return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    }
    const error = await failure(createTransport({ fetch: never, timeoutMs: 20, maxRetries: 3, ...noWait })(new Request(URL_)))
    expect(error.kind).toBe('timeout')
    expect(calls).toBe(2)
  })

  it("counts the server's 504 as a timeout: one retry, then the error", async () => {
    const gatewayTimeout = () => json({ status: { code: 40032, description: 'Upstream timed out' } }, { status: 504 })
    const { fetch, seen } = scripted(gatewayTimeout(), gatewayTimeout(), json({ status: { code: 10000 } }))
    const error = await failure(createTransport({ fetch, maxRetries: 3, ...noWait })(new Request(URL_)))
    expect(error).toMatchObject({ httpStatus: 504, code: 40032, isTimeout: true })
    expect(seen).toHaveLength(2)
  })

  it('keeps reading a body whose chunks keep coming, even past the attempt timeout in total', async () => {
    const parts = ['{"status":{"code":10000}', ',"apps":[', '{"id":"a"}', ',{"id":"b"}', ']}']
    const slow: Fetch = async () => {
      const encoder = new TextEncoder()
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 30))
          const next = parts.shift()
          if (next === undefined) controller.close()
          else controller.enqueue(encoder.encode(next))
        },
      })
      return new Response(stream, { status: 200 })
    }
    const response = await createTransport({ fetch: slow, timeoutMs: 80, maxRetries: 0, ...noWait })(new Request(URL_))
    expect(await response.json()).toEqual({ status: { code: 10000 }, apps: [{ id: 'a' }, { id: 'b' }] })
  })

  it('times out a body that stalls after its first chunk', async () => {
    const stalled: Fetch = async () => {
      let sent = false
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) return new Promise<void>(() => {})
          sent = true
          controller.enqueue(new TextEncoder().encode('{"status":'))
        },
      })
      return new Response(stream, { status: 200 })
    }
    const started = Date.now()
    const error = await failure(createTransport({ fetch: stalled, timeoutMs: 40, maxRetries: 0, ...noWait })(new Request(URL_)))
    expect(error.kind).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('reports a cancelled request as aborted without retrying', async () => {
    const controller = new AbortController()
    let calls = 0
    let started: () => void = () => {}
    const isStarted = new Promise<void>((resolve) => (started = resolve))
    const hang: Fetch = (request) => {
      calls++
      started()
      return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    }
    const pending = createTransport({ fetch: hang, ...noWait })(new Request(URL_, { signal: controller.signal }))
    await isStarted
    controller.abort()
    expect((await failure(pending)).kind).toBe('aborted')
    expect(calls).toBe(1)
  })

  it('never puts the Authorization header into the error', async () => {
    const { fetch } = scripted(json({ status: { code: 11008, description: 'API key is invalid' } }, { status: 401 }))
    const error = await failure(
      createTransport({ fetch, ...noWait })(new Request(URL_, { headers: { Authorization: 'Key secret-token-123' } })),
    )
    expect(error.isUnauthorized).toBe(true)
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('secret-token-123')
  })

  it('starts at most the limit of requests per window', async () => {
    let clock = 0
    const limiter = createRateLimiter({
      limit: 10,
      windowMs: 1000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms
      },
    })
    const starts: number[] = []
    const fetch: Fetch = async () => {
      starts.push(clock)
      return json({ status: { code: 10000 } })
    }
    const transport = createTransport({ fetch, limiter, sleep: async () => {} })
    await Promise.all(Array.from({ length: 25 }, () => transport(new Request(URL_))))
    expect(starts).toHaveLength(25)
    for (let i = 10; i < starts.length; i++) {
      expect((starts[i] as number) - (starts[i - 10] as number)).toBeGreaterThanOrEqual(1000)
    }
    expect(starts.at(-1)).toBe(2000)
  })
})
