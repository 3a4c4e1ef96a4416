import { createFileRoute, Link, notFound } from '@tanstack/react-router'
import { loadOperations } from '@/api/explorer.ts'
import type { SearchValues } from '@/api/param-form.ts'
import { OperationPage } from '@/features/explorer/OperationPage.tsx'

/** Any key, strings and repeated keys only: which keys mean something depends on the operation. */
function validateSearch(search: Record<string, unknown>): SearchValues {
  const out: SearchValues = {}
  for (const [key, value] of Object.entries(search)) {
    if (typeof value === 'string') out[key] = value
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value)
    else if (Array.isArray(value)) {
      const items = value.filter((item): item is string => typeof item === 'string')
      if (items.length > 0) out[key] = items
    }
  }
  return out
}

export const Route = createFileRoute('/explore/$operation')({
  validateSearch,
  loader: async ({ params }) => {
    const operations = await loadOperations()
    const op = operations.find((o) => o.id === params.operation)
    if (!op) throw notFound()
    return { op }
  },
  staleTime: Infinity,
  component: ExploreOperationPage,
  notFoundComponent: UnknownOperation,
})

function UnknownOperation() {
  const { operation } = Route.useParams()
  return (
    <div className="max-w-xl">
      <h1 className="text-lg font-semibold">No operation named {operation}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">The API has no GET operation with this id, or it was renamed.</p>
      <Link to="/explore" search={{ q: operation }} className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
        Search the operations
      </Link>
    </div>
  )
}

function ExploreOperationPage() {
  const { op } = Route.useLoaderData()
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  return <OperationPage key={op.id} op={op} search={search} onSearchChange={(next, options) => void navigate({ search: next, replace: options?.replace })} />
}
