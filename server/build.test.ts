import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { basePathname, builtBase, normalizeBasePath } from './base-path.ts'
import { checkBuild, newestMtime } from './build.ts'
import { basePathFromEnv, bootChunks, spaFallback } from './vite-spa-plugin.ts'

const temps: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'console-build-'))
  temps.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function touch(file: string, secondsAgo: number, content = 'x') {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, content)
  const when = new Date(Date.now() - secondsAgo * 1000)
  utimesSync(file, when, when)
}

describe('base paths', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['some/sub/path', '/some/sub/path/'],
    ['/some/sub/path', '/some/sub/path/'],
    ['//some//sub/', '/some/sub/'],
    ['./', './'],
    ['https://cdn.example.com/console', 'https://cdn.example.com/console/'],
  ])('normalizes %j to %j', (raw, expected) => {
    expect(normalizeBasePath(raw)).toBe(expected)
  })

  it('refuses ..', () => {
    expect(() => normalizeBasePath('/a/../b')).toThrow()
  })

  it('reduces a base to the path the server mounts', () => {
    expect(basePathname('./')).toBe('/')
    expect(basePathname('https://cdn.example.com/console/')).toBe('/console/')
    expect(basePathname('/a/b/')).toBe('/a/b/')
  })

  it('reads the base a built index.html was made with', () => {
    expect(builtBase('<script type="module" crossorigin src="/some/sub/assets/index-1.js"></script>')).toBe('/some/sub/')
    expect(builtBase('<script type="module" src="./assets/index-1.js"></script>')).toBe('./')
    expect(builtBase('<link rel="stylesheet" href="/assets/a.css">')).toBe('/')
    expect(builtBase('<p>no assets</p>')).toBeUndefined()
    expect(basePathFromEnv({ BASE_PATH: 'docs' })).toBe('/docs/')
    expect(basePathFromEnv({})).toBe('/')
  })
})

describe('checkBuild', () => {
  function project() {
    const root = tempDir()
    touch(path.join(root, 'src', 'main.tsx'), 100)
    touch(path.join(root, 'src', 'routes', 'index.tsx'), 100)
    touch(path.join(root, 'index.html'), 100)
    touch(path.join(root, 'vite.config.ts'), 100)
    touch(path.join(root, 'public', 'favicon.svg'), 100)
    touch(path.join(root, 'dist', 'index.html'), 10, '<script src="/assets/index-1.js"></script>')
    for (const dir of ['src', 'src/routes', 'public']) utimesSync(path.join(root, dir), new Date(Date.now() - 100_000), new Date(Date.now() - 100_000))
    return root
  }

  it('is fresh when dist is newer than every input', async () => {
    const root = project()
    expect(await checkBuild(root, path.join(root, 'dist'), '/')).toEqual({ isStale: false, reason: 'dist/ is up to date' })
  })

  it('is stale without dist/index.html', async () => {
    const root = project()
    rmSync(path.join(root, 'dist'), { recursive: true })
    expect((await checkBuild(root, path.join(root, 'dist'), '/')).isStale).toBe(true)
  })

  it.each(['src/routes/index.tsx', 'index.html', 'vite.config.ts', 'public/favicon.svg'])('is stale when %s changed', async (input) => {
    const root = project()
    touch(path.join(root, input), 0)
    const check = await checkBuild(root, path.join(root, 'dist'), '/')
    expect(check.isStale).toBe(true)
    expect(check.reason).toContain(input.split('/')[0])
  })

  it('is stale when dist was built for another base path', async () => {
    const root = project()
    expect((await checkBuild(root, path.join(root, 'dist'), '/console/')).isStale).toBe(true)
    touch(path.join(root, 'dist', 'index.html'), 10, '<script src="./assets/index-1.js"></script>')
    // A relative build works at any mount point (the server adds a <base>).
    expect((await checkBuild(root, path.join(root, 'dist'), '/console/')).isStale).toBe(false)
  })

  it('finds the newest file in nested folders and 0 for missing paths', async () => {
    const root = project()
    expect(await newestMtime(path.join(root, 'missing'))).toBe(0)
    touch(path.join(root, 'src', 'a', 'b', 'c.ts'), 1)
    expect(await newestMtime(path.join(root, 'src'))).toBeGreaterThan(Date.now() - 5_000)
  })
})

describe('spaFallback vite plugin', () => {
  async function buildFixture(options: { base: string; mode?: string }) {
    const root = tempDir()
    writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><html><head><title>t</title></head><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>',
    )
    writeFileSync(path.join(root, 'main.js'), 'document.getElementById("root").textContent = "hi"\n')
    mkdirSync(path.join(root, 'public'))
    writeFileSync(path.join(root, 'public', 'favicon.svg'), '<svg/>')
    writeFileSync(path.join(root, 'public', 'mockServiceWorker.js'), '// worker\n')
    const { build } = await import('vite')
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      base: options.base,
      mode: options.mode ?? 'production',
      plugins: [spaFallback()],
      build: { outDir: path.join(root, 'dist') },
    })
    return path.join(root, 'dist')
  }

  it('writes 404.html as a copy of index.html, with absolute asset URLs for the base', async () => {
    const dist = await buildFixture({ base: '/some/sub/path/' })
    const index = readFileSync(path.join(dist, 'index.html'), 'utf8')
    expect(readFileSync(path.join(dist, '404.html'), 'utf8')).toBe(index)
    expect(builtBase(index)).toBe('/some/sub/path/')
    expect(existsSync(path.join(dist, 'config.json'))).toBe(false)
  })

  it('leaves the demo service worker out of every build but the demo one', async () => {
    const plain = await buildFixture({ base: '/' })
    expect(existsSync(path.join(plain, 'favicon.svg'))).toBe(true)
    expect(existsSync(path.join(plain, 'mockServiceWorker.js'))).toBe(false)
    const demo = await buildFixture({ base: '/', mode: 'demo' })
    expect(existsSync(path.join(demo, 'mockServiceWorker.js'))).toBe(true)
  })

  it('writes config.json saying demo in the demo build', async () => {
    const dist = await buildFixture({ base: '/', mode: 'demo' })
    expect(JSON.parse(readFileSync(path.join(dist, 'config.json'), 'utf8'))).toEqual({ mode: 'demo', demoToken: 'demo', demoUserId: 'demo' })
    expect(existsSync(path.join(dist, '404.html'))).toBe(true)
  })
})

