import { Link } from '@tanstack/react-router'
import { taskInputSource } from '@/lib/tasks.ts'

/** Where a task's inputs come from; a dataset source links to the dataset. */
export function InputSourceLink({ user, app, task }: { user: string; app: string; task: unknown }) {
  const source = taskInputSource(task)
  if (source.datasetId) {
    return (
      <span>
        Dataset{' '}
        <Link to="/$user/$app/datasets/$dataset" params={{ user, app, dataset: source.datasetId }} className="font-mono text-blue-700 hover:underline dark:text-blue-400">
          {source.datasetId}
        </Link>
      </span>
    )
  }
  if (!source.label) return <span className="text-slate-400">—</span>
  return (
    <span>
      {source.label}
      {source.id && <span className="ml-1 font-mono text-xs">{source.id}</span>}
    </span>
  )
}
