import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleDetail } from '../../src/shared/types'
import { Reader } from '../../src/renderer/src/views/Reader'

afterEach(cleanup)

function article(extra: Partial<ArticleDetail>): ArticleDetail {
  const first = 'The ferry will not sail until the pier is finished.'
  const second = 'Passengers take the morning bus.'
  return {
    id: 7,
    title: 'Ferry suspended',
    dek: null,
    outlet: null,
    byline: null,
    place: null,
    published: null,
    language: 'en',
    words: 15,
    fileName: 'scan.tif',
    duplicateOf: null,
    nearDuplicateCount: 0,
    eventCount: 0,
    tags: [],
    createdAt: '2026-12-02T10:00:00Z',
    url: null,
    capture: null,
    attachedTo: null,
    text: `${first}\n\n${second}`,
    paragraphs: [
      { ordinal: 1, text: first, start: 0, end: first.length, page: 1, doubtfulWords: [{ start: 4, end: 9, confidence: 41 }] },
      { ordinal: 2, text: second, start: first.length + 2, end: first.length + 2 + second.length, page: 2 }
    ],
    file: null,
    nearDuplicates: [],
    updatedAt: '2026-12-02T10:00:00Z',
    ...extra
  }
}

const show = (a: ArticleDetail): void =>
  void render(<Reader article={a} loading={false} hits={[]} citations={[]} focus={null} onOpenArticle={() => {}} />)

describe('the Reader on text read by OCR', () => {
  it('shows the mean confidence and underlines doubtful words, each pointing at the explanation', () => {
    show(article({ ocrConfidence: 88.6 }))
    const legend = screen.getByTestId('ocr-legend')
    expect(legend.textContent).toBe(
      'Read from page images by OCR, mean word confidence 89%. 1 word with a dotted underline was read with less than 60% confidence: check it against the original before quoting.'
    )
    const marked = document.querySelectorAll('.ptext .ocr-doubtful')
    expect([...marked].map((m) => m.textContent)).toEqual(['ferry'])
    expect(marked[0]!.getAttribute('aria-describedby')).toBe(legend.id)
    expect(marked[0]!.getAttribute('title')).toMatch(/OCR was unsure of this word/)
    // The paragraph's text is unchanged around the mark: selection offsets stay right.
    expect(document.querySelector('[data-ordinal="1"] .ptext')!.textContent).toBe('The ferry will not sail until the pier is finished.')
  })

  it('says nothing about OCR for typed text', () => {
    show(article({ paragraphs: article({}).paragraphs.map(({ doubtfulWords: _, ...p }) => p) }))
    expect(screen.queryByTestId('ocr-legend')).toBeNull()
    expect(document.querySelectorAll('.ocr-doubtful')).toHaveLength(0)
  })
})
