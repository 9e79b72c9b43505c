import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { originalPath } from '../../../src/main/archive/originals'
import { tempArchive } from '../../support/tmp'

describe('getArchiveInfo', () => {
  it('takes the size from the database, without reading the originals folder', async () => {
    const archive = tempArchive()
    const backend = createBackend(archive)
    const text = (n: number): Uint8Array => new TextEncoder().encode(`Report ${n}\n\nThe river rose ${n} metres overnight at the weir.\n`.repeat(40 * n))
    const report = await backend.api.importBlobs({ files: [1, 2, 3].map((n) => ({ name: `report-${n}.txt`, bytes: text(n) })) })
    expect(report.added).toHaveLength(3)
    const one = (sql: string): number => (archive.db.prepare(sql).get() as { n: number }).n
    const expected = (): number =>
      one('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()') + one('SELECT sum(size) AS n FROM files')
    const originals = one('SELECT sum(size) AS n FROM files')
    expect(originals).toBe([1, 2, 3].reduce((sum, n) => sum + text(n).length, 0))

    const info = await backend.api.getArchiveInfo({})
    expect(info).toMatchObject({ articleCount: 3, fileCount: 3, sizeBytes: expected() })

    // A missing original and a stray file in the folder change nothing: the folder is not walked.
    const hash = archive.db.prepare<[], { sha256: string }>('SELECT sha256 FROM files ORDER BY id LIMIT 1').get()!.sha256
    rmSync(originalPath(archive.originalsDir, hash))
    writeFileSync(join(archive.dir, 'stray.bin'), new Uint8Array(300_000))
    expect(await backend.api.getArchiveInfo({})).toEqual(info)
  })

  it('counts an empty archive as its database pages alone', async () => {
    const archive = tempArchive()
    const info = await createBackend(archive).api.getArchiveInfo({})
    const pages = archive.db.pragma('page_count', { simple: true }) as number
    const pageSize = archive.db.pragma('page_size', { simple: true }) as number
    expect(info).toMatchObject({ articleCount: 0, fileCount: 0, sizeBytes: pages * pageSize })
    expect(info.sizeBytes).toBeGreaterThan(0)
  })
})
