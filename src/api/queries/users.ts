import { api } from '../client.ts'

export const userQueries = {
  /** `me` is the API's alias for the token's owner. */
  detail: (userId: string) =>
    api().query.queryOptions('get', '/v2/users/{user_app_id.user_id}', {
      params: { path: { 'user_app_id.user_id': userId } },
    }),
}
