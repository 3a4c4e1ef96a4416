/** The path params every app-scoped operation takes. */
export function appPath(userId: string, appId: string) {
  return { 'user_app_id.user_id': userId, 'user_app_id.app_id': appId }
}
