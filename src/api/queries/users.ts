import { GetUser } from '@/api/endpoints.gen.ts'

export const userQueries = {
  /** `me` is the API's alias for the token's owner. */
  detail: (userId: string) => GetUser({ path: { 'user_app_id.user_id': userId } }),
}
