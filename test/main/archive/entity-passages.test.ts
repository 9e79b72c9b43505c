import { describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/archive/db'
import { entityPassageRows } from '../../../src/main/archive/repo/entities'
import { tempArchive } from '../../support/tmp'
import { addArticle } from '../chronology/helpers'

/** The page's order read off every mention: article date newest first (undated last), article id, then offset. */
function byScan(db: Db, entityId: number, limit: number, offset: number): [number, number][] {
  return db
    .prepare(
      `SELECT m.article_id, m.start FROM entity_mentions m JOIN article_store a ON a.id = m.article_id WHERE m.entity_id = ?
       ORDER BY a.published_earliest DESC NULLS LAST, m.article_id DESC, m.start LIMIT ? OFFSET ?`
    )
    .raw(true)
    .all(entityId, limit, offset) as [number, number][]
}

describe("an entity's passages", () => {
  it('come newest article first, a page at a time, for an entity in many articles as for one in few', () => {
    const archive = tempArchive()
    const { db } = archive
    const text = Array.from({ length: 40 }, (_, i) => `Vantori ${i}.`).join(' ')
    const ids = Array.from({ length: 90 }, (_, i) => addArticle(archive, [text], { title: `Report ${i}` }))
    // Dates with ties and gaps, a third undated.
    const dated = db.prepare('UPDATE article_store SET published_earliest = ? WHERE id = ?')
    ids.forEach((id, i) => dated.run(i % 3 === 0 ? null : `2021-0${1 + (i % 7)}-1${i % 4}`, id))
    db.prepare("INSERT INTO entities (id, kind, key, name) VALUES (1, 'org', 'vantori', 'Vantori'), (2, 'org', 'zelt', 'Zelt')").run()
    const mention = db.prepare('INSERT INTO entity_mentions (article_id, entity_id, seq, start, end, text) VALUES (?, ?, ?, ?, ?, ?)')
    // The large entity: many mentions in most articles, stored out of offset order; the small one in three.
    ids.forEach((id, i) => {
      if (i % 5 === 4) return
      const n = 10 + (i % 9) * 3
      for (let k = 0; k < n; k++) mention.run(id, 1, k, ((k * 7) % n) * 10, ((k * 7) % n) * 10 + 7, 'Vantori')
    })
    for (const id of ids.slice(10, 13)) mention.run(id, 2, 0, 0, 7, 'Vantori')
    const large = db.prepare('SELECT count(*) FROM entity_mentions WHERE entity_id = 1').pluck().get() as number
    expect(large).toBeGreaterThan(1000)
    for (const [entity, limit, offset] of [[1, 20, 0], [1, 20, 13], [1, 50, 700], [1, 7, large - 3], [1, 20, large], [1, 500, 0], [2, 20, 0], [2, 2, 1]] as const) {
      const { rows, total } = entityPassageRows(db, entity, limit, offset)
      expect(total).toBe(entity === 1 ? large : 3)
      expect(rows.map((r) => [r.articleId, r.start]), `${entity} ${limit}@${offset}`).toEqual(byScan(db, entity, limit, offset))
    }
  })
})
