import { describe, expect, it } from 'vitest'
import { createDemoApi } from '@/demo/handler.ts'
import { connectRecordingClient } from '../../test/recording-client.ts'
import { ApiError } from './errors.ts'
import { createAppQueryClient } from './query-client.ts'
import { appQueries } from './queries/apps.ts'
import { userQueries } from './queries/users.ts'
import type { Session } from './session.ts'

const demoSession: Session = { token: 'demo', userId: 'me', baseUrl: 'http://console.test', isRemembered: false, isDemo: true }

/** The stand-in API behind the real client, recording what went over the wire. */
function connect(session: Session | null = demoSession) {
  const sent = connectRecordingClient(session, createDemoApi())
  const refusals: ApiError[] = []
  const queryClient = createAppQueryClient({ onUnauthorized: (error) => refusals.push(error) })
  return { sent, queryClient, refusals }
}

describe('API client against the stand-in API', () => {
  it('sends the key and snake_case query to the session base URL and reads the answer', async () => {
    const { sent, queryClient } = connect()
    const data = await queryClient.fetchQuery(appQueries.list('me', { per_page: 2, sort_by_name: true, sort_ascending: true }))
    expect(data.apps).toHaveLength(2)
    const request = sent[0] as Request
    const url = new URL(request.url)
    expect(url.origin).toBe('http://console.test')
    expect(url.pathname).toBe('/v2/users/me/apps')
    expect(url.searchParams.get('per_page')).toBe('2')
    expect(url.searchParams.get('sort_by_name')).toBe('true')
    expect(request.headers.get('authorization')).toBe('Key demo')
  })

  it('repeats array parameters as keys', async () => {
    const { sent, queryClient } = connect()
    await queryClient.fetchQuery(appQueries.list('me', { additional_fields: ['stars', 'counts'] }))
    expect(new URL((sent[0] as Request).url).searchParams.getAll('additional_fields')).toEqual(['stars', 'counts'])
  })

  it('keys queries by method, path and parameters', () => {
    connect()
    expect(userQueries.detail('me').queryKey).toEqual(['get', '/v2/users/{user_app_id.user_id}', { params: { path: { 'user_app_id.user_id': 'me' } } }])
  })

  it('reads the token owner through users/me', async () => {
    const { queryClient } = connect()
    const data = await queryClient.fetchQuery(userQueries.detail('me'))
    expect(data.user?.id).toBe('demo')
  })

  it('turns a missing app into a not-found ApiError', async () => {
    const { queryClient } = connect()
    const error = await queryClient.fetchQuery(appQueries.detail('me', 'no-such-app')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ httpStatus: 404, code: 11101, codeName: 'CONN_DOES_NOT_EXIST' })
    expect((error as ApiError).isNotFound).toBe(true)
  })

  it('reports a refused token once to the app-wide handler', async () => {
    const { queryClient, refusals } = connect({ ...demoSession, token: 'wrong' })
    const error = await queryClient.fetchQuery(userQueries.detail('me')).catch((e: unknown) => e)
    expect(error).toMatchObject({ httpStatus: 401, code: 11008 })
    expect(refusals).toHaveLength(1)
  })

  it('sends no Authorization header without a session', async () => {
    const { sent, queryClient } = connect(null)
    const error = await queryClient.fetchQuery(userQueries.detail('me')).catch((e: unknown) => e)
    expect(sent[0]?.headers.has('authorization')).toBe(false)
    expect(error).toMatchObject({ httpStatus: 401 })
  })
})
