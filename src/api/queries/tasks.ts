import { GetInputSamples, GetTask, GetTaskAnnotationCount, GetTaskInputCount, ListNextTaskAssignments, ListTasks } from '@/api/endpoints.gen.ts'
import type { ParamsOf } from '@/api/endpoint.ts'
import type { operations } from '@/api/schema'
import { appPath } from './ids.ts'

export type ListTasksQuery = NonNullable<ParamsOf<operations['ListTasks']>['query']>

export const taskQueries = {
  list: (userId: string, appId: string, query: ListTasksQuery = {}) => ListTasks({ path: appPath(userId, appId), query }),
  detail: (userId: string, appId: string, taskId: string, query: NonNullable<ParamsOf<operations['GetTask']>['query']> = {}) =>
    GetTask({ path: { ...appPath(userId, appId), task_id: taskId }, query }),
  annotationCounts: (userId: string, appId: string, taskId: string) =>
    GetTaskAnnotationCount({ path: { ...appPath(userId, appId), task_id: taskId } }),
  inputCounts: (userId: string, appId: string, taskId: string) =>
    GetTaskInputCount({ path: { ...appPath(userId, appId), task_id: taskId } }),
  assignments: (userId: string, appId: string, taskId: string) =>
    ListNextTaskAssignments({ path: { ...appPath(userId, appId), task_id: taskId } }),
  samples: (userId: string, appId: string, taskId: string, query: NonNullable<ParamsOf<operations['GetInputSamples']>['query']> = {}) =>
    GetInputSamples({ path: { ...appPath(userId, appId), task_id: taskId }, query }),
}
