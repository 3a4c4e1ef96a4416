// What every response of the console carries, on every host: the Node server and the worker set
// them in app.ts; deploy/nginx, deploy/netlify and deploy/vercel spell the same values out, and
// server/deploy-configs.test.ts fails when one of them drifts from these.

/** No inline scripts, no other origins to call: the API is always this origin's /v2. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Header names in lower case, as fetch's Headers reports them. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
}
