import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { setArticleDate, updateArticle } from '../../../src/main/articles/edit'
import { getEvent } from '../../../src/main/archive/repo/events'
import { createEvent } from '../../../src/main/chronology/events'
import { undo } from '../../../src/main/archive/journal'
import {
  acceptProposal,
  datesForPassage,
  dismissProposal,
  listProposals,
  proposalMergeCandidates,
  suggestEvents
} from '../../../src/main/chronology/proposals/store'
import { suggestionJson } from '../../../src/main/cli/commands/events'
import { runImport } from '../../../src/main/import/pipeline'
import { tempArchive } from '../../support/tmp'
import { addArticle } from './helpers'
import { TITLE_MAX } from '../../../src/shared/titles'

const FIXTURES = join(__dirname, '../../fixtures/chronology/proposals')
const SEEDS = resolve(__dirname, '../../../../shared/seeds')

async function importFile(archive: Archive, path: string): Promise<number> {
  const report = await runImport(archive, [{ kind: 'path', path }])
  expect(report.failed).toEqual([])
  return report.added[0]!.id
}

/** Checks every quote is exact and returns the proposed EDTF strings. */
function suggestedDates(archive: Archive, articleId: number): string[] {
  const text = getArticle(archive.db, articleId).text
  const json = suggestEvents(archive.db, articleId).map(suggestionJson)
  for (const s of json) {
    expect(text.slice(s.quote.start, s.quote.end)).toBe(s.quote.exact)
    expect(s.text).toContain(s.quote.exact)
    expect(s.quote.prefix).toBe(text.slice(Math.max(0, s.quote.start - 32), s.quote.start))
    expect(s.quote.suffix).toBe(text.slice(s.quote.end, s.quote.end + 32))
  }
  return json.map((s) => s.edtf)
}

describe.skipIf(!existsSync(SEEDS))('seed articles (acceptance)', () => {
  it('proposes the documented dates for 001 and 002 with exact quotes', async () => {
    const archive = tempArchive()
    const files = readdirSync(SEEDS).sort()
    const report = await runImport(archive, files.map((f) => ({ kind: 'path' as const, path: join(SEEDS, f) })))
    expect(report.failed).toEqual([])
    const idOf = (prefix: string): number => report.added.find((a) => a.path.includes(`/${prefix}_`))!.id
    setArticleDate(archive.db, { id: idOf('001'), edtf: '2021-09-01' })
    setArticleDate(archive.db, { id: idOf('002'), edtf: '2021-08-30' })

    const s001 = suggestEvents(archive.db, idOf('001')).map(suggestionJson)
    const d001 = suggestedDates(archive, idOf('001'))
    expect(d001).toEqual(expect.arrayContaining(['2021-08-31T23:00+04:30', '2021-08-15']))
    const timed = s001.find((s) => s.edtf === '2021-08-31T23:00+04:30')!
    expect(timed).toMatchObject({ earliest: '2021-08-31', latest: '2021-08-31' })
    expect(timed.quote.exact).toContain('23:00 local time (21:30 Moscow time) on Tuesday')
    expect(s001.find((s) => s.edtf === '2021-08-15')!.quote.exact).toMatch(/^On August 15, Taliban fighters swept into Kabul/)
    // The dateline ("MOSCOW, September 1.") and "20-year-long" are not events.
    expect(s001.some((s) => /MOSCOW, September 1|20-year-long/.test(s.quote.exact))).toBe(false)
    expect(d001).toEqual(['2021-09-01', '2021-08-31T23:00+04:30', '2021-08-31', '2021-08-23~/2021-08-29~', '2021-08-15'])

    const s002 = suggestEvents(archive.db, idOf('002')).map(suggestionJson)
    const d002 = suggestedDates(archive, idOf('002'))
    expect(d002).toEqual(expect.arrayContaining(['2021-08-25', '2021-08-26', '2021-08-15']))
    expect(s002.find((s) => s.edtf === '2021-08-25')!.quote.exact).toContain('said on Wednesday that the first direct talks')
    expect(s002.find((s) => s.edtf === '2021-08-26')!.quote.exact).toContain('told TASS on Thursday that an agreement')
    expect(s002.some((s) => s.quote.exact.includes('CAIRO, August 30'))).toBe(false)
    expect(d002).toEqual(['2021-08-30', '2021-08-30', '2021-08-25', '2021-08-26', '2021-08-15'])

    // 003 once dated: the night of 30-31 August is a range; "for 20 years" is not an event.
    setArticleDate(archive.db, { id: idOf('003'), edtf: '2021-09-04' })
    const d003 = suggestedDates(archive, idOf('003'))
    expect(d003).toContain('2021-08-30/2021-08-31')
    expect(d003).not.toContain('2041')
  })
})

