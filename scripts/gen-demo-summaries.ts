// Generates src/demo/data/summaries.gen.json: the metric summaries of every evaluation, so list
// endpoints (models, versions, evaluations) answer at once instead of generating ~40 test sets on
// the first request. Run: `npx tsx scripts/gen-demo-summaries.ts`. summaries.test.ts recomputes them
// and fails when the file is stale. Node-only: never imported by the handler.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { computeEvaluation } from '../src/demo/data/evaluation'
import { SUMMARY_KEYS } from '../src/demo/data/evalWire'
import { getWorld } from '../src/demo/data/world'
import { Code } from '../src/demo/wire'

export function computeSummaries(): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  for (const rec of getWorld().evaluations) {
    if (rec.statusCode !== Code.MODEL_EVALUATED) continue
    const s = computeEvaluation(rec, false).summary
    out[rec.id] = SUMMARY_KEYS.map((k) => s[k] ?? 0)
  }
  return out
}

export function serializeSummaries(summaries: Record<string, number[]>): string {
  const rows = Object.entries(summaries).map(([id, v]) => `  ${JSON.stringify(id)}: ${JSON.stringify(v)}`)
  return `{\n${rows.join(',\n')}\n}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const summaries = computeSummaries()
  writeFileSync('src/demo/data/summaries.gen.json', serializeSummaries(summaries))
  console.log(`summaries.gen.json: ${Object.keys(summaries).length} evaluations`)
}
