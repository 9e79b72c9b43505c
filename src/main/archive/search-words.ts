import type { Db } from './db'

/** Beyond this many queued articles a full rebuild of the vocabulary beats tokenizing each one (search/vocab.ts). */
export const QUEUE_REBUILD_THRESHOLD = 2_000

/** An article's search texts as stored, and the distinct words they hold, joined by spaces. */
export interface ReadWords {
  title: string
  dek: string | null
  body: Uint8Array
  words: string
}

const byDb = new WeakMap<Db, Map<number, ReadWords>>()

/**
 * The words a parse worker read in the articles an import stored, kept by the writer until the
 * vocabulary drain folds them in (search/vocab.ts), so the drain, which runs on the writer's
 * thread every two seconds of an import (host/search-upkeep.ts), takes them instead of
 * inflating and tokenizing each stored text again: 0.6 ms of the writer's time per article at
 * 100,000.
 *
 * The words are a pure function of the texts, so they are taken only while the stored title, dek
 * and body are those they were read from; an edit in between, or an id reused after a rollback,
 * makes the drain read the stored texts as before. At most QUEUE_REBUILD_THRESHOLD are kept,
 * oldest dropped first: a longer queue is rebuilt whole, without them.
 */
export function rememberWords(db: Db, articleId: number, read: ReadWords): void {
  let words = byDb.get(db)
  if (!words) byDb.set(db, (words = new Map()))
  words.delete(articleId)
  if (words.size >= QUEUE_REBUILD_THRESHOLD) words.delete(words.keys().next().value!)
  words.set(articleId, read)
}

/** The remembered words of an article whose stored texts are still these (and forgets them), else undefined. */
export function takeWords(db: Db, articleId: number, title: string, dek: string | null, body: Uint8Array): string[] | undefined {
  const words = byDb.get(db)
  const read = words?.get(articleId)
  if (!read) return undefined
  words!.delete(articleId)
  const same = read.title === title && read.dek === dek && Buffer.from(read.body.buffer, read.body.byteOffset, read.body.byteLength).equals(body)
  return same ? (read.words === '' ? [] : read.words.split(' ')) : undefined
}

/** How many articles' words are remembered (for tests). */
export function rememberedWords(db: Db): number {
  return byDb.get(db)?.size ?? 0
}
