// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { loadedEvaluation } from '@/lib/eval-load.ts'
import { EvaluationViewer } from './EvaluationViewer.tsx'
import type { EvalSearch } from './search.ts'
import type { ViewerMetrics } from './types.ts'

function entry(id: string, gt: string[], preds: [string, number][]) {
  return {
    input: { id, data: { image: { url: `data:image/svg+xml,${id}` } } },
    ground_truth_concepts: gt.map((c) => ({ id: c, name: c.toUpperCase(), value: 1 })),
    predicted_concepts: preds.map(([c, value]) => ({ id: c, name: c.toUpperCase(), value })),
  }
}

const metrics: ViewerMetrics = {
  status: { code: 21300, description: 'Model was successfully evaluated.' },
  summary: { macro_avg_roc_auc: 0.9, macro_avg_f1_score: 0.7, macro_avg_precision: 0.8, macro_avg_recall: 0.6 },
  confusion_matrix: {
    concept_ids: ['cat', 'dog'],
    matrix: [
      { actual: 'cat', predicted: 'cat', value: 0.7 },
      { actual: 'dog', predicted: 'dog', value: 0.6 },
    ],
  },
  binary_metrics: [
    { concept: { id: 'cat', name: 'CAT' }, num_pos: 2, roc_auc: 0.9, roc_curve: { fpr: [0, 1], tpr: [0, 1], thresholds: [1, 0] }, precision_recall_curve: { recall: [1, 0], precision: [0.5, 1], thresholds: [0, 1] } },
    { concept: { id: 'dog', name: 'DOG' }, num_pos: 2 },
  ],
  test_set: [entry('in1', ['cat'], [['cat', 0.9]]), entry('in2', ['cat'], [['cat', 0.6], ['dog', 0.7]]), entry('in3', ['dog'], [['dog', 0.8]]), entry('in4', ['dog'], [['cat', 0.2]])],
}

/** The viewer mounts in stages, one after each frame: the last one mounts the curves panel. */
async function allStagesMounted() {
  await screen.findByTestId('panel-curves')
}

async function renderViewer(search: EvalSearch, m: ViewerMetrics = metrics) {
  const onSearch = vi.fn()
  render(<EvaluationViewer evaluation={loadedEvaluation(m as Record<string, unknown>)} search={search} onSearch={onSearch} fileBase="t" />)
  if (m.test_set !== undefined || m.confusion_matrix !== undefined) await allStagesMounted()
  return onSearch
}

