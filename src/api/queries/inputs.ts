import { ListAnnotations } from '@/api/endpoints.gen.ts'
import { appPath } from './ids.ts'

export const inputQueries = {
  /** The annotations of these inputs (regions included), one page of up to 1,000. */
  annotations: (userId: string, appId: string, inputIds: readonly string[]) =>
    ListAnnotations({ path: appPath(userId, appId), query: { input_ids: [...inputIds], per_page: 1000 } }),
}
