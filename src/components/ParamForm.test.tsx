// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import table from '@/api/operations.gen.json'
import type { OperationInfo } from '@/api/operations.ts'
import { buildFormModel, parseFormSearch, type FormValues } from '@/api/param-form.ts'
import { ParamForm } from './ParamForm.tsx'

const operations = table as unknown as readonly OperationInfo[]
const op = (id: string) => operations.find((o) => o.id === id) as OperationInfo

afterEach(cleanup)

describe('ParamForm renders every GET operation of the table', () => {
  // Explorer forms: every parameter a field (page forms are subsets of these, drawn by the same code).
  // One render of all 227 forms: several times faster than 227 mounts.
  it('renders the form of all 227 operations, a control per parameter, every control labelled', () => {
    const errors = vi.spyOn(console, 'error')
    const models = operations.map((o) => buildFormModel(o, { fromRoute: [] }))
    const { container } = render(
      <>
        {models.map((model) => (
          <ParamForm key={model.op.id} model={model} values={{}} onSubmit={() => {}} submitLabel="Run" label={model.op.id} />
        ))}
      </>,
    )
    const forms = Array.from(container.querySelectorAll('form'))
    expect(forms).toHaveLength(227)
    const labelled = new Set(Array.from(container.querySelectorAll('label[for]')).map((l) => l.getAttribute('for')))
    let controls = 0
    models.forEach((model, i) => {
      const form = forms[i] as HTMLFormElement
      expect(form.getAttribute('aria-label')).toBe(model.op.id)
      // Advanced fields are built when the disclosure opens (checked below for every operation that has them).
      for (const field of model.groups.flatMap((g) => g.fields)) {
        expect(form.querySelector(`[name="${CSS.escape(field.key)}"]`), `${model.op.id} ${field.key}`).not.toBeNull()
      }
      if (model.advanced.length > 0) expect(form.querySelector('details > summary')?.textContent, model.op.id).toMatch(/^Advanced/)
      if (model.sort?.options.length) expect(form.querySelector(`[name="${model.sort.key}"]`), model.op.id).not.toBeNull()
      for (const control of Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'))) {
        const isLabelled = labelled.has(control.id) || control.closest('label') !== null || control.hasAttribute('aria-label')
        expect(isLabelled, `${model.op.id}: ${control.name || control.id} has no label`).toBe(true)
        controls++
      }
    })
    expect(controls).toBeGreaterThan(1000)
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
  })
})

describe('ParamForm Advanced disclosure', () => {
  it('builds the advanced fields of every operation that has them when opened', () => {
    const models = operations.map((o) => buildFormModel(o, { fromRoute: [] })).filter((m) => m.advanced.length > 0)
    expect(models.length).toBeGreaterThan(10)
    for (const model of models) {
      const { container, unmount } = render(<ParamForm model={model} values={{}} onSubmit={() => {}} />)
      const details = container.querySelector('details') as HTMLDetailsElement
      details.open = true
      fireEvent(details, new Event('toggle'))
      for (const field of model.advanced.flatMap((g) => g.fields)) {
        expect(container.querySelector(`[name="${CSS.escape(field.key)}"]`), `${model.op.id} ${field.key}`).not.toBeNull()
      }
      unmount()
    }
  })

  it('opens by itself when a link sets an advanced value', () => {
    const withStatus = operations.find((o) => o.params.some((p) => p.name === 'status.code')) as OperationInfo
    render(<ParamForm model={buildFormModel(withStatus)} values={{ 'status.code': 'MODEL_TRAINED' }} onSubmit={() => {}} />)
    expect((screen.getByLabelText(/^Code/) as HTMLSelectElement).value).toBe('MODEL_TRAINED')
  })
})

function renderForm(id: string, values: FormValues = {}, options: Parameters<typeof buildFormModel>[1] = undefined, notes: string[] = []) {
  const model = buildFormModel(op(id), options)
  const onSubmit = vi.fn<(values: FormValues) => void>()
  const utils = render(<ParamForm model={model} values={values} onSubmit={onSubmit} notes={notes} />)
  return { model, onSubmit, ...utils }
}

