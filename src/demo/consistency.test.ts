// The demo agrees with itself: every count the stand-in reports (app counts, resource counts,
// dataset version metrics, task totals) is what its list endpoints return when paged to the end.
import { describe, expect, it } from 'vitest'
import { call, demoApi } from '../../test/demo-utils'

const api = demoApi()

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

async function get(path: string): Promise<Json> {
  const reply = await call(api, path)
  expect(reply.status, path).toBe(200)
  return reply.body
}

/** Every item of a list endpoint, paged the way the official clients do (until a short page). */
async function listAll(path: string, key: string): Promise<Json[]> {
  const out: Json[] = []
  for (let page = 1; ; page++) {
    const body = await get(`${path}${path.includes('?') ? '&' : '?'}page=${page}&per_page=1000`)
    const items: Json[] = body[key] ?? []
    out.push(...items)
    if (items.length < 1000) return out
  }
}

const n = (value: unknown): bigint => BigInt((value as string | undefined) ?? '0')

const GRID = 10

/** The metrics a version should report, recounted from its inputs and their annotations. */
function recount(inputs: Json[], annotationsByInput: Map<string, Json[]>, kind?: string) {
  const matching = kind ? inputs.filter((i) => (kind === 'text' ? i.data.text : kind === 'video' ? i.data.video : i.data.image)) : inputs
  let regions = 0n
  let boxes = 0n
  let polygons = 0n
  let regionInputs = 0n
  let unlabeled = 0n
  let inputTags = 0n
  const matrix = Array.from({ length: GRID * GRID }, () => 0n)
  for (const input of matching) {
    const annotations = annotationsByInput.get(input.id) ?? []
    const regionList = annotations.flatMap((a: Json) => a.data?.regions ?? [])
    const concepts = annotations.filter((a: Json) => a.data?.concepts).flatMap((a: Json) => a.data.concepts)
    // The input's own concepts are its input-level annotation.
    expect((input.data.concepts ?? []).map((c: Json) => c.id)).toEqual(concepts.map((c: Json) => c.id))
    inputTags += BigInt(concepts.length)
    regions += BigInt(regionList.length)
    if (regionList.length > 0) regionInputs += 1n
    if (regionList.length === 0 && concepts.length === 0) unlabeled += 1n
    for (const region of regionList) {
      const box = region.region_info.bounding_box
      const points = region.region_info.polygon?.points
      if (box) boxes += 1n
      if (points) polygons += 1n
      const rows = box ? [box.top_row, box.bottom_row] : points.map((p: Json) => p.row)
      const cols = box ? [box.left_col, box.right_col] : points.map((p: Json) => p.col)
      const cy = (Math.min(...rows) + Math.max(...rows)) / 2
      const cx = (Math.min(...cols) + Math.max(...cols)) / 2
      const cell = Math.min(GRID - 1, Math.floor(cy * GRID)) * GRID + Math.min(GRID - 1, Math.floor(cx * GRID))
      matrix[cell] = (matrix[cell] ?? 0n) + 1n
    }
  }
  return { inputs: BigInt(matching.length), regions, boxes, polygons, regionInputs, unlabeled, inputTags, matrix }
}

