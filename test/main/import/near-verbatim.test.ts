import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import { tempArchive } from '../../support/tmp'
import { matchParagraphs, storeParagraphs } from './near-support'

const vocabulary = 'river dam town rain gate water field road bridge mayor council school farm storm north south'.split(' ')
const word = fc.constantFrom(...vocabulary).chain((w) => fc.nat(30).map((n) => `${w}${n}`))
const sentence = fc.array(word, { minLength: 6, maxLength: 30 }).map((ws) => ws.join(' '))


const pairs = (archive: Archive): unknown[] =>
  archive.db.prepare('SELECT * FROM near_duplicate_paragraphs ORDER BY article_id, other_id, ordinal, other_ordinal').all()

describe('near-duplicate matching by words key', () => {
  it('links exactly as verifying every pair on the stored text does', () => {
    // Articles of wire paragraphs (copied verbatim, re-cased and re-punctuated, cut, or with a
    // word changed) and paragraphs of their own; one archive has the words keys, one has none.
    const wire = fc.array(sentence, { minLength: 2, maxLength: 4 })
    const use = fc.record({ wire: fc.nat(3), edit: fc.constantFrom('same', 'case', 'cut', 'word'), own: sentence })
    fc.assert(
      fc.property(wire, fc.array(fc.array(use, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 6 }), (pool, articles) => {
        const keyed = tempArchive()
        const unkeyed = tempArchive()
        for (const uses of articles) {
          const paragraphs = uses.flatMap((u) => {
            const w = pool[u.wire % pool.length]!
            const copy =
              u.edit === 'same' ? w : u.edit === 'case' ? `${w.toUpperCase()}!` : u.edit === 'cut' ? w.split(' ').slice(1).join(' ') : `${w} extra`
            return [copy, u.own]
          })
          storeParagraphs(keyed, paragraphs)
          storeParagraphs(unkeyed, paragraphs)
          unkeyed.db.prepare('UPDATE paragraphs SET words_key = NULL').run()
        }
        expect(pairs(keyed)).toEqual(pairs(unkeyed))
        keyed.close()
        unkeyed.close()
      }),
      { numRuns: 40 }
    )
  })

  it('decides a verbatim copy without reading the stored article’s text', () => {
    const archive = tempArchive()
    const wire = 'Rescue teams reached the flooded villages along the northern river late on Tuesday after the water began to fall'
    const own = 'The council met on Wednesday to count the damage to roads and bridges in the valley below the dam.'
    storeParagraphs(archive, [wire, own])
    const copy = [`${wire.toUpperCase()}.`, 'A second story adds its own reporting on the schools that stayed closed all week.']
    const { found, work } = matchParagraphs(archive, copy)
    expect(found.map((n) => n.paragraphs)).toEqual([[{ ordinal: 1, otherOrdinal: 1 }]])
    expect(work).toMatchObject({ pairs: 1, verbatim: 1 })
    // Only the new paragraph was shingled.
    expect(work.chars).toBe(copy[0]!.length)
  })
})
