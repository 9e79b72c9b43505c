import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { configure, migrate, type Db } from '../../../src/main/archive/db'
import { ftsTables } from '../../../src/main/archive/maintenance/check'

type Op =
  | { kind: 'insert'; paragraphs: number; words: string[] }
  | { kind: 'edit-paragraph'; pick: number; words: string[] }
  | { kind: 'delete-paragraph'; pick: number }
  | { kind: 'retitle'; pick: number; withDek: boolean }
  | { kind: 'delete-article'; pick: number }

const word = fc.constantFrom('convoy', 'Zürich', 'naïve', 'ТАСС', 'café', 'ceasefire', '2021', 'grain', "l'armée", 'São')
const words = fc.array(word, { minLength: 0, maxLength: 6 })
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), paragraphs: fc.integer({ min: 1, max: 4 }), words }),
  fc.record({ kind: fc.constant('edit-paragraph' as const), pick: fc.nat(), words }),
  fc.record({ kind: fc.constant('delete-paragraph' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retitle' as const), pick: fc.nat(), withDek: fc.boolean() }),
  fc.record({ kind: fc.constant('delete-article' as const), pick: fc.nat() })
)

/**
 * Applies operations through plain SQL (the triggers must do the FTS work) and tracks tokens:
 * inserts into the table (an insert through the view returns no row id), retitles and deletes
 * through the `articles` view (migration 028).
 */
class Model {
  private serial = 0
  /** Unique token → the row that must be found by it (null: must be found nowhere any more). */
  readonly bodyTokens = new Map<string, number | null>()
  readonly titleTokens = new Map<string, number | null>()

  constructor(private readonly db: Db) {}

  private token(): string {
    return `tok${++this.serial}x`
  }

  private pick<T>(rows: T[], n: number): T | undefined {
    return rows.length ? rows[n % rows.length] : undefined
  }

  private retire(map: Map<string, number | null>, id: number): void {
    for (const [t, owner] of map) if (owner === id) map.set(t, null)
  }

  apply(o: Op): void {
    const db = this.db
    if (o.kind === 'insert') {
      const titleToken = this.token()
      const paras = Array.from({ length: o.paragraphs }, () => `${this.token()} ${o.words.join(' ')}`.trim())
      const text = paras.join('\n\n')
      const id = Number(
        db
          .prepare(`INSERT INTO article_store (title, dek, body, text_hash, word_count, created_at, updated_at) VALUES (?, NULL, article_body(?), 'h', 0, 't', 't')`)
          .run(`Title ${titleToken}`, text).lastInsertRowid
      )
      this.titleTokens.set(titleToken, id)
      let offset = 0
      paras.forEach((p, i) => {
        db.prepare('INSERT INTO paragraphs (article_id, ordinal, start, end) VALUES (?, ?, ?, ?)').run(id, i + 1, offset, offset + p.length)
        // The body is indexed from the article's text (search_fts), so its tokens name the article.
        this.bodyTokens.set(p.split(' ')[0]!, id)
        offset += p.length + 2
      })
    } else if (o.kind === 'edit-paragraph') {
      const row = this.pick(db.prepare('SELECT id FROM paragraphs ORDER BY id').pluck().all() as number[], o.pick)
      if (row === undefined) return
      // Paragraph rows (offsets into the article text) are not indexed: editing one leaves the article's index alone.
      db.prepare('UPDATE paragraphs SET page = ? WHERE id = ?').run(o.words.length, row)
    } else if (o.kind === 'delete-paragraph') {
      const row = this.pick(db.prepare('SELECT id FROM paragraphs ORDER BY id').pluck().all() as number[], o.pick)
      if (row === undefined) return
      db.prepare('DELETE FROM paragraphs WHERE id = ?').run(row)
    } else if (o.kind === 'retitle') {
      const row = this.pick(db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[], o.pick)
      if (row === undefined) return
      this.retire(this.titleTokens, row)
      const t = this.token()
      const d = this.token()
      db.prepare('UPDATE articles SET title = ?, dek = ? WHERE id = ?').run(`Retitled ${t}`, o.withDek ? `Dek ${d}` : null, row)
      this.titleTokens.set(t, row)
      if (o.withDek) this.titleTokens.set(d, row)
    } else {
      const row = this.pick(db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[], o.pick)
      if (row === undefined) return
      db.prepare('DELETE FROM articles WHERE id = ?').run(row)
      this.retire(this.titleTokens, row)
      this.retire(this.bodyTokens, row)
    }
  }
}

function expectInSync(db: Db, model: Model): void {
  for (const table of ftsTables(db)) {
    expect(() => db.prepare(`INSERT INTO "${table}"("${table}", rank) VALUES ('integrity-check', 1)`).run(), table).not.toThrow()
  }
  const body = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck()
  for (const [token, owner] of model.bodyTokens) expect(body.all(`text : ${token}`), token).toEqual(owner === null ? [] : [owner])
  const title = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').pluck()
  for (const [token, owner] of model.titleTokens) expect(title.all(token), token).toEqual(owner === null ? [] : [owner])
}

describe('FTS external-content indexes', () => {
  it('never drift from their content through inserts, edits and deletes of paragraphs and titles', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const db = new Database(':memory:')
        try {
          configure(db)
          migrate(db)
          const model = new Model(db)
          for (const o of ops) db.transaction(() => model.apply(o))()
          expectInSync(db, model)
        } finally {
          db.close()
        }
      }),
      { numRuns: 60, seed: 20241121 }
    )
  })
})
