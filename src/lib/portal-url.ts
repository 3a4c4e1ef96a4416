/**
 * Clarifai's portal URLs (`https://clarifai.com/{user}/{app}/{kind}/{id}[/versions/{version}]`)
 * mirror the console's routes, so opening one here means keeping the path and dropping the host.
 */
const KINDS = new Set(['models', 'datasets', 'evaluations', 'tasks', 'workflows', 'inputs', 'concepts', 'modules'])
/** Resources the console has pages for; others open their app's overview. */
const CONSOLE_KINDS = new Set(['models', 'datasets', 'evaluations', 'tasks'])
const ID = /^[A-Za-z0-9][\w.-]*$/

export interface PortalTarget {
  /** Console path, e.g. `/clarifai/main/models/general-image-recognition`. */
  path: string
  user: string
  app?: string
  kind?: string
  id?: string
  version?: string
}

export function parsePortalUrl(input: string): PortalTarget | null {
  const text = input.trim()
  if (!text) return null
  let pathname: string
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : text.startsWith('/') ? `https://x${text}` : `https://${text}`)
    if (!/^https?:$/.test(url.protocol)) return null
    pathname = url.pathname
  } catch {
    return null
  }
  const parts = pathname
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part)
      } catch {
        return part
      }
    })
  const [user, app, kind, id, versions, version] = parts
  if (!user || !ID.test(user) || user === 'explore' || user === 'connect') return null
  if (!app) return { path: `/${enc(user)}`, user }
  if (!ID.test(app)) return null
  const appPath = `/${enc(user)}/${enc(app)}`
  if (!kind || !KINDS.has(kind)) return { path: appPath, user, app }
  if (!CONSOLE_KINDS.has(kind)) return { path: appPath, user, app, kind, ...(id ? { id } : {}) }
  if (!id || !ID.test(id)) return { path: `${appPath}/${kind}`, user, app, kind }
  const resourcePath = `${appPath}/${kind}/${enc(id)}`
  if (versions === 'versions' && version && ID.test(version) && (kind === 'models' || kind === 'datasets')) {
    return { path: `${resourcePath}/versions/${enc(version)}`, user, app, kind, id, version }
  }
  return { path: resourcePath, user, app, kind, id }
}

function enc(part: string): string {
  return encodeURIComponent(part)
}
