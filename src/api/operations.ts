// Types of the generated operations table (src/api/operations.gen.json), written by
// scripts/gen-api.ts from the OpenAPI contract. The table is large: import it lazily,
// e.g. `const { default: operations } = await import('./operations.gen.json')`, and cast
// it to `readonly OperationInfo[]`. Nothing here imports it at runtime.

/** Scalar kind of a parameter value as it travels in a URL. */
export type ParamType = 'string' | 'integer' | 'number' | 'boolean'

/**
 * One parameter of a GET operation. Names are the proto (snake_case) names that go on the wire,
 * nested fields joined with dots (`fields.confusion_matrix`, `user_app_id.app_id`).
 * Optional keys are left out rather than set to empty values.
 */
export interface ParamInfo {
  name: string
  in: 'path' | 'query'
  /** For `array` params, the type of each element. 64-bit integers are `string` + `format`. */
  type: ParamType
  /** Repeated field: send as a repeated key (`additional_fields=a&additional_fields=b`). */
  array?: true
  /** `int64` | `uint64` (decimal strings), `int32` | `uint32`, `float` | `double`, `date-time`, `byte`. */
  format?: string
  /** Enum parameter: integer values with their proto names, in declaration order. */
  enum?: { values: number[]; names: string[] }
  required: boolean
  description?: string
  deprecated?: true
  /** Name of the proto oneof this parameter belongs to (send at most one of the group), e.g. `sort_by`. */
  oneof?: string
}

/** One GET operation of the contract. */
export interface OperationInfo {
  /** operationId: the RPC name, `<Rpc>_2`, `<Rpc>_3`… for additional bindings. */
  id: string
  /** Path template with proto-name parameters: `/v2/users/{user_app_id.user_id}/apps`. */
  path: string
  summary: string
  description?: string
  /** Resource group (the OpenAPI tag): first literal path segment after `/v2/users/{…}/apps/{…}`. */
  resource: string
  deprecated?: true
  /** In proto field order. */
  params: ParamInfo[]
}
