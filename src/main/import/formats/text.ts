import type { ParsedArticle } from '../parsed'
import { ImportError } from '../errors'
import { analyseArticle, type AnalyseOptions, type AnalysedArticle } from '../text/analyse'
import { splitBlocks, type TextBlock } from '../text/blocks'
import { normaliseText } from '../text/normalise'

/** Splits text into paragraphs at blank lines, folding whitespace inside each. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, ' ').trim())
    .filter((p) => p.length > 0)
}

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

/** Plain text (already decoded): paragraphs, headline, dek, dateline and boilerplate. */
export function parsePlainText(text: string, fileName: string, options: AnalyseOptions = {}): AnalysedArticle {
  return analyseBlocks(splitBlocks(normaliseText(text)), fileName, options)
}

/** The article alone, for callers that do not report removed boilerplate. */
export function plainTextArticle(text: string, fileName: string, options: AnalyseOptions = {}): ParsedArticle {
  return parsePlainText(text, fileName, options).article
}
