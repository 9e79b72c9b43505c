import type { Db } from '../archive/db'
import { tokenize } from '../../shared/tokens'
import { VariantIndex } from './variants'

/** Beyond this many queued articles a full rebuild from fts5vocab beats tokenizing each one. */
export const QUEUE_REBUILD_THRESHOLD = 2_000

/** Rebuilds the persisted vocabulary from the FTS5 index itself (after bulk imports or repair). */
export function rebuildVocabulary(db: Db): void {
  db.transaction(() => {
    db.exec(`
      DELETE FROM search_vocab;
      INSERT INTO search_vocab (term, docs) SELECT term, doc FROM search_terms;
      DELETE FROM search_vocab_queue;
      UPDATE search_state SET vocab_built = 1;
    `)
  }).immediate()
}

/**
 * The persisted vocabulary as a variant index, plus `queued` deltas a read-only connection could
 * not write back. A read-only archive whose vocabulary was never built reads fts5vocab instead.
 */
export function loadVocabulary(db: Db, queued: ReadonlyMap<string, number> | null = null): VariantIndex {
  const built = (db.prepare('SELECT vocab_built FROM search_state').pluck().get() as number) === 1
  const sql = built ? 'SELECT term, docs FROM search_vocab' : 'SELECT term, doc FROM search_terms'
  const index = new VariantIndex(db.prepare(sql).raw().all() as [string, number][])
  if (built && queued) index.apply(queued)
  return index
}

function addTokens(deltas: Map<string, number>, sign: number, ...texts: (string | null)[]): void {
  const seen = new Set<string>()
  for (const text of texts) if (text) for (const t of tokenize(text)) seen.add(t)
  for (const t of seen) deltas.set(t, (deltas.get(t) ?? 0) + sign)
}

function queuedDeltas(db: Db): { deltas: Map<string, number>; lastId: number } {
  const deltas = new Map<string, number>()
  const rows = db
    .prepare('SELECT id, article_id, sign, title, dek, body FROM search_vocab_queue ORDER BY id')
    .raw()
    .all() as [number, number, number, string | null, string | null, string | null][]
  const article = db.prepare('SELECT title, dek, text FROM articles WHERE id = ?').raw()
  for (const [, articleId, sign, title, dek, body] of rows) {
    if (sign < 0) addTokens(deltas, -1, title, dek, body)
    else {
      const row = article.get(articleId) as [string, string | null, string] | undefined
      if (row) addTokens(deltas, 1, ...row)
    }
  }
  return { deltas, lastId: rows.length ? rows[rows.length - 1]![0] : 0 }
}

/**
 * Turns queued article changes into per-word document-count deltas. On a writable archive the
 * deltas are also written to `search_vocab` and the queue emptied, in one immediate transaction
 * (so no import can slip between reading the queue and clearing it). Returns null when the queue
 * was long enough that a full rebuild was done instead.
 */
export function drainVocabQueue(db: Db): Map<string, number> | null {
  const pending = db.prepare('SELECT count(*) FROM search_vocab_queue').pluck().get() as number
  if (pending === 0) return new Map()
  if (db.readonly) return queuedDeltas(db).deltas
  if (pending > QUEUE_REBUILD_THRESHOLD) {
    rebuildVocabulary(db)
    return null
  }
  const upsert = db.prepare(
    'INSERT INTO search_vocab (term, docs) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs'
  )
  const prune = db.prepare('DELETE FROM search_vocab WHERE term = ? AND docs <= 0')
  return db
    .transaction(() => {
      const { deltas, lastId } = queuedDeltas(db)
      for (const [term, delta] of deltas) {
        if (delta === 0) continue
        upsert.run(term, delta)
        if (delta < 0) prune.run(term)
      }
      db.prepare('DELETE FROM search_vocab_queue WHERE id <= ?').run(lastId)
      return deltas
    })
    .immediate()
}
