import { modelQueries } from '@/api/queries/models.ts'
import type { FormValue } from '@/api/param-form.ts'
import { PanelSkeleton, QueryPanel, usePartData } from '@/components/QueryPanel.tsx'
import { ModelTypeSelect } from './ModelTypeSelect.tsx'

/** The list parameter the model type filter sets. */
export const TYPE_KEY = 'model_type_id'

/** The type id a list's form values filter on, if any. */
export function typeFilterOf(values: { [key: string]: FormValue | undefined }): string | undefined {
  const value = values[TYPE_KEY]
  return typeof value === 'string' ? value : undefined
}

/** The app's model types as a part of a page: names by id once they arrive (ids until then). */
export function useModelTypeNames(user: string, app: string): Map<string, string> {
  const types = usePartData(modelQueries.types(user, app))?.model_types ?? []
  return new Map(types.filter((t) => t.id).map((t) => [t.id ?? '', t.title || t.id || '']))
}

/** The select of the app's model types by name, under its own loading and error states. */
export function ModelTypeFilter({ user, app, value, onChange }: { user: string; app: string; value: string | undefined; onChange: (typeId: string) => void }) {
  return (
    <QueryPanel query={modelQueries.types(user, app)} name="Model types" skeleton={<PanelSkeleton name="Model types" rows={1} />}>
      {(data) => <ModelTypeSelect types={data.model_types ?? []} value={value} onChange={onChange} param={TYPE_KEY} />}
    </QueryPanel>
  )
}
