import { afterAll, describe, expect, it } from 'vitest'
import { parseSourceFile, type FormatResult } from '../../../../src/main/import/formats'
import { stopSharedOcrEngine } from '../../../../src/main/import/ocr/engine'
import { errorRates, imagePdf, pageJpeg, pagePng, pagesTiff, renderPage } from '../../../support/ocr/render-page'

// Text written for these tests: two short pages of a council story.
const PAGE_ONE = [
  'Harbour closure approved',
  'The council voted on 12 March 2019 to close the old harbour to fishing boats, citing the cost of repairs to the sea wall.',
  'Residents said the decision came without warning, and the mayor promised a second hearing in April.'
]
const PAGE_TWO = ['Engineers estimated the repairs at four million euros over three years, twice the figure given in January.']

const parse = (name: string, bytes: Uint8Array): Promise<FormatResult> => parseSourceFile({ name, bytes, mtime: null })
const textOf = (r: FormatResult): string => [r.article.title, ...r.article.paragraphs.map((p) => p.text)].join(' ')

afterAll(() => stopSharedOcrEngine())

describe('OCR of page images and scanned PDFs', () => {
  it('reads a scanned PNG and a photo-like JPEG (grey paper, rotated, noisy) into an article with word confidence', async () => {
    const scan = await parse('scan.png', pagePng(PAGE_ONE))
    expect(scan.mediaType).toBe('image/png')
    expect(scan.article.title).toBe('Harbour closure approved')
    expect(errorRates(PAGE_ONE.join(' '), textOf(scan)).cer).toBeLessThan(0.02)
    expect(scan.article.paragraphs.map((p) => p.page)).toEqual([1, 1])
    expect(scan.article.ocrConfidence).toBeGreaterThan(85)
    // Every word of the clean text carries its confidence, at offsets that spell the word.
    const first = scan.article.paragraphs[0]!
    expect(first.ocrWords!.length).toBe(first.text.split(' ').length)
    expect(first.ocrWords!.map((w) => first.text.slice(w.start, w.end)).join(' ')).toBe(first.text)

    const photo = await parse('photo.jpg', pageJpeg(PAGE_ONE, { font: 'sans-serif', rotate: 1, noise: 0.15, paper: 230 }))
    expect(photo.mediaType).toBe('image/jpeg')
    expect(errorRates(PAGE_ONE.join(' '), textOf(photo)).cer).toBeLessThan(0.05)
    expect(photo.article.ocrConfidence).toBeGreaterThan(70)
  })

  it('reads a two-page scanned PDF and a two-page TIFF, keeping each paragraph on its page', async () => {
    const jpegPage = (paragraphs: readonly string[]): { jpeg: Uint8Array; width: number; height: number } => {
      const canvas = renderPage(paragraphs)
      return { jpeg: new Uint8Array(canvas.toBuffer('image/jpeg', 85)), width: canvas.width, height: canvas.height }
    }
    const pdf = await parse('scan.pdf', imagePdf([jpegPage(PAGE_ONE), jpegPage(PAGE_TWO)]))
    const tiff = await parse('scan.tif', pagesTiff([PAGE_ONE, PAGE_TWO]))
    for (const [result, mediaType] of [
      [pdf, 'application/pdf'],
      [tiff, 'image/tiff']
    ] as const) {
      expect(result.mediaType).toBe(mediaType)
      expect(result.article.paragraphs.map((p) => p.page)).toEqual([1, 1, 2])
      expect(errorRates([...PAGE_ONE, ...PAGE_TWO].join(' '), textOf(result)).cer).toBeLessThan(0.02)
      expect(result.article.paragraphs[2]!.ocrWords!.length).toBeGreaterThan(10)
    }
  })

  it('tells the progress callback after each page', async () => {
    const pages: [number, number][] = []
    await parseSourceFile({ name: 'scan.tiff', bytes: pagesTiff([PAGE_ONE, PAGE_TWO]), mtime: null, onPage: (done, total) => pages.push([done, total]) })
    expect(pages).toEqual([
      [1, 2],
      [2, 2]
    ])
  })
})
