import { useSyncExternalStore } from 'react'
import { parseThemeChoice, resolveTheme, type Theme, type ThemeChoice } from '@/lib/theme.ts'

const STORAGE_KEY = 'clarifai-console.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

const listeners = new Set<() => void>()
let choice: ThemeChoice = 'system'
let isWatchingSystem = false

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(DARK_QUERY).matches
}

function readStoredChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(STORAGE_KEY))
  } catch {
    return 'system'
  }
}

function paint() {
  const theme = resolveTheme(choice, systemPrefersDark())
  // The stylesheet's `dark:` variant and `color-scheme` key off this attribute.
  document.documentElement.dataset.theme = theme
  for (const listener of listeners) listener()
}

/**
 * Reads the remembered choice and sets the theme on <html>. Called by main.tsx before the first
 * render; without it the stylesheet follows the system.
 */
export function startTheme() {
  choice = readStoredChoice()
  if (!isWatchingSystem && typeof window !== 'undefined' && window.matchMedia) {
    isWatchingSystem = true
    window.matchMedia(DARK_QUERY).addEventListener('change', () => choice === 'system' && paint())
  }
  paint()
}

/** Remembers the choice on this device ("system" forgets it) and applies it at once. */
export function setThemeChoice(next: ThemeChoice) {
  choice = next
  try {
    if (next === 'system') localStorage.removeItem(STORAGE_KEY)
    else localStorage.setItem(STORAGE_KEY, next)
  } catch {
    // Storage may be unavailable (private modes); the choice still holds for this page.
  }
  paint()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, () => choice, () => 'system')
}

/** The theme being drawn, for code that paints colours itself (canvas). */
export function useTheme(): Theme {
  return useSyncExternalStore(
    subscribe,
    () => (document.documentElement.dataset.theme === 'dark' ? 'dark' : document.documentElement.dataset.theme === 'light' ? 'light' : resolveTheme('system', systemPrefersDark())),
    () => 'light',
  )
}
