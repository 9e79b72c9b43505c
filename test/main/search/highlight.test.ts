import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildMatcher, matchText, matchTextBySpans, prescore, tokenSpans } from '../../../src/main/search/highlight'
import { parseQuery } from '../../../src/shared/query'
import { foldTerm } from '../../../src/shared/tokens'

/** NEAR highlighting by the plain definition: every occurrence with each other word close enough. */
function naiveNear(words: string[], group: string[], distance: number): [number, number][] {
  const starts = words.map((_, i) => words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0))
  const positions = group.map((t) => words.flatMap((w, i) => (w === t ? [i] : [])))
  if (positions.some((p) => p.length === 0)) return []
  const hit = new Set<number>()
  positions.forEach((list, k) => {
    for (const i of list) {
      if (positions.every((other, j) => j === k || other.some((o) => Math.abs(o - i) <= distance + group.length - 1))) hit.add(i)
    }
  })
  return [...hit].sort((a, b) => a - b).map((i) => [starts[i]!, starts[i]! + words[i]!.length])
}

describe('matchText', () => {
  it('highlights NEAR groups as their plain definition says', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('ab', 'cd', 'ef', 'gh'), { minLength: 1, maxLength: 80 }),
        fc.uniqueArray(fc.constantFrom('ab', 'cd', 'ef'), { minLength: 2, maxLength: 3 }),
        fc.nat(6),
        (words, group, distance) => {
          const matcher = buildMatcher(parseQuery(`NEAR(${group.join(' ')}, ${distance})`).root, () => [])
          const text = words.join(' ')
          const expected = naiveNear(words, group, distance)
          // Adjacent highlighted words are separate ranges (a space lies between them).
          expect(matchText(text, matcher).ranges).toEqual(expected)
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe('prescore', () => {
  // Latin and non-Latin letters, combining marks foldTerm drops after Latin letters and keeps
  // after others, characters NFD or NFC change (é, İ, the Kelvin sign, = with a long solidus).
  // Typographic punctuation, a no-break space and Latin-1 symbols besides (text that is not ASCII
  // but has only ASCII words), and Latin-1 characters that are letters or digits (ª, ², ½).
  const pieces = ['a', 'b', 'o', 's', 'k', 'K', '1', '=', ' ', 'é', 'İ', '\u212a', 'и', 'й', 'ß', '\u0301', '\u0306', '\u0338', '\u1dc4', '\u20d7']
  const punctuation = ['\u2019', '\u201c', '\u2014', '\u2026', '\u00a0', '\u00ab', '\u00b0', '\u00ad', '\u2000', '\u00aa', '\u00b2', '\u00bd']
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...punctuation)), { maxLength: 24 })
    .map((xs) => xs.join(''))

  it('counts in text of ASCII words exactly the needles its lowercased copy contains', () => {
    // Any ASCII character, and the punctuation outside ASCII that leaves a text's words ASCII.
    const ascii = fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c))
    const asciiText = fc.array(fc.oneof(ascii, fc.constantFrom('\u2019', '\u201c', '\u2014', '\u2026', '\u00a0', '\u00ab', '\u00b0', '\u00ad', '\u2000')), { maxLength: 40 }).map((xs) => xs.join(''))
    const word = fc.oneof(fc.stringMatching(/^[a-z0-9]{1,4}$/), fc.constantFrom('k', 'or', 's1', 'é', 'kelvin'))
    fc.assert(
      fc.property(asciiText, fc.array(word, { minLength: 1, maxLength: 3 }), fc.nat(), (t, words, at) => {
        // A word of the text itself among them, so that most runs find something.
        const own = t.toLowerCase().match(/[a-z0-9]+/g) ?? []
        const query = [...words, ...(own.length ? [own[at % own.length]!] : [])].join(' ')
        const matcher = buildMatcher(parseQuery(query).root, () => [])
        const lower = t.toLowerCase()
        expect(prescore(t, matcher)).toBe(matcher.needles.filter((n) => lower.includes(n)).length)
      }),
      { numRuns: 2000 }
    )
  })

  it('never misses a word that occurs in the folded text (the cheap fold for ASCII words)', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 1, max: 4 }), (t, at, length) => {
        const folded = foldTerm(t)
        const start = at % Math.max(1, folded.length)
        const word = folded.slice(start, start + length)
        fc.pre(/^[a-z0-9]+$/.test(word))
        const matcher = buildMatcher(parseQuery(word).root, () => [])
        // Query syntax ("or") is not a word.
        fc.pre(matcher.needles.length === 1 && matcher.needles[0] === word)
        expect(matcher.asciiNeedles).toBe(true)
        expect(prescore(t, matcher)).toBe(1)
      }),
      { numRuns: 2000 }
    )
  })

  it('folds the text as the index does for a word outside ASCII', () => {
    const matcher = buildMatcher(parseQuery('й').root, () => [])
    expect(matcher.asciiNeedles).toBe(false)
    expect(prescore('и\u0306', matcher)).toBe(1)
    expect(prescore('и', matcher)).toBe(0)
    const ascii = buildMatcher(parseQuery('masoud').root, () => [])
    expect(prescore('Mas\u0301oud and Masoúd', ascii)).toBe(1)
    expect(prescore('Masood', ascii)).toBe(0)
  })
})

