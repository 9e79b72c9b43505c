import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import type { CliIO } from '../../../src/main/cli/command'
import { openArchive } from '../../../src/main/archive/archive'
import { expectVocabularyInStep } from '../search/support'
import { tempDir } from '../../support/tmp'
import { WIRE_DIR, writeArticle } from './support'

/** `terminal` says which of stdout and stderr are terminals. */
async function cli(args: string[], terminal: { out?: boolean; err?: boolean } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: terminal.out ?? false, errIsTTY: terminal.err ?? false }
  const code = await runCli(args, io, {})
  return { code, out, err }
}

describe('annalist import', () => {
  it('prints the documented JSON and adds nothing on a second run', async () => {
    const archive = join(tempDir(), 'archive')
    const dir = tempDir()
    const good = writeArticle(dir, 'good.txt', 'A good story')
    writeFileSync(join(dir, 'bad.bin'), Buffer.from([0, 1, 2, 3]))
    const first = await cli(['import', dir, '--json', '--archive', archive])
    expect(first.code).toBe(0)
    const report = JSON.parse(first.out)
    expect(report).toMatchObject({
      added: [{ id: 1, path: good, title: 'A good story' }],
      duplicates: [],
      failed: [{ path: join(dir, 'bad.bin'), code: 'unsupported-type', message: expect.stringContaining('bad.bin') }]
    })
    expect(Object.keys(report.added[0]).sort()).toEqual(['id', 'path', 'title'])
    expect(first.err).toBe('')

    const again = await cli(['import', dir, '--json', '--archive', archive])
    expect(JSON.parse(again.out)).toMatchObject({ added: [], duplicates: [{ path: good, duplicateOf: 1 }] })
    // Nothing new could be imported and a file failed: that is the one case that exits non-zero.
    expect(again.code).toBe(1)
  })

  it('draws a progress bar when stderr is a terminal and summarises near-duplicates and re-imports', async () => {
    const archive = join(tempDir(), 'archive')
    const first = await cli(['import', WIRE_DIR, '--archive', archive], { err: true })
    expect(first.code).toBe(0)
    expect(first.err).toMatch(/\[#{30}\] 3\/3/)
    expect(first.out).toContain('3 articles added, 0 duplicate files, 1 article shares paragraphs with 1 other, 0 files failed')
    expect(first.out).toMatch(/“Valley towns brace for second night of high water” \(undated\) #3 shares 3 paragraphs with “[^”]+” \(undated\) #2/)
    const again = await cli(['import', WIRE_DIR, '--archive', archive], { out: true, err: true })
    expect(again.code).toBe(0)
    expect(again.out).toContain('0 articles added, 3 duplicate files')
    expect(again.out).toContain('Nothing new: every file is already in the archive.')
  })

  it('names shared paragraphs within one outlet, and says which earlier articles it cleaned and how undo restores them', async () => {
    const archive = join(tempDir(), 'archive')
    const fixtures = resolve(__dirname, '../../fixtures/import/shared-copy')
    const first = await cli(['import', join(fixtures, 'atlantico-gates.txt'), join(fixtures, 'atlantico-mertola.txt'), join(fixtures, 'herald-bridge.txt'), join(fixtures, 'herald-market.txt'), '--archive', archive])
    expect(first.out).toContain('near-dup   “Mértola ferry suspended as dam release continues” (Atlantico, 19 Mar (year unknown)) #2 shares 2 paragraphs with “Alqueva gates opened as the Guadiana rises” (Atlantico, 17 Mar (year unknown)) #1 (¶2=¶4, ¶4=¶2)\n')
    expect(first.out).not.toContain('cleaned')
    const third = await cli(['import', join(fixtures, 'herald-school.txt'), '--archive', archive])
    expect(third.out).toContain(
      'cleaned    “Bridge at Dolna reopens after repairs” (Valley Herald, undated) #3, “Brennmoor market moves to the square” (Valley Herald, 6 Mar 2024) #4: ' +
        '2 paragraphs Valley Herald repeats removed (learned from “Ostwick school to get a new roof” (Valley Herald, undated) #5); `annalist events undo` restores them\n'
    )
    const shown = await cli(['show', '1', '--archive', archive])
    expect(shown.out).toContain('  #2 Mértola ferry suspended as dam release continues (2 paragraphs: ¶2=¶4, ¶4=¶2)')
    expect((await cli(['events', 'undo', '--archive', archive])).out).toBe('undid: Remove a line repeated by Valley Herald from 2 earlier articles\n')
  })

  it('draws no progress when stderr is not a terminal, or with --json', async () => {
    // stdout on a terminal with stderr redirected (annalist import dir 2>log): the log stays clean.
    const piped = await cli(['import', WIRE_DIR, '--archive', join(tempDir(), 'archive')], { out: true })
    expect(piped.code).toBe(0)
    expect(piped.err).toBe('')
    expect(piped.out).toContain('3 articles added')
    const json = await cli(['--json', 'import', WIRE_DIR, '--archive', join(tempDir(), 'archive')], { out: true, err: true })
    expect(json.code).toBe(0)
    expect(json.err).toBe('')
    expect(JSON.parse(json.out).added).toHaveLength(3)
  })

  it('exits non-zero when every file fails', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'empty.txt'), '')
    const result = await cli(['import', dir, '--archive', join(tempDir(), 'archive')])
    expect(result.code).toBe(1)
    expect(result.out).toContain(`failed     ${join(dir, 'empty.txt')}: [empty]`)
  })

  it('leaves the search vocabulary drained, as the app does, instead of queued for the next start', async () => {
    const archive = join(tempDir(), 'archive')
    const result = await cli(['import', WIRE_DIR, '--archive', archive])
    expect(result.code).toBe(0)
    const opened = openArchive(archive, { readonly: true })
    try {
      expect(opened.db.prepare('SELECT count(*) FROM search_vocab_queue').pluck().get()).toBe(0)
      expectVocabularyInStep(opened.db)
    } finally {
      opened.close()
    }
  })
})
