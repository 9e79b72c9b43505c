import { describe, expect, it } from 'vitest'
import { m004Search } from '../../../../src/main/archive/migrations/004-search'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 004 (search index)', () => {
  it('keeps every earlier row and indexes the existing articles in the new article-level index', () => {
    const { db, after } = runMigrationCase({ version: m004Search.version, seed: seedSchema1 })
    expect(after.search_state).toEqual([{ id: 1, generation: 0, vocab_built: 0 }])
    expect(after.saved_searches).toEqual([])
    expect(db.prepare(`SELECT rowid FROM search_fts WHERE search_fts MATCH 'sommet'`).pluck().all()).toEqual([2])
    expect(db.prepare(`SELECT rowid FROM search_fts WHERE search_fts MATCH 'title:convoy AND text:second'`).pluck().all()).toEqual([1])
  })
})
