import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'

const sealedApi = {
  patterns: [
    {
      group: ['openapi-fetch', 'openapi-react-query', '**/api/schema', '**/api/schema.d.ts', '**/api/openapi.json'],
      message: 'Only src/api/ talks to the network and reads the generated contract: use the query option factories.',
    },
  ],
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'src/routeTree.gen.ts', 'src/api/schema.d.ts', 'public/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', sealedApi],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Network access goes through src/api/.' }],
    },
  },
  {
    // The sealed layer itself, the stand-in API, the host server, generators, tests and benches may use the network and the contract.
    files: ['src/api/**', 'src/demo/**', 'server/**', 'scripts/**', 'e2e/**', 'bench/**', 'test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
)
