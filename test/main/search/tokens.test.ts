import Database from 'better-sqlite3'
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
})
