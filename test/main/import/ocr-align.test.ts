import { describe, expect, it } from 'vitest'
import { attachConfidence } from '../../../src/main/import/ocr/read-pages'
import { parsedArticle } from '../../support/parsed-article'

const words = (text: string, confidence = 90): { text: string; confidence: number }[] => text.split(' ').map((w) => ({ text: w, confidence }))

describe('matching OCR words to the clean text', () => {
  it('finds each paragraph past a running head cleaning dropped, and skips a hyphenated word joined by cleaning', () => {
    const read = [
      ...words('Harbour closure approved'),
      ...words('THE COASTAL GAZETTE PAGE 1 OF 2 EDITION', 30),
      ...words('The council voted to close the old har-'),
      { text: 'bour', confidence: 40 },
      ...words('to boats.'),
      ...words('Residents were surprised.', 70)
    ]
    const article = attachConfidence(parsedArticle(['The council voted to close the old harbour to boats.', 'Residents were surprised.']), read)
    const [first, second] = article.paragraphs
    expect(first!.ocrWords!.map((w) => first!.text.slice(w.start, w.end))).toEqual(['The', 'council', 'voted', 'to', 'close', 'the', 'old', 'bour', 'to', 'boats.'])
    expect(first!.ocrWords!.find((w) => first!.text.slice(w.start, w.end) === 'bour')!.confidence).toBe(40)
    expect(second!.ocrWords!.map((w) => [second!.text.slice(w.start, w.end), w.confidence])).toEqual([
      ['Residents', 70],
      ['were', 70],
      ['surprised.', 70]
    ])
    // The mean is over every word read, the dropped running head included.
    const mean = read.reduce((n, w) => n + w.confidence, 0) / read.length
    expect(article.ocrConfidence).toBe(Math.round(mean * 10) / 10)
  })

  it('leaves a paragraph OCR did not produce without words', () => {
    const article = attachConfidence(parsedArticle(['Typed note added later.', 'Residents were surprised.']), words('Residents were surprised.'))
    expect(article.paragraphs[0]!.ocrWords).toBeUndefined()
    expect(article.paragraphs[1]!.ocrWords).toHaveLength(3)
  })
})
