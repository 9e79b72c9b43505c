import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { indexedAtEnd } from '../../../src/main/archive/search-deferral'
import type { Db } from '../../../src/main/archive/db'
import { expectConsistent } from '../../support/migrations'
import { storeParagraphs } from '../../support/store-paragraphs'
import { tempArchive } from '../../support/tmp'

const FOOTER = 'Follow the Tarnby Courier on Telegram for breaking updates'
const OWN = [
  'Ferry crews in Tarnby worked through the night to move the stranded lorries off the quay.',
  'A beekeeper near Ulsvik moved forty hives uphill before the meltwater reached the orchards.',
  'Volunteers at the Ostmark depot loaded sandbags onto tractors borrowed from three farms.',
  'The Brennvik choir held its rehearsal in the fire station after the school hall flooded.'
]

function added(outcome: ReturnType<typeof storeParagraphs>): number {
  if (outcome.status !== 'added') throw new Error(`not added: ${outcome.status}`)
  return outcome.id
}

/** Article ids whose indexed title, dek or text match `query`, in the text index and the title index. */
function found(db: Db, query: string): { text: number[]; titles: number[] } {
  return {
    text: db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(query) as number[],
    titles: db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(query) as number[]
  }
}

describe('search indexing at the end of a transaction', () => {
  it('indexes an insert at once outside it, and inside it only at its end, before the commit', () => {
    const archive = tempArchive()
    const before = added(storeParagraphs(archive, [OWN[0]!]))
    expect(found(archive.db, 'ferry')).toEqual({ text: [before], titles: [] })
    let inside = 0
    indexedAtEnd(archive.db, () => {
      inside = added(storeParagraphs(archive, [OWN[1]!], { title: 'Hives moved uphill' }))
      expect(found(archive.db, 'beekeeper OR hives')).toEqual({ text: [], titles: [] })
    })
    expect(found(archive.db, 'beekeeper')).toEqual({ text: [inside], titles: [] })
    expect(found(archive.db, 'hives')).toEqual({ text: [inside], titles: [inside] })
    expectConsistent(archive.db)
  })

  it('keeps both indexes whole when a batch cleans its own and earlier articles, rolls a file back and deletes one', () => {
    const archive = tempArchive()
    // Stored before the batch, so indexed at once; the batch's third footer makes it boilerplate
    // and cleans this one (indexed: reindexed at once) and the batch's first (not yet indexed).
    const earlier = added(storeParagraphs(archive, [OWN[0]!, FOOTER], { outlet: 'Tarnby Courier' }))
    let batch: number[] = []
    let rolledBack = 0
    indexedAtEnd(archive.db, () => {
      const first = added(storeParagraphs(archive, [OWN[1]!, FOOTER], { outlet: 'Tarnby Courier' }))
      // A file that fails after its article went in: its savepoint is rolled back.
      expect(() =>
        archive.db.transaction(() => {
          rolledBack = added(storeParagraphs(archive, ['A sawmill in Kvarn lost its roof to the gale.'], { title: 'Sawmill roof' }))
          throw new Error('the file failed after its article went in')
        })()
      ).toThrow('the file failed')
      const third = added(storeParagraphs(archive, [OWN[2]!, FOOTER], { outlet: 'Tarnby Courier' }))
      const gone = added(storeParagraphs(archive, [OWN[3]!], { title: 'Choir rehearsal' }))
      archive.db.prepare('DELETE FROM articles WHERE id = ?').run(gone)
      batch = [first, third]
    })
    // The rolled-back article's id went to the next file stored; nothing of the rolled-back one is indexed.
    expect(batch).toContain(rolledBack)
    expect(found(archive.db, 'sawmill')).toEqual({ text: [], titles: [] })
    expect(found(archive.db, 'choir')).toEqual({ text: [], titles: [] })
    for (const id of [earlier, ...batch]) expect(getArticle(archive.db, id).text).not.toContain('Telegram')
    expect(found(archive.db, 'telegram').text).toEqual([])
    expect(found(archive.db, 'ferry OR beekeeper OR sandbags').text).toEqual([earlier, ...batch])
    expectConsistent(archive.db)
  })

  it('indexes nothing when the transaction fails', () => {
    const archive = tempArchive()
    expect(() =>
      indexedAtEnd(archive.db, () => {
        storeParagraphs(archive, [OWN[2]!])
        throw new Error('disk full')
      })
    ).toThrow('disk full')
    expect(archive.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0)
    expect(found(archive.db, 'sandbags')).toEqual({ text: [], titles: [] })
    // The next insert outside a batch is indexed at once again.
    const later = added(storeParagraphs(archive, [OWN[2]!]))
    expect(found(archive.db, 'sandbags').text).toEqual([later])
    expectConsistent(archive.db)
  })
})
