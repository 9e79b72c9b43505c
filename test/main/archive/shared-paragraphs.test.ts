import { describe, expect, it } from 'vitest'
import { linkSharedParagraphs, sharedParagraphPairs } from '../../../src/main/archive/repo/shared-paragraphs'
import { tempArchive } from '../../support/tmp'
import { addArticle } from '../chronology/helpers'

describe('linking an article to several others at once', () => {
  it('stores each link from its later article, reads the same from either side, and a second linking replaces the count', () => {
    const archive = tempArchive()
    const { db } = archive
    const [a, b, c] = ['First', 'Second', 'Third'].map((t) => addArticle(archive, [`${t} paragraph.`, `${t} closing paragraph.`]))
    // b links to an earlier article (a) and a later one (c) in one call.
    linkSharedParagraphs(db, b!, [
      { otherId: c!, paragraphs: [{ ordinal: 1, otherOrdinal: 0 }] },
      { otherId: a!, paragraphs: [{ ordinal: 0, otherOrdinal: 1 }, { ordinal: 1, otherOrdinal: 1 }] }
    ])
    const links = (): unknown[] => db.prepare('SELECT article_id, other_id, shared_paragraphs FROM near_duplicates ORDER BY 1, 2').raw().all()
    expect(links()).toEqual([
      [b, a, 2],
      [c, b, 1]
    ])
    expect(db.prepare('SELECT * FROM near_duplicate_paragraphs ORDER BY 1, 2, 3, 4').raw().all()).toEqual([
      [b, a, 0, 1],
      [b, a, 1, 1],
      [c, b, 0, 1]
    ])
    expect(sharedParagraphPairs(db, b!)).toEqual(
      new Map([
        [a, [{ ordinal: 0, otherOrdinal: 1 }, { ordinal: 1, otherOrdinal: 1 }]],
        [c, [{ ordinal: 1, otherOrdinal: 0 }]]
      ])
    )
    expect(sharedParagraphPairs(db, c!)).toEqual(new Map([[b, [{ ordinal: 0, otherOrdinal: 1 }]]]))
    // Linked again with one pair more: the count is the new one, the pairs those of both calls.
    linkSharedParagraphs(db, c!, [{ otherId: b!, paragraphs: [{ ordinal: 0, otherOrdinal: 1 }, { ordinal: 1, otherOrdinal: 0 }] }])
    expect(links()).toEqual([
      [b, a, 2],
      [c, b, 2]
    ])
    linkSharedParagraphs(db, a!, [])
    expect(links()).toHaveLength(2)
  })
})
