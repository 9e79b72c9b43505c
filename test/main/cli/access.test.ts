import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { seedArticles } from '../../support/archive-seed'
import { tempDir } from '../../support/tmp'
import { cli } from './support'

describe('how commands open the archive', () => {
  it('check and backup never create an archive where there is none', async () => {
    const missing = join(tempDir(), 'nothing-here')
    for (const args of [['check'], ['backup', join(tempDir(), 'b.tar')]]) {
      const r = await cli([...args, '--archive', missing])
      expect(r.code, args[0]).toBe(EXIT.failed.code)
      expect(r.err).toBe(`annalist ${args[0]}: no archive at ${missing} (archive.sqlite is missing)\n`)
    }
    expect(existsSync(missing)).toBe(false)
  })

  it('check and backup answer beside the app holding the archive; commands that write exit 3', async () => {
    const dir = join(tempDir(), 'archive')
    const holder = openArchive(dir)
    try {
      seedArticles(holder, 2)
      expect(await cli(['check', '--archive', dir])).toMatchObject({ code: EXIT.ok.code, out: expect.stringContaining('healthy') })
      const file = join(tempDir(), 'b.tar')
      expect(await cli(['backup', file, '--archive', dir])).toMatchObject({ code: EXIT.ok.code, out: expect.stringContaining('backed up 2 articles') })
      const write = await cli(['chronology', 'create', 'Harbour', '--archive', dir])
      expect(write.code).toBe(EXIT.locked.code)
      expect(write.err).toMatch(/^annalist chronology create: archive is already open/)
    } finally {
      holder.close()
    }
  })

  it('names the file and the reason when an output cannot be written', async () => {
    const dir = join(tempDir(), 'archive')
    openArchive(dir).close()
    const out = join(tempDir(), 'no-such-folder', 'c.md')
    const r = await cli(['export', '--out', out, '--archive', dir])
    expect(r.code).toBe(EXIT.failed.code)
    expect(r.err).toMatch(new RegExp(`^annalist export: cannot write ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`))
  })
})
