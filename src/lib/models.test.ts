import { describe, expect, it } from 'vitest'
import { hasSummary, isDetection, MAX_CURVE_POINTS, parseTrainLog, summaryCards, thin, versionConceptCount } from './models.ts'

describe('summaries', () => {
  const full = {
    macro_avg_roc_auc: 0.91,
    macro_std_roc_auc: 0.05,
    macro_avg_f1_score: 0.8,
    macro_std_f1_score: 0.1,
    macro_avg_precision: 0.82,
    macro_avg_recall: 0.79,
  }

  it.each([
    [undefined, false],
    [null, false],
    [{}, false],
    [{ macro_avg_roc_auc: 0 }, true],
    [{ macro_avg_f1_score: Number.NaN }, false],
    [full, true],
  ])('hasSummary(%j) is %s', (summary, expected) => {
    expect(hasSummary(summary)).toBe(expected)
  })

  it.each([
    ['visual-detector', undefined, true],
    ['visual-classifier', { mean_avg_precision_iou_50: 0.5 }, false],
    [undefined, { mean_avg_precision_iou_50: 0.5 }, true],
    [undefined, { mean_avg_precision_iou_range: 0.3 }, true],
    [undefined, { mean_avg_precision_iou_50: 0 }, false],
    [undefined, undefined, false],
  ])('isDetection(%s, %j) is %s', (typeId, summary, expected) => {
    expect(isDetection(typeId, summary)).toBe(expected)
  })

  it('makes four cards for classification and six for detection', () => {
    const cards = summaryCards(full, false)
    expect(cards.map((c) => [c.key, c.value, c.std])).toEqual([
      ['roc_auc', 0.91, 0.05],
      ['f1', 0.8, 0.1],
      ['precision', 0.82, undefined],
      ['recall', 0.79, undefined],
    ])
    const detection = summaryCards({ ...full, mean_avg_precision_iou_50: 0.6, mean_avg_precision_iou_range: 0.4 }, true)
    expect(detection.map((c) => c.key)).toEqual(['roc_auc', 'f1', 'precision', 'recall', 'map50', 'map_range'])
    expect(detection[4]?.value).toBe(0.6)
  })

  it('survives a missing or odd summary', () => {
    expect(summaryCards(undefined, true).every((c) => c.value === undefined)).toBe(true)
    expect(summaryCards({ macro_avg_roc_auc: Number.POSITIVE_INFINITY }, false)[0]?.value).toBeUndefined()
  })
})

describe('versionConceptCount', () => {
  it.each([
    [{ output_info: { data: { concepts: [{}, {}, {}] } }, active_concept_count: 9 }, 3],
    [{ output_info: { data: { concepts: [] } } }, 0],
    [{ output_info: { data: {} }, active_concept_count: 4 }, 4],
    [{ output_info: null }, undefined],
    [{}, undefined],
    [undefined, undefined],
  ])('%j -> %s', (version, expected) => {
    expect(versionConceptCount(version)).toBe(expected)
  })
})

describe('parseTrainLog', () => {
  it.each([
    ['empty', '', undefined],
    ['no loss anywhere', 'starting training\nepoch 1 done\n', undefined],
    ['lossless is not a loss', 'using lossless compression 3\n', undefined],
  ])('%s -> nothing', (_name, log, expected) => {
    expect(parseTrainLog(log)).toBe(expected)
  })

  it('reads step-numbered lines', () => {
    const log = ['step=10 loss=0.9', 'step=20 loss=0.7', 'some unrelated line', 'step=30 loss=0.5'].join('\n')
    expect(parseTrainLog(log)).toEqual({
      xLabel: 'Step',
      series: [
        {
          name: 'loss',
          points: [
            { x: 10, y: 0.9 },
            { x: 20, y: 0.7 },
            { x: 30, y: 0.5 },
          ],
        },
      ],
    })
  })

  it('reads JSON lines with several named losses per line', () => {
    const log = ['{"epoch": 1, "train_loss": 1.2, "val_loss": 1.4}', '{"epoch": 2, "train_loss": 0.8, "val_loss": 1.1}'].join('\r\n')
    const curve = parseTrainLog(log)
    expect(curve?.xLabel).toBe('Epoch')
    expect(curve?.series.map((s) => [s.name, s.points])).toEqual([
      ['train_loss', [{ x: 1, y: 1.2 }, { x: 2, y: 0.8 }]],
      ['val_loss', [{ x: 1, y: 1.4 }, { x: 2, y: 1.1 }]],
    ])
  })

  it('falls back to entry numbers when a counter repeats (several lines per epoch)', () => {
    const log = [
      'Epoch [1][50/100] lr: 1.000e-02, loss: 0.6931, loss_cls: 0.5',
      'Epoch [1][100/100] lr: 1.000e-02, loss: 0.6, loss_cls: 0.45',
      'Epoch [2][50/100] lr: 1.000e-02, loss: 4.5e-1, loss_cls: 0.3',
    ].join('\n')
    const curve = parseTrainLog(log)
    expect(curve?.xLabel).toBe('Log entry')
    expect(curve?.series.find((s) => s.name === 'loss')?.points).toEqual([
      { x: 1, y: 0.6931 },
      { x: 2, y: 0.6 },
      { x: 3, y: 0.45 },
    ])
    expect(curve?.series.map((s) => s.name)).toEqual(['loss', 'loss_cls'])
  })

  it('uses entry numbers when lines carry no counter, and skips non-finite values', () => {
    const curve = parseTrainLog('Loss: 2.0\nloss: nan\nLOSS = 1.5\n')
    expect(curve).toEqual({ xLabel: 'Log entry', series: [{ name: 'loss', points: [{ x: 1, y: 2 }, { x: 2, y: 1.5 }] }] })
  })

  it('thins very long logs but keeps the last point', () => {
    const lines = Array.from({ length: MAX_CURVE_POINTS * 3 }, (_, i) => `iter ${i + 1} loss ${1 / (i + 1)}`)
    const curve = parseTrainLog(lines.join('\n'))
    const points = curve?.series[0]?.points ?? []
    expect(curve?.xLabel).toBe('Iteration')
    expect(points).toHaveLength(MAX_CURVE_POINTS)
    expect(points[0]?.x).toBe(1)
    expect(points.at(-1)?.x).toBe(MAX_CURVE_POINTS * 3)
  })
})

describe('thin', () => {
  it.each([
    [[1, 2, 3], 5, [1, 2, 3]],
    [[1, 2, 3, 4, 5], 3, [1, 3, 5]],
    [[1, 2, 3, 4], 1, [1, 2, 3, 4]],
  ])('thin(%j, %i) -> %j', (points, max, expected) => {
    expect(thin(points, max)).toEqual(expected)
  })
})
