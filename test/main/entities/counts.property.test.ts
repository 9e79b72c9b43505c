import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/archive/db'
import { deleteArticles } from '../../../src/main/articles/delete'
import { undo } from '../../../src/main/archive/journal'
import { recountEntities } from '../../../src/main/archive/repo/entity-writes'
import type { FoundMention } from '../../../src/main/entities/group'
import { storeArticleMentions } from '../../../src/main/entities/store'
import { tempArchive } from '../../support/tmp'
import { addArticle } from '../chronology/helpers'

// Spellings of a few names; several share a key (Massoud / Masood, Baghlan / Baglan), so one
// entity gathers several spellings, and an article may hold one spelling many times.
const NAMES = ['Massoud', 'Masood', 'Baghlan', 'Baglan', 'Kabul', 'Ford', 'Acme Corp', 'Saleh'] as const
const KINDS = ['person', 'place', 'org'] as const
const TEXT = `${NAMES.join(' and ')} were named.`

const mentionArb = fc.record({ name: fc.constantFrom(...NAMES), kind: fc.constantFrom(...KINDS) })
const mentionsArb = fc.array(mentionArb, { maxLength: 12 })

function found(list: readonly { name: string; kind: (typeof KINDS)[number] }[]): FoundMention[] {
  return list.map(({ name, kind }) => {
    const start = TEXT.indexOf(name)
    return { start, end: start + name.length, text: name, kind, canonical: null, place: null }
  })
}

/** Counts, spellings and names as they stand. */
function snapshot(db: Db): unknown {
  return {
    entities: db.prepare('SELECT id, kind, key, name, mentions, articles FROM entities ORDER BY id').all(),
    spellings: db.prepare('SELECT entity_id, text, n FROM entity_spellings ORDER BY entity_id, text').all()
  }
}

describe('entity counts kept per article', () => {
  it('equal a recount from the mentions after any sequence of stores, re-extractions and deletions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 3 }), mentionsArb), { minLength: 1, maxLength: 10 }),
        fc.subarray([0, 1, 2, 3]),
        (steps, deleting) => {
          const archive = tempArchive()
          const db = archive.db
          const ids = [0, 1, 2, 3].map(() => addArticle(archive, [TEXT]))
          for (const [which, mentions] of steps) db.transaction(() => storeArticleMentions(db, ids[which]!, found(mentions)))()
          const recounted = (): unknown => {
            const kept = snapshot(db)
            const all = db.prepare('SELECT id FROM entities').pluck().all() as number[]
            db.transaction(() => recountEntities(db, all))()
            return kept
          }
          // An entity left with no mention keeps its row and last name; a recount names it the same.
          expect(recounted()).toEqual(snapshot(db))
          const stored = snapshot(db)
          // Deleting articles takes away what each gave; undoing it gives it back.
          deleteArticles(db, deleting.map((i) => ids[i]!))
          expect(recounted()).toEqual(snapshot(db))
          if (deleting.length > 0) {
            undo(db)
            expect(snapshot(db)).toEqual(stored)
          }
          archive.close()
        }
      ),
      { numRuns: 60 }
    )
  })
})
