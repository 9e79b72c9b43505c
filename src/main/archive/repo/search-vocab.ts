/**
 * The persisted variant vocabulary (`search_vocab`: word → articles containing it), its change
 * queue (filled by triggers on `articles`), and the positions readers keep their copies in step
 * by (migration 010): the drain number that last changed each word and the rebuild epoch.
 */
import type { Db } from '../db'
import { prepared } from '../statements'
import { articleCountAndMaxId } from './search-meta'

/** Where the persisted vocabulary stands: built at all, rebuilt how often, drained how far. */
export interface VocabState {
  built: boolean
  epoch: number
  seq: number
}

export function vocabState(db: Db): VocabState {
  const [built, epoch, seq] = prepared(db, 'SELECT vocab_built, vocab_epoch, vocab_seq FROM search_state').raw(true).get() as [
    number,
    number,
    number
  ]
  return { built: built === 1, epoch, seq }
}

/**
 * Rebuilds the persisted vocabulary from the FTS5 index itself (after bulk imports or repair) and
 * moves the epoch (and the generation, so readers look), so readers' positions from before are void.
 */
export function rebuildVocabulary(db: Db): void {
  db.transaction(() => {
    db.exec(`
      DELETE FROM search_vocab;
      INSERT INTO search_vocab (term, docs, seq) SELECT term, doc, 0 FROM search_terms;
      DELETE FROM search_vocab_queue;
      UPDATE search_state SET vocab_built = 1, vocab_epoch = vocab_epoch + 1, generation = generation + 1;
    `)
  }).immediate()
}

/** Every word with its article count: the persisted vocabulary, or fts5vocab when it was never built. */
export function vocabularyRows(db: Db, built: boolean): [string, number][] {
  const query = built ? 'SELECT term, docs FROM search_vocab WHERE docs > 0' : 'SELECT term, doc FROM search_terms'
  return prepared(db, query).raw(true).all() as [string, number][]
}

/** Words whose count a drain after position `seq` changed, with their count now (0: gone). */
export function vocabularyChangedSince(db: Db, seq: number): [string, number][] {
  return prepared(db, 'SELECT term, docs FROM search_vocab WHERE seq > ?').raw(true).all(seq) as [string, number][]
}

export function vocabQueueLength(db: Db): number {
  return prepared(db, 'SELECT count(*) FROM search_vocab_queue').pluck(true).get() as number
}

/** id, article id, sign (+1 added or changed, -1 removed), and the removed version's texts. */
export type QueueRow = [number, number, number, string | null, string | null, string | null]

export function vocabQueueRows(db: Db): QueueRow[] {
  return prepared(db, 'SELECT id, article_id, sign, title, dek, body FROM search_vocab_queue ORDER BY id').raw(true).all() as QueueRow[]
}

/** The texts an article is searched by (title, dek, compressed body), or undefined when it is gone. */
export function articleSearchRow(db: Db, id: number): [string, string | null, Uint8Array] | undefined {
  return prepared(db, 'SELECT title, dek, body FROM article_store WHERE id = ?').raw(true).get(id) as
    | [string, string | null, Uint8Array]
    | undefined
}

/**
 * Adds per-word deltas to the persisted counts as one new drain, empties the queue up to
 * `lastQueued`, and returns the drain's number. Must run inside the caller's write transaction.
 */
export function writeVocabDeltas(db: Db, deltas: ReadonlyMap<string, number>, lastQueued: number): number {
  const seq = prepared(db, 'UPDATE search_state SET vocab_seq = vocab_seq + 1 RETURNING vocab_seq').pluck(true).get() as number
  // One statement for the drain's words (an import's drain holds 10,000–20,000): a run each cost
  // 5.5–7.0 µs a word on copies of a 10,000-article archive, 4.6–5.1 as one.
  const changed = [...deltas].filter(([, delta]) => delta !== 0)
  prepared(
    db,
    `INSERT INTO search_vocab (term, docs, seq) SELECT value ->> 0, value ->> 1, ? FROM json_each(?) WHERE true
     ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs, seq = excluded.seq`
  ).run(seq, JSON.stringify(changed))
  // A count never goes below 0 (a word removed twice by a queue replayed after a crash).
  prepared(db, 'UPDATE search_vocab SET docs = 0 WHERE seq = ? AND docs < 0').run(seq)
  prepared(db, 'DELETE FROM search_vocab_queue WHERE id <= ?').run(lastQueued)
  return seq
}

/** Articles and FTS rows, each with its highest id: they differ when the index drifted from the articles. */
export function searchIndexCounts(db: Db): { articles: number; maxArticle: number; indexed: number; maxIndexed: number } {
  const { count: articles, maxId: maxArticle } = articleCountAndMaxId(db)
  const [indexed, maxIndexed] = prepared(db, 'SELECT count(*), coalesce(max(id), 0) FROM search_fts_docsize').raw(true).get() as [
    number,
    number
  ]
  return { articles, maxArticle, indexed, maxIndexed }
}
