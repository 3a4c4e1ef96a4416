// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import { DataTable, type Column } from './DataTable.tsx'

interface Item {
  id: string
  n: number
}

function shown(): string[] {
  return within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent ?? '').join(':'))
}

describe('DataTable', () => {
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('shows the rows an order names, in that order, and renders again only the rows that changed', () => {
    const rendered: string[] = []
    const columns: Column<Item>[] = [
      {
        id: 'id',
        header: 'ID',
        cell: (r) => {
          rendered.push(r.id)
          return r.id
        },
      },
      { id: 'n', header: 'N', cell: (r) => r.n },
    ]
    const a = { id: 'a', n: 1 }
    const b = { id: 'b', n: 2 }
    const c = { id: 'c', n: 3 }
    const order = [2, 0]
    const keys = ['c', 'a']
    const { rerender } = render(<DataTable caption="Items" columns={columns} rows={[a, b, c]} rowKey={(r) => r.id} order={order} keys={keys} />)
    expect(shown()).toEqual(['c:3', 'a:1'])
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '3')
    rendered.length = 0
    // New figures for c only, the same order and columns: only c's row renders again.
    rerender(<DataTable caption="Items" columns={columns} rows={[a, b, { id: 'c', n: 4 }]} rowKey={(r) => r.id} order={order} keys={keys} />)
    expect(shown()).toEqual(['c:4', 'a:1'])
    expect(rendered).toEqual(['c'])
  })

  it('makes distinct keys from rowKey when none are given, repeated and empty ids included', () => {
    // React reports repeated keys through console.error.
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const columns: Column<Item>[] = [{ id: 'n', header: 'N', cell: (r) => r.n }]
    render(<DataTable caption="Items" columns={columns} rows={[{ id: 'x', n: 1 }, { id: 'x', n: 2 }, { id: '', n: 3 }]} rowKey={(r) => r.id} />)
    expect(shown()).toEqual(['1', '2', '3'])
    expect(error).not.toHaveBeenCalled()
  })
})
