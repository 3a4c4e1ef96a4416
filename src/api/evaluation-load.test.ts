import { describe, expect, it } from 'vitest'
import { createDemoApi } from '@/demo/handler.ts'
import { prepareEvaluation } from '@/lib/eval-metrics.ts'
import { connectRecordingClient } from '../../test/recording-client.ts'
import { ApiError } from './errors.ts'
import { loadEvaluationFile } from './evaluation-load.ts'
import { evaluationQueries } from './queries/evaluations.ts'
import { createAppQueryClient } from './query-client.ts'
import type { Session } from './session.ts'
import { BODY_AS_BLOB } from './transport.ts'

const session: Session = { token: 'demo', userId: 'demo', baseUrl: 'http://console.test', isRemembered: false, isDemo: true }
// From the stand-in's deterministic world: a 2-concept evaluation and a detector's.
const TWO = { app: 'general-vision', id: '8d57d5306841ce8aa234341b7c16cc05' }
const DETECTION = { app: 'manufacturing-defects', id: 'd91d36e9e8d8980cd693508f9746496e' }

function connect(respond: (request: Request) => Promise<Response> = createDemoApi({ rateLimit: false })) {
  const sent = connectRecordingClient(session, respond)
  return { sent, queryClient: createAppQueryClient({ onUnauthorized: () => {} }) }
}

describe('evaluationQueries.prepared against the stand-in (in-process, the worker path of Node)', () => {
  it('asks for every section once, keeps the bytes, and prepares what preparing the parsed answer gives', async () => {
    const { sent, queryClient } = connect()
    const loaded = await queryClient.fetchQuery(evaluationQueries.prepared('demo', TWO.app, TWO.id))
    expect(sent).toHaveLength(1)
    const url = new URL(sent[0]!.url)
    expect(url.pathname).toBe(`/v2/users/demo/apps/${TWO.app}/evaluations/${TWO.id}`)
    for (const f of ['test_set', 'confusion_matrix', 'binary_metrics', 'cooccurrence_matrix', 'label_counts']) expect(url.searchParams.get(`fields.${f}`)).toBe('true')
    expect(sent[0]!.headers.has(BODY_AS_BLOB)).toBe(false)

    const body = JSON.parse(await loaded.raw!.text())
    expect(body.eval_metrics.id).toBe(TWO.id)
    const direct = prepareEvaluation(body.eval_metrics)
    expect(loaded.ev!.conceptIds).toEqual(direct.conceptIds)
    expect(Array.from(loaded.ev!.predScores)).toEqual(Array.from(direct.predScores))
    expect(loaded.metrics.summary).toEqual(body.eval_metrics.summary)
    expect(loaded.binary.size).toBe(body.eval_metrics.binary_metrics.length)
    expect(loaded.problems).toEqual([])
    // Cached under its own key: reading it again sends nothing.
    await queryClient.fetchQuery(evaluationQueries.prepared('demo', TWO.app, TWO.id))
    expect(sent).toHaveLength(1)
  })

  it('brings a detector evaluation with its regions', async () => {
    const { queryClient } = connect()
    const loaded = await queryClient.fetchQuery(evaluationQueries.prepared('demo', DETECTION.app, DETECTION.id))
    const ev = loaded.ev!
    const withRegions = Array.from({ length: ev.inputCount }, (_, i) => ev.regionsAt!(i)).filter((r) => r.truth.length > 0)
    expect(withRegions.length).toBeGreaterThan(0)
    expect(loaded.metrics.metrics_by_area).toEqual(expect.any(Array))
  })

  it('fails with the one ApiError: a missing evaluation, a refused status, an unreadable or empty body', async () => {
    const notFound = await connect()
      .queryClient.fetchQuery(evaluationQueries.prepared('demo', TWO.app, 'nope'))
      .catch((e: unknown) => e)
    expect(notFound).toBeInstanceOf(ApiError)
    expect((notFound as ApiError).isNotFound).toBe(true)

    const answer = (text: string) => async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } })
    const refused = await connect(answer(JSON.stringify({ status: { code: 21200, description: 'Not allowed', req_id: 'r1' } })))
      .queryClient.fetchQuery(evaluationQueries.prepared('demo', TWO.app, TWO.id))
      .catch((e: unknown) => e)
    expect(refused).toMatchObject({ kind: 'status', code: 21200, description: 'Not allowed', reqId: 'r1', httpStatus: 200 })
    expect(refused).toBeInstanceOf(ApiError)

    const malformed = await connect(answer('{"status": {'))
      .queryClient.fetchQuery(evaluationQueries.prepared('demo', TWO.app, TWO.id))
      .catch((e: unknown) => e)
    expect(malformed).toMatchObject({ kind: 'malformed' })
    const empty = await connect(answer(''))
      .queryClient.fetchQuery(evaluationQueries.prepared('demo', TWO.app, TWO.id))
      .catch((e: unknown) => e)
    expect(empty).toMatchObject({ kind: 'malformed', description: 'The API answered with an empty body.' })
  })
})

describe('loadEvaluationFile', () => {
  it('opens an evaluation file and keeps its bytes, or says what is wrong with it', async () => {
    const file = new Blob([JSON.stringify({ eval_metrics: { id: 'e1', confusion_matrix: { concept_ids: ['a', 'b'] } } })])
    const loaded = await loadEvaluationFile(file)
    expect(loaded.kind === 'evaluation' && loaded.evaluation.ev?.conceptIds).toEqual(['a', 'b'])
    expect(loaded.kind === 'evaluation' && loaded.evaluation.raw).toBe(file)
    expect(await loadEvaluationFile(new Blob(['[1]']))).toEqual({ kind: 'error', message: 'The file holds a list, not an evaluation object.' })
  })

  it('names the concept limit of a file listing 100,000 concept ids, never a crash', async () => {
    const ids = Array.from({ length: 100_000 }, (_, k) => `concept-${k}`)
    const loaded = await loadEvaluationFile(new Blob([JSON.stringify({ confusion_matrix: { concept_ids: ids } })]))
    expect(loaded.kind === 'evaluation' && loaded.evaluation.ev).toBeNull()
    expect(loaded.kind === 'evaluation' && loaded.evaluation.limit?.message).toMatch(/names 100,000 concepts; the viewer handles at most/)
  })
})
