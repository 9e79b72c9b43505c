import { describe, expect, it } from 'vitest'
import { m024SearchMetaSnapshot } from '../../../../src/main/archive/migrations/024-search-meta-snapshot'
import { migrate } from '../../../../src/main/archive/db'
import { databaseAt, expectConsistent, tableRows } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 024 (search article columns snapshot)', () => {
  it('adds an empty one-row table and leaves every other row as it was', () => {
    const db = databaseAt(1)
    seedSchema1(db)
    migrate(db, m024SearchMetaSnapshot.version - 1)
    const before = tableRows(db)
    migrate(db, m024SearchMetaSnapshot.version)
    const after = tableRows(db)
    expect(after.search_meta_snapshot).toEqual([])
    delete after.search_meta_snapshot
    expect(after).toEqual(before)
    const insert = db.prepare('INSERT INTO search_meta_snapshot (id, position, data) VALUES (?, 1, ?)')
    insert.run(1, Buffer.from([1]))
    expect(() => insert.run(2, Buffer.from([1]))).toThrow(/CHECK constraint failed/)
    expectConsistent(db)
  })
})
