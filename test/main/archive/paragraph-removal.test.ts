import { describe, expect, it } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { deleteArticleRows } from '../../../src/main/archive/repo/article-edits'
import { removeParagraphs } from '../../../src/main/archive/repo/paragraph-removal'
import { paragraphFingerprints } from '../../../src/main/text/shingles'
import { expectConsistent } from '../../support/migrations'
import { storeParagraphs } from '../../support/store-paragraphs'
import { tempArchive } from '../../support/tmp'
import { FINGERPRINT_ROWS } from '../../support/fingerprints'

const SPILLWAY = 'Engineers at the Halvard reservoir opened four of its six spillway gates on Tuesday morning after the river rose.'
const DAM = 'The Halvard dam, completed in 1968, holds back the largest body of fresh water in the province and feeds its mills.'
const SHELTERS = 'Emergency shelters have been opened in the Brennmoor sports hall and in two schools in Ostwick for the night.'

function store(archive: Archive, outlet: string, paragraphs: string[], fingerprints = paragraphFingerprints): number {
  const outcome = storeParagraphs(archive, paragraphs, { outlet }, fingerprints)
  if (outcome.status !== 'added') throw new Error('not added')
  return outcome.id
}

const OWN = [
  'A baker in Moura kept his ovens going through the night for the volunteers.',
  'Schoolchildren painted the sandbags yellow so that drivers would see them.',
  'The ferry captain said he had not seen the current this fast since childhood.',
  'Pensioners at the lido played cards on the upper terrace while water filled the pool.'
]
function own(n: number): string {
  return OWN[n - 1]!
}

describe('removeParagraphs', () => {
  it('renumbers paragraphs, fingerprints and pairs on both sides, and drops links left with no pair', () => {
    const archive = tempArchive()
    const { db } = archive
    const a = store(archive, 'Northwind', [own(1), SPILLWAY, own(2), DAM, SHELTERS])
    const b = store(archive, 'Southern Courier', [DAM, own(3), SHELTERS])
    const c = store(archive, 'Eastern Post', [SPILLWAY, own(4)])
    expect(getArticle(db, a).nearDuplicates.map((n) => [n.articleId, n.paragraphs])).toEqual([
      [b, [{ ordinal: 4, otherOrdinal: 1 }, { ordinal: 5, otherOrdinal: 3 }]],
      [c, [{ ordinal: 2, otherOrdinal: 1 }]]
    ])
    const ids = new Map(getArticle(db, a).paragraphs.map((p) => [p.text, db.prepare('SELECT id FROM paragraphs WHERE article_id = ? AND ordinal = ?').pluck().get(a, p.ordinal)]))

    db.transaction(() => removeParagraphs(db, a, [2, 4]))()

    const after = getArticle(db, a)
    expect(after.paragraphs.map((p) => [p.ordinal, p.text])).toEqual([
      [1, own(1)],
      [2, own(2)],
      [3, SHELTERS]
    ])
    expect(after.text).toBe([own(1), own(2), SHELTERS].join('\n\n'))
    for (const p of after.paragraphs) {
      expect(after.text.slice(p.start, p.end)).toBe(p.text)
      expect(db.prepare('SELECT id FROM paragraphs WHERE article_id = ? AND ordinal = ?').pluck().get(a, p.ordinal)).toBe(ids.get(p.text))
    }
    expect(after.words).toBe(after.text.match(/[\p{L}\p{N}]+/gu)!.length)
    // Fingerprints follow their paragraph's new ordinal; the removed ones are gone.
    const stored = db.prepare(`SELECT hash, ordinal FROM ${FINGERPRINT_ROWS} WHERE article_id = ? ORDER BY ordinal, hash`).all(a)
    const expected = after.paragraphs
      .flatMap((p) => [...new Set(paragraphFingerprints(p.text).stored)].map((hash) => ({ hash, ordinal: p.ordinal })))
      .sort((x, y) => x.ordinal - y.ordinal || x.hash - y.hash)
    expect(stored).toEqual(expected)
    // The link to c rested on the spillway paragraph alone; the link to b lost the dam pair only.
    expect(after.nearDuplicates.map((n) => [n.articleId, n.sharedParagraphs, n.paragraphs])).toEqual([[b, 1, [{ ordinal: 3, otherOrdinal: 3 }]]])
    expect(getArticle(db, b).nearDuplicates.map((n) => [n.articleId, n.sharedParagraphs, n.paragraphs])).toEqual([[a, 1, [{ ordinal: 3, otherOrdinal: 3 }]]])
    expect(getArticle(db, c).nearDuplicates).toEqual([])
    expect(getArticle(db, c).nearDuplicateCount).toBe(0)
    expectConsistent(db)
  })

  it('refuses to empty an article and leaves it as it was', () => {
    const archive = tempArchive()
    const id = store(archive, 'Northwind', [own(1), DAM])
    const before = getArticle(archive.db, id)
    expect(() => archive.db.transaction(() => removeParagraphs(archive.db, id, [1, 2]))()).toThrow(/would leave it empty/)
    expect(getArticle(archive.db, id)).toEqual(before)
  })

  it('finds every row of an article stored with the fuller sample long paragraphs kept before', () => {
    const archive = tempArchive()
    const { db } = archive
    // Long paragraphs (over SHORT_PARAGRAPH_CHARS) now store fewer fingerprints than they look up;
    // an archive written before kept all of them, and renumbering and deleting must find those too.
    const long = [
      `${DAM} Its keepers opened the lower sluices twice this week and warned farms downstream of the rising water.`,
      `${SPILLWAY} Residents of the valley were told to move their cattle to the upper pastures before nightfall.`,
      `${SHELTERS} Volunteers brought blankets, bread and camp beds from the depot and stayed with the families.`
    ]
    for (const p of long) expect(paragraphFingerprints(p).stored.length).toBeLessThan(paragraphFingerprints(p).lookup.length)
    const a = store(archive, 'Northwind', long, (p) => ({ lookup: paragraphFingerprints(p).lookup, stored: paragraphFingerprints(p).lookup }))
    const rows = (): unknown[] => db.prepare(`SELECT hash, ordinal FROM ${FINGERPRINT_ROWS} WHERE article_id = ? ORDER BY ordinal, hash`).all(a)
    db.transaction(() => removeParagraphs(db, a, [1]))()
    const expected = long
      .slice(1)
      .flatMap((text, i) => [...new Set(paragraphFingerprints(text).lookup)].map((hash) => ({ hash, ordinal: i + 1 })))
      .sort((x, y) => x.ordinal - y.ordinal || x.hash - y.hash)
    expect(rows()).toEqual(expected)
    db.transaction(() => deleteArticleRows(db, [a]))()
    expect(db.prepare(`SELECT count(*) FROM ${FINGERPRINT_ROWS}`).pluck().get()).toBe(0)
    archive.close()
  })
})
