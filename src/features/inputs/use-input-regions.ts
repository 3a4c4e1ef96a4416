import { useMemo } from 'react'
import { useQueries } from '@tanstack/react-query'
import { inputQueries } from '@/api/queries/inputs.ts'
import { inputThumbnail } from '@/lib/datasets.ts'
import { shapesByInput, type RegionShape } from '@/lib/regions.ts'

/** Ids per ListAnnotations request: keeps the URL well under what gateways accept. */
const IDS_PER_REQUEST = 100

/**
 * The regions of the given inputs, from ListAnnotations (inputs without a picture are not asked
 * about). It needs the inputs' ids, so it runs after the list that names them; until it answers,
 * or if it fails, the pictures show without boxes.
 */
export function useInputRegions(userId: string, appId: string, inputs: ReadonlyArray<unknown>): Map<string, RegionShape[]> {
  const ids = useMemo(() => {
    const out: string[] = []
    for (const input of inputs) {
      const id = (input as { id?: unknown } | null | undefined)?.id
      if (typeof id === 'string' && id && inputThumbnail(input)) out.push(id)
    }
    return out
  }, [inputs])
  const chunks = useMemo(() => {
    const out: string[][] = []
    for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) out.push(ids.slice(i, i + IDS_PER_REQUEST))
    return out
  }, [ids])
  return useQueries({
    queries: chunks.map((chunk) => ({ ...inputQueries.annotations(userId, appId, chunk), retry: false })),
    combine: combineRegions,
  })
}

function combineRegions(results: ReadonlyArray<{ data?: { annotations?: unknown[] } | undefined }>): Map<string, RegionShape[]> {
  return shapesByInput(results.flatMap((r) => r.data?.annotations ?? []))
}
