import type Database from 'better-sqlite3'
import { AnnalistError } from '../../../shared/errors'
import type { Migration } from './types'

/**
 * A paragraph row keeps its offsets into `articles.text` and no longer a copy of its text, which
 * was 1.13× the clean text at 3,000 generated news articles (`archive/repo/paragraph-text.ts`
 * reads it back as a slice). Every paragraph is compared with its slice first, in JavaScript,
 * whose string indices the offsets are: an archive where one differs is refused, naming the
 * article, before anything changes, since dropping the column would lose the only copy of that
 * text (`annalist check` names such articles too; the pre-upgrade copy stays beside the archive).
 * The undo history holds SQL written for the old row shape (re-inserting a removed paragraph with
 * its text, restoring its columns); those statements are rewritten without the column, read by
 * SQLite itself from a scratch table of the old shape rather than by parsing literals here.
 */
export const m018ParagraphsAsOffsets: Migration = {
  version: 18,
  name: 'paragraphs as offsets into the article text',
  up(db) {
    assertParagraphsMatchText(db)
    rewriteUndoLog(db)
    db.exec('ALTER TABLE paragraphs DROP COLUMN text')
  }
}

function assertParagraphsMatchText(db: Database.Database): void {
  const paragraphs = db.prepare<[number], { ordinal: number; text: string; start: number; end: number }>(
    'SELECT ordinal, text, start, end FROM paragraphs WHERE article_id = ? ORDER BY ordinal'
  )
  for (const a of db.prepare<[], { id: number; text: string }>('SELECT id, text FROM articles ORDER BY id').iterate()) {
    for (const p of paragraphs.all(a.id)) {
      if (a.text.slice(p.start, p.end) !== p.text) {
        throw new AnnalistError(
          'archive-invalid',
          `${db.name}: paragraph ${p.ordinal} of article ${a.id} differs from the article's text at ${p.start}–${p.end}; the archive is left as it was`
        )
      }
    }
  }
}

/** Columns a paragraph keeps, in table order. */
const KEPT = ['id', 'article_id', 'ordinal', 'start', 'end', 'page'] as const

/**
 * Journal statements on paragraphs, of the shapes journal.ts writes: `INSERT INTO "paragraphs"
 * (…) VALUES (…)` (undoing a delete) and `UPDATE "paragraphs" SET … WHERE "id" = n` (undoing an
 * update: every column assigned, or since the journal logs changes alone, the columns changed).
 * Each runs against a scratch table of the old shape, and the row it leaves there is written back
 * as a statement without the text. An update's scratch row starts with a blob in every cell, a
 * value no paragraph column holds, so the cells still holding it are those the statement left
 * alone; an update of the text alone has nothing left to undo and goes.
 */
function rewriteUndoLog(db: Database.Database): void {
  const logged = db
    .prepare<[], { seq: number; sql: string }>(`SELECT seq, sql FROM undo_log WHERE sql LIKE 'INSERT INTO "paragraphs" %' OR sql LIKE 'UPDATE "paragraphs" SET %'`)
    .all()
  if (logged.length === 0) return
  db.exec(`CREATE TEMP TABLE paragraphs_old_shape (id INTEGER PRIMARY KEY, article_id INTEGER, ordinal INTEGER, text TEXT, start INTEGER, end INTEGER, page INTEGER)`)
  const update = db.prepare<[string, number]>('UPDATE undo_log SET sql = ? WHERE seq = ?')
  const drop = db.prepare<[number]>('DELETE FROM undo_log WHERE seq = ?')
  const row = db.prepare<[], Record<string, unknown>>('SELECT * FROM temp.paragraphs_old_shape')
  const quote = db.prepare<[unknown], string>('SELECT quote(?)').pluck()
  for (const { seq, sql } of logged) {
    db.exec('DELETE FROM temp.paragraphs_old_shape')
    if (sql.startsWith('INSERT')) {
      db.exec(sql.replace('INSERT INTO "paragraphs"', 'INSERT INTO temp.paragraphs_old_shape'))
      const r = row.get()!
      update.run(`INSERT INTO "paragraphs" (${KEPT.map((c) => `"${c}"`).join(', ')}) VALUES (${KEPT.map((c) => quote.get(r[c])).join(', ')})`, seq)
    } else {
      const id = /WHERE "id" = (-?\d+)$/.exec(sql)?.[1]
      if (id === undefined) throw new AnnalistError('archive-invalid', `${db.name}: undo entry ${seq} on paragraphs has no row id: ${sql.slice(0, 120)}`)
      const untouched = "x'a5'"
      db.exec(`INSERT INTO temp.paragraphs_old_shape VALUES (${id}, ${untouched}, ${untouched}, ${untouched}, ${untouched}, ${untouched}, ${untouched})`)
      db.exec(sql.replace('UPDATE "paragraphs"', 'UPDATE temp.paragraphs_old_shape'))
      const r = row.get()!
      const sets = KEPT.filter((c) => c !== 'id' && !Buffer.isBuffer(r[c])).map((c) => `"${c}" = ${quote.get(r[c])}`)
      if (sets.length === 0) drop.run(seq)
      else update.run(`UPDATE "paragraphs" SET ${sets.join(', ')} WHERE "id" = ${id}`, seq)
    }
  }
  db.exec('DROP TABLE temp.paragraphs_old_shape')
}
