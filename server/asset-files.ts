import type { FileSource } from './static.ts'

/** What Cloudflare's static-assets binding (and a workerd disk service) offers: fetch by path. */
export interface AssetFetcher {
  fetch(input: Request | string): Promise<Response>
}

/**
 * The build as the edge stores it: each lookup is a GET on the assets binding, whose answer is
 * read whole (assets are at most a few hundred KB) so its size is known before the headers go out.
 */
export function assetFiles(assets: AssetFetcher): FileSource {
  return async (relative) => {
    const url = `https://assets.local/${relative.split('/').map(encodeURIComponent).join('/')}`
    const response = await assets.fetch(new Request(url, { redirect: 'manual' }))
    if (response.status !== 200) {
      await response.body?.cancel()
      return undefined
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    const lastModified = response.headers.get('last-modified')
    const validator = response.headers.get('etag')?.replace(/^W\//, '').replaceAll('"', '')
    return {
      size: bytes.byteLength,
      version: validator || `${bytes.byteLength.toString(16)}-${lastModified ? Date.parse(lastModified).toString(16) : '0'}`,
      lastModified: lastModified ? new Date(lastModified) : undefined,
      body: () => new Response(bytes).body!,
      text: async () => new TextDecoder().decode(bytes),
    }
  }
}
