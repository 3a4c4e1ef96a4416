/** Clarifai-style error bodies for failures that happen in this server, not in the API. */

// Codes from clarifai/api/status/status_code.proto.
export const STATUS_CODES = {
  FAILURE: 10020,
  RPC_SERVER_UNAVAILABLE: 40031,
  RPC_REQUEST_TIMEOUT: 40032,
  INTERNAL_SERVER_ISSUE: 98004,
} as const

export function errorEnvelope(httpStatus: number, code: number, description: string, details?: string): Response {
  const status: Record<string, unknown> = { code, description, req_id: `console-${crypto.randomUUID()}` }
  if (details !== undefined) status.details = details
  return new Response(JSON.stringify({ status }), {
    status: httpStatus,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })
}
