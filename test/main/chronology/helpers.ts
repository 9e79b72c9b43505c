import type { Archive } from '../../../src/main/archive/archive'
import { insertArticle } from '../../../src/main/archive/repo/articles'
import type { ParsedArticle } from '../../../src/main/archive/parsed-article'
import { parsedArticle } from '../../support/parsed-article'

/** Inserts an article straight into the archive (no import pipeline) and returns its id. */
export function addArticle(archive: Archive, paragraphs: string[], extra: Partial<ParsedArticle> = {}): number {
  const parsed = parsedArticle(paragraphs, { outlet: 'Test Wire', ...extra })
  return archive.db.transaction(() => insertArticle(archive.db, parsed, null))()
}

/** Offsets of the only occurrence of `quote` in the article text. */
export function span(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote)
  if (start < 0 || text.indexOf(quote, start + 1) >= 0) throw new Error(`quote not unique: ${quote}`)
  return { start, end: start + quote.length }
}
