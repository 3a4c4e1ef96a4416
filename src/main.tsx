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
  const { prepareApp } = await import('./app.tsx')
  await yieldToMain()
  const app = await prepareApp(demo)
  const root = createRoot(document.getElementById('root') as HTMLElement)
  // As a transition, the first render yields between components instead of being one long task;
  // only its commit is one piece.
  startTransition(() => root.render(app))
}

void start()
