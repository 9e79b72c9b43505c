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
    withArchive((dir, writer) => {
      const engine = searchEngine(writer.db)
      const articles = fixtureArticles()
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
      writeMetaSnapshot(writer.db, row.position, marked(row.data))
      expect(readerMeta(dir).languages.values).toContain('xx')
    })
  })

  it('brought up to date by a reader equal a load from the rows after inserts, edits and deletes', () => {
    withArchive((dir, writer) => {
      const { ids, rest } = savedAfterFour(writer)
      // After the copy: more articles, filter columns changed, an unknown year, one deleted.
      const more = seed(writer, rest)
      writer.db.prepare("UPDATE articles SET language = 'fr', place = 'LYON' WHERE id = ?").run(ids[0])
      writer.db
        .prepare("UPDATE articles SET published_edtf = 'XXXX-03-17', published_earliest = NULL, published_latest = NULL WHERE id = ?")
        .run(ids[1])
      writer.db.prepare('DELETE FROM citations WHERE article_id = ?').run(more[0])
      writer.db.prepare('DELETE FROM articles WHERE id = ?').run(more[0])
      const started = readerMeta(dir)
      const fresh = ArticleMeta.load(writer.db)
      const upTo = Math.max(fresh.maxId, started.maxId)
      expect(metaColumns(started, upTo)).toEqual(metaColumns(fresh, upTo))
      expect(started.count).toBe(fresh.count)
    })
  })

  it('are passed over when the change log no longer reaches back to them, or they disagree with the articles', () => {
    withArchive((dir, writer) => {
      const { rest } = savedAfterFour(writer)
      const row = readMetaSnapshot(writer.db)!
      const saved = decodeMetaSnapshot(row.data)!
      // A copy counting one article more than there are (articles changed behind the log's back).
      writeMetaSnapshot(writer.db, row.position, encodeMetaSnapshot({ ...saved, count: saved.count + 1 }))
      expect(readerMeta(dir).count).toBe(ArticleMeta.load(writer.db).count)
      // Entries after the copy pruned: which articles they named is lost.
      writeMetaSnapshot(writer.db, row.position, marked(row.data))
      seed(writer, rest.slice(0, 1))
      writer.db.prepare('DELETE FROM search_article_log WHERE seq = ?').run(row.position + 1)
      expect(readerMeta(dir).languages.values).not.toContain('xx')
      // Bytes of another format.
      writeMetaSnapshot(writer.db, row.position, Buffer.from('not a copy'))
      expect(readerMeta(dir).count).toBe(ArticleMeta.load(writer.db).count)
    })
  })
})

/** Runs `body` on a new archive's writable connection, closed after it. */
function withArchive(body: (dir: string, writer: Archive) => void): void {
  const dir = join(tempDir(), 'archive')
  const writer = openArchive(dir)
  try {
    body(dir, writer)
  } finally {
    writer.close()
  }
}

/** Stores four fixture articles, the fourth far enough down the change log to save a copy, and saves it. */
function savedAfterFour(writer: Archive): { ids: number[]; rest: ReturnType<typeof fixtureArticles> } {
  const articles = fixtureArticles()
  const ids = seed(writer, articles.slice(0, 3))
  moveLogTo(writer, 2_100)
  ids.push(...seed(writer, articles.slice(3, 4)))
  expect(searchEngine(writer.db).saveMetaIfDue()).toBe(true)
  return { ids, rest: articles.slice(4) }
}

/** A saved copy with English renamed 'xx': only a reader that started from it shows 'xx'. */
function marked(data: Buffer): Uint8Array {
  const saved = decodeMetaSnapshot(data)!
  return encodeMetaSnapshot({ ...saved, languages: saved.languages.map((l) => (l === 'en' ? 'xx' : l)) })
}
