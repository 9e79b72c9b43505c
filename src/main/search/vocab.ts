import type { Db } from '../archive/db'
import {
  articleSearchTexts,
  rebuildVocabulary,
  vocabQueueLength,
  vocabQueueRows,
  vocabularyRows,
  writeVocabDeltas
} from '../archive/repo/search-vocab'
import { tokenize } from '../../shared/tokens'
import { VariantIndex } from './variants'

/** Beyond this many queued articles a full rebuild from fts5vocab beats tokenizing each one. */
export const QUEUE_REBUILD_THRESHOLD = 2_000

/** The persisted vocabulary (or, on a read-only archive where it was never built, fts5vocab) as a variant index. */
export function loadVocabulary(db: Db, built: boolean): VariantIndex {
  return new VariantIndex(vocabularyRows(db, built))
}

function addTokens(deltas: Map<string, number>, sign: number, ...texts: (string | null)[]): void {
  const seen = new Set<string>()
  for (const text of texts) if (text) for (const t of tokenize(text)) seen.add(t)
  for (const t of seen) deltas.set(t, (deltas.get(t) ?? 0) + sign)
}

/** Per-word document-count deltas of the queued article changes, and the last queue entry read. */
export function queuedDeltas(db: Db): { deltas: Map<string, number>; lastId: number } {
  const deltas = new Map<string, number>()
  const rows = vocabQueueRows(db)
  for (const [, articleId, sign, title, dek, body] of rows) {
    if (sign < 0) addTokens(deltas, -1, title, dek, body)
    else {
      const texts = articleSearchTexts(db, articleId)
      if (texts) addTokens(deltas, 1, ...texts)
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
