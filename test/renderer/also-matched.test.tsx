import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Expansion } from '../../src/shared/search'
import { createQueryClient, DataProvider } from '../../src/renderer/src/data/DataProvider'
import { createProblems } from '../../src/renderer/src/data/problems'
import { AlsoMatched } from '../../src/renderer/src/views/search/AlsoMatched'
import { fakeClient } from './support/fake-client'

afterEach(cleanup)

const spelling = (term: string, articles: number, kind: Expansion['kind'], dropped = false): Expansion => ({ term, articles, kind, dropped })

function renderList(expansions: Record<string, Expansion[]>) {
  const fake = fakeClient({ setDroppedSpellings: ({ spellings }) => ({ dropped: spellings }) })
  const problems = createProblems()
  render(
    <DataProvider client={fake.client} queryClient={createQueryClient(problems)} problems={problems}>
      <AlsoMatched query="masood~ panj*" expansions={expansions} />
    </DataProvider>
  )
  return fake
}

describe('also matched', () => {
  it('shows each spelling with its count, and a click drops it for this query or takes it back', async () => {
    const fake = renderList({
      masood: [spelling('massoud', 40, 'variant'), spelling('masud', 3, 'variant', true), spelling('masoood', 1, 'typo')],
      'panj*': [spelling('panjshir', 12, 'completion')]
    })
    expect(screen.getByTestId('also-matched').textContent).toMatch(/also matched: massoud 40.*masud 3.*masoood 1 typo.*panjshir 12/)
    // Completions of a prefix are all matched by FTS5: listed, not droppable.
    expect(screen.getAllByRole('button')).toHaveLength(3)
    await act(async () => screen.getByRole('button', { name: /massoud/ }).click())
    await act(async () => screen.getByRole('button', { name: /masud/ }).click())
    expect(fake.callsOf('setDroppedSpellings')).toEqual([
      { query: 'masood~ panj*', spellings: ['masud', 'massoud'] },
      { query: 'masood~ panj*', spellings: [] }
    ])
    expect(screen.getByRole('button', { name: /masud/ }).getAttribute('aria-pressed')).toBe('false')
  })
})