describe('tokenSpans', () => {
  // The index's words by their plain definition: runs of letters, digits, private-use characters
  // and marks, folded, marks dropped.
  const reference = (text: string): { token: string; start: number; end: number }[] =>
    [...text.matchAll(/[\p{L}\p{N}\p{Co}\p{M}]+/gu)]
      .map((m) => ({ token: foldTerm(m[0]).replace(/[^\p{L}\p{N}\p{Co}]/gu, ''), start: m.index, end: m.index + m[0].length }))
      .filter((s) => s.token)
  const pieces = ['Ab', 'c', 'D9', ' ', '-', "'", '\u2019', '\u201c', '\u2014', '\u2026', '\u00a0', '\u00ab', '\u00b0', '\u00ad', '\u00b4', '\u2000', '\u2060']
  const odd = ['é', '\u00aa', '\u00b2', '\u00bd', '\u00b5', 'й', '\u0301', '\u212a', '\u2070']

  it('cuts text with only typographic punctuation outside ASCII as the index does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (xs) => {
        const t = xs.join('')
        expect(tokenSpans(t)).toEqual(reference(t))
      }),
      { numRuns: 2000 }
    )
  })

  it('cuts text of any ASCII characters as the index does', () => {
    const ascii = fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c))
    fc.assert(
      fc.property(fc.array(fc.oneof(ascii, fc.constantFrom(...pieces)), { maxLength: 40 }), (xs) => {
        const t = xs.join('')
        expect(tokenSpans(t)).toEqual(reference(t))
      }),
      { numRuns: 2000 }
    )
  })

  it('cuts text with other characters outside ASCII as the index does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...odd)), { maxLength: 30 }), (xs) => {
        const t = xs.join('')
        expect(tokenSpans(t)).toEqual(reference(t))
      }),
      { numRuns: 2000 }
    )
  })
})

describe('matchText on text of ASCII words', () => {
  // Words sharing beginnings (a query word is often the start of another word of the text), in
  // any case, with digits, apostrophes, hyphens and the typographic punctuation of real news.
  const pieces = ['gov', 'Gov', 'GOVERN', 'ment', 'al', 'a', 'an', 'ta', 'Ta', '9', '19', ' ', ' ', '-', "'", '\u2019', '\u201c', '\u2014', '.', '\u00a0']
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(''))
  const word = fc.constantFrom('gov', 'govern', 'government', 'al', 'a', 'an', 'ta', '9', '19', 'й', 'é', 'mental')
  const part = fc.oneof(word, word.map((w) => `${w}*`), word.map((w) => `${w}~`))
  const queries = fc
    .tuple(fc.array(part, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', ' OR ', ' AND '))
    .map(([parts, join]) => parts.join(join))
  const variants = (w: string): string[] => [`${w}s`, w.slice(1), w.toUpperCase()]

  it('finds words and prefixes where cutting the text into tokens finds them', () => {
    fc.assert(
      fc.property(text, queries, (t, query) => {
        const matcher = buildMatcher(parseQuery(query, { fuzzy: false }).root, variants)
        expect(matchText(t, matcher)).toEqual(matchTextBySpans(t, matcher))
      }),
      { numRuns: 3000 }
    )
  })

  it('leaves phrases and NEAR groups to the tokens', () => {
    expect(buildMatcher(parseQuery('"gov al"').root, () => []).asciiWordStarts).toBeNull()
    expect(buildMatcher(parseQuery('NEAR(gov al, 2)').root, () => []).asciiWordStarts).toBeNull()
    const text = 'The Government’s all-party talks; GOV. AL Smith'
    const matcher = buildMatcher(parseQuery('gov* al').root, () => [])
    expect(matcher.asciiWordStarts).not.toBeNull()
    // "all" is not "al"; "Government’s" is a word and an "s".
    expect(matchText(text, matcher)).toEqual({ ranges: [[4, 14], [34, 37], [39, 41]], score: 2003 })
    expect(matchTextBySpans(text, matcher)).toEqual(matchText(text, matcher))
  })
})
