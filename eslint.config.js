import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import path from 'node:path'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'

const sealedApi = {
  patterns: [
    {
      group: ['openapi-fetch', 'openapi-react-query', '**/api/schema', '**/api/schema.d.ts', '**/api/openapi.json'],
      message: 'Only src/api/ talks to the network and reads the generated contract: use the query option factories.',
    },
  ],
}

const src = path.join(import.meta.dirname, 'src')

/**
 * The layers of the house (ARCHITECTURE.md): each zone names a folder and what it may not import.
 * lib -> nothing of ours; api -> lib; components -> api, lib; features -> components, api, lib;
 * routes -> all but another route's -components/; demo and server -> no UI.
 */
const zones = [
  { target: './src/lib', from: ['./src/api', './src/components', './src/features', './src/routes', './src/demo'], message: 'lib is pure logic: it imports nothing else of ours.' },
  { target: './src/api', from: ['./src/components', './src/features', './src/routes', './src/demo'], message: 'api imports only lib.' },
  { target: './src/components', from: ['./src/features', './src/routes', './src/demo'], message: 'components import only api and lib.' },
  { target: './src/features', from: ['./src/routes', './src/demo'], message: 'features import components, api and lib, never a route.' },
  { target: ['./src/demo', './server'], from: ['./src/components', './src/features', './src/routes', './src/main.tsx', './src/router.tsx'], message: 'The stand-in API and the server import no UI code.' },
]

/**
 * A route's -components/ folder belongs to the routes in the folder that holds it: nothing outside
 * that folder imports it (what several routes share lives in src/features/ or src/components/).
 */
const routePrivate = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const check = (node) => {
      const spec = node.source?.value
      if (typeof spec !== 'string' || !spec.includes('-components/')) return
      const file = context.filename
      const target = spec.startsWith('@/') ? path.join(src, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null
      if (!target) return
      const owner = target.slice(0, target.indexOf(`${path.sep}-components${path.sep}`))
      if (!file.startsWith(owner + path.sep)) {
        context.report({ node: node.source, message: `${spec} is private to the routes in ${path.relative(src, owner) || 'src'}/: move what is shared to src/features/ or src/components/.` })
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check }
  },
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'src/routeTree.gen.ts', 'src/api/schema.d.ts', 'public/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, house: { rules: { 'route-private': routePrivate } } },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'], alias: { '@': [src] } })] },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', sealedApi],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Network access goes through src/api/.' }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'house/route-private': 'error',
    },
  },
  {
    // The sealed layer itself, the stand-in API, the host server, generators, tests and benches may use the network and the contract.
    files: ['src/api/**', 'src/demo/**', 'server/**', 'scripts/**', 'e2e/**', 'bench/**', 'test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  {
    // Tests drive the real stand-in API and the real routes, whatever layer they test.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
)
