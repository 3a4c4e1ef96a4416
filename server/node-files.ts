import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { FileSource } from './static.ts'

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/** The build on disk: files under `distDir` only, never anything beside it. */
export function nodeFiles(distDir: string): FileSource {
  const root = path.resolve(distDir)
  return async (relative) => {
    if (relative.includes('\0')) return undefined
    const file = path.resolve(root, relative)
    if (!isInside(root, file)) return undefined
    let info
    try {
      info = await stat(file)
    } catch {
      return undefined
    }
    if (!info.isFile()) return undefined
    return {
      size: info.size,
      version: `${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}`,
      lastModified: info.mtime,
      body: () => Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>,
      text: () => readFile(file, 'utf8'),
    }
  }
}
