import { describe, expect, it } from 'vitest'
import { m022ParagraphWordsKey } from '../../../../src/main/archive/migrations/022-paragraph-words-key'
import { migrate } from '../../../../src/main/archive/db'
import { databaseAt, expectConsistent, tableRows } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 022 (paragraph words keys)', () => {
  it('adds the column and leaves stored paragraphs without a key (they are verified on their text)', () => {
    // Seeded at the first schema (its rows need the paragraph text column 018 dropped), then upgraded.
    const db = databaseAt(1)
    seedSchema1(db)
    migrate(db, m022ParagraphWordsKey.version - 1)
    const before = tableRows(db)
    migrate(db, m022ParagraphWordsKey.version)
    const after = tableRows(db)
    expect(after.paragraphs).toEqual(before.paragraphs!.map((row) => ({ ...row, words_key: null })))
    expect(after.paragraphs!.length).toBeGreaterThan(0)
    expectConsistent(db)
  })
})
