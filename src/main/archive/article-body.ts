import { deflateSync, inflateSync } from 'node:zlib'
import type Database from 'better-sqlite3'
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

/** Counts words the way readers do: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0
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
