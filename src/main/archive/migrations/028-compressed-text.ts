import type { Migration } from './types'

/**
 * Articles' clean text is stored compressed (`archive/article-body.ts`): the table becomes
 * `article_store`, with the text as a zlib `body`, and `articles` becomes a view that shows it
 * as `text` again. On the 100,000 generated news articles of `npm run bench:million`, migrated,
 * the table went from 706 to 409 MB, and the database from 2.96 to 2.46 times the clean text.
 *
 * Readers, FTS5's external content (`content='articles'` reads the view) and the undo log's
 * older entries keep using `articles`. Writes go to `article_store`; the view also takes
 * INSERT, DELETE and UPDATE through INSTEAD OF triggers, one per column so that an update of a
 * title does not look like an update of the text to the triggers that reindex it. Those
 * triggers list the columns as they are now: a later migration adding a column to
 * `article_store` must add it to the view and give it a trigger.
 *
 * The rebuild: renaming `articles` first makes every foreign key that names it name
 * `article_store`; the renamed table is then copied into the new one, dropped, and the new one
 * takes its name, keeping every row id. Its indexes and triggers are recreated as they were,
 * reading the text through `article_text(body)`.
 */
export const m028CompressedText: Migration = {
  version: 28,
  name: 'article text stored compressed behind the articles view',
  foreignKeysOff: true,
  up(db) {
    db.exec('ALTER TABLE articles RENAME TO article_store')
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'article_store'").get()
    if (!table || !/\n\s*text TEXT NOT NULL,/.test(table.sql)) throw new Error('migration 28: the articles table does not have the expected text column')
    const dependents = db
      .prepare<[], { type: string; sql: string }>(
        "SELECT type, sql FROM sqlite_schema WHERE tbl_name = 'article_store' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name"
      )
      .all()
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('article_store') ORDER BY cid").pluck().all() as unknown as string[]
    const stored = columns.map((c) => (c === 'text' ? 'body' : c))
    db.exec(table.sql.replace(/^CREATE TABLE "?article_store"?/, 'CREATE TABLE article_store_new').replace(/\n(\s*)text TEXT NOT NULL,/, '\n$1body BLOB NOT NULL,'))
    db.exec(
      `INSERT INTO article_store_new (${stored.join(', ')}) SELECT ${columns.map((c) => (c === 'text' ? 'article_body(text)' : c)).join(', ')} FROM article_store`
    )
    db.exec('DROP TABLE article_store')
    db.exec('ALTER TABLE article_store_new RENAME TO article_store')
    for (const d of dependents) db.exec(d.type === 'trigger' ? readBody(d.sql) : d.sql)

    db.exec(`CREATE VIEW articles AS SELECT ${columns.map((c) => (c === 'text' ? 'article_text(body) AS text' : c)).join(', ')} FROM article_store`)
    const value = (c: string): string => (c === 'text' ? 'article_body(new.text)' : `new.${c}`)
    db.exec(`
      CREATE TRIGGER articles_view_insert INSTEAD OF INSERT ON articles BEGIN
        INSERT INTO article_store (${stored.join(', ')}) VALUES (${columns.map(value).join(', ')});
      END;
      CREATE TRIGGER articles_view_delete INSTEAD OF DELETE ON articles BEGIN
        DELETE FROM article_store WHERE id = old.id;
      END;
    `)
    for (const [i, c] of columns.entries()) {
      if (c === 'id') continue
      db.exec(`
        CREATE TRIGGER articles_view_update_${c} INSTEAD OF UPDATE OF ${c} ON articles BEGIN
          UPDATE article_store SET ${stored[i]} = ${value(c)} WHERE id = old.id;
        END;
      `)
    }
  }
}

/** A trigger of the articles table as it was, reading and watching the compressed body instead of the text. */
function readBody(sql: string): string {
  const out = sql
    .replace(/\b(old|new)\.text\b/g, 'article_text($1.body)')
    .replace(/(UPDATE OF [\w, ]*)\btext\b/, '$1body')
  if (/\b(old|new)\.text\b|UPDATE OF [\w, ]*\btext\b/.test(out)) throw new Error(`migration 28: a trigger still reads the text column: ${sql}`)
  return out
}
