import { createFileRoute, getRouteApi } from '@tanstack/react-router'
import * as v from 'valibot'
import { OperationList } from '@/features/explorer/OperationList.tsx'

const searchSchema = v.object({
  q: v.fallback(v.optional(v.string()), undefined),
})

const parent = getRouteApi('/explore')

export const Route = createFileRoute('/explore/')({
  validateSearch: searchSchema,
  component: ExploreIndexPage,
})

function ExploreIndexPage() {
  const operations = parent.useLoaderData()
  const { q } = Route.useSearch()
  const navigate = Route.useNavigate()
  return <OperationList operations={operations} query={q ?? ''} onQueryChange={(text) => void navigate({ search: { q: text || undefined }, replace: true })} />
}
