import { deflateSync, inflateSync } from 'node:zlib'
import type Database from 'better-sqlite3'
import { ASCII_WORDS, isAsciiLetter, isAsciiWordChar } from '../../shared/tokens'
import { sha256 } from './originals'

/**
 * An article's clean text is stored compressed (migration 028): `article_store.body` holds it as
 * a zlib stream, whose Adler-32 check makes a damaged body fail to read rather than read as other
 * words, and the view `articles` shows it as `text`, so every reader, FTS5's external content
 * included, sees the text. The text was the largest table (706 of 1,798 MB at 100,000 generated
 * news articles); zlib keeps 50 % of that corpus's bytes and 47 % of the four seed articles'.
 */
export function packText(text: string): Buffer {
  return deflateSync(text)
}

export function unpackText(body: Uint8Array): string {
  return inflateSync(body).toString('utf8')
}

/** The SQL functions the schema's view and triggers call; every connection to an archive needs them. */
export function registerArticleBody(db: Database.Database): void {
  db.function('article_body', { deterministic: true }, (text: unknown) => (text === null ? null : packText(String(text))))
  db.function('article_text', { deterministic: true }, (body: unknown) => (body === null ? null : unpackText(body as Uint8Array)))
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

/** Counts words the way readers do: runs of letters or digits, joined by an apostrophe before letters ("don’t"). */
export function countWords(text: string): number {
  if (ASCII_WORDS.test(text)) return countAsciiWords(text)
  return text.match(WORD)?.length ?? 0
}

/**
 * `countWords` of text whose letters and digits are all ASCII (most news), read character by
 * character: the Unicode regex over a whole article was 0.2 ms of its import.
 */
function countAsciiWords(text: string): number {
  let words = 0
  let i = 0
  while (i < text.length) {
    if (!isAsciiWordChar(text.charCodeAt(i))) {
      i++
      continue
    }
    words++
    while (i < text.length && isAsciiWordChar(text.charCodeAt(i))) i++
    for (;;) {
      const c = text.charCodeAt(i)
      if ((c !== 39 && c !== 0x2019) || !isAsciiLetter(text.charCodeAt(i + 1))) break
      i += 2
      while (i < text.length && isAsciiLetter(text.charCodeAt(i))) i++
    }
  }
  return words
}

/** sha256 of text after whitespace folding, used to spot the same article in another file. */
export function cleanTextHash(text: string): string {
  return sha256(text.replace(/\s+/g, ' ').trim().toLowerCase())
}

/** What the archive stores of an article's clean text besides its paragraphs' offsets. */
export interface TextDigest {
  /** `cleanTextHash`: finds the same article in another file. */
  textHash: string
  wordCount: number
  /** `packText`: the stored text. */
  body: Uint8Array
}

/**
 * An article's digest, computed once: the parse worker computes it for the paragraphs it found,
 * so the writer spends none of its time compressing unless it drops some of them.
 */
export function digestText(text: string): TextDigest {
  return { textHash: cleanTextHash(text), wordCount: countWords(text), body: packText(text) }
}
