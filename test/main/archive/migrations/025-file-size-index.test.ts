import { describe, expect, it } from 'vitest'
import { m025FileSizeIndex } from '../../../../src/main/archive/migrations/025-file-size-index'
import { archiveCounts } from '../../../../src/main/archive/repo/counts'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 025 (index of originals by size)', () => {
  it("the archive's size adds up the originals from the index alone, and still counts every one", () => {
    const { db, before, after } = runMigrationCase({ version: m025FileSizeIndex.version, seed: seedSchema1, seedAt: 1 })
    expect(after).toEqual(before)
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT coalesce(sum(size), 0) FROM files').all() as { detail: string }[]).map((p) => p.detail).join(' | ')
    expect(plan).toMatch(/SCAN files USING COVERING INDEX files_size/)
    const pages = db.prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() as number
    const recorded = db.prepare('SELECT sum(size) FROM files').pluck().get() as number
    expect(recorded).toBeGreaterThan(0)
    expect(archiveCounts(db).sizeBytes).toBe(pages + recorded)
  })
})
