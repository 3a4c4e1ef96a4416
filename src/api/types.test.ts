import { describe, expectTypeOf, it } from 'vitest'
import type { DataOf } from './endpoint.ts'
import type { operations } from './schema'
import type { App, BinaryMetrics, MetricsSummary } from './types.ts'

// Checked by the type checker (`npm run typecheck`): pages must treat cl_show_if_empty fields,
// which the contract marks required, as possibly absent.
describe('wire types used by pages', () => {
  it('make required (cl_show_if_empty) fields optional', () => {
    expectTypeOf<MetricsSummary['macro_avg_roc_auc']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<BinaryMetrics['num_pos']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<undefined>().toExtend<DataOf<operations['ListApps']>['apps']>()
    expectTypeOf<{ status: { code: 10000 } }>().toExtend<DataOf<operations['ListApps']>>()
  })

  it('loosen nested shapes too', () => {
    expectTypeOf<undefined>().toExtend<NonNullable<DataOf<operations['ListApps']>['apps']>[number]['id']>()
    expectTypeOf<App>().toExtend<NonNullable<DataOf<operations['ListApps']>['apps']>[number]>()
  })
})
