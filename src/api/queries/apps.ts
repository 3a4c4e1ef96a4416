import { GetApp, ListApps } from '../endpoints.gen.ts'
import type { ParamsOf } from '../endpoint.ts'
import type { operations } from '../schema'

export type ListAppsQuery = NonNullable<ParamsOf<operations['ListApps']>['query']>

export const appQueries = {
  list: (userId: string, query: ListAppsQuery = {}) => ListApps({ path: { 'user_app_id.user_id': userId }, query }),
  detail: (userId: string, appId: string) =>
    GetApp({ path: { 'user_app_id.user_id': userId, 'user_app_id.app_id': appId } }),
}
