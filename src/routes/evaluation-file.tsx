import { useState } from 'react'
import { createFileRoute } from '@tanstack/react-router'
import { EvaluationViewer } from '@/features/evaluation-viewer/EvaluationViewer.tsx'
import { FileDrop, FileProblem, MatrixFile, type OpenedFile } from '@/features/evaluation-viewer/FileOpen.tsx'
import { correctionNotes, validateEvalSearch } from '@/features/evaluation-viewer/search.ts'
import type { OnSearch, ViewerMetrics } from '@/features/evaluation-viewer/types.ts'

// An evaluation read from a file on disk, shown by the same viewer with no API at all. The view
// state lives in the URL as on the API page; the file itself stays in this tab's memory.
export const Route = createFileRoute('/evaluation-file')({
  validateSearch: validateEvalSearch,
  component: EvaluationFilePage,
})

function EvaluationFilePage() {
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  const notes = correctionNotes(search)
  const [file, setFile] = useState<OpenedFile | null>(null)
  const onSearch: OnSearch = (patch, options) => {
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: options?.replace, resetScroll: false })
  }
  const loaded = file?.loaded
  const evaluation = loaded?.kind === 'evaluation' ? loaded.evaluation : undefined
  const metrics = evaluation?.metrics as ViewerMetrics | undefined
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Evaluation from a file</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Open an EvalMetrics JSON: a GetEvaluation answer (<code className="font-mono">{'{status, eval_metrics}'}</code>), a bare EvalMetrics, or a MatrixUint64 (<code className="font-mono">{'{n_cols, data}'}</code>). The viewer’s
          “Download JSON” gives such a file.
        </p>
      </header>
      <FileDrop onOpen={setFile} isCompact={file !== null} />
      {file && (
        <p className="text-xs text-slate-500" data-testid="file-name">
          {file.name} · {(file.size / 1024).toFixed(0)} KB
          {metrics?.id && (
            <>
              {' '}
              · evaluation <span className="font-mono">{metrics.id}</span>
            </>
          )}
        </p>
      )}
      {loaded?.kind === 'error' && <FileProblem name={file!.name} message={loaded.message} />}
      {loaded?.kind === 'matrix' && <MatrixFile name={file!.name} result={loaded.result} />}
      {evaluation && <EvaluationViewer key={file!.name + file!.size} evaluation={evaluation} search={search} notes={notes} onSearch={onSearch} fileBase={file!.name.replace(/\.json$/i, '')} />}
    </div>
  )
}
