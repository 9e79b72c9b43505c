import { ImportError } from '../errors'
import { analyseArticle, type AnalyseOptions, type AnalysedArticle } from '../text/analyse'
import { splitBlocks, type TextBlock } from '../text/blocks'
import { normaliseText } from '../text/normalise'

/** Analyses the paragraphs of a file, refusing a file that has none or only boilerplate. */
export function analyseBlocks(blocks: readonly TextBlock[], fileName: string, options: AnalyseOptions): AnalysedArticle {
  if (blocks.length === 0) throw new ImportError('empty', `${fileName} has no text`)
  const result = analyseArticle(blocks, options)
  if (result.article.paragraphs.length === 0) {
    const kinds = [...new Set(result.removed.map((r) => r.kind))].join(', ')
    throw new ImportError('empty', `${fileName} has no article text, only page furniture (${kinds})`)
  }
  return result
}

/**
 * Paragraphs one article may have. Each costs its own analysis (fingerprints, boilerplate keys,
 * search rows); two million one-letter paragraphs in 6 MB drove a parse worker past 768 MB. A
 * 4-million-character book of ordinary paragraphs has about 20,000.
 */
export const MAX_PARAGRAPHS = 50_000

/** Blank-line paragraph breaks in `text`, counted up to one past `limit`. */
function paragraphBreaks(text: string, limit: number): number {
  const breaks = /\n[ \t\r\f\v\u00a0]*\n/g
  let n = 0
  while (n <= limit && breaks.exec(text) !== null) n++
  return n
}

/** Plain text (already decoded): paragraphs, headline, dek, dateline and boilerplate. */
export function parsePlainText(text: string, fileName: string, options: AnalyseOptions = {}): AnalysedArticle {
  // Counted before anything is split, so the refusal costs one scan, not the work it prevents.
  if (paragraphBreaks(text, MAX_PARAGRAPHS) > MAX_PARAGRAPHS) {
    throw new ImportError('too-large', `${fileName} has more than ${MAX_PARAGRAPHS} paragraphs; an article may have at most ${MAX_PARAGRAPHS} (split the document)`)
  }
  const blocks = splitBlocks(normaliseText(text))
  if (blocks.length > MAX_PARAGRAPHS) {
    throw new ImportError('too-large', `${fileName} has ${blocks.length} paragraphs; an article may have at most ${MAX_PARAGRAPHS} (split the document)`)
  }
  return analyseBlocks(blocks, fileName, options)
}
