import { ARTICLE_TEXT_FUNCTION, packText } from '../packed-text'
import type { Migration } from './types'

const TEXT_COLUMN = 'text TEXT NOT NULL,'
const PACKED_COLUMNS = `packed_text BLOB NOT NULL,
        text TEXT GENERATED ALWAYS AS (${ARTICLE_TEXT_FUNCTION}(packed_text)) VIRTUAL,`
/** The one trigger that fires on a change of the text; it must now fire on the stored column. */
const TEXT_UPDATE_OF = /\bUPDATE OF title, dek, text ON articles\b/

/**
 * Clean text is stored deflated (`archive/packed-text.ts`): at 100,000 generated articles it was
 * 1.16× the clean text of the archive's 3.37×. `text` becomes a virtual column computed from
 * `packed_text`, so readers, triggers and both external-content FTS5 indexes see the same text
 * and neither index is rebuilt. SQLite cannot change a column's type, so `articles` is rebuilt the
 * documented way with foreign keys off (copy, drop, rename, recreate indexes and triggers),
 * keeping every row id; the one trigger watching `text` now watches `packed_text`.
 */
export const m023PackedArticleText: Migration = {
  version: 23,
  name: 'article text stored deflated',
  foreignKeysOff: true,
  up(db) {
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'articles'").get()
    if (!table || table.sql.split(TEXT_COLUMN).length !== 2) throw new Error('migration 23: the articles table does not have the expected text column')
    const dependents = db
      .prepare<[], { type: string; sql: string }>(
        "SELECT type, sql FROM sqlite_schema WHERE tbl_name = 'articles' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name"
      )
      .all()
    if (dependents.filter((d) => d.type === 'trigger' && TEXT_UPDATE_OF.test(d.sql)).length !== 1) {
      throw new Error('migration 23: expected exactly one trigger on updates of the article text')
    }
    const columns = (db.pragma('table_info(articles)') as { name: string }[]).map((c) => c.name)
    db.function('annalist_pack_text', { deterministic: true }, (text: unknown) => packText(String(text)))
    db.exec(table.sql.replace(TEXT_COLUMN, PACKED_COLUMNS).replace(/^CREATE TABLE "?articles"?/, 'CREATE TABLE articles_new'))
    const target = columns.map((c) => (c === 'text' ? 'packed_text' : `"${c}"`)).join(', ')
    const source = columns.map((c) => (c === 'text' ? 'annalist_pack_text(text)' : `"${c}"`)).join(', ')
    db.exec(`INSERT INTO articles_new (${target}) SELECT ${source} FROM articles ORDER BY id`)
    db.exec('DROP TABLE articles')
    db.exec('ALTER TABLE articles_new RENAME TO articles')
    for (const d of dependents) db.exec(d.sql.replace(TEXT_UPDATE_OF, 'UPDATE OF title, dek, packed_text ON articles'))
  }
}
