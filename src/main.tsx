import { startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { startTheme } from './components/theme.ts'
import { yieldToMain } from './lib/yield-to-main.ts'
import './styles.css'

// Before anything renders, so the first paint already has the remembered theme.
startTheme()

// Booting is split into tasks, each short enough not to hold up input or a paint (no main-thread
// task over 50 ms while a page loads):
// 1. this module with the libraries (the `vendor` chunk: React, react-dom, router, query);
// 2. the app's own modules (the `app` chunk, which index.html preloads beside this one);
// 3. the runtime config and creating the router, then 4. the router's first load (matching,
// loaders, route chunks); 5. the first render, which React slices between components as a
// transition. server/vite-spa-plugin.ts (bootChunks) makes the two chunks.
async function start() {
  await yieldToMain()
  // The demo build's API is a service worker: it starts while the app's modules load and run.
  const demo = import.meta.env.MODE === 'demo' ? import('./mocks/browser.ts').then(({ startDemoWorker }) => startDemoWorker()) : undefined
  // (Its failure is prepareApp's to report; observed here too in case the app's code fails first.)
  demo?.catch(() => undefined)
  const { prepareApp } = await import('./app.tsx')
  await yieldToMain()
  const app = await prepareApp(demo)
  const root = createRoot(document.getElementById('root') as HTMLElement)
  // As a transition, the first render yields between components instead of being one long task;
  // only its commit is one piece.
  startTransition(() => root.render(app))
}

/**
 * When the app cannot start (its code did not load, as after a deploy replaced the files this page
 * names, or the demo's service worker was refused): said in place of the page, with what to do.
 */
function StartFailure({ error }: { error: unknown }) {
  return (
    <div role="alert" className="mx-auto mt-16 max-w-xl space-y-3 rounded-lg border border-red-300 bg-red-50 p-6 text-slate-900 dark:border-red-800 dark:bg-red-950 dark:text-slate-100">
      <h1 className="text-lg font-semibold">The console could not start</h1>
      <p>Part of its code or setup did not load. If the console was updated a moment ago, reloading gets the new version; otherwise check the connection and reload.</p>
      <pre className="overflow-x-auto whitespace-pre-wrap text-xs text-slate-600 dark:text-slate-300">{error instanceof Error ? error.message : String(error)}</pre>
      {/* Focused: the one thing to do here. */}
      <button type="button" autoFocus className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-slate-100 dark:text-slate-900" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  )
}

start().catch((error: unknown) => createRoot(document.getElementById('root') as HTMLElement).render(<StartFailure error={error} />))
