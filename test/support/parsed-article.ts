import type { ParsedArticle } from '../../src/main/archive/parsed-article'

/** A parsed article as the import pipeline would hand it over: English, undated, no metadata unless given. */
export function parsedArticle(paragraphs: readonly string[], extra: Partial<ParsedArticle> = {}): ParsedArticle {
  return {
    title: 'Test article',
    dek: null,
    outlet: null,
    byline: null,
    place: null,
    url: null,
    published: null,
    language: 'en',
    paragraphs: paragraphs.map((text) => ({ text, page: null })),
    ...extra
  }
}
