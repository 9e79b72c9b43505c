import { describe, expect, it } from 'vitest'
import { getArticle, insertArticle } from '../../../src/main/archive/repo/articles'
import { removeParagraphs } from '../../../src/main/archive/repo/paragraph-removal'
import { DOUBTFUL_OCR_CONFIDENCE } from '../../../src/shared/types'
import { parsedArticle } from '../../support/parsed-article'
import { tempArchive } from '../../support/tmp'

describe('OCR confidence in the archive', () => {
  it('stores every word, returns the mean and the doubtful words by paragraph, and follows paragraph removal', () => {
    const { db } = tempArchive()
    const base = parsedArticle(['The harbour closed in March.', 'A second hearing follows.', 'Repairs cost four millon euros.'])
    const id = insertArticle(
      db,
      {
        ...base,
        ocrConfidence: 81.4,
        paragraphs: [
          { text: 'The harbour closed in March.', page: 1, ocrWords: [{ start: 0, end: 3, confidence: 96 }, { start: 4, end: 11, confidence: 93 }] },
          { text: 'A second hearing follows.', page: 1, ocrWords: [{ start: 9, end: 16, confidence: 42 }] },
          { text: 'Repairs cost four millon euros.', page: 2, ocrWords: [{ start: 18, end: 24, confidence: DOUBTFUL_OCR_CONFIDENCE - 1 }, { start: 25, end: 31, confidence: DOUBTFUL_OCR_CONFIDENCE }] }
        ]
      },
      null
    )
    const article = getArticle(db, id)
    expect(article.ocrConfidence).toBe(81.4)
    expect(article.paragraphs.map((p) => p.doubtfulWords)).toEqual([undefined, [{ start: 9, end: 16, confidence: 42 }], [{ start: 18, end: 24, confidence: 59 }]])
    // Every word is stored, not only the doubtful ones.
    expect(db.prepare('SELECT count(*) FROM paragraph_ocr_words').pluck().get()).toBe(3)
    expect(article.paragraphs[2]!.text.slice(18, 24)).toBe('millon')

    // Paragraph 2 goes: paragraph 3 becomes 2 and keeps its words, offsets into its own text.
    removeParagraphs(db, id, [2])
    const after = getArticle(db, id)
    expect(after.paragraphs.map((p) => [p.ordinal, p.doubtfulWords])).toEqual([
      [1, undefined],
      [2, [{ start: 18, end: 24, confidence: 59 }]]
    ])
  })

  it('stores nothing for text not read by OCR', () => {
    const { db } = tempArchive()
    const article = getArticle(db, insertArticle(db, parsedArticle(['Typed text.']), null))
    expect(article.ocrConfidence).toBeUndefined()
    expect(db.prepare('SELECT count(*) FROM article_ocr').pluck().get()).toBe(0)
  })
})
