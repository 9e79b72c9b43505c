import { describe, expect, it } from 'vitest'
import { paragraphFingerprints, paragraphsMatch, shingleSet, SHORT_PARAGRAPH_CHARS } from '../../../src/main/text/shingles'
import { tempArchive } from '../../support/tmp'
import { matchParagraphs, storeParagraphs } from './near-support'
import { FINGERPRINT_ROWS } from '../../support/fingerprints'

// Own words, deterministic: a long paragraph of a stored story.
const WORDS =
  'the ferry from the island port resumed its crossings on monday after engineers replaced the worn cables of the loading ramp ' +
  'and inspectors from the harbour board signed off the repairs late on sunday evening while passengers waited on the quay ' +
  'with cars and trucks queued along the coast road for most of the afternoon'
const STORED = WORDS.split(' ')


// Fingerprints the new paragraph looks up that the stored one kept.
const sharedFingerprints = (incoming: string, stored: string): number => {
  const mine = new Set(paragraphFingerprints(incoming).lookup)
  return new Set(paragraphFingerprints(stored).stored.filter((h) => mine.has(h))).size
}


describe('pairs sharing one fingerprint', () => {
  const stored = STORED.join(' ')

  it('are verified when one paragraph is short: a quote of a dozen words is linked', () => {
    // The first twelve-word run of the stored paragraph that shares exactly one fingerprint with it.
    const quote = STORED.map((_, at) => STORED.slice(at, at + 12).join(' ')).find((q) => sharedFingerprints(q, stored) === 1)!
    expect(quote.length).toBeLessThanOrEqual(SHORT_PARAGRAPH_CHARS)
    const archive = tempArchive()
    storeParagraphs(archive, [stored])
    const { found, work } = matchParagraphs(archive, [quote])
    expect(work.pairs).toBe(1)
    expect(found.map((n) => n.paragraphs)).toEqual([[{ ordinal: 1, otherOrdinal: 1 }]])
    archive.close()
  })

  it('are not verified when both are long: one shared phrase between long paragraphs is not read', () => {
    // The stored paragraph with every word replaced but one nine-word run (the shortest run
    // winnowing always samples), the first such run that shares exactly one fingerprint.
    const phrase = STORED.map((_, at) => STORED.map((w, i) => (i >= at && i < at + 9 ? w : `${w}q`)).join(' ')).find(
      (text) => sharedFingerprints(text, stored) === 1
    )!
    // A copy with a word in six replaced that still matches on its shingles, yet shares one fingerprint.
    const copy = Array.from({ length: 6 }, (_, offset) => STORED.map((w, i) => (i % 6 === offset ? `${w}x` : w)).join(' ')).find(
      (text) => paragraphsMatch(shingleSet(text), shingleSet(stored)) && sharedFingerprints(text, stored) === 1
    )!
    for (const text of [phrase, copy]) {
      expect(text.length).toBeGreaterThan(SHORT_PARAGRAPH_CHARS)
      const archive = tempArchive()
      storeParagraphs(archive, [stored])
      const { found, work } = matchParagraphs(archive, [text])
      expect(work.pairs).toBe(0)
      expect(found).toEqual([])
      archive.close()
    }
  })

  it('are verified when the new paragraph is mostly text many stories share: a popular wire copy is linked', () => {
    // Seventy stories run the paragraph (its fingerprints become common, and are not looked up).
    const archive = tempArchive()
    for (let i = 0; i < 70; i++) storeParagraphs(archive, [`Report ${i}.`, stored])
    const count = archive.db.prepare(`SELECT count(*) FROM ${FINGERPRINT_ROWS} WHERE hash = ?`).pluck()
    const rare = (h: number): boolean => (count.get(h) as number) <= 64
    // Two outlets' datelines before it; the pair of copies shares one rare fingerprint (across the dateline's end).
    const dated = (place: string): string => `${place} (The Harbour Gazette) — ${stored}`
    const places = ['KALAT', 'MIRAN', 'SORAB', 'TEMUR', 'BAYAN', 'GOLAN', 'RUDAK', 'ZARIN'].flatMap((town) =>
      [3, 4, 5, 6, 7].map((day) => `${town}, March ${day}`)
    )
    let pair: [string, string] | undefined
    for (const a of places) {
      for (const b of places) {
        if (a === b || pair) continue
        const theirs = new Set(paragraphFingerprints(dated(a)).stored.filter(rare))
        if (new Set(paragraphFingerprints(dated(b)).lookup.filter((h) => theirs.has(h))).size === 1) pair = [dated(a), dated(b)]
      }
    }
    expect(pair).toBeDefined()
    const other = storeParagraphs(archive, [pair![0]])
    const { found, work } = matchParagraphs(archive, [pair![1]])
    expect(work.pairs).toBeGreaterThanOrEqual(1)
    expect(found.find((n) => n.otherId === other)?.paragraphs).toEqual([{ ordinal: 1, otherOrdinal: 1 }])
    archive.close()
  })
})