describe('bootChunks (the first load as two chunks, two tasks)', () => {
  // A project in miniature: an entry with a library of its own, an app it imports dynamically
  // with another library, and a lazy page of the app with a library only it uses.
  function project(entryImportsApp: 'dynamic' | 'static' = 'dynamic'): string {
    const root = tempDir()
    const lib = (name: string) => {
      mkdirSync(path.join(root, 'node_modules', name), { recursive: true })
      writeFileSync(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, type: 'module', main: 'index.js' }))
      writeFileSync(path.join(root, 'node_modules', name, 'index.js'), `export const ${name.replace('-', '_')} = () => '${name}'.repeat(2)\n`)
    }
    lib('entry-lib')
    lib('app-lib')
    lib('lazy-lib')
    writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><html><head><title>t</title></head><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>',
    )
    writeFileSync(path.join(root, 'shared.js'), 'export const shared = (s) => `<${s}>`\n')
    writeFileSync(
      path.join(root, 'main.js'),
      entryImportsApp === 'dynamic'
        ? "import { entry_lib } from 'entry-lib'\nimport { shared } from './shared.js'\ndocument.title = shared(entry_lib())\nsetTimeout(() => import('./app.js').then(({ start }) => start()))\n"
        : "import { start } from './app.js'\nstart()\n",
    )
    writeFileSync(
      path.join(root, 'app.js'),
      "import { app_lib } from 'app-lib'\nimport { entry_lib } from 'entry-lib'\nimport { shared } from './shared.js'\nimport { page } from './page.js'\nexport function start() { document.body.append(shared(app_lib() + entry_lib() + page()), String(import('./lazy.js'))) }\n",
    )
    writeFileSync(path.join(root, 'page.js'), "export const page = () => 'page'\n")
    writeFileSync(path.join(root, 'lazy.js'), "import { lazy_lib } from 'lazy-lib'\nexport const lazy = () => lazy_lib()\n")
    return root
  }

  async function buildProject(root: string) {
    const { build } = await import('vite')
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [bootChunks({ entry: 'main.js', app: 'app.js' })],
      build: { outDir: path.join(root, 'dist'), minify: false },
    })
    const assets = path.join(root, 'dist', 'assets')
    const files = readdirSync(assets).filter((file) => file.endsWith('.js'))
    const read = (prefix: string) => {
      const file = files.find((f) => f.startsWith(`${prefix}-`))
      if (!file) throw new Error(`no ${prefix} chunk in ${files.join(', ')}`)
      return { file, code: readFileSync(path.join(assets, file), 'utf8') }
    }
    return { html: readFileSync(path.join(root, 'dist', 'index.html'), 'utf8'), files, read }
  }

  it("puts the entry's and the app's libraries in vendor, the app's own modules in app, and lazy ones apart", async () => {
    const { files, read } = await buildProject(project())
    const vendor = read('vendor')
    const app = read('app')
    const entry = read('index')
    expect(vendor.code).toContain('entry_lib = ')
    expect(vendor.code).toContain('app_lib = ')
    // The entry's own modules run in its task, with the libraries.
    expect(vendor.code).toContain('shared = ')
    expect(vendor.code).not.toContain('page = ')
    expect(app.code).toContain('page = ')
    expect(app.code).not.toContain('app_lib = ')
    // The lazy page and its library are neither: they load when asked for.
    for (const chunk of [vendor, app, entry]) expect(chunk.code).not.toContain('lazy_lib = ')
    expect(files.some((f) => f.startsWith('lazy-'))).toBe(true)
    // The entry imports vendor statically and app only dynamically (a task of its own).
    expect(entry.code).toMatch(new RegExp(`^import .*from "\\./${vendor.file.replace('.', '\\.')}"`, 'm'))
    expect(entry.code).not.toMatch(new RegExp(`^import .*from "\\./${app.file.replace('.', '\\.')}"`, 'm'))
    expect(entry.code).toContain(`import("./${app.file}")`)
  })

  it('preloads the app chunk from index.html, so it downloads beside the entry', async () => {
    const { html, read } = await buildProject(project())
    const { file } = read('app')
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="/assets/${file}">`)
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="/assets/${read('vendor').file}">`)
    expect(html.match(/modulepreload/g)?.length).toBe(new Set(html.match(/href="[^"]+\.js"/g)).size)
  })

  it('refuses an entry that imports the app statically (both would run in one task)', async () => {
    await expect(buildProject(project('static'))).rejects.toThrow(/imports app\.js statically/)
  })
})
