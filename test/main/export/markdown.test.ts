import { describe, expect, it } from 'vitest'
import type { ChronologyEvent } from '../../../src/shared/chronology'
import { renderExport } from '../../../src/main/export'
import { articleReference } from '../../../src/main/export/footnotes'
import { mdInline, mdParagraphs } from '../../../src/main/export/markdown-escape'
import { fixtureChronology, fixtureEvents } from '../../fixtures/export/chronology'
import { mdStructure } from './markdown-check'

const md = (options: Parameters<typeof renderExport>[3], events: ChronologyEvent[] = fixtureEvents) =>
  renderExport('md', events, fixtureChronology, { chronologyId: 1, ...options }).content

describe('Markdown export', () => {
  it('reuses one footnote when the same passage is cited by two events', () => {
    const doc = md({})
    const fell = doc.split('\n').filter((l) => l.includes('Panjshir fell under the control of the Islamic Emirate'))
    expect(fell).toHaveLength(1)
    const label = /^\[\^(\d+)\]:/.exec(fell[0]!)![1]
    expect(doc.match(new RegExp(`\\[\\^${label}\\](?!:)`, 'g'))).toHaveLength(2)
  })

  it('labels both sides of a dispute, or only the supporting side when asked', () => {
    expect(md({})).toMatch(/The movement says Panjshir has fallen \*\(disputed\)\*\n\n {2}\*People: .*\*\n\n {2}.*\n\n {2}Supported by\[\^\d+\]\[\^\d+\]; contradicted by\[\^\d+\]\./)
    const oneSide = md({ bothSides: false })
    expect(oneSide).not.toContain('contradicted by')
    expect(oneSide).not.toContain('The resistance continues and will continue')
  })

  it('shows status only when not reported, and flags uncited events', () => {
    const doc = md({})
    expect(doc).toContain('Attack on a western outpost repelled *(confirmed)*')
    expect(doc).toContain('Capture of the governor’s compound reported *(denied)*')
    expect(doc).not.toContain('(reported)')
    expect(doc).toContain('Negotiations between the sides continue *(no source cited)*')
  })

  it('writes stand-alone footnotes: outlet, title, date, locator, quote; page for PDFs', () => {
    const doc = md({})
    expect(doc).toContain('Kabul Monitor, “Northern provinces: weekly security report”, By Sarah O’Neill and Ahmad Zia Rahimi, August 2021, p. 4: “an attack on the western outpost was repelled overnight”.')
    expect(doc).toContain('“Statement of the resistance front”, undated: “reports that the governor’s compound was captured are false”. The passage can no longer be found')
    expect(doc).not.toContain('annalist://')
    const noQuotes = md({ quotes: false, links: true })
    expect(noQuotes).not.toContain('an attack on the western outpost was repelled overnight')
    expect(noQuotes).toContain('p. 4. [Open in Annalist](annalist://article/4#5120-5175)')
  })

  it('groups by year and month, by year, or not at all; year-only events sit under the year', () => {
    expect(mdStructure(md({ group: 'month' })).headingTexts).toEqual(['Panjshir, Aug–Sep 2021', '2021', 'August 2021', 'September 2021'])
    expect(md({ group: 'month' })).toMatch(/## 2021\n\n- \*\*2021\*\* — Resistance/)
    expect(mdStructure(md({ group: 'year' })).headingTexts).toEqual(['Panjshir, Aug–Sep 2021', '2021'])
    // An event of unknown year goes last, under its own heading, never "9999" or "0".
    const yearless = { ...fixtureEvents[1]!, id: 99, date: { edtf: 'XXXX-08-30', earliest: '0000-01-01', latest: '9999-12-31' } }
    const withYearless = md({ group: 'month' }, [...fixtureEvents, yearless])
    expect(mdStructure(withYearless).headingTexts.at(-1)).toBe('Year unknown')
    expect(withYearless).toContain('30 August (year unknown)')
    expect(mdStructure(md({ group: 'none' })).headingTexts).toEqual(['Panjshir, Aug–Sep 2021'])
  })

  it('adds a sources list of the cited articles only when asked', () => {
    expect(md({})).not.toContain('## Sources')
    const doc = md({ bibliography: true })
    const sources = doc.slice(doc.indexOf('## Sources'), doc.indexOf('[^1]:'))
    expect(sources.trim().split('\n').slice(1).filter(Boolean)).toHaveLength(5)
  })

  it('says so when nothing matches', () => {
    expect(md({ tags: ['none-such'] })).toBe('# Panjshir, Aug–Sep 2021\n\nEvents around the Panjshir valley in August and September 2021, as reported in the archive.\n\nDates follow the sources; disputed claims carry both sides.\n\n*No events match the export options.*\n')
  })

  it('escapes user text so it reads as written', () => {
    expect(mdInline('[^1]: *x* | <script> `y` #z')).toBe('\\[\\^1\\]: \\*x\\* \\| \\<script\\> \\`y\\` \\#z')
    expect(mdInline('1. first')).toBe('1\\. first')
    expect(mdInline('- dash\nsecond line')).toBe('\\- dash second line')
    expect(mdParagraphs('# heading\n    indented\n\n\n---\n: term', '  ')).toEqual(['\\# heading\n  indented', '\\-\\-\\-\n  \\: term'])
  })
})

describe('event notes in the Markdown export', () => {
  const withNote = (note: string) => renderExport('md', [{ ...fixtureEvents.find((e) => e.id === 11)!, note }], null, {}).content

  it('passes Markdown through, indented under the event, with its line breaks', () => {
    expect(withNote('**13 March**, said "X".\nSecond line\n\n1. one\n2. two')).toContain(
      '— Negotiations between the sides continue *(no source cited)*\n\n  **13 March**, said \\"X\\".\\\n  Second line\n\n  1. one\n\n  2. two\n'
    )
  })

  it('cannot add a heading, footnote, HTML or rule to the document', () => {
    const doc = withNote('# Heading\n\n[^1]: a footnote of its own\n\n<div>raw</div>\n\n---\n\nSetext\n===')
    expect(doc).toContain('  Heading\n\n  \\[\\^1\\]: a footnote of its own\n\n  \\<div\\>raw\\</div\\>\n\n  Setext\n')
    const s = mdStructure(doc)
    expect(s.headings).toEqual({ h1: 1, h2: 1, h3: 1 })
    expect(s.footnoteDefs).toBe(0)
    expect(s.forbidden).toEqual([])
  })
})

describe('Markdown export edge cases', () => {
  const base = fixtureEvents.find((e) => e.id === 19)!
  const fell = base.citations[0]!

  it('gathers the notes of every citation of a shared passage into its one footnote', () => {
    const a = { ...base, id: 901, citations: [{ ...fell, id: 9001, eventId: 901, note: 'Repeated by police.' }] }
    const b = { ...base, id: 902, citations: [{ ...fell, id: 9002, eventId: 902, note: 'Denied later.' }, { ...fell, id: 9003, eventId: 902, note: 'Repeated by police.' }] }
    const doc = renderExport('md', [a, b], null, {}).content
    expect(doc).toContain('Note: Repeated by police. / Denied later.')
    expect(mdStructure(doc).footnoteDefs).toBe(1)
  })

  it('does not call an event unsourced when its contradicting sources were left out', () => {
    const only = { ...base, id: 903, citations: [{ ...fell, stance: 'contradicts' as const }] }
    expect(renderExport('md', [only], null, { bothSides: false }).content).toContain('*(contradicting sources only, not shown)*')
    expect(renderExport('md', [only], null, {}).content).toContain('Contradicted by[^1].')
  })
})

describe('article references without an outlet', () => {
  it('name the host of the article’s address, never its file name, and keep the byline in its own place', () => {
    const base = { id: 9, title: 'Front statement', published: null, fileName: 'h1-wire.txt' }
    expect(articleReference({ ...base, outlet: null, byline: 'By A. Writer', url: 'https://www.example-wire.org/s/1' })).toBe(
      'example-wire.org, “Front statement”, By A. Writer, undated'
    )
    expect(articleReference({ ...base, outlet: null, byline: null, url: null })).toBe('“Front statement”, undated')
  })
})
