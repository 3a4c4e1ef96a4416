import { queryOptions } from '@tanstack/react-query'
import { api } from '@/api/client.ts'
import { GetEvaluation, ListEvaluations, ListEvaluations_2 } from '@/api/endpoints.gen.ts'
import type { ParamsOf } from '@/api/endpoint.ts'
import type { operations } from '@/api/schema'
import { BODY_AS_BLOB } from '@/api/transport.ts'
import { appPath } from './ids.ts'

export type ListEvaluationsQuery = NonNullable<ParamsOf<operations['ListEvaluations']>['query']>
export type GetEvaluationQuery = NonNullable<ParamsOf<operations['GetEvaluation']>['query']>

/** Every `fields.*` flag: the API sends only the summary without them. */
export const ALL_EVALUATION_FIELDS = {
  'fields.confusion_matrix': true,
  'fields.cooccurrence_matrix': true,
  'fields.label_counts': true,
  'fields.binary_metrics': true,
  'fields.test_set': true,
  'fields.metrics_by_area': true,
  'fields.metrics_by_class': true,
} as const satisfies GetEvaluationQuery

export const evaluationQueries = {
  list: (userId: string, appId: string, query: ListEvaluationsQuery = {}) => ListEvaluations({ path: appPath(userId, appId), query }),
  listForUser: (userId: string, query: NonNullable<ParamsOf<operations['ListEvaluations_2']>['query']> = {}) =>
    ListEvaluations_2({ path: { 'user_app_id.user_id': userId }, query }),
  detail: (userId: string, appId: string, evaluationId: string, query: GetEvaluationQuery = ALL_EVALUATION_FIELDS) =>
    GetEvaluation({ path: { ...appPath(userId, appId), evaluation_id: evaluationId }, query }),
  /**
   * The evaluation with every section, prepared for the viewer off the page's thread (parsed,
   * checked and packed in a worker): the same request as `detail` with every field, cached under
   * its key plus 'prepared'. The answer's bytes stay in `raw` for the raw view and downloads.
   */
  prepared: (userId: string, appId: string, evaluationId: string) => {
    const request = evaluationQueries.detail(userId, appId, evaluationId)
    const [, path, { params }] = request.queryKey
    return queryOptions({
      queryKey: [...request.queryKey, 'prepared'] as const,
      queryFn: async ({ signal }) => {
        const get = api().client.GET as unknown as (path: string, init: object) => Promise<{ data?: Blob }>
        const answer = get(path, { params, parseAs: 'blob', signal, headers: { [BODY_AS_BLOB]: '1' } })
        // Observed at once: a refusal (a 404) can come before the code below awaits the answer,
        // and would otherwise be an unhandled rejection; `await answer` still throws it.
        answer.catch(() => undefined)
        // The preparing code is its own chunk (every other page boots without it), fetched while
        // the answer downloads; the worker then starts, also before the answer is in.
        const { loadEvaluationAnswer, startLoader } = await import('@/api/evaluation-load.ts')
        const loader = startLoader()
        try {
          const { data } = await answer
          return await loadEvaluationAnswer(data ?? new Blob([]), { method: 'GET', path }, signal, loader)
        } finally {
          loader.close()
        }
      },
      // Typed arrays and a Blob: nothing for structural sharing to compare.
      structuralSharing: false,
    })
  },
}
