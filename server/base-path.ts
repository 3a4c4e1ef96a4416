/**
 * The app's base path: where the console lives on its host. One env var, `BASE_PATH`, feeds both
 * the Vite build (absolute asset URLs, router basepath) and the server (where it mounts the
 * console), so a build and the server that serves it always agree.
 */

/** Normalizes `BASE_PATH` to what Vite's `base` expects: '/' by default, else '/a/b/'. */
export function normalizeBasePath(raw: string | undefined): string {
  const value = (raw ?? '').trim()
  if (value === '' || value === '/') return '/'
  // Opting back into relative URLs is allowed, but deep links then need a <base> (see README).
  if (value === '.' || value === './') return './'
  if (/^https?:\/\//i.test(value)) return value.endsWith('/') ? value : `${value}/`
  const segments = value.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (segments.some((segment) => segment === '..')) throw new Error(`BASE_PATH must not contain '..': ${raw}`)
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`
}

/** The path part of a base, for mounting routes: './' and full URLs reduce to a path. */
export function basePathname(base: string): string {
  if (base === './') return '/'
  if (/^https?:\/\//i.test(base)) return normalizeBasePath(new URL(base).pathname)
  return normalizeBasePath(base)
}

/**
 * The base a built index.html was made with: the prefix of its first `.../assets/` URL.
 * Returns undefined when the page references no assets.
 */
export function builtBase(indexHtml: string): string | undefined {
  const match = /\b(?:src|href)\s*=\s*["']([^"']*?)assets\//i.exec(indexHtml)
  return match ? match[1] : undefined
}
