import { useId, useMemo, useState, type DragEvent } from 'react'
import { loadEvaluationFile } from '@/api/evaluation-load.ts'
import { Heatmap } from '@/components/Heatmap.tsx'
import type { LoadedFile } from '@/lib/eval-load.ts'
import type { DecodeResult, MatrixUint64 } from '@/lib/matrix-uint64.ts'
import { ProblemPanel } from './ui.tsx'

export interface OpenedFile {
  name: string
  size: number
  /** Read, parsed and prepared off the page's thread. */
  loaded: LoadedFile
}

/** Largest file read: a 1,000-concept evaluation with its test set is about 6 MB. */
const MAX_BYTES = 512 * 1024 * 1024

async function readFile(file: File): Promise<OpenedFile> {
  if (file.size > MAX_BYTES) return { name: file.name, size: file.size, loaded: { kind: 'error', message: `The file is ${Math.round(file.size / 1e6)} MB; at most ${MAX_BYTES / 1e6} MB are read.` } }
  return { name: file.name, size: file.size, loaded: await loadEvaluationFile(file) }
}

/** A file input and drop zone for an EvalMetrics JSON (or a MatrixUint64), read in the browser only. */
export function FileDrop({ onOpen, isCompact = false }: { onOpen: (file: OpenedFile) => void; isCompact?: boolean }) {
  const inputId = useId()
  const [isOver, setIsOver] = useState(false)
  const [isReading, setIsReading] = useState(false)
  const open = async (file: File | undefined) => {
    if (!file) return
    setIsReading(true)
    try {
      onOpen(await readFile(file))
    } catch (error) {
      onOpen({ name: file.name, size: file.size, loaded: { kind: 'error', message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` } })
    } finally {
      setIsReading(false)
    }
  }
  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setIsOver(false)
    void open(event.dataTransfer.files[0])
  }
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault()
        setIsOver(true)
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={handleDrop}
      data-testid="file-drop"
      className={`rounded-lg border-2 border-dashed text-center text-sm ${isCompact ? 'p-3' : 'p-8'} ${isOver ? 'border-blue-500 bg-blue-50 dark:bg-blue-950/30' : 'border-slate-300 dark:border-slate-700'}`}
    >
      <label htmlFor={inputId} className="cursor-pointer font-medium text-blue-700 hover:underline dark:text-blue-400">
        {isCompact ? 'Open another file' : 'Choose an evaluation JSON file'}
      </label>
      <input id={inputId} type="file" accept=".json,application/json" className="sr-only" onChange={(e) => void open(e.target.files?.[0] ?? undefined)} />
      {!isCompact && <p className="mt-1 text-slate-500">or drop it here. It is read in this browser only; nothing is sent anywhere.</p>}
      {isReading && (
        <p role="status" className="mt-1 text-slate-500">
          Reading…
        </p>
      )}
    </div>
  )
}

/** What cannot be viewed, and why. */
export function FileProblem({ name, message }: { name: string; message: string }) {
  return (
    <ProblemPanel title={`${name} cannot be opened`}>
      <p data-testid="file-error">{message}</p>
    </ProblemPanel>
  )
}

/** A MatrixUint64 file: the decoder's verdict, and the matrix when it is sound. */
export function MatrixFile({ name, result }: { name: string; result: DecodeResult }) {
  if (!result.ok) {
    return (
      <ProblemPanel title={`The matrix in ${name} is malformed`}>
        <p data-testid="file-error">
          {result.error.message} <span className="text-xs">({result.error.kind})</span>
        </p>
      </ProblemPanel>
    )
  }
  return <MatrixFileView name={name} matrix={result.matrix} />
}

function MatrixFileView({ name, matrix }: { name: string; matrix: MatrixUint64 }) {
  const rowLabels = useMemo(() => Array.from({ length: matrix.rows }, (_, i) => String(i + 1)), [matrix.rows])
  const colLabels = useMemo(() => Array.from({ length: matrix.cols }, (_, j) => String(j + 1)), [matrix.cols])
  return (
    <div className="space-y-2">
      <p className="text-sm">
        A MatrixUint64 of {matrix.rows} × {matrix.cols} cells, total {matrix.totalExact()}, largest {matrix.maxExact()}.
      </p>
      <Heatmap label={`Matrix from ${name}`} rows={matrix.rows} cols={matrix.cols} values={matrix.values} rowLabels={rowLabels} colLabels={colLabels} formatValue={(v) => v.toLocaleString('en')} formatExact={(i, j) => matrix.getExact(i, j)} fileName={name.replace(/\.json$/i, '')} />
    </div>
  )
}
