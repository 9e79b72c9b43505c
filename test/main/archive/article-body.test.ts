import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanTextHash, countWords, digestText, packText, registerArticleBody, unpackText } from '../../../src/main/archive/article-body'

/** Text as the archive holds it: any code points but lone surrogates, which UTF-8 cannot carry. */
const text = fc.string({ unit: 'grapheme', maxLength: 400 })

describe('stored article text', () => {
  it('reads back exactly what was packed, in JS and through the SQL functions', () => {
    const db = new Database(':memory:')
    try {
      registerArticleBody(db)
      const roundTrip = db.prepare('SELECT article_text(article_body(?)) AS t').pluck()
      fc.assert(
        fc.property(text, (t) => {
          expect(unpackText(packText(t))).toBe(t)
          expect(roundTrip.get(t)).toBe(t)
        }),
        { numRuns: 300 }
      )
      expect(db.prepare('SELECT article_text(NULL)').pluck().get()).toBeNull()
    } finally {
      db.close()
    }
  })

  it('reads back a text of several hundred kilobytes, longer than one inflate chunk', () => {
    const long = Array.from({ length: 40_000 }, (_, i) => `word${i % 977} ${i}`).join(' ')
    expect(Buffer.byteLength(long)).toBeGreaterThan(1 << 18)
    expect(unpackText(packText(long))).toBe(long)
  })

  it('refuses a damaged body instead of reading other words', () => {
    const body = packText('The ceasefire began at noon on 3 March, the ministry said.')
    for (const at of [body.length - 1, body.length - 5, 2]) {
      const damaged = Buffer.from(body)
      damaged[at] = damaged[at]! ^ 0x01
      expect(() => unpackText(damaged), `byte ${at}`).toThrow()
    }
  })

  it('digests a text into its hash, word count and body', () => {
    fc.assert(
      fc.property(text, (t) => {
        const d = digestText(t)
        expect(d).toEqual({ textHash: cleanTextHash(t), wordCount: countWords(t), body: packText(t) })
        expect(unpackText(d.body)).toBe(t)
      }),
      { numRuns: 100 }
    )
  })

  it('counts words as their plain definition does: runs of letters or digits, an apostrophe before letters joining them', () => {
    const definition = (t: string): number => t.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0
    // Words of ASCII letters and digits with both apostrophes around them, typographic
    // punctuation, and letters beyond ASCII that take the text off the fast path.
    const piece = fc.constantFrom('a', 'Zb', '7', "'", '’', "''", ' ', '-', '.', '\u00a0', '\u201c', '\u2014', 'é', '\u00b2', 'й')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (xs) => {
        const t = xs.join('')
        expect(countWords(t)).toBe(definition(t))
      }),
      { numRuns: 5000 }
    )
    fc.assert(
      fc.property(text, (t) => {
        expect(countWords(t)).toBe(definition(t))
      }),
      { numRuns: 300 }
    )
    expect(countWords('Don’t say rock\'n1 or ’twas 4’s end')).toBe(8)
  })
})
