import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive, type Archive } from '../../../src/main/archive/archive'
import { metaSnapshotPosition, readMetaSnapshot, writeMetaSnapshot } from '../../../src/main/archive/repo/search-meta'
import { SearchEngine, searchEngine } from '../../../src/main/search/engine'
import { ArticleMeta, BYTE_COLUMNS, INT_COLUMNS, type SavedMeta } from '../../../src/main/search/meta'
import { decodeMetaSnapshot, encodeMetaSnapshot } from '../../../src/main/search/meta-snapshot'
import { tempDir } from '../../support/tmp'
import { fixtureArticles, metaColumns, seed } from './support'

/** Random columns of `n` ids and strings with characters JSON and UTF-8 must carry. */
function randomSaved(n: number, seed: number): SavedMeta {
  let x = seed
  const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0)
  const ints = (): Int32Array<ArrayBuffer> => Int32Array.from({ length: n }, () => next() | 0)
  const bytes = (): Uint8Array<ArrayBuffer> => Uint8Array.from({ length: n }, () => next() & 1)
  return {
    count: next() % (n + 1),
    maxId: n - 1,
    months: ['', '2021-03', '1999'],
    places: ['', 'KABUL', 'Пули-Хумри', 'quote " and \\ slash'],
    languages: ['', 'en', 'ru'],
    buckets: [
      [24254, 1],
      [-1999, 2]
    ],
    columns: {
      source: ints(),
      earliest: ints(),
      latest: ints(),
      month: ints(),
      place: ints(),
      language: ints(),
      present: bytes(),
      yearUnknown: bytes()
    }
  }
}

/** The article columns a reader starting now loads. */
function readerMeta(dir: string): ArticleMeta {
  const reader = openArchive(dir, { readonly: true })
  try {
    return new SearchEngine(reader.db).meta()
  } finally {
    reader.close()
  }
}

/** Makes the next logged article change land at `position` (as if that many changes had been logged before). */
function moveLogTo(archive: Archive, position: number): void {
  archive.db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'search_article_log'").run(position - 1)
}

describe('saved article columns', () => {
  it('come back from their bytes exactly, for any column values', () => {
    for (const [n, s] of [
      [1, 1],
      [2, 7],
      [37, 3],
      [1000, 11]
    ] as const) {
      const saved = randomSaved(n, s)
      const back = decodeMetaSnapshot(encodeMetaSnapshot(saved))!
      expect(back).not.toBeNull()
      expect({ ...back, columns: null }).toEqual({ ...saved, columns: null })
      for (const name of [...INT_COLUMNS, ...BYTE_COLUMNS]) expect([...back.columns[name]]).toEqual([...saved.columns[name]])
    }
  })

  it('are refused when cut short, padded or of another format', () => {
    const bytes = encodeMetaSnapshot(randomSaved(20, 5))
    expect(decodeMetaSnapshot(bytes.subarray(0, bytes.length - 1))).toBeNull()
    expect(decodeMetaSnapshot(Uint8Array.from([...bytes, 0]))).toBeNull()
    expect(decodeMetaSnapshot(new Uint8Array(3))).toBeNull()
    const other = bytes.slice()
    other[0] = other[0]! ^ 0xff
    expect(decodeMetaSnapshot(other)).toBeNull()
  })

  it('are saved by the writer once the change log has moved on far enough, and a reader starts from them', () => {
    const dir = join(tempDir(), 'archive')
    const writer = openArchive(dir)
    const articles = fixtureArticles()
    try {
      const engine = searchEngine(writer.db)
      seed(writer, articles.slice(0, 3))
      expect(engine.saveMetaIfDue()).toBe(false)
      expect(metaSnapshotPosition(writer.db)).toBeNull()
      moveLogTo(writer, 2_100)
      seed(writer, articles.slice(3, 4))
      expect(engine.saveMetaIfDue()).toBe(true)
      expect(metaSnapshotPosition(writer.db)).toBe(2_100)
      expect(engine.saveMetaIfDue()).toBe(false)

      // The saved copy is what a reader starts from: a language only the copy holds shows.
      const row = readMetaSnapshot(writer.db)!
      const saved = decodeMetaSnapshot(row.data)!
      writeMetaSnapshot(writer.db, row.position, encodeMetaSnapshot({ ...saved, languages: saved.languages.map((l) => (l === 'en' ? 'xx' : l)) }))
      expect(readerMeta(dir).languages.values).toContain('xx')
      writeMetaSnapshot(writer.db, row.position, row.data)
    } finally {
      writer.close()
    }
  })

  it('brought up to date by a reader equal a load from the rows after inserts, edits and deletes', () => {
    const dir = join(tempDir(), 'archive')
    const writer = openArchive(dir)
    const articles = fixtureArticles()
    try {
      const engine = searchEngine(writer.db)
      const ids = seed(writer, articles.slice(0, 3))
      moveLogTo(writer, 2_100)
      seed(writer, articles.slice(3, 4))
      expect(engine.saveMetaIfDue()).toBe(true)
      // After the copy: one more article, filter columns changed, an unknown year, one deleted.
      const more = seed(writer, articles.slice(4))
      writer.db.prepare("UPDATE articles SET language = 'fr', place = 'LYON' WHERE id = ?").run(ids[0])
      writer.db
        .prepare("UPDATE articles SET published_edtf = 'XXXX-03-17', published_earliest = NULL, published_latest = NULL WHERE id = ?")
        .run(ids[1])
      writer.db.prepare('DELETE FROM citations WHERE article_id = ?').run(more[0])
      writer.db.prepare('DELETE FROM articles WHERE id = ?').run(more[0])
      const reader = openArchive(dir, { readonly: true })
      try {
        const started = new SearchEngine(reader.db).meta()
        const fresh = ArticleMeta.load(reader.db)
        const upTo = Math.max(fresh.maxId, started.maxId)
        expect(metaColumns(started, upTo)).toEqual(metaColumns(fresh, upTo))
        expect(started.count).toBe(fresh.count)
      } finally {
        reader.close()
      }
    } finally {
      writer.close()
    }
  })

  it('are passed over when the change log no longer reaches back to them, or they disagree with the articles', () => {
    const dir = join(tempDir(), 'archive')
    const writer = openArchive(dir)
    const articles = fixtureArticles()
    try {
      const engine = searchEngine(writer.db)
      seed(writer, articles.slice(0, 3))
      moveLogTo(writer, 2_100)
      seed(writer, articles.slice(3, 4))
      expect(engine.saveMetaIfDue()).toBe(true)
      const row = readMetaSnapshot(writer.db)!
      const saved = decodeMetaSnapshot(row.data)!
      const marked = encodeMetaSnapshot({ ...saved, languages: saved.languages.map((l) => (l === 'en' ? 'xx' : l)) })

      // A copy counting one article more than there are (articles changed behind the log's back).
      writeMetaSnapshot(writer.db, row.position, encodeMetaSnapshot({ ...saved, count: saved.count + 1 }))
      expect(readerMeta(dir).count).toBe(ArticleMeta.load(writer.db).count)
      // Entries after the copy pruned: which articles they named is lost.
      writeMetaSnapshot(writer.db, row.position, marked)
      seed(writer, articles.slice(4, 5))
      writer.db.prepare('DELETE FROM search_article_log WHERE seq = ?').run(row.position + 1)
      expect(readerMeta(dir).languages.values).not.toContain('xx')
      // Bytes of another format.
      writeMetaSnapshot(writer.db, row.position, Buffer.from('not a copy'))
      expect(readerMeta(dir).count).toBe(ArticleMeta.load(writer.db).count)
    } finally {
      writer.close()
    }
  })
})
