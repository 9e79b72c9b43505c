import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseSourceFile } from '../../../../src/main/import/formats'
import { makePdf } from '../../../support/import/make-pdf'

describe('PDF import', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('never fetches anything (fonts, cmaps, workers) while reading a PDF', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('network is off limits')))
    vi.stubGlobal('fetch', fetch)
    const pdf = makePdf([{ lines: ['Headline on page one', 'Body text of the article on the first page.'], gapsBefore: [1] }])
    const result = await parseSourceFile({ name: 'n.pdf', bytes: pdf, mtime: new Date('2024-06-01T00:00:00Z') })
    expect(result.article.title).toBe('Headline on page one')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('takes the largest type on page one for the headline, even below a kicker', async () => {
    const pdf = makePdf([
      {
        lines: ['World', 'Ceasefire talks resume in Geneva', 'Delegations returned to the table on Tuesday.', 'Talks continue.'],
        sizes: { 1: 20 },
        gapsBefore: [1, 2, 3]
      }
    ])
    const result = await parseSourceFile({ name: 'k.pdf', bytes: pdf, mtime: null })
    expect(result.article.title).toBe('Ceasefire talks resume in Geneva')
  })

  it('drops running headers and footers repeated on every page', async () => {
    const pdf = makePdf([
      { lines: ['EXAMPLE GAZETTE - WORLD', 'Headline', 'First page paragraph ends here.', 'Example Gazette, page 1 of 2'], gapsBefore: [1, 2, 3] },
      { lines: ['EXAMPLE GAZETTE - WORLD', 'Second page paragraph ends here.', 'Example Gazette, page 2 of 2'], gapsBefore: [1, 2] }
    ])
    const result = await parseSourceFile({ name: 'h.pdf', bytes: pdf, mtime: null })
    expect(result.article.title).toBe('Headline')
    expect(result.article.paragraphs).toEqual([
      { text: 'First page paragraph ends here.', page: 1 },
      { text: 'Second page paragraph ends here.', page: 2 }
    ])
  })

  it('keeps page numbers, drops lone page-number lines and does not consume the caller’s bytes', async () => {
    const pdf = makePdf([
      { lines: ['Headline', 'First page paragraph ends here.', '1'], gapsBefore: [1, 2] },
      { lines: ['Second page paragraph ends here.', 'Page 2 of 2'], gapsBefore: [1] }
    ])
    const copy = new Uint8Array(pdf)
    const result = await parseSourceFile({ name: 'p.pdf', bytes: pdf, mtime: null })
    expect(result.article.paragraphs).toEqual([
      { text: 'First page paragraph ends here.', page: 1 },
      { text: 'Second page paragraph ends here.', page: 2 }
    ])
    expect(pdf).toEqual(copy)
  })
})
