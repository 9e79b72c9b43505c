import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openArchive, type Archive } from '../../../src/main/archive/archive'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { distinctAscending, entityCountsIn, entityIdsOfArticles, forEachArticleEntities } from '../../../src/main/archive/repo/entities'
import { listEntityIds } from '../../../src/main/archive/repo/entity-lookup'
import { undo } from '../../../src/main/archive/journal'
import { deleteArticles } from '../../../src/main/articles/delete'
import { mergeEntities, renameEntity, setEntityHidden, splitEntity } from '../../../src/main/entities/corrections'
import type { FoundMention } from '../../../src/main/entities/group'
import { storeArticleMentions } from '../../../src/main/entities/store'
import { ArticleEntities } from '../../../src/main/search/article-entities'
import { SearchEngine, searchEngine } from '../../../src/main/search/engine'
import { compareCodePoints, entityFacets, entitySample } from '../../../src/main/search/entity-facets'
import { FACET_LIMIT } from '../../../src/main/search/facets'
import type { Db } from '../../../src/main/archive/db'
import { NAMED_KINDS, type NamedKind } from '../../../src/shared/entities'
import { tempDir } from '../../support/tmp'
import { addArticleNaming } from '../entities/helpers'

// Names that tie on counts and sort differently by code point than by locale.
const NAMES: [string, NamedKind][] = [
  ['Amina Karimi', 'person'],
  ['Émile Zola', 'person'],
  ['Zed Ali', 'person'],
  ['Ángel Ruiz', 'person'],
  ['Water Board', 'org'],
  ['Irrigation Office', 'org'],
  ['Ökobank', 'org'],
  ['Baglan', 'place'],
  ['Dushi', 'place'],
  ['Andarab', 'place']
]

/** Stores an article naming the given people, organisations and places (by index into NAMES). */
function store(archive: Archive, picks: readonly number[]): number {
  const names = [...new Set(picks)].map((i) => NAMES[i]!)
  return addArticleNaming(archive, `Report. ${names.map(([n]) => n).join(' met ')} today.`, names)
}

function entityId(archive: Archive, kind: NamedKind, name: string): number {
  return listEntityIds(archive.db, { kind, prefix: name, limit: 1, offset: 0 }).ids[0]!
}

/**
 * The entity facets as one SQL statement states them, apart from the code under test: every
 * visible entity by the number of the sampled articles mentioning it, then by name in SQLite's
 * order, the first FACET_LIMIT of each kind.
 */
function facetsInSql(db: Db, ids: readonly number[]): ReturnType<typeof entityFacets> {
  const sample = entitySample(ids)
  const rows = db
    .prepare(
      `SELECT e.kind, coalesce(e.user_name, e.name) AS value, count(DISTINCT m.article_id) AS count
       FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
       WHERE e.hidden = 0 AND m.article_id IN (SELECT value FROM json_each(?))
       GROUP BY e.id ORDER BY count DESC, value`
    )
    .all(JSON.stringify(sample)) as { kind: NamedKind; value: string; count: number }[]
  const of = (kind: NamedKind) => rows.filter((r) => r.kind === kind).slice(0, FACET_LIMIT).map(({ value, count }) => ({ value, count }))
  return { person: of('person'), org: of('org'), mentionedPlace: of('place'), entitiesCounted: sample.length }
}

/** A writer, and two readers on their own connections: one counting in memory, one in SQL. */
function setup() {
  const dir = join(tempDir(), 'archive')
  const writer = openArchive(dir)
  searchEngine(writer.db)
  const reader = openArchive(dir, { readonly: true })
  const plain = openArchive(dir, { readonly: true })
  const cached = new SearchEngine(reader.db)
  const sqlOnly = new SearchEngine(plain.db)
  const check = (ids: readonly number[]): void => {
    expect(sqlOnly.articleEntities()).toBeNull()
    expect(cached.articleEntities()).not.toBeNull()
    const expected = facetsInSql(plain.db, ids)
    expect(entityFacets(cached, ids)).toEqual(expected)
    expect(entityFacets(sqlOnly, ids)).toEqual(expected)
  }
  return { writer, cached, check, close: () => (reader.close(), plain.close(), writer.close()) }
}

