import { readdirSync, existsSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { runCli } from '../../../src/main/cli/run'
import { tempDir } from '../../support/tmp'

const FIXTURES = join(__dirname, '../../fixtures/chronology/proposals')
const SEEDS = resolve(__dirname, '../../../../shared/seeds')

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false }, {})
  return { code, out, err }
}

async function archiveWith(paths: string[]): Promise<{ dir: string; ids: number[] }> {
  const dir = join(tempDir(), 'archive')
  const imported = await cli(['import', ...paths, '--json', '--archive', dir])
  expect(imported.code).toBe(0)
  const report = JSON.parse(imported.out) as { added: { id: number; path: string }[] }
  return { dir, ids: paths.map((p) => report.added.find((a) => a.path === p)!.id) }
}

describe('annalist events', () => {
  it('suggest --json prints the documented shape', async () => {
    const { dir, ids } = await archiveWith([join(FIXTURES, '002_valley.txt')])
    expect((await cli(['article', 'set-date', String(ids[0]), '2024-06-10', '--archive', dir])).code).toBe(0)
    const { code, out } = await cli(['events', 'suggest', String(ids[0]), '--json', '--archive', dir])
    expect(code).toBe(0)
    const json = JSON.parse(out) as Record<string, unknown>[]
    expect(json.length).toBeGreaterThan(0)
    for (const s of json) {
      expect(Object.keys(s)).toEqual(['edtf', 'earliest', 'latest', 'text', 'quote'])
      expect(Object.keys(s.quote as object)).toEqual(['exact', 'prefix', 'suffix', 'start', 'end'])
    }
    expect(json.map((s) => s.edtf)).toContain('2024-06-05')
  })

  it('suggest still answers while the app holds the archive, storing nothing', async () => {
    const { dir, ids } = await archiveWith([join(FIXTURES, '002_valley.txt')])
    await cli(['article', 'set-date', String(ids[0]), '2024-06-10', '--archive', dir])
    const stored = JSON.parse((await cli(['events', 'suggest', String(ids[0]), '--json', '--archive', dir])).out)
    const app = openArchive(dir)
    try {
      app.db.prepare('DELETE FROM proposals').run()
      const { code, out, err } = await cli(['events', 'suggest', String(ids[0]), '--json', '--archive', dir])
      expect(code).toBe(0)
      expect(err).toContain('proposals shown, not stored')
      expect(JSON.parse(out)).toEqual(stored)
      expect(app.db.prepare('SELECT count(*) AS n FROM proposals').get()).toEqual({ n: 0 })
    } finally {
      app.close()
    }
  })

  it('adds with located quotes, lists, edits, removes and undoes', async () => {
    const { dir, ids } = await archiveWith([join(FIXTURES, '002_valley.txt')])
    const id = ids[0]!
    const add = await cli([
      'events', 'add', '--title', 'Checkpoint attack repelled', '--date', '2024-06-10', '--status', 'reported',
      '--chronology', 'Serra valley', '--cite', `${id}:"the attackers tried to force the southern checkpoint"`,
      '--contradict', `${id}:The situation is now calm`, '--person', 'Karim Aziz', '--json', '--archive', dir
    ])
    expect(add.err).toBe('created chronology "Serra valley"\n')
    expect(add.code).toBe(0)
    const event = JSON.parse(add.out)
    expect(event).toMatchObject({ title: 'Checkpoint attack repelled', date: { edtf: '2024-06-10' }, people: ['Karim Aziz'] })
    expect(event.citations.map((c: { anchor: { exact: string }; stance: string }) => [c.anchor.exact, c.stance])).toEqual([
      ['the attackers tried to force the southern checkpoint', 'supports'],
      ['The situation is now calm', 'contradicts']
    ])

    const ambiguous = await cli(['events', 'add', '--title', 'x', '--date', '2024', '--cite', `${id}:the`, '--archive', dir])
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.err).toMatch(/quote occurs \d+ times in “[^”]+” \(WIRE, /)
    const missing = await cli(['events', 'add', '--title', 'x', '--date', '2024', '--cite', `${id}:"no such words"`, '--archive', dir])
    expect(missing.err).toMatch(/quote not found in “[^”]+” \(WIRE, [^)]+\): "no such words"/)
    const badDate = await cli(['events', 'add', '--title', 'x', '--date', 'June 2024', '--chronology', 'Never made', '--archive', dir])
    expect(badDate.err).toMatch(/"June 2024" is not a supported EDTF date/)
    expect((await cli(['chronology', 'list', '--archive', dir])).out).not.toContain('Never made')
    expect((await cli(['events', 'suggest', '999', '--archive', dir])).err).toMatch(/no article with id 999/)

    const list = await cli(['events', 'list', '--chronology', 'serra valley', '--json', '--archive', dir])
    expect(JSON.parse(list.out).map((e: { id: number }) => e.id)).toEqual([event.id])
    const text = await cli(['events', 'list', '--archive', dir])
    expect(text.out).toContain('10 June 2024')
    expect(text.out).toContain('Checkpoint attack repelled [disputed] (2 citations)')

    const edit = await cli(['events', 'edit', String(event.id), '--date', '2024-06-09/2024-06-10', '--status', 'disputed', '--json', '--archive', dir])
    expect(JSON.parse(edit.out)).toMatchObject({ status: 'disputed', date: { edtf: '2024-06-09/2024-06-10', earliest: '2024-06-09' } })

    expect((await cli(['events', 'rm', String(event.id), '--archive', dir])).out).toMatch(/deleted event/)
    expect(JSON.parse((await cli(['events', 'list', '--json', '--archive', dir])).out)).toEqual([])
    expect((await cli(['events', 'undo', '--archive', dir])).out).toBe('undid: Delete event "Checkpoint attack repelled"\n')
    expect(JSON.parse((await cli(['events', 'list', '--json', '--archive', dir])).out)).toHaveLength(1)

    const rm = await cli(['article', 'rm', String(id), '--archive', dir])
    expect(rm.code).toBe(1)
    expect(rm.err).toMatch(/^not deleted: “[^”]+” \(WIRE, [^)]+\) is cited by event “Checkpoint attack repelled”\n$/)
  })

  it('article edit re-anchors and reports orphans', async () => {
    const { dir, ids } = await archiveWith([join(FIXTURES, '003_harbour.txt')])
    const id = ids[0]!
    await cli(['events', 'add', '--title', 'Deal claimed', '--date', '2024-09-13', '--cite', `${id}:"The strike is over"`, '--archive', dir])
    const show = JSON.parse((await cli(['show', String(id), '--json', '--archive', dir])).out) as { text: string }
    const file = join(tempDir(), 'new.txt')
    writeFileSync(file, show.text.replace('The strike is over', 'The strike has ended'))
    const edit = await cli(['article', 'edit', String(id), '--text-file', file, '--archive', dir])
    expect(edit.code).toBe(0)
    expect(edit.out).toMatch(/citations: 0 kept, 0 moved, 1 orphaned/)
    const cites = JSON.parse((await cli(['article', 'citations', String(id), '--json', '--archive', dir])).out)
    expect(cites[0]).toMatchObject({ orphaned: true, anchor: { exact: 'The strike is over' } })
  })
})

describe.skipIf(!existsSync(SEEDS))('annalist events suggest on the seeds', () => {
  it('meets the acceptance dates through the CLI', async () => {
    const files = readdirSync(SEEDS).sort().map((f) => join(SEEDS, f))
    const { dir, ids } = await archiveWith(files)
    const [, a001, a002] = ids as [number, number, number, number]
    await cli(['article', 'set-date', String(a001), '2021-09-01', '--archive', dir])
    await cli(['article', 'set-date', String(a002), '2021-08-30', '--archive', dir])
    const s001 = JSON.parse((await cli(['events', 'suggest', String(a001), '--json', '--archive', dir])).out) as { edtf: string }[]
    const s002 = JSON.parse((await cli(['events', 'suggest', String(a002), '--json', '--archive', dir])).out) as { edtf: string }[]
    expect(s001.map((s) => s.edtf)).toEqual(expect.arrayContaining(['2021-08-31T23:00+04:30', '2021-08-15']))
    expect(s002.map((s) => s.edtf)).toEqual(expect.arrayContaining(['2021-08-25', '2021-08-26', '2021-08-15']))
  })
})
