import { describe, expect, it } from 'vitest'
import { COMPANION_ARTICLES } from '../../../src/main/archive/repo/entities'
import { companionsOf, pairWeights } from '../../../src/main/entities/companions'
import { tempArchive } from '../../support/tmp'
import { addArticle } from '../chronology/helpers'

describe('companions of an entity', () => {
  it('are counted over its articles, hidden ones left out, with the pairs among them, as grouping the mentions in SQL counts them', () => {
    const archive = tempArchive()
    const { db } = archive
    const entities = 14
    const insert = db.prepare("INSERT INTO entities (id, kind, key, name, hidden) VALUES (?, 'org', ?, ?, ?)")
    for (let id = 1; id <= entities; id++) insert.run(id, `e${id}`, `E${id}`, id % 5 === 0 ? 1 : 0)
    const mention = db.prepare('INSERT INTO entity_mentions (article_id, entity_id, seq, start, end, text) VALUES (?, ?, ?, ?, ?, ?)')
    let seed = 7
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    for (let i = 0; i < 60; i++) {
      const article = addArticle(archive, ['Named here and there.'], { title: `Report ${i}` })
      // Entity 1, the centre, in most articles; each other in some, some twice.
      const named = [...new Set([...(i % 4 === 3 ? [] : [1]), ...Array.from({ length: 1 + next(6) }, () => 2 + next(entities - 1))])]
      named.forEach((id, k) => {
        mention.run(article, id, k, k * 10, k * 10 + 5, `E${id}`)
        if (k % 3 === 0) mention.run(article, id, k + 100, k * 10 + 50, k * 10 + 55, `E${id}`)
      })
    }
    const latest = `(SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id = 1 ORDER BY article_id DESC LIMIT ${COMPANION_ARTICLES})`
    const expected = db
      .prepare(
        `SELECT o.entity_id AS id, count(DISTINCT o.article_id) AS together FROM ${latest} a JOIN entity_mentions o ON o.article_id = a.article_id
         JOIN entities e ON e.id = o.entity_id WHERE o.entity_id <> 1 AND e.hidden = 0 GROUP BY o.entity_id ORDER BY together DESC, o.entity_id LIMIT 6`
      )
      .all()
    const { companions, articles } = companionsOf(db, 1, 6)
    expect(companions).toEqual(expected)
    expect(companions.length).toBe(6)
    const ids = [1, ...companions.map((c) => c.id)]
    const pairs = db
      .prepare(
        `SELECT x.entity_id AS a, y.entity_id AS b, count(DISTINCT x.article_id) AS weight FROM ${latest} c
         JOIN entity_mentions x ON x.article_id = c.article_id JOIN entity_mentions y ON y.article_id = x.article_id AND y.entity_id > x.entity_id
         WHERE x.entity_id IN (SELECT value FROM json_each(?)) AND y.entity_id IN (SELECT value FROM json_each(?))
         GROUP BY x.entity_id, y.entity_id ORDER BY weight DESC, a, b`
      )
      .all(JSON.stringify(ids), JSON.stringify(ids))
    expect(pairWeights(articles, ids)).toEqual(pairs)
    expect(pairs.length).toBeGreaterThan(10)
  })
})
