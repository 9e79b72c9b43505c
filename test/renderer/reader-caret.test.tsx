import { act, cleanup, fireEvent, render } from '@testing-library/react'
import { useRef } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleDetail } from '../../src/shared/types'
import { anchorFor } from '../../src/renderer/src/lib/anchor'
import { selectionOffsets } from '../../src/renderer/src/lib/domOffsets'
import { useReaderCaret } from '../../src/renderer/src/lib/useReaderCaret'

afterEach(cleanup)

const P1 = 'Mr. Ali met the U.S. envoy. Talks ended.'
const P2 = 'A convoy was turned back.'
const TEXT = `${P1}\n\n${P2}`
const article = {
  id: 1,
  text: TEXT,
  paragraphs: [
    { ordinal: 1, text: P1, start: 0, end: P1.length, page: null },
    { ordinal: 2, text: P2, start: P1.length + 2, end: TEXT.length, page: null }
  ]
} as unknown as ArticleDetail

/** The Reader's text as it renders it: paragraph spans split by marks, each carrying its start offset. */
function Text(): React.JSX.Element {
  const body = useRef<HTMLDivElement>(null)
  const caret = useReaderCaret({ body, article, onSelected: () => undefined })
  return (
    <div ref={body} tabIndex={0} data-testid="body" onKeyDown={caret.onKeyDown}>
      <p aria-live="polite" data-testid="live">
        {caret.announcement}
      </p>
      <p>
        <span className="ordinal">1</span>
        <span data-text-start={0}>
          Mr. Ali met the <mark>U.S.</mark> envoy. Talks ended.
        </span>
      </p>
      <p>
        <span className="ordinal">2</span>
        <span data-text-start={P1.length + 2}>{P2}</span>
      </p>
    </div>
  )
}

/** What the mouse path reads from the document selection: the passage a citation would store. */
const cited = (root: HTMLElement): string | undefined => {
  const sel = selectionOffsets(root)
  return sel ? anchorFor(TEXT, sel.start, sel.end)?.exact : undefined
}

describe('useReaderCaret', () => {
  it('extends the document selection by word and sentence, read back exactly by the mouse path, and announces it', () => {
    const view = render(<Text />)
    const body = view.getByTestId('body')
    body.focus()
    act(() => {
      fireEvent.keyDown(body, { key: 'ArrowRight', shiftKey: true })
      fireEvent.keyDown(body, { key: 'ArrowRight', shiftKey: true })
    })
    expect(cited(body)).toBe('Mr. Ali')
    expect(view.getByTestId('live').textContent).toBe('Selected 2 words: Mr. Ali. Press C to cite.')
    act(() => {
      fireEvent.keyDown(body, { key: 'ArrowDown', shiftKey: true })
    })
    expect(cited(body)).toBe('Mr. Ali met the U.S. envoy.')
  })

  it('moves a caret by paragraph and sentence and reads the sentence out', () => {
    const view = render(<Text />)
    const body = view.getByTestId('body')
    body.focus()
    act(() => {
      fireEvent.keyDown(body, { key: ')' })
    })
    expect(view.getByTestId('live').textContent).toBe('Paragraph 1: Talks ended.')
    act(() => {
      fireEvent.keyDown(body, { key: 'ArrowDown', ctrlKey: true })
      fireEvent.keyDown(body, { key: 'End', shiftKey: true })
    })
    expect(cited(body)).toBe(P2)
  })

  it('leaves keys on controls inside the Reader and bare ↓ ↑ to scrolling', () => {
    const view = render(<Text />)
    const body = view.getByTestId('body')
    const down = fireEvent.keyDown(body, { key: 'ArrowDown' })
    expect(down).toBe(true)
    const onMark = fireEvent.keyDown(body.querySelector('mark')!, { key: 'ArrowRight', shiftKey: true })
    expect(onMark).toBe(true)
    expect(cited(body)).toBeUndefined()
  })
})
