// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { LineChart } from './LineChart.tsx'
import { formatTick, niceTicks } from './axes.tsx'

describe('niceTicks', () => {
  it.each<[number, number, number, number[]]>([
    [0, 1, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0.13, 0.91, 4, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [1, 30, 6, [0, 5, 10, 15, 20, 25, 30]],
    [-3, 3, 3, [-4, -2, 0, 2, 4]],
    [5, 5, 4, [5]],
    [3, 1, 2, [1, 2, 3]],
    [Number.NaN, 1, 4, []],
  ])('niceTicks(%d, %d, %d)', (min, max, count, expected) => {
    expect(niceTicks(min, max, count)).toEqual(expected)
  })

  it('formats ticks without float noise', () => {
    expect(formatTick(0.1 + 0.2)).toBe('0.3')
    expect(formatTick(0)).toBe('0')
    expect(formatTick(1234567)).toBe('1.23e+6')
  })
})

describe('LineChart', () => {
  afterEach(cleanup)

  const series = [
    { name: 'train_loss', points: [{ x: 1, y: 1.2 }, { x: 2, y: 0.8 }, { x: 3, y: 0.5 }] },
    { name: 'val_loss', points: [{ x: 1, y: 1.4 }, { x: 3, y: 0.9 }] },
  ]

  it('draws one line per series with an accessible summary and a legend', () => {
    const { container } = render(<LineChart title="Loss" series={series} xLabel="Epoch" yLabel="Loss" />)
    expect(screen.getByRole('img', { name: /Loss: 2 series, Epoch from 1 to 3/ })).toBeTruthy()
    expect(container.querySelectorAll('polyline')).toHaveLength(2)
    expect(within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem')).toHaveLength(2)
  })

  it('shows the exact values as a table, with gaps where a series has no point', async () => {
    render(<LineChart title="Loss" series={series} xLabel="Epoch" yLabel="Loss" />)
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }))
    const table = screen.getByRole('table', { name: 'Loss' })
    const rows = within(table).getAllByRole('row')
    expect(rows.map((r) => r.textContent)).toEqual(['Epochtrain_lossval_loss', '11.21.4', '20.8—', '30.50.9'])
    await userEvent.click(screen.getByRole('button', { name: 'View as chart' }))
    expect(screen.getByRole('img')).toBeTruthy()
  })

  it('makes each listed x one link over its points, with given ticks and its own table view', async () => {
    const { container } = render(
      <LineChart
        title="Scores"
        series={series}
        xLabel="Version"
        yLabel="Score"
        xTicks={[1, 2, 3]}
        formatX={(x) => `v${x}`}
        xLinks={[1, 3].map((x) => ({ x, wrap: (mark) => <a href={`#v${x}`} aria-label={`Version ${x}`}>{mark}</a> }))}
        tableView={<p>Versions table</p>}
      />,
    )
    // Links inside an image would be hidden from assistive technology: the chart becomes a group.
    expect(screen.queryByRole('img')).toBeNull()
    const chart = screen.getByRole('group', { name: /^Scores: 2 series/ })
    expect(within(chart).getAllByRole('link').map((a) => a.getAttribute('aria-label'))).toEqual(['Version 1', 'Version 3'])
    expect(within(chart).getByRole('link', { name: 'Version 3' }).querySelector('rect')).toBeTruthy()
    // Every point is drawn as a dot, not only single-point series.
    expect(container.querySelectorAll('[data-dots="train_loss"] circle')).toHaveLength(3)
    expect([...container.querySelectorAll('svg text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['v1', 'v2', 'v3']))
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }))
    expect(screen.getByText('Versions table')).toBeTruthy()
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('says when there is nothing to draw', () => {
    render(<LineChart title="Loss" series={[{ name: 'loss', points: [] }]} xLabel="Step" yLabel="Loss" />)
    expect(screen.getByText('No points to draw.')).toBeTruthy()
  })
})
