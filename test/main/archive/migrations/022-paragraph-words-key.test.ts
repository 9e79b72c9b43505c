import { describe, expect, it } from 'vitest'
import { m022ParagraphWordsKey } from '../../../../src/main/archive/migrations/022-paragraph-words-key'
import { wordsKey } from '../../../../src/main/text/shingles'
import { migrate } from '../../../../src/main/archive/db'
import { databaseAt, runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 022 (paragraph words keys)', () => {
  it('keys every stored paragraph by the words of its text, cut from the article by string index', () => {
    const db = databaseAt(1)
    seedSchema1(db)
    migrate(db, m022ParagraphWordsKey.version - 1)
    // A character outside the BMP before the second paragraph: offsets are string indices.
    const text = 'Flood 🌊 reached the town.\n\nThe dam held overnight.'
    const second = text.indexOf('The dam')
    db.prepare(
      `INSERT INTO articles (id, title, text, text_hash, word_count, created_at, updated_at) VALUES (3, 'Flood', ?, 'h3', 8, 't', 't')`
    ).run(text)
    db.prepare('INSERT INTO paragraphs (article_id, ordinal, start, end) VALUES (3, 1, 0, ?), (3, 2, ?, ?)').run(second - 2, second, text.length)
    migrate(db, m022ParagraphWordsKey.version)
    const rows = db
      .prepare('SELECT a.text, p.start, p.end, p.words_key AS key FROM paragraphs p JOIN articles a ON a.id = p.article_id ORDER BY p.id')
      .all() as { text: string; start: number; end: number; key: number }[]
    expect(rows).toHaveLength(5)
    for (const r of rows) expect(r.key).toBe(wordsKey(r.text.slice(r.start, r.end)))
    expect(rows.at(-1)!.key).toBe(wordsKey('the DAM held, overnight'))
  })

  it('keeps every other row as it was', () => {
    runMigrationCase({
      version: m022ParagraphWordsKey.version,
      seed(db) {
        db.exec(`INSERT INTO articles (id, title, text, text_hash, word_count, created_at, updated_at) VALUES (1, 'A', 'One two three.', 'h', 3, 't', 't');
                 INSERT INTO paragraphs (article_id, ordinal, start, end) VALUES (1, 1, 0, 14);`)
      }
    })
  })
})
