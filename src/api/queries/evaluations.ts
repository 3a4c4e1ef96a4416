import { GetEvaluation, ListEvaluations, ListEvaluations_2 } from '@/api/endpoints.gen.ts'
import type { ParamsOf } from '@/api/endpoint.ts'
import type { operations } from '@/api/schema'
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
}
