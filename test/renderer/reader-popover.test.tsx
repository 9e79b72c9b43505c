import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PassageAnchor } from '../../src/shared/chronology'
import type { ArticleDetail } from '../../src/shared/types'
import { DataProvider } from '../../src/renderer/src/data/DataProvider'
import { selectOffsets } from '../../src/renderer/src/lib/domOffsets'
import { Reader } from '../../src/renderer/src/views/Reader'
import { fakeClient } from './support/fake-client'

afterEach(cleanup)
beforeEach(() => localStorage.clear())

const TEXT = 'The ferry left Tarrow at dawn. It reached the island by noon.'
const article = {
  id: 3,
  title: 'Ferry',
  text: TEXT,
  published: null,
  language: 'en',
  words: 12,
  nearDuplicates: [],
  paragraphs: [{ ordinal: 1, text: TEXT, start: 0, end: TEXT.length, page: null }]
} as unknown as ArticleDetail

describe('the cite popover', () => {
  it('keeps the passage it opened on when the selection is lost before its button is released (a refresh re-rendered the text)', () => {
    const cited: PassageAnchor[] = []
    const view = render(
      <DataProvider client={fakeClient({}).client}>
        <Reader
          article={article}
          loading={false}
          hits={[]}
          citations={[]}
          focus={null}
          onOpenArticle={() => undefined}
          selectionActions={(anchor, done) => (
            <button type="button" onClick={() => (cited.push(anchor), done())}>
              Cite
            </button>
          )}
        />
      </DataProvider>
    )
    const body = view.container.querySelector<HTMLElement>('.reader-scroll')!
    const start = TEXT.indexOf('It reached')
    selectOffsets(body, start, TEXT.length)
    fireEvent.mouseUp(body)
    const button = view.getByRole('button', { name: 'Cite' })
    window.getSelection()!.removeAllRanges()
    // The button's own press ends inside the Reader's scroller, which opens popovers on mouseup.
    fireEvent.mouseDown(button)
    fireEvent.mouseUp(button)
    expect(button.isConnected).toBe(true)
    fireEvent.click(button)
    expect(cited.map((a) => a.exact)).toEqual(['It reached the island by noon.'])
    expect(view.queryByRole('dialog', { name: 'Cite selection' })).toBeNull()
  })
})
