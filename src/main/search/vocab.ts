import type { Db } from '../archive/db'
import {
  articleSearchRow,
  rebuildVocabulary,
  vocabQueueLength,
  vocabQueueRows,
  vocabularyRows,
  writeVocabDeltas
} from '../archive/repo/search-vocab'
import { unpackText } from '../archive/article-body'
import { QUEUE_REBUILD_THRESHOLD, takeWords } from '../archive/search-words'
import { distinctTokens } from '../../shared/tokens'
import { VariantIndex } from './variants'

/** The persisted vocabulary (or, on a read-only archive where it was never built, fts5vocab) as a variant index. */
export function loadVocabulary(db: Db, built: boolean): VariantIndex {
  return new VariantIndex(vocabularyRows(db, built))
}

function addWords(deltas: Map<string, number>, sign: number, words: Iterable<string>): void {
  for (const t of words) deltas.set(t, (deltas.get(t) ?? 0) + sign)
}

/** Per-word document-count deltas of the queued article changes, and the last queue entry read. */
export function queuedDeltas(db: Db): { deltas: Map<string, number>; lastId: number } {
  const deltas = new Map<string, number>()
  const rows = vocabQueueRows(db)
  for (const [, articleId, sign, title, dek, body] of rows) {
    if (sign < 0) addWords(deltas, -1, distinctTokens(title, dek, body))
    else {
      const row = articleSearchRow(db, articleId)
      // The words the import's parse worker read, while the texts are those it read them from.
      if (row) addWords(deltas, 1, takeWords(db, articleId, ...row) ?? distinctTokens(row[0], row[1], unpackText(row[2])))
    }
  }
  return { deltas, lastId: rows.length ? rows[rows.length - 1]![0] : 0 }
}

/**
 * Folds queued article changes into the persisted vocabulary as one drain, in one immediate
 * transaction (so no import can slip between reading the queue and clearing it), or rebuilds it
 * when the queue is long enough that tokenizing each article would cost more. Writable
 * connections only; readers find what changed through the drains' positions.
 */
export function drainVocabQueue(db: Db): void {
  const pending = vocabQueueLength(db)
  if (pending === 0) return
  if (pending > QUEUE_REBUILD_THRESHOLD) {
    rebuildVocabulary(db)
    return
  }
  db.transaction(() => {
    const { deltas, lastId } = queuedDeltas(db)
    writeVocabDeltas(db, deltas, lastId)
  }).immediate()
}