describe('the demo agrees with itself', async () => {
  const apps: Json[] = await listAll('/v2/users/demo/apps?additional_fields=counts', 'apps')

  it('has apps to check', () => {
    expect(apps.length).toBeGreaterThan(10)
  })

  // Pages through every input and annotation of the app: seconds, not milliseconds.
  it.each(apps.map((a) => [a.id as string, a] as const))('%s: counts equal what the list endpoints return', { timeout: 90_000 }, async (appId, app) => {
    const base = `/v2/users/demo/apps/${appId}`
    const counts = await get(`${base}/resource_counts`)
    // The app list and the resource counts say the same.
    expect(app.extra_info?.counts ?? {}).toEqual({ datasets: counts.datasets, models: counts.models, inputs: counts.inputs })

    const models = await listAll(`${base}/models`, 'models')
    expect(BigInt(models.length)).toBe(n(counts.models))
    const datasets = await listAll(`${base}/datasets`, 'datasets')
    expect(BigInt(datasets.length)).toBe(n(counts.datasets))

    // trained_only lists exactly the models with a trained version, each shown with a trained one.
    const trained = await listAll(`${base}/models?trained_only=true`, 'models')
    for (const m of trained) expect(m.model_version?.status?.code, m.id).toBe(21100)
    let withTrained = 0
    for (const m of models) {
      const versions = await listAll(`${base}/models/${m.id}/versions?trained_only=true`, 'model_versions')
      if (versions.length > 0) withTrained++
      for (const v of versions) expect(v.status.code).toBe(21100)
    }
    expect(trained.length).toBe(withTrained)

    const huge = datasets.find((d) => d.id === 'planet-scale-tiles')
    const datasetInputs = new Map<string, Json[]>()
    for (const d of datasets) {
      if (d === huge) continue
      datasetInputs.set(d.id, (await listAll(`${base}/datasets/${d.id}/inputs`, 'dataset_inputs')).map((x) => x.input))
    }
    // The app's inputs are its datasets' inputs.
    if (!huge) {
      const inputs = await listAll(`${base}/inputs`, 'inputs')
      expect(BigInt(inputs.length)).toBe(n(counts.inputs))
      expect(new Set(inputs.map((i) => i.id))).toEqual(new Set([...datasetInputs.values()].flat().map((i) => i.id)))
    } else {
      // 3 x 10^17 inputs cannot be paged through (page is a uint32): the count is beyond 2^53
      // and the pages that can be read are full.
      expect(n(counts.inputs) > 2n ** 53n).toBe(true)
      const last = await get(`${base}/inputs?page=4000000&per_page=1000`)
      expect(last.inputs).toHaveLength(1000)
    }

    // The app's annotations, paged to the end (with the planet-scale dataset: those of the other datasets, by input).
    const annotations: Json[] = []
    if (!huge) annotations.push(...(await listAll(`${base}/annotations`, 'annotations')))
    else {
      const ids = [...datasetInputs.values()].flat().map((i) => i.id as string)
      for (let i = 0; i < ids.length; i += 200) {
        const query = ids.slice(i, i + 200).map((id) => `input_ids=${id}`).join('&')
        annotations.push(...(await listAll(`${base}/annotations?${query}`, 'annotations')))
      }
    }
    const byInput = new Map<string, Json[]>()
    for (const a of annotations) byInput.set(a.input_id, [...(byInput.get(a.input_id) ?? []), a])
    // The annotations by input_ids are the same ones.
    const someInput = [...datasetInputs.values()].flat()[0]
    if (someInput) expect((await get(`${base}/annotations?input_ids=${someInput.id}`)).annotations).toEqual(byInput.get(someInput.id) ?? [])

    for (const d of datasets) {
      if (d === huge) continue
      const inputs = datasetInputs.get(d.id) ?? []
      const versions = await listAll(`${base}/datasets/${d.id}/versions`, 'dataset_versions')
      for (const v of versions) {
        const metrics = v.metrics
        if (v.status.code !== 64015) {
          expect(metrics, `${d.id}@${v.id}`).toBeUndefined()
          continue
        }
        const root = metrics['/']
        // A version holds the oldest inputs_count inputs; the newest version all of them.
        const count = Number(root.inputs_count)
        expect(count).toBeLessThanOrEqual(inputs.length)
        const held = inputs.slice(inputs.length - count)
        for (const [key, entry] of Object.entries(metrics) as [string, Json][]) {
          const kind = key === '/' ? undefined : key.replace('/INPUT_TYPE:', '')
          const expected = recount(held, byInput, kind)
          const where = `${appId}/${d.id}@${v.id.slice(0, 8)} ${key}`
          expect(n(entry.inputs_count), where).toBe(expected.inputs)
          expect(n(entry.regions_count), where).toBe(expected.regions)
          expect(n(entry.bounding_boxes_count), where).toBe(expected.boxes)
          expect(n(entry.polygons_count), where).toBe(expected.polygons)
          expect(n(entry.region_inputs_count), where).toBe(expected.regionInputs)
          expect(n(entry.unlabeled_inputs_count), where).toBe(expected.unlabeled)
          expect(n(entry.positive_input_tags_count), where).toBe(expected.inputTags)
          expect(n(entry.positive_region_tags_count), where).toBe(expected.regions)
          if (entry.region_location_matrix) expect(entry.region_location_matrix.data.map(BigInt), where).toEqual(expected.matrix)
        }
      }
      // The dataset's newest version is the one it shows, and it holds every listed input.
      if (d.version?.status?.code === 64015) {
        const shown = versions.find((v) => v.id === d.version.id)
        expect(Number(shown.metrics['/'].inputs_count)).toBe(inputs.length)
      }
    }

    // A task's input source holds as many inputs as its list.
    const tasks = await listAll(`${base}/tasks?additional_fields=metrics`, 'tasks')
    for (const t of tasks) {
      const total = n(t.metrics.input_source.inputs_count_estimated)
      if (t.input_source.type === 3) expect(total, t.id).toBe(BigInt(datasetInputs.get(t.input_source.id)?.length ?? -1))
      else expect(total, t.id).toBe(n(counts.inputs))
    }
  })
})
