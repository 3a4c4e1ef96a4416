import { queryOptions } from '@tanstack/react-query'
import { api } from './client.ts'

/** The shape openapi-typescript gives every GET operation that answers JSON. */
export interface GetOperation {
  parameters: { path?: unknown; query?: unknown }
  responses: { 200: { content: { 'application/json': unknown } } }
}

export type ParamsOf<Op extends GetOperation> = Op['parameters']

/**
 * A wire shape with every property possibly absent, all the way down. The contract marks
 * `cl_show_if_empty` fields required, but Clarifai has dropped that option from fields before, and
 * a page must render whatever arrives; the other fields are optional already.
 */
export type Loose<T> = T extends readonly (infer E)[] ? Loose<E>[] : T extends object ? { [K in keyof T]?: Loose<T[K]> } : T

export type DataOf<Op extends GetOperation> = Loose<Op['responses'][200]['content']['application/json']>

/**
 * One typed query option function for one GET operation, built on openapi-react-query's
 * `queryOptions` (keys `['get', path, { params }]`). The operation's types are given explicitly,
 * which keeps the type checker fast where inferring from all ~500 routes would not.
 */
export function getEndpoint<Op extends GetOperation>(path: string) {
  return (params: ParamsOf<Op>): ApiQuery<DataOf<Op>> => {
    const options = api().query.queryOptions('get', path as never, { params } as never) as unknown as {
      queryKey: RequestKey
      queryFn: (context: { signal: AbortSignal }) => Promise<DataOf<Op>>
    }
    // The transport turns every failure into ApiError, so an answer here is a 10000 body.
    return apiQuery(options.queryKey, options.queryFn)
  }
}

/** The key every query option function makes: `['get', pathTemplate, { params }]`. */
export type RequestKey = readonly ['get', string, { params: { path?: unknown; query?: unknown } }]

function apiQuery<Data>(queryKey: RequestKey, queryFn: (context: { signal: AbortSignal }) => Promise<Data>) {
  return queryOptions({ queryKey, queryFn })
}

/** What every query option function gives, named by its answer: code that takes any of them. */
export type ApiQuery<Data> = ReturnType<typeof apiQuery<Data>>