describe('entity facets counted from the articles’ entities in memory', () => {
  it('equal the count in SQL for any articles and any sample of them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(NAMES.length - 1), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(20), { maxLength: 15 }),
        (articles, sample) => {
          const { writer, cached, check, close } = setup()
          try {
            const ids = articles.map((picks) => store(writer, picks))
            cached.warm()
            check(ids)
            // A search passes each matching article once.
            check([...new Set(sample.map((i) => ids[i % ids.length]!))])
          } finally {
            close()
          }
        }
      ),
      { numRuns: 15 }
    )
  })

  it('equal the count in SQL past the first names looked up, with ties and hidden entities among them', () => {
    // More entities of a kind than one look-up asks for (LOOKUP_BATCH = 40), in ties of every size,
    // so the lists are filled from several bands of counts; hidden entities leave gaps to fill.
    const syllables = ['ka', 'lo', 'mi', 'ru', 'se', 'ta', 'vo', 'ne']
    const many: [string, NamedKind][] = Array.from({ length: 180 }, (_, i) => {
      const name = `${syllables[i % 8]}${syllables[Math.floor(i / 8) % 8]}${syllables[Math.floor(i / 64)]}`
      return [`${name.charAt(0).toUpperCase()}${name.slice(1)}`, NAMED_KINDS[i % 3]!]
    })
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.nat(many.length - 1), { minLength: 1, maxLength: 120 }), { minLength: 1, maxLength: 8 }),
        fc.uniqueArray(fc.nat(many.length - 1), { maxLength: 60 }),
        (articles, hidden) => {
          const { writer, cached, check, close } = setup()
          try {
            const ids = articles.map((picks) => addArticleNaming(writer, `Report. ${picks.map((i) => many[i]![0]).join(' met ')} today.`, picks.map((i) => many[i]!)))
            for (const i of hidden) {
              const id = entityId(writer, many[i]![1], many[i]![0])
              if (id !== undefined) setEntityHidden(writer.db, id, true)
            }
            cached.warm()
            check(ids)
          } finally {
            close()
          }
        }
      ),
      { numRuns: 15 }
    )
  })

  it('follow imports, re-extraction, merge, split, hiding, deletion and their undo without reloading', () => {
    const { writer, cached, check, close } = setup()
    try {
      const ids = [store(writer, [0, 4, 7]), store(writer, [1, 4, 8]), store(writer, [2, 5, 7, 9]), store(writer, [3, 6])]
      cached.warm()
      const loaded = cached.articleEntities()
      check(ids)
      ids.push(store(writer, [0, 1, 5, 8]))
      check(ids)
      // Re-extraction: the article names an organisation at its start, and `keep` where it stands.
      const reextract = (id: number, keep?: string): void => {
        const text = getArticle(writer.db, id).text
        const at = keep === undefined ? -1 : text.indexOf(keep)
        const kept: FoundMention[] = keep === undefined ? [] : [{ start: at, end: at + keep.length, text: keep, kind: 'person', canonical: null, place: null }]
        writer.db.transaction(() =>
          storeArticleMentions(writer.db, id, [{ start: 0, end: 6, text: text.slice(0, 6), kind: 'org', canonical: null, place: null }, ...kept])
        )()
      }
      // Re-extracting the article the newest log entry names adds no entry (migration 020); the
      // reader, which caught up to that entry, must still see its new entities.
      const logged = (): number => writer.db.prepare('SELECT count(*) FROM search_article_log').pluck().get() as number
      const entries = logged()
      reextract(ids[4]!, 'Amina Karimi')
      expect(logged()).toBe(entries)
      check(ids)
      // The first article now names other people.
      reextract(ids[0]!)
      check(ids)
      mergeEntities(writer.db, entityId(writer, 'org', 'Water Board'), [entityId(writer, 'org', 'Irrigation Office')])
      check(ids)
      undo(writer.db)
      check(ids)
      mergeEntities(writer.db, entityId(writer, 'person', 'Amina Karimi'), [entityId(writer, 'person', 'Zed Ali')])
      splitEntity(writer.db, entityId(writer, 'person', 'Amina Karimi'), ['Zed Ali'])
      check(ids)
      setEntityHidden(writer.db, entityId(writer, 'place', 'Baglan'), true)
      check(ids)
      deleteArticles(writer.db, [ids[1]!])
      check(ids)
      undo(writer.db)
      check(ids)
      // Every change above was caught up in place.
      expect(cached.articleEntities()).toBe(loaded)
    } finally {
      close()
    }
  })

  it('break ties by the reader’s name order while no shown name changed', () => {
    const { writer, cached, check, close } = setup()
    try {
      const ids = [store(writer, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])]
      cached.warm()
      expect(cached.entityNameOrder()).not.toBeNull()
      check(ids)
      // A rename the stamp does not see (its trigger dropped): the order read before decides the
      // ties, which shows that the order, not the names, placed them.
      writer.db.exec('DROP TRIGGER entity_names_au')
      writer.db.prepare('UPDATE entities SET user_name = ? WHERE id = ?').run('Aaron Zed', entityId(writer, 'person', 'Zed Ali'))
      expect(cached.entityNameOrder()).not.toBeNull()
      expect(entityFacets(cached, ids).person.map((p) => p.value)).toEqual(['Amina Karimi', 'Aaron Zed', 'Ángel Ruiz', 'Émile Zola'])
    } finally {
      close()
    }
  })

  it('look tied names up once a shown name, a hidden flag or the entities changed, and read the order again when due', () => {
    const { writer, cached, check, close } = setup()
    try {
      const ids = [store(writer, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), store(writer, [0, 4, 7])]
      cached.warm()
      check(ids)
      // An entity made since: above the order's ids, so its ties are looked up; the order stays.
      ids.push(addArticleNaming(writer, 'Report. Aaro Bek met Amina Karimi today.', [['Aaro Bek', 'person'], ['Amina Karimi', 'person']]))
      expect(cached.entityNameOrder()).not.toBeNull()
      check(ids)
      renameEntity(writer.db, entityId(writer, 'person', 'Zed Ali'), 'Aaron Zed')
      expect(cached.entityNameOrder()).toBeNull()
      check(ids)
      // Kept stale for a while after an import's renames; read again by the next warm-up once due.
      expect(cached.needsWarm()).toBe(false)
      cached.nameOrderReloadMs = 0
      expect(cached.needsWarm()).toBe(true)
      cached.warm()
      expect(cached.entityNameOrder()).not.toBeNull()
      check(ids)
      setEntityHidden(writer.db, entityId(writer, 'person', 'Amina Karimi'), true)
      expect(cached.entityNameOrder()).toBeNull()
      check(ids)
      cached.warm()
      check(ids)
      mergeEntities(writer.db, entityId(writer, 'org', 'Water Board'), [entityId(writer, 'org', 'Irrigation Office')])
      expect(cached.entityNameOrder()).toBeNull()
      check(ids)
      cached.warm()
      check(ids)
      undo(writer.db)
      check(ids)
    } finally {
      close()
    }
  })

  it('reload when the change log no longer reaches back to what they reflect', () => {
    const { writer, cached, check, close } = setup()
    try {
      const ids = [store(writer, [0, 4]), store(writer, [1, 7])]
      cached.warm()
      ids.push(store(writer, [2, 8]))
      // As if the writer had pruned entries this reader had not read yet.
      writer.db.prepare('DELETE FROM search_article_log').run()
      ids.push(store(writer, [3, 9]))
      expect(cached.articleEntities()).toBeNull()
      // The reader's idle warm-up asks this to load them again (host/worker.ts).
      expect(cached.needsWarm()).toBe(true)
      cached.warm()
      expect(cached.needsWarm()).toBe(false)
      check(ids)
    } finally {
      close()
    }
  })
})

