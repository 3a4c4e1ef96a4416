// The deploy configs in deploy/ spell out the headers the console's own server sends; these tests
// hold them to server/security-headers.ts, the one source, so a policy change cannot miss a host.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SECURITY_HEADERS } from './security-headers.ts'

const DEPLOY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../deploy')
const read = (file: string) => readFileSync(path.join(DEPLOY, file), 'utf8')

/** Lower-cased names, as SECURITY_HEADERS has them. */
function lowerNames(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
}

function securityPart(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(lowerNames(headers)).filter(([name]) => name in SECURITY_HEADERS))
}

interface NginxBlock {
  name: string
  addHeaders: Array<{ name: string; value: string; always: boolean }>
}

/** The `server` block and each `location` in it, with their own add_header lines (nginx does not merge levels). */
function nginxBlocks(conf: string): NginxBlock[] {
  const blocks: NginxBlock[] = []
  const stack: NginxBlock[] = []
  for (const raw of conf.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim()
    // `if (…) {` too, so its closing brace ends it and not the location around it.
    const opening = /^(server|location\s+[^{]+?|if\s*\(.*\))\s*\{$/.exec(line)
    if (opening) {
      const block: NginxBlock = { name: opening[1]!, addHeaders: [] }
      blocks.push(block)
      stack.push(block)
      continue
    }
    if (line === '}') {
      stack.pop()
      continue
    }
    const header = /^add_header\s+(\S+)\s+"([^"]*)"(\s+always)?;$/.exec(line)
    if (header) stack.at(-1)!.addHeaders.push({ name: header[1]!.toLowerCase(), value: header[2]!, always: !!header[3] })
  }
  return blocks
}

describe('deploy configs send the same security headers as the server', () => {
  it.each(['nginx/clarifai-console.conf', 'nginx/clarifai-console-subpath.conf'])('%s: on every response, in every location that sets headers', (file) => {
    const blocks = nginxBlocks(read(file))
    expect(blocks[0]?.name).toBe('server')
    expect(blocks.length).toBeGreaterThan(2)
    for (const block of blocks) {
      // A location without add_header inherits the server's lines; one with its own must repeat them.
      if (block.name !== 'server' && block.addHeaders.length === 0) continue
      const security = block.addHeaders.filter((h) => h.name in SECURITY_HEADERS)
      expect(Object.fromEntries(security.map((h) => [h.name, h.value])), block.name).toEqual(SECURITY_HEADERS)
      // `always`: error answers (404, 502) carry them too, as the server's do.
      expect(security.every((h) => h.always), `${block.name}: always`).toBe(true)
    }
  })

  it('netlify.toml, on every path', () => {
    const toml = read('netlify/netlify.toml')
    const rules = toml.split('[[headers]]').slice(1)
    const everyPath = rules.find((rule) => /^\s*for\s*=\s*"\/\*"/m.test(rule))
    expect(everyPath, 'a [[headers]] rule for "/*"').toBeDefined()
    const values = Object.fromEntries([...everyPath!.matchAll(/^\s*([A-Za-z-]+)\s*=\s*"([^"]*)"\s*$/gm)].map((m) => [m[1]!, m[2]!]))
    expect(securityPart(values)).toEqual(SECURITY_HEADERS)
  })

  it('vercel.json, on every path', () => {
    const config = JSON.parse(read('vercel/vercel.json')) as { headers: Array<{ source: string; headers: Array<{ key: string; value: string }> }> }
    const everyPath = config.headers.find((rule) => rule.source === '/(.*)')
    expect(everyPath, 'a headers rule for "/(.*)"').toBeDefined()
    expect(securityPart(Object.fromEntries(everyPath!.headers.map((h) => [h.key, h.value])))).toEqual(SECURITY_HEADERS)
  })
})
