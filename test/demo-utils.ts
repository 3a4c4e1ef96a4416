// Helpers shared by the demo API tests (never imported by the handler).
import { createDemoApi, type DemoApiOptions, type FetchHandler } from '../src/demo/handler'

export const AUTH = { Authorization: 'Key demo' }

export const ALL_FIELDS =
  'fields.confusion_matrix=true&fields.cooccurrence_matrix=true&fields.label_counts=true&fields.binary_metrics=true' +
  '&fields.test_set=true&fields.metrics_by_area=true&fields.metrics_by_class=true'

export interface Reply {
  status: number
  headers: Headers
  text: string
  // Response bodies are free-form JSON; tests navigate them dynamically.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

export function demoApi(options: DemoApiOptions = {}): FetchHandler {
  return createDemoApi({ rateLimit: false, ...options })
}

export async function call(api: FetchHandler, path: string, init: RequestInit = { headers: AUTH }): Promise<Reply> {
  const response = await api(new Request(`http://localhost${path}`, init))
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: response.status, headers: response.headers, text, body }
}
