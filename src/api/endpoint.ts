import { queryOptions } from '@tanstack/react-query'
import { api } from './client.ts'

/** The shape openapi-typescript gives every GET operation that answers JSON. */
export interface GetOperation {
  parameters: { path?: unknown; query?: unknown }
  responses: { 200: { content: { 'application/json': unknown } } }
}

export type ParamsOf<Op extends GetOperation> = Op['parameters']
export type DataOf<Op extends GetOperation> = Op['responses'][200]['content']['application/json']

/**
 * One typed query option function for one GET operation, built on openapi-react-query's
 * `queryOptions` (keys `['get', path, { params }]`). The operation's types are given explicitly,
 * which keeps the type checker fast where inferring from all ~500 routes would not.
 */
export function getEndpoint<Op extends GetOperation>(path: string) {
  return (params: ParamsOf<Op>) => {
    const options = api().query.queryOptions('get', path as never, { params } as never) as unknown as {
      queryKey: readonly ['get', string, { params: ParamsOf<Op> }]
      queryFn: (context: { signal: AbortSignal }) => Promise<DataOf<Op>>
    }
    return queryOptions({
      queryKey: options.queryKey,
      // The transport turns every failure into ApiError, so an answer here is a 10000 body.
      queryFn: options.queryFn as (context: { signal: AbortSignal }) => Promise<DataOf<Op>>,
    })
  }
}