describe('ParamForm interaction', () => {
  it('token inputs: Enter and comma add, repeats and order kept, Backspace and buttons remove, typed text counts on submit', async () => {
    const user = userEvent.setup()
    const { onSubmit } = renderForm('ListModels')
    const input = screen.getByLabelText(/^Additional fields/)
    await user.type(input, 'stars{Enter}counts,stars,')
    const list = screen.getByRole('list', { name: 'Additional fields: 3 values' })
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent?.replace('×', ''))).toEqual(['stars', 'counts', 'stars'])
    await user.type(input, '{Backspace}')
    expect(screen.getByRole('list', { name: 'Additional fields: 2 values' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Remove stars' }))
    expect(screen.getByRole('list', { name: 'Additional fields: 1 value' })).toHaveTextContent('counts')
    await user.type(input, 'outputs')
    await user.click(screen.getByRole('button', { name: 'Apply' }))
    expect(onSubmit).toHaveBeenCalledWith({ additional_fields: ['counts', 'outputs'] })
  })

  it('folds sort and direction, toggles booleans, selects enums by name', async () => {
    const user = userEvent.setup()
    const { onSubmit } = renderForm('ListModels', { per_page: 20, page: 3 })
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Created at')
    await user.selectOptions(screen.getByLabelText('Direction'), 'Ascending')
    await user.click(screen.getByRole('switch', { name: 'Trained only' }))
    await user.selectOptions(screen.getByLabelText(/^Visibility gettable/), 'Public')
    await user.click(screen.getByRole('button', { name: 'Apply' }))
    // A new filter starts on page 1; the page size stays.
    expect(onSubmit).toHaveBeenCalledWith({ trained_only: true, 'visibility.gettable': 'PUBLIC', sort: 'created_at', order: 'asc', per_page: 20 })
  })

  it('blocks a submit with invalid numbers and says why, next to the field', async () => {
    const user = userEvent.setup()
    const { onSubmit } = renderForm('ListModels')
    const minReplicas = screen.getByLabelText(/^Min replicas/)
    await user.type(minReplicas, '-3')
    await user.click(screen.getByRole('button', { name: 'Apply' }))
    expect(onSubmit).not.toHaveBeenCalled()
    expect(minReplicas).toHaveAttribute('aria-invalid', 'true')
    expect(minReplicas).toHaveAccessibleDescription(/must not be negative/)
    expect(minReplicas).toHaveFocus()
    await user.clear(minReplicas)
    await user.type(minReplicas, '2')
    await user.click(screen.getByRole('button', { name: 'Apply' }))
    expect(onSubmit).toHaveBeenCalledWith({ min_replicas: 2 })
  })

  it('requires path fields in the explorer', async () => {
    const user = userEvent.setup()
    const { onSubmit } = renderForm('GetModel', { 'user_app_id.user_id': 'me' }, { fromRoute: [] })
    await user.click(screen.getByRole('button', { name: 'Apply' }))
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getByLabelText(/^Model ID/)).toHaveAccessibleDescription('Required')
  })

  it('rejects unknown names in long enum lists and offers the names', async () => {
    const user = userEvent.setup()
    const { onSubmit, container } = renderForm('ListPipelineVersionRuns')
    const input = screen.getByLabelText(/^Status codes/)
    expect(container.querySelector(`datalist#${CSS.escape(input.getAttribute('list') ?? '')} option[value="MODEL_TRAINED"]`)).not.toBeNull()
    await user.type(input, 'NOPE{Enter}')
    expect(screen.getByText(/“NOPE”: not one of/)).toBeInTheDocument()
    await user.clear(input)
    await user.type(input, 'JOB_RUNNING{Enter}')
    await user.click(screen.getByRole('button', { name: 'Apply' }))
    expect(onSubmit).toHaveBeenCalledWith({ status_codes: ['JOB_RUNNING'] })
  })

  it('short enum lists are checkboxes', async () => {
    const user = userEvent.setup()
    const { onSubmit } = renderForm('ListDatasetVersionMetricsGroups')
    const group = screen.getByRole('group', { name: /^Types/ })
    await user.click(within(group).getByRole('checkbox', { name: 'Concept ID' }))
    await user.click(within(group).getByRole('checkbox', { name: 'Input type' }))
    await user.click(screen.getByRole('button', { name: 'Apply' }))
    expect(onSubmit).toHaveBeenCalledWith({ types: ['CONCEPT_ID', 'INPUT_TYPE'] })
  })

  it('groups fields.* in a fieldset, hides status.* and deprecated under Advanced, shows link notes', () => {
    const model = buildFormModel(op('GetEvaluation'))
    const { notes } = parseFormSearch(model, { 'fields.test_set': 'maybe' })
    render(<ParamForm model={model} values={{}} onSubmit={() => {}} notes={notes} />)
    expect(screen.getByRole('group', { name: /Fields/ })).toContainElement(screen.getByRole('switch', { name: 'Confusion matrix' }))
    expect(screen.getByRole('status')).toHaveTextContent('Dropped fields.test_set=maybe: not true or false')
    cleanup()
    renderForm('ListModels')
    const advanced = screen.getByText(/^Advanced/).closest('details') as HTMLDetailsElement
    expect(advanced.open).toBe(false)
    expect(within(advanced).queryByRole('switch', { name: /Dont fetch from main/ })).toBeNull()
    fireEvent.click(within(advanced).getByText(/^Advanced/))
    advanced.open = true
    fireEvent(advanced, new Event('toggle'))
    expect(within(advanced).getByRole('switch', { name: /Dont fetch from main/ })).toBeInTheDocument()
  })

  it('follows new values from outside (navigation) and keeps edits otherwise', () => {
    const model = buildFormModel(op('ListModels'))
    const { rerender } = render(<ParamForm model={model} values={{ search: 'cat' }} onSubmit={() => {}} />)
    const search = screen.getByLabelText(/^Search/) as HTMLInputElement
    expect(search.value).toBe('cat')
    fireEvent.change(search, { target: { value: 'dog' } })
    rerender(<ParamForm model={model} values={{ search: 'cat' }} onSubmit={() => {}} />)
    expect(search.value).toBe('dog')
    rerender(<ParamForm model={model} values={{ search: 'bird' }} onSubmit={() => {}} />)
    expect(search.value).toBe('bird')
  })

  it('reports the draft it would submit, or null while invalid', async () => {
    const user = userEvent.setup()
    const onDraftChange = vi.fn()
    const model = buildFormModel(op('ListApps'))
    render(<ParamForm model={model} values={{}} onSubmit={() => {}} onDraftChange={onDraftChange} />)
    await user.type(screen.getByLabelText(/^Search/), 'x')
    expect(onDraftChange).toHaveBeenLastCalledWith({ search: 'x' })
  })
})
