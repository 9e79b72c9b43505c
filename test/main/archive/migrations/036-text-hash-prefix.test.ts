import { describe, expect, it } from 'vitest'
import { packText } from '../../../../src/main/archive/article-body'
import { m036TextHashPrefix } from '../../../../src/main/archive/migrations/036-text-hash-prefix'
import { findArticleByTextHash } from '../../../../src/main/archive/repo/articles'
import { runMigrationCase } from '../../../support/migrations'

describe('migration 036 (articles by the prefix of their text hash)', () => {
  it('finds an article by its whole hash through an index of the first 16 digits, a shared prefix included', () => {
    const prefix = 'ab'.repeat(8)
    const hashes = [`${prefix}${'1'.repeat(48)}`, `${prefix}${'2'.repeat(48)}`, `${'c'.repeat(16)}${'1'.repeat(48)}`]
    const { db } = runMigrationCase({
      version: m036TextHashPrefix.version,
      seed(db) {
        const insert = db.prepare(
          `INSERT INTO article_store (id, title, body, text_hash, word_count, created_at, updated_at)
           VALUES (?, ?, ?, ?, 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`
        )
        hashes.forEach((h, i) => insert.run(i + 1, `Article ${i + 1}`, packText(`Text ${i + 1}`), h))
        // A second copy of the first text, stored later: the earliest is the one found.
        insert.run(4, 'Article 4', packText('Text 1'), hashes[0])
      }
    })
    // The statement `findArticleByTextHash` prepares, as it prepares it (its first call on this connection).
    const prepare = db.prepare.bind(db)
    const statements: string[] = []
    db.prepare = ((source: string) => (statements.push(source), prepare(source))) as typeof db.prepare
    expect(hashes.map((h) => findArticleByTextHash(db, h))).toEqual([1, 2, 3])
    db.prepare = prepare
    expect(findArticleByTextHash(db, `${prefix}${'3'.repeat(48)}`)).toBeUndefined()
    expect(statements).toHaveLength(1)
    const lookup = statements[0]!
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${lookup}`).all(hashes[0], hashes[0]) as { detail: string }[]).map((p) => p.detail).join(' | ')
    expect(plan).toMatch(/USING INDEX articles_text_hash \(<expr>=\?\)/)
    expect(plan).not.toMatch(/TEMP B-TREE/)
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'articles_text_hash'").pluck().get()).toMatch(/substr\(text_hash, 1, 16\)/)
  })
})
