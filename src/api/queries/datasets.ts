import {
  GetDataset,
  GetDatasetVersion,
  ListDatasetInputs,
  ListDatasets,
  ListDatasets_2,
  ListDatasetVersions,
} from '@/api/endpoints.gen.ts'
import type { ParamsOf } from '@/api/endpoint.ts'
import type { operations } from '@/api/schema'
import { appPath } from './ids.ts'

export type ListDatasetsQuery = NonNullable<ParamsOf<operations['ListDatasets']>['query']>
export type ListDatasetInputsQuery = NonNullable<ParamsOf<operations['ListDatasetInputs']>['query']>

export const datasetQueries = {
  list: (userId: string, appId: string, query: ListDatasetsQuery = {}) => ListDatasets({ path: appPath(userId, appId), query }),
  listForUser: (userId: string, query: NonNullable<ParamsOf<operations['ListDatasets_2']>['query']> = {}) =>
    ListDatasets_2({ path: { 'user_app_id.user_id': userId }, query }),
  detail: (userId: string, appId: string, datasetId: string) =>
    GetDataset({ path: { ...appPath(userId, appId), dataset_id: datasetId } }),
  versions: (userId: string, appId: string, datasetId: string, query: NonNullable<ParamsOf<operations['ListDatasetVersions']>['query']> = {}) =>
    ListDatasetVersions({ path: { ...appPath(userId, appId), dataset_id: datasetId }, query }),
  version: (userId: string, appId: string, datasetId: string, versionId: string) =>
    GetDatasetVersion({ path: { ...appPath(userId, appId), dataset_id: datasetId, dataset_version_id: versionId } }),
  inputs: (userId: string, appId: string, datasetId: string, query: ListDatasetInputsQuery = {}) =>
    ListDatasetInputs({ path: { ...appPath(userId, appId), dataset_id: datasetId }, query }),
}
