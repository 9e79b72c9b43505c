/**
 * What FTS5's bm25 reads besides the match itself, read from the search index's own tables for
 * ranking a phrase outside FTS5 (search/phrase-rank.ts): the index's row count and token totals
 * (its "averages" record, id 1 of `search_fts_data`) and each row's size (`search_fts_docsize`),
 * both lists of SQLite varints, as FTS5 writes them.
 */
import type { Db } from '../db'
import { prepared } from '../statements'

/** Rows in the search index and the tokens of each column (title, dek, text), over all of them. */
export function searchIndexTotals(db: Db): { rows: number; columnTokens: number[] } | null {
  const block = prepared<[], Uint8Array>(db, 'SELECT block FROM search_fts_data WHERE id = 1').pluck().get()
  if (!block) return null
  const [rows = 0, ...columnTokens] = varints(block)
  return { rows, columnTokens }
}

/** What ranking needs of one matched article: its indexed columns and its size in tokens, all columns. */
export interface RankRow {
  id: number
  title: string | null
  dek: string | null
  /** The compressed text (article-body.ts). */
  body: Uint8Array
  tokens: number
}

/** `RankRow`s of the given articles, those still in the index, in no particular order. */
export function rankRows(db: Db, ids: readonly number[]): RankRow[] {
  const rows = prepared<[string], Omit<RankRow, 'tokens'> & { sz: Uint8Array }>(
    db,
    `SELECT s.id, s.title, s.dek, s.body, d.sz FROM json_each(?) AS j
     JOIN article_store s ON s.id = j.value JOIN search_fts_docsize d ON d.id = j.value`
  ).all(JSON.stringify(ids))
  return rows.map(({ sz, ...r }) => ({ ...r, tokens: varints(sz).reduce((a, b) => a + b, 0) }))
}

/** SQLite's varints: seven bits a byte, most significant first, the ninth byte whole. */
function varints(block: Uint8Array): number[] {
  const out: number[] = []
  let i = 0
  while (i < block.length) {
    let value = 0
    for (let n = 0; i < block.length; n++) {
      const byte = block[i++]!
      if (n === 8) {
        value = value * 256 + byte
        break
      }
      value = value * 128 + (byte & 0x7f)
      if (byte < 0x80) break
    }
    out.push(value)
  }
  return out
}
