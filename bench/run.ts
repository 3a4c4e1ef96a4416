// Runs every bench in turn. Informational: prints PASS/MISS per bar and always exits 0.
// Add a bench by writing bench/<name>.ts exporting a Bench and listing it here.
import type { Bench } from './harness.ts'
import { decodeMatrixBench } from './decode-matrix.ts'
import { evalThresholdBench } from './eval-threshold.ts'
import { drawHeatmapBench } from './draw-heatmap.ts'
import { evalViewerBench } from './eval-viewer.ts'
import { staticThroughputBench } from './static-throughput.ts'
import { firstPaintBench } from './first-paint.ts'
import { conceptOrderBench } from './concept-order.ts'

const benches: Bench[] = [decodeMatrixBench, evalThresholdBench, conceptOrderBench, drawHeatmapBench, evalViewerBench, staticThroughputBench, firstPaintBench]

const only = process.argv.slice(2)
for (const bench of benches) {
  if (only.length > 0 && !only.some((o) => bench.name.toLowerCase().includes(o.toLowerCase()))) continue
  console.log(`## ${bench.name}`)
  await bench.run()
}
