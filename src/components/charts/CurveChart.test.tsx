// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CurveChart, type CurveSeries } from './CurveChart.tsx'

describe('CurveChart', () => {
  afterEach(cleanup)

  const series: CurveSeries[] = [
    {
      id: 'cat',
      name: 'cat',
      points: [
        { x: 0, y: 0, threshold: 1 },
        { x: 0.2, y: 0.8, threshold: 0.5 },
        { x: 1, y: 1, threshold: 0 },
      ],
      marker: { x: 0.2, y: 0.8, threshold: 0.5 },
      note: 'AUC 0.880',
    },
    { id: 'cat (B)', name: 'cat (B)', points: [{ x: 0, y: 0 }, { x: 1, y: 1 }], dashed: true, colorIndex: 0 },
  ]

  it('overlays the curves with markers, a chance line and a legend with the areas', () => {
    const { container } = render(<CurveChart title="ROC curve" xLabel="FPR" yLabel="TPR" series={series} diagonal />)
    expect(screen.getByRole('img', { name: 'ROC curve: 2 curves (cat, AUC 0.880; cat (B)).' })).toBeTruthy()
    expect(container.querySelectorAll('polyline')).toHaveLength(2)
    expect(container.querySelector('polyline[data-series="cat (B)"]')?.getAttribute('stroke-dasharray')).toBe('6 3')
    const marker = container.querySelector('circle[data-marker="cat"]')
    expect(marker?.getAttribute('cx')).toBe(String(48 + 0.2 * 360))
    const legend = within(screen.getByRole('list', { name: 'ROC curve legend' })).getAllByRole('listitem')
    expect(legend[0]!.textContent).toBe('catAUC 0.880· at 0.50: (0.200, 0.800)')
    // Both series of one concept share a color.
    const strokes = [...container.querySelectorAll('polyline')].map((p) => p.getAttribute('stroke'))
    expect(strokes[0]).toBe(strokes[1])
  })

  it('lists every point exactly in its table, the marked one highlighted', async () => {
    render(<CurveChart title="ROC curve" xLabel="FPR" yLabel="TPR" series={series} />)
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }))
    const rows = within(screen.getByRole('table', { name: /every point/ })).getAllByRole('row')
    expect(rows.map((r) => r.textContent)).toEqual(['SeriesThresholdFPRTPR', 'cat100', 'cat0.50.20.8', 'cat011', 'cat (B)—00', 'cat (B)—11'])
    expect(rows[2]!.className).toContain('bg-amber-50')
  })

  it('says when there is nothing to draw', () => {
    render(<CurveChart title="PR" xLabel="Recall" yLabel="Precision" series={[{ id: 'x', name: 'x', points: [] }]} />)
    expect(screen.getByText('No curve points to draw.')).toBeTruthy()
  })
})
