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

export interface PortalUrlOptions {
  /** The console's own origin (`http://127.0.0.1:8080`): its links open too. */
  consoleOrigin?: string
}

/** clarifai.com and its subdomains (the portal's hosts). */
export function isClarifaiHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return host === 'clarifai.com' || host.endsWith('.clarifai.com')
}

/**
 * Why a pasted address cannot be opened, or `undefined` when it can: only clarifai.com portal
 * addresses, console paths (`/user/app/...`) and links to this console are taken.
 */
export function portalUrlProblem(input: string, options: PortalUrlOptions = {}): string | undefined {
  const text = input.trim()
  if (!text) return 'Paste a clarifai.com address or a console path.'
  const url = absolute(text)
  if (url && !text.startsWith('/') && !/^https?:$/.test(url.protocol)) return 'Only http and https addresses open here.'
  if (url && !text.startsWith('/') && !isClarifaiHost(url.hostname) && url.origin !== options.consoleOrigin) {
    return `${url.host} is not Clarifai: only clarifai.com addresses or console paths (starting with /) open here.`
  }
  return parsePortalUrl(text, options) ? undefined : 'That is not the address of a Clarifai user, app or resource.'
}

function absolute(text: string): URL | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[\w.-]+:\d+(\/|$)/.test(text) ? text : text.startsWith('/') ? `https://x${text}` : `https://${text}`)
  } catch {
    return undefined
  }
}

export function parsePortalUrl(input: string, options: PortalUrlOptions = {}): PortalTarget | null {
  const text = input.trim()
  if (!text) return null
  const url = absolute(text)
  if (!url || !/^https?:$/.test(url.protocol)) return null
  // Another site's path is not a console path: `https://example.com/foo` is not `/foo`.
  if (!text.startsWith('/') && !isClarifaiHost(url.hostname) && url.origin !== options.consoleOrigin) return null
  const pathname = url.pathname
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
