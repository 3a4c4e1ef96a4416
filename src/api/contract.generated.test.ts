// The generated contract files are committed and never edited: a fresh run of the generator
// (in memory) must reproduce them byte for byte. On failure run `npm run gen:api`.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateApi, OUTPUTS, PROJECT_ROOT, type GeneratedApi } from '../../scripts/gen-api.ts'
import type { OperationInfo } from './operations.ts'

function firstDifference(a: string, b: string): string {
  const la = a.split('\n')
  const lb = b.split('\n')
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}:\n  committed: ${la[i] ?? '<end of file>'}\n  generated: ${lb[i] ?? '<end of file>'}`
  }
  return 'no difference'
}

describe('generated API contract', () => {
  let generated: GeneratedApi
  const fresh = async (): Promise<GeneratedApi> => (generated ??= await generateApi())

  for (const rel of Object.values(OUTPUTS)) {
    it(`${rel} is up to date (npm run gen:api)`, async () => {
      const { files } = await fresh()
      const file = path.join(PROJECT_ROOT, rel)
      expect(fs.existsSync(file), `${rel} is missing: run npm run gen:api`).toBe(true)
      const committed = fs.readFileSync(file, 'utf8')
      const content = files[rel]!
      // Compare as booleans: a diff of megabyte strings is unreadable.
      expect(committed === content, `${rel} differs from a fresh run, ${firstDifference(committed, content)}`).toBe(true)
    })
  }

  it('is deterministic: a second run gives identical output', async () => {
    const first = await fresh()
    const second = await generateApi()
    expect(Object.keys(second.files)).toEqual(Object.keys(first.files))
    for (const [rel, content] of Object.entries(second.files)) expect(content === first.files[rel], rel).toBe(true)
  })

  it('the operations table agrees with the document', async () => {
    const { result } = await fresh()
    const doc = result.document as { paths: Record<string, Record<string, { operationId: string; parameters: { name: string }[] }>> }
    const gets = Object.entries(doc.paths).flatMap(([p, item]) => (item.get ? [{ path: p, op: item.get }] : []))
    expect(result.operations.length).toBe(gets.length)
    for (const { path: p, op } of gets) {
      const row = result.operations.find((o: OperationInfo) => o.id === op.operationId)
      expect(row?.path).toBe(p)
      expect(row?.params.map((x) => x.name)).toEqual(op.parameters.map((x) => x.name))
    }
    // Compact: no nulls, no empty strings, no empty arrays other than params.
    const text = JSON.stringify(result.operations)
    expect(text.match(/"[a-z_]+":(null|""|\[\]|\{\})/g)?.filter((m) => m !== '"params":[]') ?? []).toEqual([])
    expect(text.match(/"(array|deprecated)":false/g) ?? []).toEqual([])
  })
})
