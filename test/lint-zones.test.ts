// The house rules of ARCHITECTURE.md, held by lint: each fixture breaks (or keeps) one rule and
// runs through the project's real ESLint configuration as if it lived at the path it names.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

const importOf = (spec: string, name = 'x') => `import { ${name} } from '${spec}'\nexport const y = ${name}\n`

const broken: [rule: string, file: string, code: string, ruleId: string][] = [
  ['lib imports no api', 'src/lib/fixture.ts', importOf('@/api/errors.ts', 'ApiError'), 'import-x/no-restricted-paths'],
  ['lib imports no components', 'src/lib/fixture.ts', importOf('@/components/states.tsx', 'ErrorView'), 'import-x/no-restricted-paths'],
  ['lib imports no routes', 'src/lib/fixture.ts', importOf('@/routes/__root.tsx', 'Route'), 'import-x/no-restricted-paths'],
  ['api imports no components', 'src/api/fixture.ts', importOf('@/components/states.tsx', 'ErrorView'), 'import-x/no-restricted-paths'],
  ['api imports no routes', 'src/api/fixture.ts', importOf('../routes/__root.tsx', 'Route'), 'import-x/no-restricted-paths'],
  ['components import no routes', 'src/components/Fixture.tsx', importOf('@/routes/__root.tsx', 'Route'), 'import-x/no-restricted-paths'],
  ['components import no features', 'src/components/Fixture.tsx', importOf('@/features/inputs/InputThumbnail.tsx', 'InputThumbnail'), 'import-x/no-restricted-paths'],
  ['features import no routes', 'src/features/inputs/Fixture.tsx', importOf('@/routes/__root.tsx', 'Route'), 'import-x/no-restricted-paths'],
  ['demo imports no UI', 'src/demo/fixture.ts', importOf('@/components/states.tsx', 'ErrorView'), 'import-x/no-restricted-paths'],
  ['server imports no UI', 'server/fixture.ts', importOf('../src/features/inputs/InputThumbnail.tsx', 'InputThumbnail'), 'import-x/no-restricted-paths'],
  ["a route imports no other route's -components", 'src/routes/$user/$app/tasks/fixture.tsx', importOf('../datasets/-components/MetricsTable.tsx', 'MetricsTable'), 'house/route-private'],
  ["a feature imports no route's -components", 'src/features/inputs/Fixture.tsx', importOf('@/routes/$user/$app/datasets/-components/MetricsTable.tsx', 'MetricsTable'), 'house/route-private'],
  ['only src/api reads the contract', 'src/components/Fixture.tsx', "import createClient from 'openapi-fetch'\nexport const y = createClient\n", 'no-restricted-imports'],
  ['only src/api reads the generated contract', 'src/features/inputs/fixture.ts', "import spec from '@/api/openapi.json'\nexport const y = spec\n", 'no-restricted-imports'],
  ['only src/api talks to the network', 'src/components/fixture.ts', 'export const y = fetch("/v2/users/me")\n', 'no-restricted-globals'],
]

const allowed: [rule: string, file: string, code: string][] = [
  ['a route uses its own folder’s -components', 'src/routes/$user/$app/datasets/$dataset/fixture.tsx', importOf('../-components/MetricsTable.tsx', 'MetricsTable')],
  ['features use components, api and lib', 'src/features/inputs/Fixture.tsx', importOf('@/components/states.tsx', 'ErrorView') + importOf('@/api/errors.ts', 'ApiError').replace('y =', 'z =') ],
  ['routes use features', 'src/routes/fixture.tsx', importOf('@/features/inputs/InputThumbnail.tsx', 'InputThumbnail')],
]

describe('lint enforces the house rules', () => {
  it.each(broken)('%s', async (_rule, file, code, ruleId) => {
    expect(await ruleIds(file, code)).toContain(ruleId)
  })

  it.each(allowed)('allows: %s', async (_rule, file, code) => {
    expect(await ruleIds(file, code)).toEqual([])
  })
})
