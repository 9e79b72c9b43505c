import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/archive/db'
import { m023PackedArticleText } from '../../../../src/main/archive/migrations/023-packed-article-text'
import { packText, unpackText } from '../../../../src/main/archive/packed-text'
import { databaseAt, expectConsistent, tableRows } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

const T = '2024-03-01T10:00:00.000Z'
/** Long enough to compress, with characters outside the BMP and combining marks. */
const LONG = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: the delegation met in Zaporizhzhia 🛰 and Kyïv, e\u0301tude.`).join('\n\n')

describe('migration 023 (article text stored deflated)', () => {
  it('keeps every article text, id and reference, packs the text, and the indexes follow later edits', () => {
    const db = databaseAt(1)
    seedSchema1(db)
    migrate(db, m023PackedArticleText.version - 1)
    db.prepare(
      `INSERT INTO articles (id, title, text, text_hash, word_count, created_at, updated_at) VALUES (3, 'Long', ?, 'h3', 400, '${T}', '${T}')`
    ).run(LONG)
    const before = tableRows(db)
    migrate(db, m023PackedArticleText.version)
    const after = tableRows(db)

    // Every column of every row, the text included (now computed), is as it was.
    expect(after.articles!.map(({ packed_text: _, ...row }) => row)).toEqual(before.articles)
    for (const row of after.articles!) expect(unpackText(row.packed_text as Buffer)).toBe(row.text)
    const long = after.articles!.find((r) => r.id === 3)!
    expect((long.packed_text as Buffer).length).toBeLessThan(Buffer.byteLength(LONG) / 2)
    expect(after.citations).toEqual(before.citations)
    expectConsistent(db)

    // The trigger on text changes now watches packed_text: the search index follows an edit.
    const hits = (q: string): number[] => db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(q) as number[]
    expect(hits('zaporizhzhia')).toEqual([3])
    db.prepare('UPDATE articles SET packed_text = ? WHERE id = 3').run(packText('Rewritten in Odesa.'))
    expect(hits('zaporizhzhia')).toEqual([])
    expect(hits('odesa')).toEqual([3])
    db.prepare('DELETE FROM articles WHERE id = 3').run()
    expect(hits('odesa')).toEqual([])
    expectConsistent(db)
  })
})
