import Database from 'better-sqlite3'
import fc from 'fast-check'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/archive/db'
import {
  deleteParagraphFingerprints,
  fingerprintCounts,
  fingerprintRows,
  mergeRecentFingerprints,
  RECENT_FINGERPRINTS,
  renumberParagraphFingerprints,
  storeFingerprints
} from '../../../src/main/archive/repo/fingerprints'
import { paragraphFingerprints } from '../../../src/main/text/shingles'
import { FINGERPRINT_ROWS } from '../../support/fingerprints'
import { tempArchive } from '../../support/tmp'

// Paragraphs from a small vocabulary, so that they share fingerprints.
const WORDS = 'the wire said talks in the valley went on late into the night while both sides waited for word'.split(' ')
const paragraph = fc.array(fc.constantFrom(...WORDS), { minLength: 8, maxLength: 30 }).map((w) => w.join(' '))

type Op =
  | { kind: 'store'; article: number; texts: string[] }
  | { kind: 'delete'; article: number; at: number }
  | { kind: 'renumber'; article: number; at: number; to: number }
  | { kind: 'merge' }
  | { kind: 'rolled back'; article: number; texts: string[]; deletes: boolean }
  | { kind: 'elsewhere'; article: number; texts: string[] }

const article = fc.integer({ min: 1, max: 8 })
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('store' as const), article, texts: fc.array(paragraph, { minLength: 1, maxLength: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), article, at: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('renumber' as const), article, at: fc.nat(5), to: fc.integer({ min: 10, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rolled back' as const), article, texts: fc.array(paragraph, { minLength: 1, maxLength: 3 }), deletes: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('elsewhere' as const), article, texts: fc.array(paragraph, { minLength: 1, maxLength: 2 }) }) }
)

const rowsOf = (ordinal: number, text: string): [number, number][] => paragraphFingerprints(text).stored.map((h) => [h, ordinal])

/** What the lookups must answer: the same questions asked of every stored row in one table. */
function expectLookupsMatchTables(db: Db, hashes: number[]): void {
  const counts = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${FINGERPRINT_ROWS} WHERE hash = ? LIMIT ?)`).pluck()
  for (const cap of [1, 3, 65]) {
    expect(fingerprintCounts(db, hashes, cap)).toEqual(hashes.map((hash) => ({ hash, n: counts.get(hash, cap) })))
  }
  for (const limit of [2, 7, 1000]) {
    const expected = db
      .prepare(`SELECT hash, article_id, ordinal FROM ${FINGERPRINT_ROWS} WHERE hash IN (SELECT value FROM json_each(?)) ORDER BY hash, article_id, ordinal LIMIT ?`)
      .all(JSON.stringify(hashes), limit)
    expect(fingerprintRows(db, hashes, limit)).toEqual(expected)
  }
}

describe('paragraph fingerprints, recent and merged', () => {
  it('answer lookups as one table would, through stores, deletes, renumbering, merges, rollbacks and changes by another connection', () => {
    const archive = tempArchive()
    const db = archive.db
    const other = new Database(join(archive.dir, 'archive.sqlite'))
    try {
      fc.assert(
        fc.property(fc.array(op, { minLength: 5, maxLength: 40, size: 'max' }), (ops) => {
          // Emptied as any change from outside is made: with a new stamp.
          db.exec('DELETE FROM paragraph_fingerprints; DELETE FROM paragraph_fingerprints_recent; UPDATE paragraph_fingerprints_stamp SET stamp = stamp + 1')
          const texts = new Map<number, Map<number, string>>()
          const stored = (a: number): Map<number, string> => texts.get(a) ?? texts.set(a, new Map()).get(a)!
          const seen = new Set<number>()
          for (const o of ops) {
            if (o.kind === 'store') {
              const mine = stored(o.article)
              const first = mine.size === 0 ? 0 : Math.max(...mine.keys()) + 1
              const rows = o.texts.flatMap((t, i) => rowsOf(first + i, t))
              storeFingerprints(db, o.article, rows)
              o.texts.forEach((t, i) => mine.set(first + i, t))
            } else if (o.kind === 'delete' || o.kind === 'renumber') {
              const mine = stored(o.article)
              const ordinal = [...mine.keys()][o.at]
              if (ordinal === undefined) continue
              const text = mine.get(ordinal)!
              if (o.kind === 'delete') {
                deleteParagraphFingerprints(db, o.article, [{ ordinal, text }])
                mine.delete(ordinal)
              } else if (!mine.has(o.to)) {
                renumberParagraphFingerprints(db, o.article, text, ordinal, o.to)
                mine.delete(ordinal)
                mine.set(o.to, text)
              }
            } else if (o.kind === 'merge') {
              mergeRecentFingerprints(db)
            } else if (o.kind === 'rolled back') {
              // A file's savepoint (rows stored, or others deleted) rolled back inside a batch that commits the rest.
              db.transaction(() => {
                try {
                  db.transaction(() => {
                    const [ordinal, text] = [...stored(o.article)][0] ?? []
                    if (o.deletes && text !== undefined) deleteParagraphFingerprints(db, o.article, [{ ordinal: ordinal!, text }])
                    else storeFingerprints(db, o.article + 100, o.texts.flatMap((t, i) => rowsOf(i, t)))
                    throw new Error('the file failed')
                  })()
                } catch {
                  // kept out, as an import keeps a failed file out
                }
              })()
            } else {
              // Another connection (an undo replaying the table) changes the rows and the stamp.
              const a = o.article + 200
              other.transaction(() => {
                const held = other.prepare('SELECT pairs FROM paragraph_fingerprints_recent WHERE article_id = ?').pluck().get(a) as string | undefined
                const all = [...(held ? (JSON.parse(held) as [number, number][]) : []), ...o.texts.flatMap((t, i) => rowsOf(i, t))]
                // Each (hash, ordinal) once, as the writer keeps them.
                const pairs = [...new Map(all.map((p) => [p.join(), p])).values()]
                other
                  .prepare('INSERT INTO paragraph_fingerprints_recent (article_id, pairs) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET pairs = excluded.pairs')
                  .run(a, JSON.stringify(pairs))
                other.prepare('UPDATE paragraph_fingerprints_stamp SET stamp = stamp + 1').run()
              })()
            }
            for (const t of 'texts' in o ? o.texts : []) for (const h of paragraphFingerprints(t).lookup) seen.add(h)
            expectLookupsMatchTables(db, [...seen].slice(0, 60))
          }
        }),
        { numRuns: 60 }
      )
    } finally {
      other.close()
    }
  })

  it('an import merges the recent rows into the large table once they reach RECENT_FINGERPRINTS, in one step', () => {
    const db = tempArchive().db
    const perArticle = 10_000
    const articles = Math.ceil(RECENT_FINGERPRINTS / perArticle)
    const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
    for (let a = 1; a <= articles; a++) {
      const rows = Array.from({ length: perArticle }, (_, i) => [(a * 7919 + i * 104_729) % 2 ** 32, i] as const)
      storeFingerprints(db, a, rows, true)
      if (a < articles) expect(count('paragraph_fingerprints')).toBe(0)
    }
    expect(count('paragraph_fingerprints_recent')).toBe(0)
    expect(count('paragraph_fingerprints')).toBe(articles * perArticle)
    expectLookupsMatchTables(db, [7919 + 104_729, 2 * 7919, 12_345])
  })
})
