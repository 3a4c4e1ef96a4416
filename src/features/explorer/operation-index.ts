import type { OperationInfo } from '@/api/operations.ts'

export interface IndexedOperation {
  op: OperationInfo
  /** Lowercase id, path, summary, resource and parameter names: built once, searched per keystroke. */
  haystack: string
}

export interface OperationGroup {
  resource: string
  ops: OperationInfo[]
}

export function buildOperationIndex(operations: readonly OperationInfo[]): IndexedOperation[] {
  return operations.map((op) => ({
    op,
    haystack: [op.id, op.path, op.summary, op.resource, ...op.params.map((p) => p.name)].join('\n').toLowerCase(),
  }))
}

/** Operations whose text contains every word of the query (any order), in table order. */
export function filterOperations(index: readonly IndexedOperation[], query: string): OperationInfo[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (terms.length === 0) return index.map((entry) => entry.op)
  const out: OperationInfo[] = []
  for (const entry of index) {
    let isMatch = true
    for (const term of terms) {
      if (!entry.haystack.includes(term)) {
        isMatch = false
        break
      }
    }
    if (isMatch) out.push(entry.op)
  }
  return out
}

/** By resource (alphabetical), operations by id within each. */
export function groupByResource(operations: readonly OperationInfo[]): OperationGroup[] {
  const groups = new Map<string, OperationInfo[]>()
  for (const op of operations) {
    const list = groups.get(op.resource)
    if (list) list.push(op)
    else groups.set(op.resource, [op])
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, ops]) => ({ resource, ops: ops.sort((a, b) => a.id.localeCompare(b.id)) }))
}