describe('full loads of the search caches', () => {
  it('read with a small page cache and leave the connection’s own as it was', () => {
    const { writer, cached, close } = setup()
    try {
      store(writer, [0, 4, 7])
      const sizes: number[] = []
      const pragma = cached.db.pragma.bind(cached.db)
      cached.db.pragma = ((source: string, options?: { simple?: boolean }) => {
        const result = pragma(source, options)
        if (/^cache_size\b/.test(source) && !source.includes('=')) return result
        if (/^cache_size\s*=/.test(source)) sizes.push(Number(source.split('=')[1]))
        return result
      }) as typeof cached.db.pragma
      const before = pragma('cache_size', { simple: true }) as number
      cached.warm()
      cached.db.pragma = pragma
      expect(pragma('cache_size', { simple: true })).toBe(before)
      // Four loads (filter columns, vocabulary, entities, their name order), each small then back.
      expect(sizes.filter((s) => s > before && s < 0)).toHaveLength(4)
      expect(sizes.filter((s) => s === before)).toHaveLength(4)
    } finally {
      close()
    }
  })
})

describe('ArticleEntities', () => {
  it('reads every article as a fresh load does, through any changes, packed again or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(NAMES.length - 1), { maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(20), fc.array(fc.nat(NAMES.length - 1), { maxLength: 4 })), { maxLength: 10 }),
        fc.integer({ min: 0, max: 3 }),
        (articles, changes, packAfter) => {
          const dir = join(tempDir(), 'archive')
          const archive = openArchive(dir)
          try {
            const ids = articles.map((picks) => store(archive, picks))
            const kept = ArticleEntities.load(archive.db, packAfter)
            for (const [which, picks] of changes) {
              // Re-extracted with other names, or a new article.
              const id = which < ids.length ? ids[which]! : store(archive, picks)
              if (which < ids.length) {
                const text = getArticle(archive.db, id).text
                const found: FoundMention[] = [...new Set(picks)].map((i) => {
                  const [name, kind] = NAMES[i]!
                  return { start: 0, end: Math.min(name.length, text.length), text: name, kind, canonical: null, place: null }
                })
                archive.db.transaction(() => storeArticleMentions(archive.db, id, found))()
              } else ids.push(id)
              kept.update(archive.db, [id])
            }
            const fresh = ArticleEntities.load(archive.db)
            for (let id = 0; id <= ids.length + 2; id++) expect([...kept.of(id)], `article ${id}`).toEqual([...fresh.of(id)])
          } finally {
            archive.close()
          }
        }
      ),
      { numRuns: 40 }
    )
  })
})

