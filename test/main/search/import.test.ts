import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../src/main/import/pipeline'
import { searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import { tempArchive, tempDir } from '../../support/tmp'
import { spellingsOf } from './support'

describe('search after real imports', () => {
  it('finds imported files, forgets deleted ones and finds them again on re-import', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), 'Ambush reported in Baglan\n\nFighters loyal to Ahmad Masood set an ambush on the northern road.')
    writeFileSync(join(dir, 'b.txt'), 'Valley outpost holds\n\nForces under Massoud repelled an attack on a western outpost.')
    const engine = searchEngine(archive.db)
    const first = await runImport(archive, [{ kind: 'path', path: dir }])
    expect(first.added).toHaveLength(2)
    const found = runSearch(engine, { query: 'masood~' })
    expect(found.total).toBe(2)
    expect(spellingsOf(found)).toEqual({ masood: ['massoud'] })
    expect(runSearch(engine, { query: 'baghlan~' }).hits.map((h) => h.title)).toEqual(['Ambush reported in Baglan'])

    const gone = first.added.find((a) => a.title === 'Valley outpost holds')!.id
    archive.db.prepare('DELETE FROM articles WHERE id = ?').run(gone)
    expect(runSearch(engine, { query: 'masood~' }).expansions).toEqual({})
    expect(runSearch(engine, { query: 'outpost' }).total).toBe(0)

    rmSync(join(dir, 'a.txt'))
    archive.db.prepare('DELETE FROM files WHERE id NOT IN (SELECT file_id FROM articles WHERE file_id IS NOT NULL)').run()
    const again = await runImport(archive, [{ kind: 'path', path: dir }])
    expect(again.added.map((a) => a.title)).toEqual(['Valley outpost holds'])
    expect(runSearch(engine, { query: 'outpost' }).total).toBe(1)
    expect(spellingsOf(runSearch(engine, { query: 'masood~' }))).toEqual({ masood: ['massoud'] })
  })
})
