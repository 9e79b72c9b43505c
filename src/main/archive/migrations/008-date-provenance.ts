import type { Migration } from './types'

const OLD_CHECK = "published_provenance TEXT CHECK (published_provenance IN ('meta', 'dateline', 'text', 'file', 'user'))"
const NEW_CHECK =
  "published_provenance TEXT CHECK (published_provenance IN ('meta', 'dateline', 'text', 'weekday', 'capture', 'file', 'import', 'related', 'user'))"

/**
 * Publication-date provenance gains `weekday` (a year fixed by a weekday written with the date),
 * `capture` (a year fixed by a saved page's capture timestamp),
 * `import` (a year guessed from the day of import) and `related` (the year of a near-duplicate a
 * few days apart whose year is proven), so a stored date says what proved its
 * year. SQLite cannot alter a CHECK constraint, so `articles` is rebuilt the documented way
 * (copy into a new table, drop, rename, recreate its indexes and triggers) with foreign keys
 * off, keeping every row id so the FTS indexes and every reference stay valid.
 *
 * A date of unknown year (`XXXX-03-17`) stores no earliest/latest day (no date filter may pass
 * it), so search reads such articles from a small partial index, and the search generation
 * also moves when only the EDTF string changes (undated → year unknown keeps both days null).
 */
export const m008DateProvenance: Migration = {
  version: 8,
  name: 'publication date provenance: weekday, capture, import, related',
  foreignKeysOff: true,
  up(db) {
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'articles'").get()
    if (!table || !table.sql.includes(OLD_CHECK)) throw new Error('migration 8: the articles table does not have the expected provenance constraint')
    const dependents = db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE tbl_name = 'articles' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
      .all()
    const created = table.sql.replace(OLD_CHECK, NEW_CHECK).replace(/^CREATE TABLE "?articles"?/, 'CREATE TABLE articles_new')
    db.exec(created)
    db.exec('INSERT INTO articles_new SELECT * FROM articles')
    db.exec('DROP TABLE articles')
    db.exec('ALTER TABLE articles_new RENAME TO articles')
    for (const d of dependents) db.exec(d.sql)
    db.exec(`
      CREATE INDEX articles_year_unknown ON articles(id) WHERE substr(published_edtf, 1, 4) = 'XXXX';
      DROP TRIGGER search_articles_au_meta;
      CREATE TRIGGER search_articles_au_meta
        AFTER UPDATE OF source_id, byline, place, published_edtf, published_earliest, published_latest, language ON articles BEGIN
        UPDATE search_state SET generation = generation + 1;
      END;
    `)
  }
}
