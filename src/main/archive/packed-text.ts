/**
 * An article's clean text is stored deflated (migration 023): news prose shrinks about half, and
 * the text was the archive's largest table. `articles.text` stays a column, a virtual generated
 * one computed by the `article_text()` SQL function below, so every query, trigger and the FTS5
 * external-content index read the text as before, and only writes set `packed_text`.
 *
 * The format is raw DEFLATE (RFC 1951) of the UTF-8 text, readable by any zlib. A connection
 * without the function can still read every other column; reading `text`, `PRAGMA
 * integrity_check` or `VACUUM` on it fail with "unknown function", never with wrong text.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { Db } from './db'

/** The SQL function that unpacks `packed_text`; its name is part of the schema. */
export const ARTICLE_TEXT_FUNCTION = 'article_text'

/** The stored form of a clean text. */
export function packText(text: string): Buffer {
  return deflateRawSync(Buffer.from(text, 'utf8'))
}

/** The clean text a stored form holds. */
export function unpackText(packed: Uint8Array): string {
  return inflateRawSync(packed).toString('utf8')
}

/** Defines the functions the schema calls; every connection to an archive needs them. */
export function registerArchiveFunctions(db: Db): void {
  db.function(ARTICLE_TEXT_FUNCTION, { deterministic: true }, (packed: unknown) => {
    if (!(packed instanceof Uint8Array)) throw new TypeError(`${ARTICLE_TEXT_FUNCTION}() expects the packed text of an article`)
    return unpackText(packed)
  })
}
