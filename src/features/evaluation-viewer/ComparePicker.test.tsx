// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClientProvider } from '@tanstack/react-query'
import { connectRecordingClient } from '../../../test/recording-client.ts'
import { createAppQueryClient } from '@/api/query-client.ts'
import { clearSession, type Session } from '@/api/session.ts'
import { ComparePicker } from './ComparePicker.tsx'

const session: Session = { token: 'demo', userId: 'demo', baseUrl: 'http://console.test', isRemembered: false, isDemo: true }

/**
 * An app with 140 evaluations, answered as ListEvaluations does: pages without a total, snake_case,
 * status 10000. The stand-in's apps hold fewer than a page, so the picker's paging is held here.
 */
const TOTAL = 140
async function listEvaluations(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const page = Number(url.searchParams.get('page') ?? '1')
  const perPage = Number(url.searchParams.get('per_page') ?? '128')
  const ids = Array.from({ length: TOTAL }, (_, n) => n).slice((page - 1) * perPage, page * perPage)
  const body = {
    status: { code: 10000, description: 'Ok', req_id: `picker-${page}` },
    eval_metrics: ids.map((n) => ({ id: `eval${String(n).padStart(4, '0')}`, model: { id: `model-${n % 10}` } })),
  }
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
}

function openPicker() {
  const sent = connectRecordingClient(session, listEvaluations)
  render(
    <QueryClientProvider client={createAppQueryClient()}>
      <ComparePicker user="demo" app="big" current="eval0000" value={undefined} onChange={() => {}} />
    </QueryClientProvider>,
  )
  return sent
}

afterEach(() => {
  cleanup()
  clearSession()
})

describe('compare picker on an app with more evaluations than a page', () => {
  it('says it shows the first ones, narrows as the user types and loads the rest on demand', async () => {
    const sent = openPicker()
    const more = await screen.findByTestId('picker-more')
    expect(more).toHaveTextContent('First 100, type to narrow')
    const select = screen.getByLabelText('Compare with (B)')
    // 99 others (the current one is left out) and "None".
    expect(within(select).getAllByRole('option')).toHaveLength(100)

    await userEvent.type(screen.getByLabelText('Narrow the evaluations'), 'model-3')
    expect(within(select).getAllByRole('option')).toHaveLength(1 + 10)

    await userEvent.clear(screen.getByLabelText('Narrow the evaluations'))
    await userEvent.click(within(more).getByRole('button', { name: 'Load 100 more' }))
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(1 + TOTAL - 1))
    expect(screen.queryByTestId('picker-more')).toBeNull()

    const pages = sent.map((r) => new URL(r.url).searchParams)
    expect(pages.map((p) => [p.get('page') ?? '1', p.get('per_page')])).toEqual([
      ['1', '100'],
      ['2', '100'],
    ])
  })
})
