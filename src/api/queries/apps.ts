import { api } from '../client.ts'
import type { operations } from '../schema'

export type ListAppsQuery = NonNullable<operations['ListApps']['parameters']['query']>

export const appQueries = {
  list: (userId: string, query: ListAppsQuery = {}) =>
    api().query.queryOptions('get', '/v2/users/{user_app_id.user_id}/apps', {
      params: { path: { 'user_app_id.user_id': userId }, query },
    }),
  detail: (userId: string, appId: string) =>
    api().query.queryOptions('get', '/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}', {
      params: { path: { 'user_app_id.user_id': userId, 'user_app_id.app_id': appId } },
    }),
}
