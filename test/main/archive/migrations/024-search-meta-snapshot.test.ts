import { describe, expect, it } from 'vitest'
import { m024SearchMetaSnapshot } from '../../../../src/main/archive/migrations/024-search-meta-snapshot'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 024 (search article columns snapshot)', () => {
  it('adds an empty one-row table and leaves every other row as it was', () => {
    const { db, before, after } = runMigrationCase({ version: m024SearchMetaSnapshot.version, seed: seedSchema1, seedAt: 1 })
    expect(after.search_meta_snapshot).toEqual([])
    delete after.search_meta_snapshot
    expect(after).toEqual(before)
    const insert = db.prepare('INSERT INTO search_meta_snapshot (id, position, data) VALUES (?, 1, ?)')
    insert.run(1, Buffer.from([1]))
    expect(() => insert.run(2, Buffer.from([1]))).toThrow(/CHECK constraint failed/)
  })
})
