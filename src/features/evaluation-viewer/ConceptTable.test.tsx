// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useState } from 'react'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ConceptRow } from '@/lib/eval-view.ts'
import { ConceptTable } from './ConceptTable.tsx'
import type { EvalSearch } from './search.ts'

function row(id: string, support: number, f1: number, tp: number): ConceptRow {
  return { id, name: id, support, tp, fp: 0, fn: 0, precision: f1, recall: f1, f1, bestThreshold: 0.4, bestF1: f1, apiNumPos: null, apiRocAuc: null, apiF1: null, curveAuc: null, ap: null, check: 'absent' }
}

// Matrix order: dog, cat, bird, eel, ant. Worst first: ant (0.1), bird and dog (0.5, by name), cat, then eel (no support).
const ROWS = [row('dog', 4, 0.5, 2), row('cat', 2, 0.9, 5), row('bird', 3, 0.5, 1), row('eel', 0, 0, 0), row('ant', 1, 0.1, 3)]

/** The table with its URL state held here, as the page holds it in the address. */
function Harness({ rows, initial, onChange }: { rows: readonly ConceptRow[]; initial?: EvalSearch; onChange: (s: Partial<EvalSearch>) => void }) {
  const [search, setSearch] = useState<EvalSearch>(initial ?? {})
  return (
    <ConceptTable
      rows={rows}
      threshold={0.5}
      sort={search.sort}
      filter={search.q}
      curveConcepts={[]}
      onToggleCurve={() => {}}
      onUseThreshold={() => {}}
      onSearch={(patch) => {
        onChange(patch)
        setSearch((s) => ({ ...s, ...patch }))
      }}
      fileBase="t"
      hasTests
    />
  )
}

function table() {
  return screen.getByRole('table', { name: 'Per-concept metrics at threshold 0.50' })
}
function shownIds(): string[] {
  return within(table())
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[2]!.textContent ?? '')
}
function header(name: RegExp) {
  return within(table()).getByRole('columnheader', { name })
}

describe('ConceptTable', () => {
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('starts worst first and says so; F1 reads as sorted lowest first', () => {
    render(<Harness rows={ROWS} onChange={() => {}} />)
    expect(shownIds()).toEqual(['ant', 'bird', 'dog', 'cat', 'eel'])
    expect(screen.getByTestId('concept-order').textContent).toContain('Worst first: lowest F1 at the threshold among concepts with support, ties by name')
    expect(screen.getByRole('button', { name: 'Worst first' }).getAttribute('aria-pressed')).toBe('true')
    expect(header(/^F1/).getAttribute('aria-sort')).toBe('ascending')
    expect(header(/^TP/).getAttribute('aria-sort')).toBe('none')
  })

  it('sorts by a header button, flips on a second press and writes the sort to the URL', async () => {
    const onChange = vi.fn()
    render(<Harness rows={ROWS} onChange={onChange} />)
    await userEvent.click(within(header(/^TP/)).getByRole('button', { name: 'TP, activate to sort by it' }))
    expect(onChange).toHaveBeenLastCalledWith({ sort: '-tp' })
    expect(shownIds()).toEqual(['cat', 'ant', 'dog', 'bird', 'eel'])
    expect(header(/^TP/).getAttribute('aria-sort')).toBe('descending')
    expect(header(/^F1/).getAttribute('aria-sort')).toBe('none')
    await userEvent.click(within(header(/^TP/)).getByRole('button', { name: 'TP, sorted highest first; activate for lowest first' }))
    expect(onChange).toHaveBeenLastCalledWith({ sort: 'tp' })
    expect(shownIds()).toEqual(['eel', 'bird', 'dog', 'ant', 'cat'])
    await userEvent.click(within(header(/^Concept/)).getByRole('button'))
    expect(onChange).toHaveBeenLastCalledWith({ sort: 'name' })
    expect(shownIds()).toEqual(['ant', 'bird', 'cat', 'dog', 'eel'])
    expect(within(header(/^Concept/)).getByRole('button').textContent).toContain('sorted A to Z first')
  })

  it('keeps the matrix order reachable, and worst first one press away', async () => {
    const onChange = vi.fn()
    render(<Harness rows={ROWS} initial={{ sort: '-f1' }} onChange={onChange} />)
    expect(shownIds()).toEqual(['cat', 'bird', 'dog', 'ant', 'eel'])
    await userEvent.click(screen.getByRole('button', { name: 'Matrix order' }))
    expect(onChange).toHaveBeenLastCalledWith({ sort: 'matrix' })
    expect(shownIds()).toEqual(['dog', 'cat', 'bird', 'eel', 'ant'])
    expect(screen.getByTestId('concept-order').textContent).toContain('Matrix order')
    await userEvent.click(screen.getByRole('button', { name: 'Worst first' }))
    expect(onChange).toHaveBeenLastCalledWith({ sort: undefined })
    expect(shownIds()[0]).toBe('ant')
  })

  it('says a sort that names no column is ignored', () => {
    render(<Harness rows={ROWS} initial={{ sort: 'nope' }} onChange={() => {}} />)
    expect(screen.getByRole('note').textContent).toBe('sort=nope is not a column of this table; sorting worst first.')
    expect(shownIds()[0]).toBe('ant')
  })

  it('exports every row in the current order, not only the rows on screen', async () => {
    const many = Array.from({ length: 400 }, (_, k) => row(`c${String(k).padStart(3, '0')}`, 1, (k % 7) / 7, k))
    let blob: Blob | undefined
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob
      return 'blob:x'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    render(<Harness rows={many} initial={{ sort: '-tp' }} onChange={() => {}} />)
    expect(within(table()).getAllByRole('row').length).toBeLessThan(100)
    await userEvent.click(screen.getByRole('button', { name: 'Per-concept CSV' }))
    const lines = (await blob!.text()).trim().split(/\r?\n/)
    expect(lines).toHaveLength(401)
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['Concept', 'ID', 'Support'])
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(many.map((r) => r.id).reverse())
  })
})
