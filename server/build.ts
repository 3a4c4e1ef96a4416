import { existsSync, readFileSync, statSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { builtBase } from './base-path.ts'

/** What a build reads: a change to any of these makes dist/ stale. */
export const BUILD_INPUTS = ['src', 'index.html', 'public', 'vite.config.ts']

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.tanstack'])

/** Newest modification time (ms) of a file or anything under a directory; 0 when missing. */
export async function newestMtime(target: string): Promise<number> {
  let info
  try {
    info = await stat(target)
  } catch {
    return 0
  }
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs // a deleted file shows up as a newer directory
  const entries = await readdir(target, { withFileTypes: true })
  for (const entry of entries) {
    if (SKIPPED_DIRS.has(entry.name)) continue
    newest = Math.max(newest, await newestMtime(path.join(target, entry.name)))
  }
  return newest
}

export interface BuildCheck {
  isStale: boolean
  reason: string
}

/**
 * dist/ needs a build when it has no index.html, when a build input is newer than it, or when it
 * was built for another absolute base path than the one the server will mount it at.
 */
export async function checkBuild(rootDir: string, distDir: string, basePath: string): Promise<BuildCheck> {
  const indexFile = path.join(distDir, 'index.html')
  if (!existsSync(indexFile)) return { isStale: true, reason: `${path.relative(rootDir, indexFile) || indexFile} is missing` }
  const builtAt = statSync(indexFile).mtimeMs
  for (const input of BUILD_INPUTS) {
    const changedAt = await newestMtime(path.join(rootDir, input))
    if (changedAt > builtAt) return { isStale: true, reason: `${input} changed since the last build` }
  }
  const base = builtBase(readFileSync(indexFile, 'utf8'))
  if (base !== undefined && base.startsWith('/') && base !== basePath) {
    return { isStale: true, reason: `dist/ was built for base ${base}, serving at ${basePath}` }
  }
  return { isStale: false, reason: 'dist/ is up to date' }
}

/** Runs `vite build` in-process with the project's vite.config.ts. */
export async function runViteBuild(rootDir: string, outDir: string): Promise<void> {
  const { build } = await import('vite')
  await build({ root: rootDir, configFile: path.join(rootDir, 'vite.config.ts'), build: { outDir, emptyOutDir: true } })
}
