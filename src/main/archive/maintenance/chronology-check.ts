/** Consistency checks of chronology data, for `annalist check` and tests. Read-only. */
import type { Db } from '../db'
import { sha256 } from '../originals'
import { tryParseEdtf, boundsOf, edtfSortKey } from '../../../shared/edtf'

/** One inconsistency found, with enough context to act on it. */
export interface ChronologyProblem {
  kind: 'citation-drift' | 'citation-hash' | 'event-date'
  id: number
  message: string
}

/**
 * Citations not flagged orphaned must still sit on their quote in the article's current text,
 * with that text's hash; events' stored bounds and sort keys must match their EDTF string.
 */
export function chronologyProblems(db: Db): ChronologyProblem[] {
  const problems: ChronologyProblem[] = []
  const texts = new Map<number, { text: string; hash: string }>()
  const textOf = (articleId: number): { text: string; hash: string } => {
    let t = texts.get(articleId)
    if (!t) {
      const text = db.prepare<[number], { text: string }>('SELECT text FROM articles WHERE id = ?').get(articleId)!.text
      texts.set(articleId, (t = { text, hash: sha256(text) }))
    }
    return t
  }
  const citations = db
    .prepare<[], { id: number; article_id: number; exact: string; start: number; end: number; text_hash: string }>(
      'SELECT id, article_id, exact, start, end, text_hash FROM citations WHERE orphaned = 0 ORDER BY id'
    )
    .all()
  for (const c of citations) {
    const { text, hash } = textOf(c.article_id)
    if (text.slice(c.start, c.end) !== c.exact) {
      problems.push({ kind: 'citation-drift', id: c.id, message: `citation ${c.id}: article ${c.article_id} no longer has its quote at ${c.start}–${c.end}` })
    } else if (c.text_hash !== hash) {
      problems.push({ kind: 'citation-hash', id: c.id, message: `citation ${c.id}: made against another version of article ${c.article_id}'s text` })
    }
  }
  const events = db
    .prepare<[], { id: number; date_edtf: string; earliest_day: string; latest_day: string; sort_key: string }>(
      'SELECT id, date_edtf, earliest_day, latest_day, sort_key FROM events ORDER BY id'
    )
    .all()
  for (const e of events) {
    const parsed = tryParseEdtf(e.date_edtf)
    const bounds = parsed ? boundsOf(parsed) : null
    if (!parsed || bounds!.earliest !== e.earliest_day || bounds!.latest !== e.latest_day || edtfSortKey(parsed) !== e.sort_key) {
      problems.push({ kind: 'event-date', id: e.id, message: `event ${e.id}: stored bounds or order do not match its date "${e.date_edtf}"` })
    }
  }
  return problems
}
