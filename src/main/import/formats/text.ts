import type { ParsedArticle } from '../parsed'
import { ImportError } from '../errors'

/** Splits text into paragraphs at blank lines, folding whitespace inside each. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, ' ').trim())
    .filter((p) => p.length > 0)
}

/** Plain text: the first paragraph is the title, the rest is the body. */
export function parsePlainText(text: string, fileName: string): ParsedArticle {
  const paragraphs = splitParagraphs(text)
  if (paragraphs.length === 0) throw new ImportError('empty', `${fileName} has no text`)
  const [title, ...body] = paragraphs
  return {
    title: title!.slice(0, 500),
    dek: null,
    outlet: null,
    byline: null,
    place: null,
    url: null,
    published: null,
    language: null,
    paragraphs: (body.length > 0 ? body : [title!]).map((t) => ({ text: t, page: null }))
  }
}
