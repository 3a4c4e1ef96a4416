import { Link } from '@tanstack/react-router'
import type { WorkerRef } from '@/lib/tasks.ts'

/** A worker: a user id (no user page inside an app), or a link to the model doing auto-annotation. */
export function WorkerLink({ user, app, worker }: { user: string; app: string; worker: WorkerRef }) {
  if (worker.kind === 'model') {
    const className = 'font-mono text-blue-700 hover:underline dark:text-blue-400'
    return worker.versionId ? (
      <Link to="/$user/$app/models/$model/versions/$version" params={{ user, app, model: worker.id, version: worker.versionId }} className={className}>
        {worker.label}
      </Link>
    ) : (
      <Link to="/$user/$app/models/$model" params={{ user, app, model: worker.id }} className={className}>
        {worker.label}
      </Link>
    )
  }
  return <span className="font-mono">{worker.label}</span>
}
