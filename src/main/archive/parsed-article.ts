import type { CaptureProvenance, MessageThreading, OcrWordSpan, Paragraph, PublishedDate } from '../../shared/types'

/**
 * What a format parser produces from one file and the archive stores: clean paragraphs plus
 * metadata. Defined here, with the paragraph layout, because the archive owns how text is stored.
 */
export interface ParsedArticle {
  title: string
  dek: string | null
  outlet: string | null
  byline: string | null
  place: string | null
  url: string | null
  published: PublishedDate | null
  language: string | null
  paragraphs: ParsedParagraph[]
  /** Where the article was captured, when it comes from a capture (saved page, web archive, mailbox). */
  capture?: CaptureProvenance | null
  /** Its place in an e-mail thread, for messages that carry a Message-ID. */
  message?: MessageThreading | null
  /** Mean OCR confidence (0–100) over every word read, for text read from page images. */
  ocrConfidence?: number
}

export interface ParsedParagraph {
  text: string
  page: number | null
  /** For text read by OCR: where each word lies in this paragraph and how sure the engine was. */
  ocrWords?: OcrWordSpan[]
}


/** Paragraphs are separated by one blank line in the clean text; offsets depend on this. */
export const PARAGRAPH_SEPARATOR = '\n\n'

/** Joins the clean text from paragraphs and computes each paragraph's offsets into it. */
export function layoutParagraphs(paragraphs: ParsedArticle['paragraphs']): { text: string; paragraphs: Paragraph[] } {
  const out: Paragraph[] = []
  let offset = 0
  const parts: string[] = []
  paragraphs.forEach((p, i) => {
    if (i > 0) offset += PARAGRAPH_SEPARATOR.length
    out.push({ ordinal: i + 1, text: p.text, start: offset, end: offset + p.text.length, page: p.page })
    parts.push(p.text)
    offset += p.text.length
  })
  return { text: parts.join(PARAGRAPH_SEPARATOR), paragraphs: out }
}
