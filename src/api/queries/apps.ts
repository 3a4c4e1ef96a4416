import { GetApp, GetResourceCounts, ListApps } from '@/api/endpoints.gen.ts'
import type { ParamsOf } from '@/api/endpoint.ts'
import type { operations } from '@/api/schema'
import { appPath } from './ids.ts'

export type ListAppsQuery = NonNullable<ParamsOf<operations['ListApps']>['query']>

export const appQueries = {
  list: (userId: string, query: ListAppsQuery = {}) => ListApps({ path: { 'user_app_id.user_id': userId }, query }),
  detail: (userId: string, appId: string) => GetApp({ path: appPath(userId, appId) }),
  resourceCounts: (userId: string, appId: string) => GetResourceCounts({ path: appPath(userId, appId) }),
}
