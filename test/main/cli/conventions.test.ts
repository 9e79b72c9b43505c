import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { APP_VERSION } from '../../../src/main/version'
import { writeArticle } from '../import/support'
import { tempDir } from '../../support/tmp'
import { cli } from './support'

/** An archive with two imported articles. */
async function archiveWithArticles(): Promise<string> {
  const archive = join(tempDir(), 'archive')
  const dir = tempDir()
  writeArticle(dir, 'a.txt', 'Ferry service resumes after the storm')
  writeArticle(dir, 'b.txt', 'Harbour council votes on the new quay')
  expect((await cli(['import', dir, '--archive', archive])).code).toBe(0)
  return archive
}

describe('global options', () => {
  it('are accepted before the command, after it, and between a command and its subcommand', async () => {
    const archive = await archiveWithArticles()
    const after = await cli(['list', '--json', '--archive', archive])
    const before = await cli(['--archive', archive, '--json', 'list'])
    const mixed = await cli(['--json', 'list', '--archive', archive])
    expect(after.code).toBe(0)
    expect(JSON.parse(after.out)).toHaveLength(2)
    expect(before).toEqual(after)
    expect(mixed).toEqual(after)

    expect((await cli(['--archive', archive, 'chronology', 'create', 'Harbour'])).code).toBe(0)
    const added = await cli(['events', 'add', '--title', 'Quay vote', '--date', '2024-03-02', '--chronology', 'Harbour', '--archive', archive, '--json'])
    expect(added.code).toBe(0)
    for (const args of [
      ['--archive', archive, 'events', 'list', '--json'],
      ['events', '--archive', archive, 'list', '--json'],
      ['--json', 'events', 'list', '--archive', archive]
    ]) {
      const list = await cli(args)
      expect(list.code, args.join(' ')).toBe(0)
      expect(JSON.parse(list.out)).toMatchObject([{ title: 'Quay vote', date: { edtf: '2024-03-02' } }])
    }
  })

  it('--version prints the version wherever it stands', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, out: `${APP_VERSION}\n`, err: '' })
    expect(await cli(['list', '-v'])).toEqual({ code: 0, out: `${APP_VERSION}\n`, err: '' })
  })
})

describe('options per command', () => {
  it('takes repeated options as lists', async () => {
    const archive = await archiveWithArticles()
    const args = ['events', 'add', '--title', 'Storm closes the port', '--date', '2024-01-20', '--json', '--archive', archive]
    const added = await cli([...args, '--tag', 'storm', '--tag', 'port', '--person', 'Ana Ruiz', '--person', 'Li Wei', '--chronology', 'A', '--chronology', 'B'])
    expect(added.code).toBe(0)
    expect(JSON.parse(added.out)).toMatchObject({ tags: ['port', 'storm'], people: ['Ana Ruiz', 'Li Wei'] })
    const chronologies = JSON.parse((await cli(['chronology', 'list', '--json', '--archive', archive])).out) as { name: string; eventCount: number }[]
    expect(chronologies.map((c) => [c.name, c.eventCount])).toEqual([
      ['A', 1],
      ['B', 1]
    ])
    // A filter takes one value: a second one is refused rather than silently dropped.
    const twice = await cli(['events', 'list', '--tag', 'storm', '--tag', 'port', '--archive', archive])
    expect(twice.code).toBe(EXIT.usage.code)
    expect(twice.err).toMatch(/^annalist events list: \[invalid-argument\] .*--tag may be given only once/)
  })

  it('keeps options to the command that declares them', async () => {
    const archive = await archiveWithArticles()
    // --fuzzy belongs to search; list does not know it.
    const wrong = await cli(['list', '--fuzzy', '--archive', archive])
    expect(wrong).toMatchObject({ code: EXIT.usage.code, out: '' })
    expect(wrong.err).toMatch(/^annalist list: \[unknown-option\] unknown option '--fuzzy'/)
    const noJson = await cli(['backup', join(tempDir(), 'b.tar'), '--json', '--archive', archive])
    expect(noJson).toMatchObject({ code: EXIT.usage.code, err: 'annalist backup: [usage] backup has no JSON output (see annalist help backup)\n' })
  })
})

describe('exit codes', () => {
  it('gives one coded line on stderr and exit 2 for what the parser rejects', async () => {
    const cases: [string[], string][] = [
      [['lst'], "annalist: [unknown-command] unknown command 'lst' (Did you mean list?) (see annalist help)\n"],
      [['events', 'ad'], "annalist events: [unknown-command] unknown command 'ad' (Did you mean add?) (see annalist help events)\n"],
      [['chronology', 'craete', 'X'], "annalist chronology: [unknown-command] unknown command 'craete' (see annalist help chronology)\n"],
      [['search', 'x', '--limit'], "annalist search: [option-missing-argument] option '--limit <n>' argument missing (see annalist help search)\n"],
      [['list', '--archive'], "annalist: [option-missing-argument] option '--archive <dir>' argument missing (see annalist help)\n"],
      [['help', 'nosuch'], 'annalist: [usage] no command "nosuch" (see annalist help)\n'],
      [['completion', 'fish'], 'annalist completion: completion needs a shell: bash or zsh\n']
    ]
    for (const [args, err] of cases) expect(await cli(args), args.join(' ')).toEqual({ code: EXIT.usage.code, out: '', err })
  })

  it('shows the help on stderr with exit 2 when no command is named', async () => {
    for (const args of [[], ['events'], ['--archive', tempDir()]]) {
      const r = await cli(args)
      expect(r.code).toBe(EXIT.usage.code)
      expect(r.out).toBe('')
      expect(r.err).toMatch(/^Usage: annalist/)
    }
  })

  it('exits 1 when a command fails and 3 when the archive is in use', async () => {
    const archive = await archiveWithArticles()
    const failed = await cli(['show', '99', '--archive', archive])
    expect(failed.code).toBe(EXIT.failed.code)
    expect(failed.err).toMatch(/^annalist show: .*99/)
    const holder = openArchive(archive)
    try {
      const locked = await cli(['events', 'add', '--title', 'x', '--date', '2024', '--archive', archive])
      expect(locked.code).toBe(EXIT.locked.code)
      expect(locked.err).toMatch(/^annalist events add: archive is already open/)
      // Reading commands still answer beside the holder.
      expect((await cli(['list', '--archive', archive])).code).toBe(EXIT.ok.code)
    } finally {
      holder.close()
    }
  })

  it('are listed in the main help and the README from the one table', async () => {
    const { code, out } = await cli(['--help'])
    expect(code).toBe(0)
    const help = out.replace(/\s+/g, ' ')
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8')
    for (const e of Object.values(EXIT)) {
      expect(help).toContain(` ${e.code} ${e.meaning}`)
      expect(readme).toContain(`| ${e.code} | ${e.meaning} |`)
    }
  })
})
