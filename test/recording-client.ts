import { createApiClient, setApiClient } from '../src/api/client.ts'
import { setSession, type Session } from '../src/api/session.ts'

/**
 * Points the app-wide API client at `respond` (usually the stand-in's fetch handler) as `session`,
 * with no waiting and no retries, and returns every request it sends, in order.
 */
export function connectRecordingClient(session: Session | null, respond: (request: Request) => Promise<Response>): Request[] {
  const sent: Request[] = []
  if (session) setSession(session)
  setApiClient(
    createApiClient({
      session: () => session,
      limiter: null,
      sleep: async () => {},
      maxRetries: 0,
      fetch: async (request) => {
        sent.push(request.clone())
        return respond(request)
      },
    }),
  )
  return sent
}
