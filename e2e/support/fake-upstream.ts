// Run with tsx (the stand-in imports JSON, which Playwright's loader does not): the stand-in API
// on 127.0.0.1, printing one JSON line per request it receives, headers included. Every answer
// carries a Set-Cookie, which a correct proxy does not pass on to the browser, and a policy of its
// own, which the host replaces with the console's.
import { serve } from '@hono/node-server'
import { createDemoApi } from '../../src/demo/handler.ts'

const demo = createDemoApi()
serve(
  {
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (request: Request) => {
      const url = new URL(request.url)
      const record = { method: request.method, pathAndQuery: url.pathname + url.search, headers: Object.fromEntries(request.headers) }
      process.stdout.write(`${JSON.stringify({ seen: record })}\n`)
      const answer = await demo(request)
      const response = new Response(answer.body, answer)
      response.headers.set('set-cookie', 'upstream-session=1; Path=/')
      response.headers.set('content-security-policy', "default-src 'none'")
      return response
    },
  },
  (info) => process.stdout.write(`${JSON.stringify({ listening: `http://127.0.0.1:${info.port}` })}\n`),
)
