type Answer<Fn> = Fn extends (...args: never[]) => infer Result ? Awaited<Result> : never

/** What a query option factory's request answers: `QueryData<typeof modelQueries.list>`. */
export type QueryData<Factory extends (...args: never[]) => { queryFn?: unknown }> = Answer<ReturnType<Factory>['queryFn']>
