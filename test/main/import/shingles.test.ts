import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  boilerplateKey,
  FINGERPRINT_K,
  FINGERPRINT_W,
  hash32,
  paragraphFingerprints,
  paragraphKeys,
  paragraphsMatch,
  shingleHashes,
  shingleSet,
  SHORT_PARAGRAPH_CHARS,
  STORED_FINGERPRINT_W,
  VERIFY_K,
  winnow,
  words,
  wordsKey
} from '../../../src/main/text/shingles'

const vocabulary = 'river dam town rain gate water field road bridge mayor council school farm storm north south'.split(' ')
const word = fc.constantFrom(...vocabulary).chain((w) => fc.nat(99).map((n) => `${w}${n}`))

describe('shingles', () => {
  it('tokenises to lower-case letters and digits across scripts', () => {
    expect(words('Москва, 1 сентября. /ТАСС/. Fighting—raged!')).toEqual(['москва', '1', 'сентября', 'тасс', 'fighting', 'raged'])
  })

  it('normalises non-ASCII text to NFKC and leaves ASCII as it is', () => {
    expect(words('ｆｕｌｌｗｉｄｔｈ Ｎｏ．１ ﬁnance')).toEqual(['fullwidth', 'no', '1', 'finance'])
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (text) => {
        expect(words(text)).toEqual(text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
      })
    )
  })

  it('hashes each run of words as FNV-1a of the run joined by spaces (the stored value)', () => {
    const joined = (tokens: string[], k: number): number[] =>
      tokens.length <= k ? (tokens.length === 0 ? [] : [hash32(tokens.join(' '))]) : tokens.slice(0, tokens.length - k + 1).map((_, i) => hash32(tokens.slice(i, i + k).join(' ')))
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), (tokens, k) => {
        expect(shingleHashes(tokens, k)).toEqual(joined(tokens, k))
      }),
      { numRuns: 300 }
    )
    // A value stored before this form was written, which must not move.
    expect(shingleHashes(['the', 'river', 'rose', 'again'], 4)).toEqual([hash32('the river rose again')])
  })

  it('reads a paragraph’s words once for all its keys, as each key alone reads them', () => {
    const paragraph = fc.oneof(
      fc.array(word, { maxLength: 60 }).map((ws) => ws.join(' ')),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ unit: 'binary-ascii', maxLength: 300 })
    )
    fc.assert(
      fc.property(paragraph, (text) => {
        expect(paragraphKeys(text)).toEqual({ fingerprints: paragraphFingerprints(text), boilerplateKey: boilerplateKey(text), wordsKey: wordsKey(text) })
      }),
      { numRuns: 300 }
    )
  })

  it('verification sets decide every pair as sets of joined word runs would', () => {
    // The definition shingleSet implements with per-word hashes (no joined strings).
    const reference = (text: string): Set<number> => new Set(shingleHashes(words(text), VERIFY_K))
    const paragraph = fc.array(word, { maxLength: 40 }).map((ws) => ws.join(' '))
    fc.assert(
      fc.property(paragraph, paragraph, fc.nat(40), (a, b, cut) => {
        // Half the pairs share a run, so matches are exercised as well as misses.
        const other = cut % 2 === 0 ? `${b} ${a.split(' ').slice(0, cut).join(' ')}` : b
        expect(paragraphsMatch(shingleSet(a), shingleSet(other))).toBe(paragraphsMatch(reference(a), reference(other)))
      }),
      { numRuns: 500 }
    )
    // Word order matters: a run is not the same shingle as its words in another order.
    expect([...shingleSet('alpha beta gamma')]).not.toEqual([...shingleSet('gamma beta alpha')])
  })

  it('winnowing always finds a shared run of w + k - 1 words', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 30 }),
        fc.array(word, { maxLength: 30 }),
        fc.array(word, { minLength: FINGERPRINT_K + FINGERPRINT_W - 1, maxLength: 40 }),
        (before, after, shared) => {
          const a = winnow(shingleHashes([...before, ...shared], FINGERPRINT_K), FINGERPRINT_W)
          const b = new Set(winnow(shingleHashes([...shared, ...after], FINGERPRINT_K), FINGERPRINT_W))
          expect(a.some((h) => b.has(h))).toBe(true)
        }
      )
    )
  })

  it('keeps a fraction of the shingles and none for short paragraphs', () => {
    const text = Array.from({ length: 300 }, (_, i) => `w${(i * 7919) % 1000}`).join(' ')
    const { lookup, stored } = paragraphFingerprints(text)
    expect(lookup.length).toBeGreaterThan(0)
    expect(lookup.length).toBeLessThan(297 * 0.45)
    // A long paragraph stores a thinner sample than it looks up.
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.length).toBeLessThan(lookup.length * 0.75)
    expect(paragraphFingerprints('Back to top')).toEqual({ lookup: [], stored: [] })
  })

  it('stores a subset of what it looks up: all of it for a short paragraph', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 8, maxLength: 80 }), (tokens) => {
        const text = tokens.join(' ')
        const { lookup, stored } = paragraphFingerprints(text)
        // Deleting and renumbering find a paragraph's rows from `lookup`: it must cover them.
        expect(stored.every((h) => lookup.includes(h))).toBe(true)
        if (text.length <= SHORT_PARAGRAPH_CHARS) expect(stored).toEqual(lookup)
      }),
      { numRuns: 300 }
    )
  })

  it('a new paragraph finds a shared run of 13 words in what a long paragraph stored', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 20, maxLength: 30 }),
        fc.array(word, { maxLength: 30 }),
        fc.array(word, { minLength: FINGERPRINT_K + STORED_FINGERPRINT_W - 1, maxLength: 40 }),
        (before, after, shared) => {
          const stored = paragraphFingerprints([...before, ...shared].join(' '))
          const incoming = new Set(paragraphFingerprints([...shared, ...after].join(' ')).lookup)
          expect(stored.stored.some((h) => incoming.has(h))).toBe(true)
        }
      )
    )
  })

  it('matches a paragraph merged into a longer one, not one on the same topic', () => {
    const wire =
      'Engineers opened four of the six spillway gates on Tuesday after the river rose more than two metres above its seasonal flood mark.'
    const merged = `${wire.replace('four of the six', 'four of its six')} The dam holds back the largest body of fresh water in the province and was inspected twice since cracks were found.`
    const sameTopic =
      'The river rose on Tuesday and the authority opened gates at the dam, which was inspected after cracks appeared three years ago.'
    expect(paragraphsMatch(shingleSet(wire), shingleSet(merged))).toBe(true)
    expect(paragraphsMatch(shingleSet(wire), shingleSet(sameTopic))).toBe(false)
    expect(paragraphsMatch(shingleSet('He said.'), shingleSet('He said.'))).toBe(false)
  })

  it('keys short paragraphs with years folded and ignores long ones', () => {
    expect(boilerplateKey('© 2021 Northwind News. All rights reserved.')).toBe(
      boilerplateKey('© 2023 Northwind News — all rights reserved')
    )
    expect(boilerplateKey('Follow us on Telegram')).not.toBe(boilerplateKey('Follow us on Twitter'))
    expect(boilerplateKey('The death toll rose to 15.')).not.toBe(boilerplateKey('The death toll rose to 23.'))
    expect(boilerplateKey(Array.from({ length: 60 }, (_, i) => `word${i}`).join(' '))).toBeNull()
  })
})
