import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useNavigate } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { appQueries } from '@/api/queries/apps.ts'
import { datasetQueries } from '@/api/queries/datasets.ts'
import { modelQueries } from '@/api/queries/models.ts'
import { useSession } from '@/api/use-session.ts'
import { parsePortalUrl } from '@/lib/portal-url.ts'
import { rankPaletteItems, type PaletteItem } from '@/lib/palette.ts'

const LIMIT = { per_page: 1000 } as const

/** Ctrl/Cmd+K: jump to any app, model or dataset by id, or paste a clarifai.com link. */
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
        className="hidden items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-500 hover:bg-slate-50 sm:flex dark:border-slate-700 dark:hover:bg-slate-900"
      >
        Jump to…
        <kbd className="rounded border border-slate-300 px-1 text-xs dark:border-slate-600">Ctrl K</kbd>
      </button>
      {isOpen && <PaletteDialog onClose={() => setIsOpen(false)} />}
    </>
  )
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const userId = useSession()?.userId ?? 'me'
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = useId()
  // Fetched when the palette opens, not before: most visits never open it.
  const apps = useQuery(appQueries.list(userId, LIMIT))
  const models = useQuery(modelQueries.listForUser(userId, LIMIT))
  const datasets = useQuery(datasetQueries.listForUser(userId, LIMIT))
  const isLoading = apps.isPending || models.isPending || datasets.isPending

  const items = useMemo(() => {
    // Links carry the owner's real id rather than `me`, so they can be shared.
    const all: PaletteItem[] = [
      ...(apps.data?.apps ?? []).map((app) => ({ kind: 'App', id: app.id ?? '', detail: app.name, path: `/${app.user_id ?? userId}/${app.id}` })),
      ...(models.data?.models ?? []).map((model) => ({
        kind: 'Model',
        id: model.id ?? '',
        detail: model.app_id,
        path: `/${model.user_id ?? userId}/${model.app_id}/models/${model.id}`,
      })),
      ...(datasets.data?.datasets ?? []).map((dataset) => ({
        kind: 'Dataset',
        id: dataset.id ?? '',
        detail: dataset.app_id,
        path: `/${dataset.user_id ?? userId}/${dataset.app_id}/datasets/${dataset.id}`,
      })),
    ].filter((item) => item.id)
    const portal = parsePortalUrl(text, { consoleOrigin: window.location.origin })
    const ranked = rankPaletteItems(all, text, 30)
    return portal && /[/.]/.test(text) ? [{ kind: 'Link', id: portal.path, detail: 'Open this address', path: portal.path }, ...ranked] : ranked
  }, [apps.data, models.data, datasets.data, text, userId])

  useEffect(() => inputRef.current?.focus(), [])
  useEffect(() => setActive(0), [text])

  const open = (item: PaletteItem | undefined) => {
    if (!item) return
    onClose()
    void navigate({ href: item.path })
  }
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose()
    else if (event.key === 'ArrowDown') {
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
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-950/40 p-4 pt-[12vh]" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-label="Jump to" className="w-full max-w-xl overflow-hidden rounded-xl bg-white shadow-2xl dark:bg-slate-900" onKeyDown={handleKeyDown}>
        <input
          ref={inputRef}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={items[active] ? `${listId}-${active}` : undefined}
          aria-label="App, model or dataset id, or a clarifai.com link"
          placeholder="App, model or dataset id, or paste a clarifai.com link"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-base outline-none dark:border-slate-800"
        />
        <ul id={listId} role="listbox" aria-label="Matches" className="max-h-80 overflow-auto py-1">
          {items.map((item, index) => (
            <li
              key={`${item.kind}:${item.path}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseEnter={() => setActive(index)}
              onClick={() => open(item)}
              className={`flex cursor-pointer items-baseline gap-3 px-4 py-2 text-sm ${index === active ? 'bg-blue-50 dark:bg-blue-950/50' : ''}`}
            >
              <span className="w-16 shrink-0 text-xs uppercase tracking-wide text-slate-500">{item.kind}</span>
              <span className="font-mono">{item.id}</span>
              {item.detail && <span className="truncate text-xs text-slate-500">{item.detail}</span>}
            </li>
          ))}
          {items.length === 0 && <li className="px-4 py-3 text-sm text-slate-500">{isLoading ? 'Loading…' : 'No matches.'}</li>}
        </ul>
      </div>
    </div>
  )
}
