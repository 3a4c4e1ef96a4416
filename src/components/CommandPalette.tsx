import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useNavigate, useParams } from '@tanstack/react-router'
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query'
import { appQueries } from '@/api/queries/apps.ts'
import { datasetQueries } from '@/api/queries/datasets.ts'
import { evaluationQueries } from '@/api/queries/evaluations.ts'
import { modelQueries } from '@/api/queries/models.ts'
import { taskQueries } from '@/api/queries/tasks.ts'
import { useSession } from '@/api/use-session.ts'
import { parsePortalUrl } from '@/lib/portal-url.ts'
import { paletteSearchQuery, rankPaletteItems, truncationNote, type PaletteItem, type PaletteSource } from '@/lib/palette.ts'
import { Dialog } from './Dialog.tsx'

/** Items asked for per searchable kind and keystroke (the API filters by the text). */
const SEARCH_PAGE = 25
/** Evaluations and tasks cannot be filtered by text on the server: pages of this size, on demand. */
const BROWSE_PAGE = 200
const MAX_SHOWN = 40
const TYPING_PAUSE_MS = 200

/** Ctrl/Cmd+K or the header button: jump to any app, model, dataset, evaluation or task, or paste a clarifai.com link. */
export function CommandPalette() {
  const [isOpen, setIsOpen] = useState(false)
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        setIsOpen((open) => !open)
      } else if (event.key === '/' && !isTyping(event.target)) {
        const search = document.querySelector<HTMLInputElement>('[data-page-search]')
        if (search) {
          event.preventDefault()
          search.focus()
        }
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <>
      <button
        type="button"
        onClick={() => setIsOpen(true)}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className="flex min-h-9 items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-900"
      >
        <SearchIcon />
        <span className="sr-only sm:not-sr-only">Jump to…</span>
        <kbd className="hidden rounded border border-slate-300 px-1 text-xs sm:inline dark:border-slate-600">Ctrl K</kbd>
      </button>
      {isOpen && <PaletteDialog onClose={() => setIsOpen(false)} />}
    </>
  )
}

function SearchIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4.5 4.5" strokeLinecap="round" />
    </svg>
  )
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const userId = useSession()?.userId ?? 'me'
  const params = useParams({ strict: false }) as { user?: string; app?: string }
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const [evaluationPages, setEvaluationPages] = useState(1)
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = useId()
  const noteId = useId()

  // Apps, models and datasets are filtered by the API: a few items per kind and pause in typing,
  // never the whole account. Fetched when the palette opens, not before.
  const query = paletteSearchQuery(useSettled(text, TYPING_PAUSE_MS), SEARCH_PAGE)
  const keep = { placeholderData: keepPreviousData }
  const apps = useQuery({ ...appQueries.list(userId, query), ...keep })
  const models = useQuery({ ...modelQueries.listForUser(userId, query), ...keep })
  const datasets = useQuery({ ...datasetQueries.listForUser(userId, query), ...keep })
  // Evaluations have no text filter: newest first, page by page when asked.
  const evaluations = useQueries({
    queries: Array.from({ length: evaluationPages }, (_, i) =>
      evaluationQueries.listForUser(userId, { page: i + 1, per_page: BROWSE_PAGE, sort_by_created_at: true }),
    ),
  })
  // Tasks are listed per app only: the app being viewed.
  const taskApp = params.user && params.app ? { user: params.user, app: params.app } : undefined
  const tasks = useQuery({ ...taskQueries.list(taskApp?.user ?? userId, taskApp?.app ?? '', { per_page: BROWSE_PAGE + 1 }), enabled: !!taskApp })
  const isLoading = apps.isPending || models.isPending || datasets.isPending

  const evaluationList = evaluations.flatMap((page) => page.data?.eval_metrics ?? [])
  const lastEvaluationPage = evaluations[evaluations.length - 1]?.data?.eval_metrics
  const hasMoreEvaluations = (lastEvaluationPage?.length ?? 0) >= BROWSE_PAGE

  const sources: PaletteSource[] = [
    { noun: 'apps', searched: SEARCH_PAGE, hasMore: (apps.data?.apps?.length ?? 0) > SEARCH_PAGE, isSearchedOnServer: true },
    { noun: 'models', searched: SEARCH_PAGE, hasMore: (models.data?.models?.length ?? 0) > SEARCH_PAGE, isSearchedOnServer: true },
    { noun: 'datasets', searched: SEARCH_PAGE, hasMore: (datasets.data?.datasets?.length ?? 0) > SEARCH_PAGE, isSearchedOnServer: true },
    { noun: 'evaluations', searched: evaluationList.length, hasMore: hasMoreEvaluations, isSearchedOnServer: false },
    { noun: 'tasks of this app', searched: BROWSE_PAGE, hasMore: (tasks.data?.tasks?.length ?? 0) > BROWSE_PAGE, isSearchedOnServer: false },
  ]
  const note = truncationNote(sources)

  // Ranking a few hundred items per render costs well under a millisecond.
  const items = (() => {
    // Links carry the owner's real id rather than `me`, so they can be shared.
    const all: PaletteItem[] = [
      ...(apps.data?.apps ?? []).slice(0, SEARCH_PAGE).map((app): PaletteItem => ({ kind: 'App', id: app.id ?? '', name: app.name, path: `/${app.user_id ?? userId}/${app.id}` })),
      ...(models.data?.models ?? []).slice(0, SEARCH_PAGE).map(
        (model): PaletteItem => ({ kind: 'Model', id: model.id ?? '', name: model.name, detail: model.app_id, path: `/${model.user_id ?? userId}/${model.app_id}/models/${model.id}` }),
      ),
      ...(datasets.data?.datasets ?? []).slice(0, SEARCH_PAGE).map(
        (dataset): PaletteItem => ({ kind: 'Dataset', id: dataset.id ?? '', detail: dataset.app_id, path: `/${dataset.user_id ?? userId}/${dataset.app_id}/datasets/${dataset.id}` }),
      ),
      ...evaluationList.map(
        (evaluation): PaletteItem => ({
          kind: 'Evaluation',
          id: evaluation.id ?? '',
          detail: [evaluation.model?.id, evaluation.app_id].filter(Boolean).join(' · '),
          path: `/${evaluation.user_id ?? userId}/${evaluation.app_id}/evaluations/${evaluation.id}`,
        }),
      ),
      ...(taskApp ? (tasks.data?.tasks ?? []).slice(0, BROWSE_PAGE) : []).map(
        (task): PaletteItem => ({ kind: 'Task', id: task.id ?? '', name: task.name, detail: task.app_id ?? taskApp?.app, path: `/${task.user_id ?? taskApp?.user}/${task.app_id ?? taskApp?.app}/tasks/${task.id}` }),
      ),
    ].filter((item) => item.id)
    const portal = parsePortalUrl(text, { consoleOrigin: window.location.origin })
    const ranked = rankPaletteItems(all, text, MAX_SHOWN)
    return portal && /[/.]/.test(text) ? [{ kind: 'Link' as const, id: portal.path, detail: 'Open this address', path: portal.path }, ...ranked] : ranked
  })()

  useEffect(() => setActive(0), [text])

  const open = (item: PaletteItem | undefined) => {
    if (!item) return
    onClose()
    void navigate({ href: item.path })
  }
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setActive((i) => Math.min(items.length - 1, i + 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => Math.max(0, i - 1))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      open(items[active])
    }
  }
  return (
    <Dialog label="Jump to" onClose={onClose} initialFocus={inputRef} className="max-h-[80dvh] max-w-xl">
      <div className="flex items-center border-b border-slate-200 dark:border-slate-800">
        <input
          ref={inputRef}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-describedby={note ? noteId : undefined}
          aria-activedescendant={items[active] ? `${listId}-${active}` : undefined}
          aria-label="App, model, dataset, evaluation or task id, or a clarifai.com link"
          placeholder="Id or name, or paste a clarifai.com link"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={handleKeyDown}
          className="min-w-0 flex-1 bg-transparent px-4 py-3 text-base outline-none placeholder:text-slate-500 dark:placeholder:text-slate-400"
        />
        <button type="button" onClick={onClose} className="mr-2 rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
          Close
        </button>
      </div>
      <ul id={listId} role="listbox" aria-label="Matches" className="min-h-0 flex-1 overflow-auto py-1">
        {items.map((item, index) => (
          <li
            key={`${item.kind}:${item.path}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseEnter={() => setActive(index)}
            onClick={() => open(item)}
            className={`flex cursor-pointer flex-wrap items-baseline gap-x-3 px-4 py-2 text-sm ${index === active ? 'bg-blue-50 dark:bg-blue-950' : ''}`}
          >
            <span className="w-20 shrink-0 text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">{item.kind}</span>
            <span className="min-w-0 break-all font-mono">{item.id}</span>
            {describe(item) && <span className="min-w-0 truncate text-xs text-slate-600 dark:text-slate-400">{describe(item)}</span>}
          </li>
        ))}
        {items.length === 0 && <li className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">{isLoading ? 'Loading…' : 'No matches.'}</li>}
      </ul>
      {(note || !taskApp) && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-200 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
          {note && <p id={noteId}>{note}</p>}
          {hasMoreEvaluations && (
            <button type="button" onClick={() => setEvaluationPages((n) => n + 1)} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
              Search {BROWSE_PAGE} more evaluations
            </button>
          )}
          {!taskApp && <p>Tasks are found within the app you are viewing.</p>}
        </div>
      )}
    </Dialog>
  )
}

/** The name when it says more than the id, and where the item lives. */
function describe(item: PaletteItem): string {
  return [item.name !== item.id ? item.name : undefined, item.detail].filter(Boolean).join(' · ')
}
