import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import { insertArticle } from '../../../src/main/archive/repo/articles'
import { createBackend } from '../../../src/main/backend'
import { createChronology } from '../../../src/main/chronology/chronologies'
import { createEvent } from '../../../src/main/chronology/events'
import { runCli } from '../../../src/main/cli/run'
import { exportFromArchive } from '../../../src/main/export/load'
import type { ParsedArticle } from '../../../src/main/archive/parsed-article'
import { parsedArticle } from '../../support/parsed-article'
import { tempArchive, tempDir } from '../../support/tmp'
import { mdStructure } from './markdown-check'

const DISPATCH = [
  'MOSCOW, September 1. Fighting is raging in three provinces, the agency reported on Wednesday.',
  'The clashes began approximately at 23:00 local time (21:30 Moscow time) on Tuesday.',
  'Представитель сопротивления опроверг сообщения о падении Панджшера.'
]
const REPORT = ['Weekly security report.', 'An attack on the western outpost was repelled overnight.']

function addArticle(archive: Archive, extra: Partial<ParsedArticle>): number {
  return archive.db.transaction(() => insertArticle(archive.db, parsedArticle([], extra), null))()
}

function span(paragraphs: string[], quote: string): { start: number; end: number } {
  const start = paragraphs.join('\n\n').indexOf(quote)
  if (start < 0) throw new Error(`no "${quote}"`)
  return { start, end: start + quote.length }
}

function seed(archive: Archive) {
  const db = archive.db
  const dispatch = addArticle(archive, {
    paragraphs: DISPATCH.map((text) => ({ text, page: null })),
    title: 'Clashes rage in three provinces',
    outlet: 'TASS',
    published: { edtf: '2021-09-01', precision: 'day', provenance: 'dateline' },
    url: 'https://example.org/clashes',
    capture: { tool: 'warc', url: 'https://example.org/clashes', capturedAt: '2021-09-01T14:02:11Z', software: 'Browsertrix 1.0', member: null, offset: 512 }
  })
  const report = addArticle(archive, { paragraphs: REPORT.map((text, i) => ({ text, page: i + 2 })), title: 'Security report', outlet: 'Kabul Monitor', byline: 'By Sarah O’Neill' })
  const chronology = createChronology(db, { name: 'Panjshir, Aug–Sep 2021', description: 'Test chronology.' })
  const clashes = span(DISPATCH, 'The clashes began approximately at 23:00 local time')
  createEvent(db, {
    title: 'Clashes begin',
    date: '2021-08-31T23:00+04:30',
    chronologyIds: [chronology.id],
    citations: [{ articleId: dispatch, ...clashes }]
  })
  createEvent(db, {
    title: 'Outpost attack repelled',
    date: '2021-08-30/2021-08-31',
    status: 'disputed',
    tags: ['panjshir'],
    chronologyIds: [chronology.id],
    citations: [
      { articleId: report, ...span(REPORT, 'An attack on the western outpost was repelled overnight.') },
      { articleId: dispatch, ...span(DISPATCH, 'Представитель сопротивления опроверг'), stance: 'contradicts' }
    ]
  })
  createEvent(db, { title: 'Same passage, second event', date: '2021-09', chronologyIds: [chronology.id], citations: [{ articleId: dispatch, ...clashes }] })
  createEvent(db, { title: 'Outside the chronology', date: '2021-07-01' })
  return { chronology }
}

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err }
}

