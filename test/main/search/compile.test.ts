import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../../src/shared/query'
import { compileQuery, ftsString } from '../../../src/main/search/compile'

function ftsTable(): Database.Database {
  const db = new Database(':memory:')
  db.exec(`
    CREATE VIRTUAL TABLE t USING fts5(title, dek, text, tokenize='unicode61 remove_diacritics 2');
    INSERT INTO t VALUES ('Masood in Baglan', 'a dek', 'the resistance and the taliban in kabul said or not');
  `)
  return db
}

const expand = (term: string): string[] => (term === 'masood' ? ['massoud', 'masoud'] : [`${term}x`])

describe('compileQuery', () => {
  it('quotes every word and expands fuzzy ones', () => {
    expect(compileQuery(parseQuery('masood~ baglan').root, expand).match).toBe('(("masood" OR "massoud" OR "masoud") AND "baglan")')
    expect(compileQuery(parseQuery('title:taliba* -kabul').root, expand).match).toBe('(title : "taliba"* NOT ("kabul"))')
    expect(compileQuery(parseQuery('-kabul').root, expand)).toEqual({ match: null, exclude: '"kabul"' })
    expect(compileQuery(parseQuery('NEAR(a b, 3) OR "c d"').root, expand).match).toBe('(NEAR("a" "b", 3) OR "c d")')
    expect(ftsString('say "hi"')).toBe('"say ""hi"""')
  })

  it('always yields an expression FTS5 accepts, whatever was typed', () => {
    const db = ftsTable()
    const alphabet = fc.constantFrom(
      ...'ab c"()-*~:, 5é&^{}[]+.\\\''.split(''),
      'OR',
      'NOT',
      'AND',
      'NEAR(',
      'NEAR',
      'title:',
      'outlet:',
      'masood~',
      ' '
    )
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: alphabet, maxLength: 40 }), fc.string({ maxLength: 30 })), fc.boolean(), (input, fuzzy) => {
        const parsed = parseQuery(input, { fuzzy })
        const { match, exclude } = compileQuery(parsed.root, expand)
        for (const expr of [match, exclude]) {
          if (expr !== null) expect(() => db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(expr)).not.toThrow()
        }
      }),
      { numRuns: 3000 }
    )
  })
})
