// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { BarChart } from './BarChart.tsx'
import { countTicks } from './axes.tsx'

const BIG = '9007199254740993'

afterEach(cleanup)

describe('BarChart', () => {
  it('draws one bar segment per non-zero value and offers an exact table', () => {
    const { container } = render(
      <BarChart
        title="Inputs and annotations"
        categoryHeader="Version"
        categories={[
          { id: 'a', label: 'v-a' },
          { id: 'b', label: 'v-b' },
        ]}
        series={[
          { id: 'inputs', label: 'Inputs', stack: 'inputs', values: ['10', BIG] },
          { id: 'tags', label: 'Input tags', stack: 'annotations', values: ['5', '0'] },
          { id: 'regions', label: 'Region tags', stack: 'annotations', values: [undefined, '7'] },
        ]}
      />,
    )
    expect(container.querySelectorAll('rect')).toHaveLength(4)
    expect([...container.querySelectorAll('rect title')].map((t) => t.textContent)).toContain(`v-b · Inputs: 9,007,199,254,740,993`)

    const toggle = screen.getByRole('button', { name: 'View as table' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('table')).toBeNull()
    fireEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const table = screen.getByRole('table', { name: 'Inputs and annotations' })
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent)
    expect(headers).toEqual(['Version', 'Inputs', 'Input tags', 'Region tags', 'Total annotations'])
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((c) => c.textContent))
    expect(rows).toEqual([
      ['10', '5', '—', '5'],
      ['9,007,199,254,740,993', '0', '7', '7'],
    ])
  })

  it('says there is nothing to chart when every value is absent or zero', () => {
    render(<BarChart title="Progress" categoryHeader="Worker" categories={[{ id: 'x', label: 'x' }]} series={[{ id: 's', label: 'Done', values: [0] }]} emptyText="Nothing counted." />)
    expect(screen.getByText('Nothing counted.')).toBeInTheDocument()
    expect(screen.queryByRole('img')).toBeNull()
  })
})

describe('countTicks', () => {
  it.each([
    [0, [0]],
    [Number.NaN, [0]],
    [10, [0, 5, 10]],
    [9, [0, 5, 10]],
    [100, [0, 50, 100]],
    [130, [0, 50, 100, 150]],
    [3.4e18, [0, 1e18, 2e18, 3e18, 4e18]],
  ])('max %d -> %j', (max, ticks) => {
    expect(countTicks(max)).toEqual(ticks)
  })
})
