import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tokenize } from '../../../src/shared/tokens'

describe('tokenize', () => {
  it('yields the words the FTS5 index holds, Cyrillic й and ё and Greek accents included', () => {
    const text = 'Зеленский и Хрущёв; Ельцин. Café naïve Ḥusayn Αθήνα ZELENSKIY'
    const db = new Database(':memory:')
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, row)")
    db.prepare('INSERT INTO t VALUES (?)').run(text)
    const indexed = db.prepare('SELECT term FROM v').pluck().all() as string[]
    expect([...new Set(tokenize(text))].sort()).toEqual([...indexed].sort())
    expect(tokenize('Зеленский')).toEqual(['зеленский'])
  })

  // The FTS5 tokenizer itself is the oracle: the terms it stores for a text, in their order.
  const db = new Database(':memory:')
  db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
  const indexed = (text: string): string[] => {
    db.prepare('DELETE FROM t').run()
    db.prepare('INSERT INTO t VALUES (?)').run(text)
    return db.prepare('SELECT term FROM v ORDER BY offset').pluck().all() as string[]
  }
  const ascii = fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c))
  // Typographic punctuation, spaces and Latin-1 symbols: text not ASCII whose words are.
  const punctuation = fc.constantFrom('\u2019', '\u201c', '\u2014', '\u2026', '\u00a0', '\u00ab', '\u00b0', '\u00ad', '\u00b4', '\u2000', '\u2060', '\u206f')

  // Latin-1 letters and digits beside them, which the full fold must take (and does as FTS5 does).
  const latin1 = fc.constantFrom('é', 'É', '\u00aa', '\u00b2', '\u00bd', 'ß', 'й')

  it('cuts text of ASCII words as the index does, and text with a few letters beyond ASCII', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: ascii, weight: 4 }, { arbitrary: punctuation, weight: 2 }, latin1), { maxLength: 40 }), (xs) => {
        const text = xs.join('')
        expect(tokenize(text)).toEqual(indexed(text))
      }),
      { numRuns: 1000 }
    )
  })
})
