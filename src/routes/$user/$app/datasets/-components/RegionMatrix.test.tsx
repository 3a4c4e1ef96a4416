// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RegionMatrix } from './RegionMatrix.tsx'

afterEach(cleanup)

describe('RegionMatrix', () => {
  it('draws the heatmap and lists exact values beyond 2^53 in its table', () => {
    render(<RegionMatrix wire={{ n_cols: '2', data: ['9007199254740993', '0', '3', '18446744073709551615'] }} label="Region locations" fileName="m" />)
    expect(screen.getByTestId('heatmap')).toBeInTheDocument()
    expect(screen.getByText(/cells \(rows top to bottom/).textContent).toContain('total 18,455,751,272,964,292,611, largest 18,446,744,073,709,551,615')
    fireEvent.click(screen.getByRole('button', { name: 'View as table' }))
    const table = screen.getByRole('table')
    const cells = within(table).getAllByRole('cell').map((c) => c.textContent)
    expect(cells).toEqual(['9,007,199,254,740,993', '0', '3', '18,446,744,073,709,551,615'])
  })

  it.each([
    [{ n_cols: '0', data: ['1'] }, 'n_cols'],
    [{ n_cols: '3', data: ['1', '2'] }, 'length'],
    [{ n_cols: '1', data: ['-1'] }, 'value'],
    [{ n_cols: '1', data: ['18446744073709551616'] }, 'value'],
    [{ n_cols: 'x', data: [] }, 'n_cols'],
  ])('names the problem of a malformed matrix %j', (wire, kind) => {
    render(<RegionMatrix wire={wire} label="Region locations" fileName="m" />)
    const panel = screen.getByRole('alert')
    expect(within(panel).getByRole('heading', { name: 'The region location matrix is malformed' })).toBeInTheDocument()
    expect(panel.textContent).toContain(`(${kind})`)
    expect(screen.queryByTestId('heatmap')).toBeNull()
  })

  it('says when the matrix is empty', () => {
    render(<RegionMatrix wire={{}} label="Region locations" fileName="m" />)
    expect(screen.getByText('The matrix is empty (0 × 0).')).toBeInTheDocument()
  })
})