describe('fixture articles through the import pipeline', () => {
  const fixtures = JSON.parse(readFileSync(join(FIXTURES, 'fixtures.json'), 'utf8')) as { file: string; published: string }[]
  for (const f of fixtures) {
    it(`proposes the same dates for ${f.file} as the pure extractor`, async () => {
      const archive = tempArchive()
      const id = await importFile(archive, join(FIXTURES, f.file))
      setArticleDate(archive.db, { id, edtf: f.published })
      const golden = JSON.parse(readFileSync(join(FIXTURES, f.file.replace(/\.txt$/, '.expected.json')), 'utf8')) as { edtf: string }[]
      expect(suggestedDates(archive, id)).toEqual(golden.map((g) => g.edtf))
    })
  }
})

describe('proposal lifecycle', () => {
  async function setup(): Promise<{ archive: Archive; id: number }> {
    const archive = tempArchive()
    const id = await importFile(archive, join(FIXTURES, '002_valley.txt'))
    setArticleDate(archive.db, { id, edtf: '2024-06-10' })
    return { archive, id }
  }

  it('finds the dates around a passage being cited', async () => {
    const { archive, id } = await setup()
    const text = getArticle(archive.db, id).text
    const at = text.indexOf('the first direct talks')
    expect(datesForPassage(archive.db, { articleId: id, start: at, end: at + 10 })).toEqual([
      { date: { edtf: '2024-06-05', earliest: '2024-06-05', latest: '2024-06-05' }, expression: 'on Wednesday' }
    ])
    const plain = text.indexOf('both sides agreed')
    expect(datesForPassage(archive.db, { articleId: id, start: plain, end: plain + 5 })).toEqual([])
    expect(listProposals(archive.db, id)).toEqual([])
  })

  it('does not compute proposals nobody asked for when a date is set', async () => {
    const { archive, id } = await setup()
    expect(listProposals(archive.db, id)).toEqual([])
  })

  it('accepts a proposal into an event cited at the exact passage', async () => {
    const { archive, id } = await setup()
    const p = suggestEvents(archive.db, id).find((x) => x.date.edtf === '2024-06-05')!
    const { proposal, event } = acceptProposal(archive.db, { proposalId: p.id })
    expect(proposal).toMatchObject({ status: 'accepted', eventId: event.id })
    expect(event.date.edtf).toBe('2024-06-05')
    expect(event.title).toMatch(/^Council negotiator Omar Fadel said on Wednesday/)
    // The title is a suggestion cut at a word, never a sentence stored with a "…" nobody typed.
    expect(event.title.length).toBeLessThanOrEqual(TITLE_MAX)
    expect(event.title).not.toContain('…')
    expect(event.citations).toHaveLength(1)
    expect(event.citations[0]!.anchor).toEqual(p.anchor)
    expect(suggestEvents(archive.db, id).map((x) => x.id)).not.toContain(p.id)
    expect(() => acceptProposal(archive.db, { proposalId: p.id })).toThrow(/already accepted/)
    undo(archive.db)
    expect(listProposals(archive.db, id, 'pending').map((x) => x.id)).toContain(p.id)
    expect(() => getEvent(archive.db, event.id)).toThrow(/no event/)
  })

  it('edits then accepts, and merges into an event with the same date and a shared person', async () => {
    const { archive, id } = await setup()
    const proposals = suggestEvents(archive.db, id)
    const wed = proposals.find((x) => x.date.edtf === '2024-06-05')!
    const edited = acceptProposal(archive.db, {
      proposalId: wed.id,
      edits: { title: 'First direct talks in Beru', date: '2024-06-05?', people: ['Omar Fadel'], places: ['Beru'], tags: ['talks'] }
    })
    const other = proposals.find((x) => x.date.edtf === '2024-05-28')!
    expect(() => acceptProposal(archive.db, { proposalId: other.id, edits: { date: 'late May' } })).toThrow(
      expect.objectContaining({ code: 'invalid-argument' })
    )
    expect(edited.event).toMatchObject({ title: 'First direct talks in Beru', date: { edtf: '2024-06-05?' }, people: ['Omar Fadel'] })

    expect(suggestEvents(archive.db, id).find((x) => x.date.edtf === '2024-06-05')).toBeUndefined()
    const existing = createEvent(archive.db, { title: 'Truce talks', date: '2024-06-06', people: ['Karim Aziz'] })
    createEvent(archive.db, { title: 'Unrelated, same day', date: '2024-06-06', people: ['Someone Else'] })
    const thu = suggestEvents(archive.db, id).find((x) => x.date.edtf === '2024-06-06')!
    expect(thu.mergeCandidates).toEqual([existing.id])
    expect(proposalMergeCandidates(archive.db, thu.id, [])).toEqual([existing.id])
    const merged = acceptProposal(archive.db, { proposalId: thu.id, mergeInto: existing.id, edits: { places: ['Serra valley'] } })
    expect(merged.event.id).toBe(existing.id)
    expect(merged.event.citations.map((c) => c.anchor.exact)).toEqual([thu.anchor.exact])
    expect(merged.event.places).toEqual(['Serra valley'])
    // An event already citing this article on the same days is a candidate without shared names.
    const today = suggestEvents(archive.db, id).filter((x) => x.date.edtf === '2024-06-10')
    const first = acceptProposal(archive.db, { proposalId: today[0]!.id }).event
    expect(listProposals(archive.db, id, 'pending').find((x) => x.id === today[1]!.id)!.mergeCandidates).toEqual([first.id])
  })

  it('keeps dismissed proposals dismissed across re-runs and text edits', async () => {
    const { archive, id } = await setup()
    const first = suggestEvents(archive.db, id)
    const may = first.find((x) => x.date.edtf === '2024-05-28')!
    dismissProposal(archive.db, may.id)
    expect(suggestEvents(archive.db, id).map((x) => x.date.edtf)).not.toContain('2024-05-28')
    const text = getArticle(archive.db, id).text
    updateArticle(archive.db, { id, text: `Editor's note: corrected.\n\n${text}` })
    const again = suggestEvents(archive.db, id)
    expect(again.map((x) => x.date.edtf)).not.toContain('2024-05-28')
    expect(again).toHaveLength(first.length - 1)
    const dismissed = listProposals(archive.db, id, 'dismissed')
    expect(dismissed).toHaveLength(1)
    expect(dismissed[0]!.anchor.start).toBe(may.anchor.start + "Editor's note: corrected.\n\n".length)
  })

  it('re-resolves pending proposals when the publication date is corrected', async () => {
    const { archive, id } = await setup()
    const before = suggestEvents(archive.db, id)
    const wed = before.find((x) => x.date.edtf === '2024-06-05')!
    dismissProposal(archive.db, before.find((x) => x.date.edtf === '2024-06-06')!.id)
    // The dispatch was really from Tuesday 18 June: weekdays and "today" move, absolute dates stay.
    setArticleDate(archive.db, { id, edtf: '2024-06-18' })
    const after = listProposals(archive.db, id, 'pending')
    expect(after.find((x) => x.id === wed.id)!.date.edtf).toBe('2024-06-12')
    expect(after.map((x) => x.date.edtf)).toEqual(['2024-06-17', '2024-06-18', '2024-06-12', '2024-05-28', '2024-06-15T14:30Z', '2024-06-16T21:00+02:00'])
    expect(listProposals(archive.db, id, 'dismissed').map((x) => x.date.edtf)).toEqual(['2024-06-06'])
  })
})

