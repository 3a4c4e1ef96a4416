// Placeholder: the stand-in Clarifai API lands here (issue 3). Signature is fixed.
export interface DemoApiOptions {
  /** Fault injection defaults; tests may also set them per request with a header. */
  faults?: string
}

export type FetchHandler = (request: Request) => Promise<Response>

export function createDemoApi(_options: DemoApiOptions = {}): FetchHandler {
  return async () =>
    new Response(JSON.stringify({ status: { code: 11101, description: 'Resource does not exist' } }), {
      status: 404,
      headers: { 'content-type': 'application/json' },
    })
}
