import { useId } from 'react'
import { parseThemeChoice, THEME_CHOICES, type ThemeChoice } from '@/lib/theme.ts'
import { setThemeChoice, useThemeChoice } from './theme.ts'

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/** System, light or dark; remembered on this device. */
export function ThemeSwitch({ className = '' }: { className?: string }) {
  const choice = useThemeChoice()
  const id = useId()
  return (
    <span className={`flex items-center gap-1.5 text-sm ${className}`}>
      <label htmlFor={id} className="text-slate-600 dark:text-slate-400">
        Theme
      </label>
      <select
        id={id}
        value={choice}
        onChange={(event) => setThemeChoice(parseThemeChoice(event.target.value))}
        className="min-h-9 rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </span>
  )
}