describe('proposals resolved against a doubtful publication date', () => {
  const PARAGRAPHS = [
    'Engineers opened two spillway gates on Saturday morning after the reservoir passed its alert level.',
    'The authority had warned residents on March 15 that the river could rise.',
    'The dam was last opened in February 2019, when the quays flooded.'
  ]

  function proposalsAgainst(edtf: string): string[] {
    const archive = tempArchive()
    const id = addArticle(archive, PARAGRAPHS)
    setArticleDate(archive.db, { id, edtf })
    return suggestedDates(archive, id)
  }

  it('reads a proven date plainly', () => {
    // 17 March 2024 was a Sunday: "on Saturday" is the 16th.
    expect(proposalsAgainst('2024-03-17')).toEqual(['2024-03-16', '2024-03-15', '2019-02'])
  })

  it('marks every date that follows a guessed year as uncertain, and leaves written years alone', () => {
    expect(proposalsAgainst('2024-03-17?')).toEqual(['2024-03-16?', '2024-03-15?', '2019-02'])
  })

  it('keeps month and day with the year unknown, and drops what needs the unknown weekday', () => {
    // Without a year, "on Saturday" cannot be placed; "March 15" can, year unknown.
    expect(proposalsAgainst('XXXX-03-17')).toEqual(['XXXX-03-15', '2019-02'])
  })
})
