import type { ParsedArticle } from '../../archive/parsed-article'
import type { OcrWordSpan } from '../../../shared/types'
import { ImportError } from '../errors'
import { joinLines, type TextBlock } from '../text/blocks'
import { normaliseText } from '../text/normalise'
import { sharedOcrEngine, type OcrWord } from './engine'
import { hasInk } from './raster'

/** Told after each page read by OCR: pages done and pages to read in this file. */
export type PageProgress = (done: number, total: number) => void

/** Pages to read by OCR: their page numbers in the file and a way to get each one's image. */
export interface OcrPageSource {
  /** Page numbers (1-based, as cited) in reading order. */
  pages: readonly number[]
  image(page: number): Uint8Array | Promise<Uint8Array>
}

/** What OCR read: paragraphs with their page numbers, and every word with its confidence. */
export interface OcrText {
  blocks: TextBlock[]
  words: OcrWord[]
}

/**
 * Reads pages through the process's OCR engine one at a time (one page's pixels in memory at
 * once), telling `progress` after each; blank pages are skipped. A page the engine (or the image
 * decoder) cannot read fails the file, naming it.
 */
export async function readPages(source: OcrPageSource, name: string, progress?: PageProgress): Promise<OcrText> {
  const blocks: TextBlock[] = []
  const words: OcrWord[] = []
  let done = 0
  for (const page of source.pages) {
    const image = await source.image(page)
    let read
    try {
      // A blank page is not worth the engine's time (nor, when every page is blank, its start).
      if (!(await hasInk(image))) {
        progress?.(++done, source.pages.length)
        continue
      }
      read = await (await sharedOcrEngine()).recognize(image)
    } catch (err) {
      if (err instanceof ImportError) throw err
      throw new ImportError('parse-failed', `${name}: page ${page} could not be read by OCR (${err instanceof Error ? err.message : String(err)})`)
    }
    for (const p of read.paragraphs) {
      const text = joinLines(p.lines.map(normaliseText))
      if (text.length > 0) blocks.push({ text, page })
      words.push(...p.words)
    }
    progress?.(++done, source.pages.length)
  }
  return { blocks, words }
}

/** How far past the previous match a word is looked for before it is taken as cleaned away. */
const SEARCH_WINDOW = 40

/** Words skipped in a row before the rest of a paragraph is taken as not from OCR. */
const MAX_MISSES = 12

/** How many words ahead a paragraph's first word is looked for (a dropped running head or caption lies between). */
const LOOKAHEAD = 400

/** Where `word` is found in `text` no further than the window past `from`, or -1. */
function near(text: string, word: OcrWord | undefined, from: number): number {
  if (word === undefined) return -1
  const w = normaliseText(word.text)
  if (w.length === 0) return -1
  const found = text.indexOf(w, from)
  return found >= 0 && found - from <= SEARCH_WINDOW ? found : -1
}

/** The index of the word that opens `text`: it and the word after it both match, in order. */
function opening(text: string, words: readonly OcrWord[], from: number): number {
  const limit = Math.min(words.length, from + LOOKAHEAD)
  for (let w = from; w < limit; w++) {
    const at = near(text, words[w], 0)
    if (at < 0) continue
    if (w + 1 >= words.length || near(text, words[w + 1], at + normaliseText(words[w]!.text).length) >= 0) return w
  }
  return -1
}

/**
 * Gives the article's paragraphs the confidence of the OCR words they hold, and the article
 * the mean over every word read. Cleaning drops paragraphs (page furniture), cuts datelines and
 * joins hyphenated words, so each paragraph's opening is found among the words still unmatched,
 * then its words are matched in order, each a short way past the previous one; a word not found
 * there was cleaned away and is skipped.
 */
export function attachConfidence(article: ParsedArticle, words: readonly OcrWord[]): ParsedArticle {
  const mean = words.length === 0 ? 0 : words.reduce((n, w) => n + w.confidence, 0) / words.length
  let next = 0
  const paragraphs = article.paragraphs.map((p) => {
    const first = opening(p.text, words, next)
    if (first < 0) return p
    const spans: OcrWordSpan[] = []
    let at = 0
    let misses = 0
    for (let w = first; w < words.length && misses < MAX_MISSES && at < p.text.length; w++) {
      const found = near(p.text, words[w], at)
      if (found < 0) {
        misses++
        continue
      }
      const end = found + normaliseText(words[w]!.text).length
      spans.push({ start: found, end, confidence: Math.round(words[w]!.confidence) })
      at = end
      next = w + 1
      misses = 0
    }
    return spans.length > 0 ? { ...p, ocrWords: spans } : p
  })
  return { ...article, paragraphs, ocrConfidence: Math.round(mean * 10) / 10 }
}
