import {
  GetModel,
  GetModelOutputInfo,
  GetModelVersion,
  GetModelVersionMetrics,
  ListModels,
  ListModels_2,
  ListModelTypes,
  ListModelVersionEvaluations,
  ListModelVersions,
  ListModelTypes_2,
} from '@/api/endpoints.gen.ts'
import type { ParamsOf } from '@/api/endpoint.ts'
import type { operations } from '@/api/schema'
import { TREND_QUERY } from '@/lib/model-trends.ts'
import { appPath } from './ids.ts'

export type ListModelsQuery = NonNullable<ParamsOf<operations['ListModels']>['query']>
export type ListModelVersionsQuery = NonNullable<ParamsOf<operations['ListModelVersions']>['query']>

export const modelQueries = {
  list: (userId: string, appId: string, query: ListModelsQuery = {}) => ListModels({ path: appPath(userId, appId), query }),
  /** Every app of the user at once. */
  listForUser: (userId: string, query: NonNullable<ParamsOf<operations['ListModels_2']>['query']> = {}) =>
    ListModels_2({ path: { 'user_app_id.user_id': userId }, query }),
  detail: (userId: string, appId: string, modelId: string) =>
    GetModel({ path: { ...appPath(userId, appId), model_id: modelId } }),
  outputInfo: (userId: string, appId: string, modelId: string) =>
    GetModelOutputInfo({ path: { ...appPath(userId, appId), model_id: modelId } }),
  types: (userId: string, appId: string) => ListModelTypes({ path: appPath(userId, appId) }),
  /** Model types are the same in every app: the app-less binding, for pages that span apps. */
  allTypes: () => ListModelTypes_2({}),
  versions: (userId: string, appId: string, modelId: string, query: ListModelVersionsQuery = {}) =>
    ListModelVersions({ path: { ...appPath(userId, appId), model_id: modelId }, query }),
  /** The newest versions with their evaluation summaries, for the trend across versions. */
  versionTrend: (userId: string, appId: string, modelId: string) =>
    ListModelVersions({ path: { ...appPath(userId, appId), model_id: modelId }, query: { ...TREND_QUERY } }),
  version: (userId: string, appId: string, modelId: string, versionId: string) =>
    GetModelVersion({ path: { ...appPath(userId, appId), model_id: modelId, version_id: versionId } }),
  versionMetrics: (userId: string, appId: string, modelId: string, versionId: string) =>
    GetModelVersionMetrics({ path: { ...appPath(userId, appId), model_id: modelId, version_id: versionId } }),
  versionEvaluations: (userId: string, appId: string, modelId: string, versionId: string) =>
    ListModelVersionEvaluations({ path: { ...appPath(userId, appId), model_id: modelId, model_version_id: versionId } }),
}