describe('EvaluationViewer', () => {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('shows the inputs of the selected cell at the threshold, with thumbnails and scores', async () => {
    await renderViewer({ threshold: 0.5, mode: 'counts', cell: 'cat~dog' })
    const selection = screen.getByTestId('selection-details')
    expect(within(selection).getByTestId('selection-count').textContent).toBe('1')
    expect(within(selection).getByRole('img', { name: 'Input in2' }).getAttribute('src')).toBe('data:image/svg+xml,in2')
    expect(selection.textContent).toContain('0.700')
  })

  it('recomputes the per-concept table and checks it against the API', async () => {
    await renderViewer({ threshold: 0.5 })
    expect(screen.getByTestId('api-check').textContent).toContain('Matches API')
    const table = screen.getByRole('table', { name: 'Per-concept metrics at threshold 0.50' })
    const cat = within(table).getAllByRole('row').find((r) => r.textContent?.includes('CAT'))!
    // cat: support 2; TP in1, in2; FP none; FN none.
    expect(cat.textContent).toContain('CAT')
    expect(within(cat).getAllByRole('cell').map((c) => c.textContent).slice(3, 7)).toEqual(['2', '2', '0', '0'])
  })

  it('says why the curves show the concepts they show', async () => {
    await renderViewer({ threshold: 0.5 })
    const curves = screen.getByTestId('panel-curves')
    // By default: the lowest F1 at the threshold first (dog 0.50, then cat 1.00).
    expect(curves.textContent).toContain('Showing the 2 concepts with the lowest F1 at 0.50; choose others:')
    expect(within(curves).getByRole('list', { name: 'Concepts with curves' }).textContent).toBe('DOG×CAT×')
    expect(within(curves).queryByRole('button', { name: 'Reset' })).toBeNull()
    cleanup()
    // Without a test set there is no F1 at a threshold: the first concepts with curves.
    const { test_set: _none, ...withoutTests } = metrics
    await renderViewer({}, withoutTests)
    expect(screen.getByTestId('panel-curves').textContent).toContain('Showing the first concepts with curves; choose others:')
    cleanup()
    // Chosen by the user: just their list, and a way back to the default.
    await renderViewer({ concepts: ['cat'] })
    expect(screen.getByTestId('panel-curves').textContent).toContain('Concepts:')
    expect(within(screen.getByTestId('panel-curves')).getByRole('button', { name: 'Reset' })).toBeTruthy()
  })

  it('writes view changes through onSearch', async () => {
    const onSearch = await renderViewer({})
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Values' }), 'row')
    expect(onSearch).toHaveBeenCalledWith({ mode: 'row' })
    await userEvent.click(screen.getAllByRole('button', { name: /^@ / })[0]!)
    expect(onSearch).toHaveBeenCalledWith({ threshold: expect.any(Number) }, { replace: true })
  })

  it('keeps the slider where it is when the URL echoes a value it wrote earlier, and follows any other URL change', async () => {
    const onSearch = vi.fn()
    const evaluation = loadedEvaluation(metrics as Record<string, unknown>)
    const view = (search: EvalSearch) => <EvaluationViewer evaluation={evaluation} search={search} onSearch={onSearch} fileBase="t" />
    const { rerender } = render(view({ threshold: 0.5 }))
    await allStagesMounted()
    const slider = (await screen.findByTestId('threshold-slider')) as HTMLInputElement
    fireEvent.change(slider, { target: { value: '0.51' } })
    fireEvent.pointerUp(slider)
    expect(onSearch).toHaveBeenLastCalledWith({ threshold: 0.51 }, { replace: true })
    // The slider moves on before the URL catches up with 0.51.
    fireEvent.change(slider, { target: { value: '0.52' } })
    rerender(view({ threshold: 0.51 }))
    expect(slider.value).toBe('0.52')
    expect(screen.getByRole('table', { name: 'Per-concept metrics at threshold 0.52' })).toBeTruthy()
    // A link or the history sets another threshold: the slider follows.
    rerender(view({ threshold: 0.7 }))
    expect(slider.value).toBe('0.7')
    expect(screen.getByRole('table', { name: 'Per-concept metrics at threshold 0.70' })).toBeTruthy()
  })

  it('names a malformed section and keeps the rest', async () => {
    await renderViewer({}, { ...metrics, cooccurrence_matrix: { matrix: [{ row: 'cat', col: 'dog', count: -3 }] } })
    expect(screen.getByRole('alert').textContent).toContain('cooccurrence_matrix.matrix[0].count is number -3, not a count')
    expect(screen.getByRole('heading', { name: 'Confusion matrix' })).toBeTruthy()
    expect(screen.getByText('No co-occurrence matrix was sent.')).toBeTruthy()
  })

  it('says a cell that names unknown concepts is not selected', async () => {
    await renderViewer({ cell: 'cat~zebra' })
    expect(screen.getByTestId('url-notes').textContent).toContain('cell=cat~zebra does not name two concepts of this evaluation')
    expect(screen.queryByTestId('selection-details')).toBeNull()
  })

  it('falls back to probabilities without a test set, and says why', async () => {
    await renderViewer({ mode: 'counts' }, { ...metrics, test_set: undefined })
    expect(screen.getByTestId('url-notes').textContent).toContain('mode=counts needs the test set')
    expect((screen.getByRole('combobox', { name: 'Values' }) as HTMLSelectElement).value).toBe('probability')
  })

  it.each([
    [{ code: 21317, description: 'Not enough inputs per concept' }, 'This evaluation failed', 'Not enough inputs per concept'],
    [{ code: 21301, description: 'Model is evaluating.' }, 'This evaluation is still running', 'Model is evaluating.'],
  ])('shows the status of an evaluation without results: %j', async (status, heading, text) => {
    await renderViewer({}, { status })
    expect(screen.getByRole('heading', { name: heading })).toBeTruthy()
    expect(screen.getByTestId('evaluation-status').textContent).toContain(text)
    expect(screen.queryByRole('heading', { name: 'Confusion matrix' })).toBeNull()
  })
})
