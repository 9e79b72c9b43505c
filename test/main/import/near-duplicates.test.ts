import { cpSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { undo } from '../../../src/main/archive/journal'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { deleteArticles } from '../../../src/main/articles/delete'
import { runImport } from '../../../src/main/import/pipeline'
import { tempArchive, tempDir } from '../../support/tmp'
import { WIRE_DIR } from './support'
import { FINGERPRINT_ROWS } from '../../support/fingerprints'

const SEEDS = '/work/shared/seeds'

describe('near-duplicates', () => {
  it('links two stories sharing wire paragraphs both ways, and not the unrelated one', async () => {
    const archive = tempArchive()
    const report = await runImport(archive, [{ kind: 'path', path: WIRE_DIR }])
    const id = (name: string): number => report.added.find((a) => a.path.endsWith(name))!.id
    const [orchard, a, b] = [id('orchard.txt'), id('river-a.txt'), id('river-b.txt')]
    // river-a's spillway and dam paragraphs (1 and 3) are merged into river-b's 2nd; the release
    // paragraph recurs lightly edited. Each side names its own paragraphs.
    const pairs = [
      { ordinal: 2, otherOrdinal: 1 },
      { ordinal: 2, otherOrdinal: 3 },
      { ordinal: 3, otherOrdinal: 2 }
    ]
    expect(report.nearDuplicates).toEqual([{ articleId: b, otherId: a, sharedParagraphs: 3, paragraphs: pairs }])
    expect(getArticle(archive.db, a).nearDuplicates).toEqual([
      {
        articleId: b,
        title: getArticle(archive.db, b).title,
        outlet: null,
        sharedParagraphs: 3,
        paragraphs: pairs.map((p) => ({ ordinal: p.otherOrdinal, otherOrdinal: p.ordinal })).sort((x, y) => x.ordinal - y.ordinal)
      }
    ])
    expect(getArticle(archive.db, b).nearDuplicates[0]!.paragraphs).toEqual(pairs)
    expect(getArticle(archive.db, b).nearDuplicates.map((n) => n.articleId)).toEqual([a])
    expect(getArticle(archive.db, orchard).nearDuplicates).toEqual([])
    expect(getArticle(archive.db, a).nearDuplicateCount).toBe(1)
  })

  it('finds the link whichever story arrives first, and one batch or two gives the same rows', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    cpSync(join(WIRE_DIR, 'river-b.txt'), join(dir, 'first.txt'))
    const first = await runImport(archive, [{ kind: 'path', path: dir }])
    const second = await runImport(archive, [{ kind: 'path', path: join(WIRE_DIR, 'river-a.txt') }])
    expect(second.nearDuplicates).toEqual([
      { articleId: second.added[0]!.id, otherId: first.added[0]!.id, sharedParagraphs: 3, paragraphs: expect.any(Array) }
    ])
    // Stored once, from the later article; each side lists the other.
    const rows = archive.db.prepare('SELECT article_id, other_id, shared_paragraphs FROM near_duplicates ORDER BY 1').all()
    expect(rows).toEqual([{ article_id: 2, other_id: 1, shared_paragraphs: 3 }])
    expect(getArticle(archive.db, 1).nearDuplicates.map((n) => [n.articleId, n.sharedParagraphs])).toEqual([[2, 3]])
    expect(getArticle(archive.db, 2).nearDuplicates.map((n) => [n.articleId, n.sharedParagraphs])).toEqual([[1, 3]])
  })

  it('forgets an article’s fingerprints and links when it is deleted, and gets them back with undo', async () => {
    const archive = tempArchive()
    const report = await runImport(archive, [{ kind: 'path', path: WIRE_DIR }])
    const a = report.added.find((x) => x.path.endsWith('river-a.txt'))!.id
    const left = (sql: string): number => (archive.db.prepare(sql).get({ id: a }) as { n: number }).n
    const stored = archive.db.prepare(`SELECT hash, ordinal FROM ${FINGERPRINT_ROWS} WHERE article_id = ? ORDER BY hash, ordinal`).all(a)
    const others = left(`SELECT count(*) AS n FROM ${FINGERPRINT_ROWS} WHERE article_id <> @id`)
    expect(stored.length).toBeGreaterThan(10)
    const links = (): unknown[] =>
      archive.db
        .prepare('SELECT * FROM near_duplicate_paragraphs WHERE article_id = @id OR other_id = @id ORDER BY article_id, other_id, ordinal, other_ordinal')
        .all({ id: a })
    const linked = links()
    expect(linked.length).toBeGreaterThan(0)
    expect(deleteArticles(archive.db, [a]).deleted).toHaveLength(1)
    // The table has no index by article: the rows were found from the paragraphs' text.
    expect(left(`SELECT count(*) AS n FROM ${FINGERPRINT_ROWS} WHERE article_id = @id`)).toBe(0)
    expect(left(`SELECT count(*) AS n FROM ${FINGERPRINT_ROWS} WHERE article_id <> @id`)).toBe(others)
    expect(left('SELECT count(*) AS n FROM near_duplicates WHERE article_id = @id OR other_id = @id')).toBe(0)
    expect(left('SELECT count(*) AS n FROM near_duplicate_paragraphs WHERE article_id = @id OR other_id = @id')).toBe(0)
    undo(archive.db)
    expect(archive.db.prepare(`SELECT hash, ordinal FROM ${FINGERPRINT_ROWS} WHERE article_id = ? ORDER BY hash, ordinal`).all(a)).toEqual(stored)
    // The rows of later articles naming it as the earlier one were found by their index and come back too.
    expect(links()).toEqual(linked)
  })

  it.skipIf(!existsSync(SEEDS))('links the two seed articles that share TASS wire paragraphs', async () => {
    const archive = tempArchive()
    const report = await runImport(archive, [{ kind: 'path', path: SEEDS }])
    const id = (prefix: string): number => report.added.find((x) => x.path.includes(`/${prefix}_`))!.id
    expect(report.added).toHaveLength(4)
    // The two TASS dispatches share their background paragraphs; 002's 6th carries 001's 5th and 6th.
    expect(report.nearDuplicates).toEqual([
      {
        articleId: id('002'),
        otherId: id('001'),
        sharedParagraphs: 2,
        paragraphs: [
          { ordinal: 6, otherOrdinal: 5 },
          { ordinal: 6, otherOrdinal: 6 }
        ]
      }
    ])
    expect(report.cleaned).toEqual([])
    expect(getArticle(archive.db, id('001')).nearDuplicates.map((n) => [n.articleId, n.sharedParagraphs])).toEqual([[id('002'), 2]])
    expect(getArticle(archive.db, id('000')).nearDuplicates).toEqual([])
    expect(getArticle(archive.db, id('003')).nearDuplicates).toEqual([])
  })
})