describe('every article’s entities, read in one pass', () => {
  it('holds each entity of an article once, ascending, as the per-article read does', () => {
    const archive = openArchive(join(tempDir(), 'archive'))
    try {
      const ids = [store(archive, [0, 4, 7]), store(archive, [2]), store(archive, [9, 1, 5, 3])]
      // One article names the same person at three places: three mention rows, one entity.
      const text = 'Zed Ali spoke. Amina Karimi answered Zed Ali, then Zed Ali left for Dushi.'
      ids.push(addArticleNaming(archive, text, [['Amina Karimi', 'person'], ['Dushi', 'place']]))
      const zed = entityId(archive, 'person', 'Zed Ali')
      const repeated: FoundMention[] = [0, 37, 51].map((start) => ({ start, end: start + 7, text: 'Zed Ali', kind: 'person', canonical: null, place: null }))
      expect(repeated.every((m) => text.slice(m.start, m.end) === 'Zed Ali')).toBe(true)
      const amina = text.indexOf('Amina Karimi')
      const dushi = text.indexOf('Dushi')
      archive.db.transaction(() =>
        storeArticleMentions(archive.db, ids[3]!, [
          ...repeated,
          { start: amina, end: amina + 12, text: 'Amina Karimi', kind: 'person', canonical: null, place: null },
          { start: dushi, end: dushi + 5, text: 'Dushi', kind: 'place', canonical: null, place: null }
        ])
      )()
      expect(archive.db.prepare('SELECT count(*) FROM entity_mentions WHERE article_id = ? AND entity_id = ?').pluck().get(ids[3], zed)).toBe(3)
      const seen = new Map<number, readonly number[]>()
      forEachArticleEntities(archive.db, (articleId, entityIds) => seen.set(articleId, entityIds))
      expect([...seen.keys()]).toEqual(ids)
      expect(seen).toEqual(entityIdsOfArticles(archive.db, ids))
      expect(seen.get(ids[3]!)).toContain(zed)
      // Counted once per article however often it names them, as the facets count.
      const counts = entityCountsIn(archive.db, [ids[3]!, ids[1]!])
      expect(counts.find((c) => c.entity === zed)).toEqual({ entity: zed, kind: 'person', count: 2 })
      expect(counts.every((c) => c.count <= 2)).toBe(true)
      expect(counts.length).toBe(new Set([...seen.get(ids[3]!)!, ...seen.get(ids[1]!)!]).size)
    } finally {
      archive.close()
    }
  })
})

describe('distinctAscending', () => {
  it('reads joined ids ascending and each once, whatever order they were joined in', () => {
    expect(distinctAscending('7')).toEqual([7])
    expect(distinctAscending('1,1,2,10,10,10,345')).toEqual([1, 2, 10, 345])
    expect(distinctAscending('10,2,2,1,10')).toEqual([1, 2, 10])
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1 }), (ids) => {
        expect(distinctAscending(ids.join(','))).toEqual([...new Set(ids)].sort((a, b) => a - b))
      })
    )
  })
})

describe('entitySample', () => {
  it('takes every match up to its size, and past it an even spread from the first match to near the last', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(100_000), { maxLength: 400 }), fc.integer({ min: 1, max: 120 }), (raw, size) => {
        const ids = [...raw].sort((a, b) => a - b)
        const sample = entitySample(ids, size)
        if (ids.length <= size) {
          expect(sample).toEqual(ids)
          return
        }
        expect(sample).toHaveLength(size)
        // In order, each a match, each once.
        const at = sample.map((id) => ids.indexOf(id))
        expect(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]!))).toBe(true)
        // No run of matches longer than its share is passed over, at the start, between or at the end.
        const share = Math.ceil(ids.length / size)
        expect(at[0]).toBe(0)
        expect(at.every((i, k) => k === 0 || i - at[k - 1]! <= share)).toBe(true)
        expect(ids.length - 1 - at.at(-1)!).toBeLessThan(share)
      })
    )
  })
})

describe('compareCodePoints', () => {
  it('orders text as SQLite does', () => {
    const db = openArchive(join(tempDir(), 'archive')).db
    const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', '\uE000', '\uFFFD', '😀', '𝔸', 'z'), maxLength: 4 })
    fc.assert(
      fc.property(text, text, (a, b) => {
        const sqlite = db.prepare('SELECT CASE WHEN ? < ? THEN -1 WHEN ? = ? THEN 0 ELSE 1 END').pluck().get(a, b, a, b) as number
        expect(Math.sign(compareCodePoints(a, b))).toBe(sqlite)
      })
    )
    db.close()
  })
})
