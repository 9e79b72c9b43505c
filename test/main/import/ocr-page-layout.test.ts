import type Tesseract from 'tesseract.js'
import { describe, expect, it } from 'vitest'
import { pageOf } from '../../../src/main/import/ocr/engine'

type Line = [text: string, top: number, confidences?: number[]]

/** The engine's answer for one paragraph per entry of `paragraphs`, lines placed at their tops (30 px tall). */
function enginePage(paragraphs: Line[][]): Tesseract.Page {
  const para = (lines: Line[]) => ({
    lines: lines.map(([text, top, confidences]) => ({
      bbox: { x0: 0, x1: 900, y0: top, y1: top + 30 },
      words: text.split(' ').map((w, i) => ({ text: w, confidence: confidences?.[i] ?? 95 }))
    }))
  })
  return { blocks: [{ paragraphs: paragraphs.map(para) }] } as unknown as Tesseract.Page
}

describe('laying out what the engine read', () => {
  it('splits the engine paragraph where a blank line parts two lines, and keeps lines that follow closely together', () => {
    const page = pageOf(
      enginePage([
        [
          ['Harbour closure approved', 100],
          ['The council voted to close', 175],
          ['the old harbour.', 210]
        ],
        [['Residents were surprised.', 290]]
      ])
    )
    expect(page.paragraphs.map((p) => p.lines)).toEqual([['Harbour closure approved'], ['The council voted to close', 'the old harbour.'], ['Residents were surprised.']])
  })

  it('drops specks read as unsure punctuation, keeping punctuation it is sure of and every word with a letter or digit', () => {
    const page = pageOf(enginePage([[[': Council . delays — vote 9 x', 100, [20, 96, 31, 93, 88, 95, 12, 15]]]]))
    expect(page.paragraphs[0]!.words.map((w) => w.text)).toEqual(['Council', 'delays', '—', 'vote', '9', 'x'])
    expect(page.paragraphs[0]!.lines).toEqual(['Council delays — vote 9 x'])
  })
})