describe('export from an archive', () => {
  it('renders the chronology the chronology module stores, with paragraph and page locators', () => {
    const archive = tempArchive()
    const { chronology } = seed(archive)
    const md = exportFromArchive(archive.db, 'md', { chronologyId: chronology.id, bibliography: true })
    expect(md.filename).toBe('panjshir-aug-sep-2021.md')
    const s = mdStructure(md.content)
    expect(s.problems).toEqual([])
    expect(s.footnoteDefs).toBe(3)
    expect(s.footnoteRefs).toBe(4)
    expect(md.content).toContain('**31 August 2021, 23:00 (UTC+4:30)** — Clashes begin[^')
    expect(md.content).toContain('para. 2: “The clashes began approximately at 23:00 local time”')
    expect(md.content).toContain('p. 3: “An attack on the western outpost was repelled overnight.”')
    expect(md.content).toContain('Supported by[^')
    expect(md.content).not.toContain('Outside the chronology')
    const all = exportFromArchive(archive.db, 'json', {})
    const doc = JSON.parse(all.content) as { events: unknown[]; articles: { language: string | null }[] }
    expect(doc.events).toHaveLength(4)
    // The event reader does not load article languages; the export fills them in for CSL-JSON.
    expect(doc.articles.map((a) => a.language)).toEqual(['en', 'en'])
    // Nor capture provenance, which every citation of a captured article carries.
    expect(md.content).toContain('Captured 1 Sep 2021 14:02 UTC from <https://example.org/clashes>.')
    const csl = JSON.parse(exportFromArchive(archive.db, 'csl', {}).content) as { URL?: string; accessed?: unknown }[]
    expect(csl[0]).toMatchObject({ URL: 'https://example.org/clashes', accessed: { 'date-parts': [[2021, 9, 1]] } })
  })

  it('is served by the exportChronology API method, validated like every other', async () => {
    const archive = tempArchive()
    const { chronology } = seed(archive)
    const backend = createBackend(archive, { recentArchivesFile: join(tempDir(), 'recent.json') })
    const ok = await backend.invoke('exportChronology', { format: 'csv', options: { chronologyId: chronology.id, quotes: false } })
    expect(ok.ok).toBe(true)
    expect(ok).toMatchObject({ value: { filename: 'panjshir-aug-sep-2021.csv', mediaType: 'text/csv; charset=utf-8; header=present' } })
    expect(await backend.invoke('exportChronology', { format: 'docx' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await backend.invoke('exportChronology', { format: 'md', options: { colour: 'red' } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await backend.invoke('exportChronology', { format: 'md', options: { chronologyId: 999 } })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await backend.invoke('exportChronology', { format: 'md', options: { from: 'last week' } })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/not a date/) } })
  })
})

describe('annalist export', () => {
  it('prints Markdown to stdout by default and writes --out atomically', async () => {
    const archive = tempArchive()
    const { chronology } = seed(archive)
    const stdout = capture()
    expect(await runCli(['export', '--archive', archive.dir, '--chronology', 'panjshir, aug–sep 2021'], stdout.io)).toBe(0)
    expect(stdout.out.join('')).toBe(exportFromArchive(archive.db, 'md', { chronologyId: chronology.id }).content)

    const dir = tempDir()
    const file = join(dir, 'out.csv')
    const args = ['export', '--archive', archive.dir, '--chronology', 'Panjshir, Aug–Sep 2021', '--format', 'csv', '--out', file, '--status', 'disputed', '--tag', 'PANJSHIR', '--no-quotes', '--supporting-only']
    const written = capture()
    expect(await runCli(args, written.io)).toBe(0)
    const expected = exportFromArchive(archive.db, 'csv', { chronologyId: chronology.id, statuses: ['disputed'], tags: ['PANJSHIR'], quotes: false, bothSides: false })
    expect(readFileSync(file, 'utf8')).toBe(expected.content)
    expect(expected.content.split('\r\n')).toHaveLength(3)
    expect(readdirSync(dir)).toEqual(['out.csv'])
    expect(written.out).toEqual([])
  })

  it('passes the Markdown options through', async () => {
    const archive = tempArchive()
    seed(archive)
    const c = capture()
    const args = ['export', '--archive', archive.dir, '--group', 'none', '--links', '--bibliography', '--from', '2021-08', '--to', '2021-08-31', '--title', 'Late August']
    expect(await runCli(args, c.io)).toBe(0)
    const md = c.out.join('')
    expect(md.startsWith('# Late August\n')).toBe(true)
    expect(md).toContain('](annalist://article/')
    expect(md).toContain('## Sources')
    expect(md).not.toContain('## 2021')
    expect(md).not.toContain('Outside the chronology')
    expect(md).not.toContain('Same passage, second event')
  })

  it('passes the CSV options through: --no-formula-guard and --bom', async () => {
    const archive = tempArchive()
    const { chronology } = seed(archive)
    createEvent(archive.db, { title: '=SUM(A1:A9) was typed', date: '2021-08-20', chronologyIds: [chronology.id] })
    const run = async (...flags: string[]) => {
      const c = capture()
      expect(await runCli(['export', '--archive', archive.dir, '--format', 'csv', ...flags], c.io)).toBe(0)
      return c.out.join('')
    }
    const guarded = await run()
    expect(guarded).toBe(exportFromArchive(archive.db, 'csv', {}).content)
    expect(guarded).toContain(",'=SUM(A1:A9) was typed,")
    expect(guarded.startsWith('event_id,')).toBe(true)
    const raw = await run('--no-formula-guard', '--bom')
    expect(raw).toBe(exportFromArchive(archive.db, 'csv', { formulaGuard: false, bom: true }).content)
    expect(raw).toContain(',=SUM(A1:A9) was typed,')
    expect(raw.startsWith('\uFEFFevent_id,')).toBe(true)
  })

  it('fails with one clear line for bad options and unknown chronologies', async () => {
    const archive = tempArchive()
    seed(archive)
    for (const [args, message] of [
      [['--format', 'docx'], /--format "docx" is not one of md, csv, json, timelinejs, csl/],
      [['--status', 'rumoured'], /--status "rumoured" is not one of/],
      [['--group', 'week'], /--group "week"/],
      [['--chronology', 'Nope'], /no chronology named "Nope"/],
      [['--from', 'yesterday'], /--from "yesterday" is not a date/]
    ] as const) {
      const c = capture()
      expect(await runCli(['export', '--archive', archive.dir, ...args], c.io)).toBe(1)
      expect(c.err.join('')).toMatch(message)
      expect(c.err.join('').trim().split('\n')).toHaveLength(1)
    }
  })
})
