import { act, cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mention } from '../../src/shared/entities'
import type { ArticleDetail } from '../../src/shared/types'
import { DataProvider } from '../../src/renderer/src/data/DataProvider'
import { selectionOffsets, selectOffsets } from '../../src/renderer/src/lib/domOffsets'
import { Reader } from '../../src/renderer/src/views/Reader'
import { fakeClient } from './support/fake-client'

afterEach(cleanup)
beforeEach(() => localStorage.clear())

const P1 = 'Olek Petrenko met the Harbour Authority in Odesa.'
const P2 = 'Later Олег Петренко left.'
const TEXT = `${P1}\n\n${P2}`
const at = (s: string, from = 0): [number, number] => {
  const i = TEXT.indexOf(s, from)
  return [i, i + s.length]
}
const article = {
  id: 7,
  title: 'Port talks',
  text: TEXT,
  published: null,
  language: 'en',
  words: 13,
  nearDuplicates: [],
  paragraphs: [
    { ordinal: 1, text: P1, start: 0, end: P1.length, page: null },
    { ordinal: 2, text: P2, start: P1.length + 2, end: TEXT.length, page: null }
  ]
} as unknown as ArticleDetail

function mention(entityId: number, kind: Mention['kind'], name: string, text: string, from = 0): Mention {
  const [start, end] = at(text, from)
  return { entityId, kind, name, start, end, text }
}
const MENTIONS: Mention[] = [
  mention(1, 'person', 'Olek Petrenko', 'Olek Petrenko'),
  mention(2, 'org', 'Harbour Authority', 'Harbour Authority'),
  mention(3, 'place', 'Odesa', 'Odesa'),
  mention(1, 'person', 'Olek Petrenko', 'Олег Петренко')
]

function show(opened: number[], hits: [number, number][] = [], mentions = MENTIONS) {
  const fake = fakeClient({})
  const reader = (names: readonly Mention[], found: [number, number][]) => (
    <DataProvider client={fake.client}>
      <Reader article={article} loading={false} hits={found} citations={[]} focus={null} onOpenArticle={() => undefined} mentions={names} onOpenEntity={(id) => opened.push(id)} selectionActions={() => null} />
    </DataProvider>
  )
  const view = render(reader(mentions, hits))
  return { ...view, redraw: (names: readonly Mention[], found = hits) => view.rerender(reader(names, found)) }
}

describe('names marked in the Reader', () => {
  it('marks each mention by kind without changing the offsets a selection reads back', () => {
    const view = show([], [at('met the Harbour')])
    const marks = [...view.container.querySelectorAll('[data-mention]')].map((m) => [m.className, m.textContent])
    expect(marks).toEqual([
      ['mention mention-person', 'Olek Petrenko'],
      // The search hit cuts the mention in two: both halves stay one entity's mark.
      ['mention mention-org hit hit-active', 'Harbour'],
      ['mention mention-org', ' Authority'],
      ['mention mention-place', 'Odesa'],
      ['mention mention-person', 'Олег Петренко']
    ])
    const body = view.container.querySelector<HTMLElement>('.reader-scroll')!
    selectOffsets(body, at('Authority')[0], at('Олег')[1])
    const sel = selectionOffsets(body)!
    expect(TEXT.slice(sel.start, sel.end)).toBe('Authority in Odesa.\n\nLater Олег')
  })

  it('opens the entity on a click or on Enter with the caret in the name, any spelling', () => {
    const opened: number[] = []
    const view = show(opened)
    const body = view.container.querySelector<HTMLElement>('.reader-scroll')!
    const cyrillic = view.container.querySelectorAll('[data-mention]')[3]!
    selectOffsets(body, at('Петренко')[0], at('Петренко')[0])
    fireEvent.click(cyrillic)
    expect(opened).toEqual([1])
    selectOffsets(body, at('Odesa')[0] + 2, at('Odesa')[0] + 2)
    fireEvent.keyDown(body, { key: 'Enter' })
    expect(opened).toEqual([1, 3])
    // Enter outside any name does nothing.
    selectOffsets(body, at('met')[0], at('met')[0])
    fireEvent.keyDown(body, { key: 'Enter' })
    expect(opened).toEqual([1, 3])
  })

  it('leaves a drag selection over a name to citing', () => {
    const opened: number[] = []
    const view = show(opened)
    const body = view.container.querySelector<HTMLElement>('.reader-scroll')!
    selectOffsets(body, at('Odesa')[0], at('Odesa')[1])
    fireEvent.click(view.container.querySelectorAll('[data-mention]')[2]!)
    expect(opened).toEqual([])
  })

  it('keeps a selection made before the names and matches arrive on the same words once they are drawn', () => {
    const view = show([], [], [])
    const body = view.container.querySelector<HTMLElement>('.reader-scroll')!
    const read = () => {
      const sel = selectionOffsets(body)
      return sel && TEXT.slice(sel.start, sel.end)
    }
    // Backwards, as Shift+← leaves it: the moving end must stay the moving end.
    act(() => {
      selectOffsets(body, at('Odesa')[1], at('Petrenko')[0])
      document.dispatchEvent(new Event('selectionchange'))
    })
    expect(read()).toBe('Petrenko met the Harbour Authority in Odesa')
    // The marks split the selected words into new elements.
    act(() => view.redraw(MENTIONS))
    expect(read()).toBe('Petrenko met the Harbour Authority in Odesa')
    act(() => view.redraw(MENTIONS, [at('Harbour'), at('Odesa')]))
    expect(read()).toBe('Petrenko met the Harbour Authority in Odesa')
    const sel = window.getSelection()!
    expect(body.contains(sel.focusNode) && sel.focusNode!.textContent).toBe('Olek Petrenko')
    // A selection the user clears stays cleared.
    act(() => {
      window.getSelection()!.removeAllRanges()
      document.dispatchEvent(new Event('selectionchange'))
    })
    act(() => view.redraw([]))
    expect(read()).toBeNull()
  })

  it('hides the marks with the Names switch', () => {
    const view = show([])
    const toggle = view.getByRole('button', { name: /Names 4/ })
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    act(() => toggle.click())
    expect(view.container.querySelectorAll('[data-mention]')).toHaveLength(0)
    expect(view.container.querySelector('.reader-body')!.textContent).toContain(P1)
  })
})
