import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ChronologyEvent } from '../../../src/shared/chronology'
import { edtfBounds } from '../../../src/shared/edtf'
import { renderExport } from '../../../src/main/export'
import { buildTimeline, escapeHtml } from '../../../src/main/export/timelinejs'
import { fixtureChronology, fixtureEvents } from '../../fixtures/export/chronology'
import { timelineErrors } from './timelinejs-rules'

const DATES = ['2021', '2021-08', '2021-08-15', '2021-08-30/2021-08-31', '2021-08-23~/2021-08-29~', '2021-08-31T23:00+04:30', '2021-09-06T09:30Z', '2021-09-03?', '2021-08-15%', '../2021-08-31', '2021-08-30/..', '/2021-09', '2020/2022', '0800']

function bare(id: number, edtf: string, title: string): ChronologyEvent {
  const b = edtfBounds(edtf)!
  return { ...fixtureEvents[0]!, id, title, date: { edtf, earliest: b.earliest, latest: b.latest }, citations: [], chronologyIds: [1] }
}

describe('TimelineJS export against TimelineJS’s own parsing rules', () => {
  it('loads the fixture chronology and every archive-wide export', () => {
    for (const options of [{ chronologyId: 1 }, {}, { quotes: false, links: true }]) {
      const json = JSON.parse(renderExport('timelinejs', fixtureEvents, fixtureChronology, options).content) as unknown
      expect(timelineErrors(json)).toEqual([])
    }
  })

  it('loads any event date the archive can hold and any title', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...DATES), fc.string()), { minLength: 1, maxLength: 8 }), (rows) => {
        const events = rows.map(([edtf, title], i) => bare(i + 1, edtf, title))
        const json = JSON.parse(renderExport('timelinejs', events, null, {}).content) as unknown
        expect(timelineErrors(json)).toEqual([])
      }),
      { numRuns: 200 }
    )
  })

  it('gives spans an end date and times their hour and minute', () => {
    const t = buildTimeline({ chronology: fixtureChronology, events: fixtureEvents.filter((e) => [13, 15].includes(e.id)), options: {} })
    expect(t.events[0]).toMatchObject({ start_date: { year: 2021, month: 8, day: 23 }, end_date: { year: 2021, month: 8, day: 29 }, display_date: 'late August 2021 (approx.)' })
    expect(t.events[1]).toMatchObject({ start_date: { year: 2021, month: 8, day: 31, hour: 23, minute: 0 }, display_date: '31 August 2021, 23:00 (UTC+4:30)' })
  })

  it('escapes user text, which TimelineJS treats as HTML', () => {
    const t = buildTimeline({ chronology: null, events: [bare(1, '2021', '<img src=x onerror=alert(1)> & "q"')], options: {} })
    expect(t.events[0]!.text.headline).toBe('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;q&#34;')
    expect(escapeHtml("'")).toBe('&#39;')
  })

  it('says when an event has no source, or only contradicting ones that were left out', () => {
    const disputed = fixtureEvents.find((e) => e.id === 16)!
    const only = { ...disputed, citations: disputed.citations.filter((c) => c.stance === 'contradicts') }
    expect(buildTimeline({ chronology: null, events: [only], options: { bothSides: false } }).events[0]!.text.text).toContain('Contradicting sources only, not shown.')
    expect(buildTimeline({ chronology: null, events: [bare(1, '2021', 'x')], options: {} }).events[0]!.text.text).toMatch(/<p>No source cited\.<\/p>$/)
    expect(buildTimeline({ chronology: null, events: [disputed], options: {} }).events[0]!.text.text).toMatch(/<p>Supported by:<\/p><ol>.*<\/ol><p>Contradicted by:<\/p><ol><li>.*The resistance continues/)
  })

  it('leaves events of unknown year off the timeline and names them on the title slide', () => {
    const t = buildTimeline({ chronology: null, events: [bare(1, '2021-08-15', 'Known'), bare(2, 'XXXX-03-16', 'Gates opened')], options: {} })
    expect(t.events.map((e) => e.unique_id)).toEqual(['event-1'])
    expect(t.title.text.text).toContain('Not on the timeline, year unknown: Gates opened (16 March (year unknown))')
    expect(timelineErrors(JSON.parse(JSON.stringify(t)) as unknown)).toEqual([])
    expect(() => buildTimeline({ chronology: null, events: [bare(2, 'XXXX-03-16', 'Gates opened')], options: {} })).toThrow(/known year/)
  })

  it('refuses an export with no event, which TimelineJS cannot show', () => {
    expect(() => renderExport('timelinejs', fixtureEvents, null, { tags: ['no-such-tag'] })).toThrow(/at least one event/)
  })

  it('has rules that reject what TimelineJS rejects or would misread', () => {
    expect(timelineErrors({ events: [] })).toEqual(['Timeline configuration has no events.'])
    expect(timelineErrors({ events: [{ text: { headline: 'x' } }] })).toEqual(['events[0]: missing_start_date_err'])
    expect(timelineErrors({ events: [{ start_date: { year: '20x1' }, text: { headline: 'x' } }] })[0]).toMatch(/not an integer/)
    expect(timelineErrors({ events: [{ start_date: { month: 8 }, text: { headline: 'x' } }] })[0]).toMatch(/year: missing/)
    expect(timelineErrors({ events: [{ start_date: { year: 2021, month: 13 }, text: { headline: 'x' } }] })[0]).toMatch(/out of range/)
    expect(timelineErrors({ events: [{ start_date: { year: 2021 }, text: { headline: '<b></b>' } }] })[0]).toMatch(/headline or media/)
    expect(timelineErrors({ events: [{ start_date: { year: '2021' }, end_date: { year: 2020 }, text: { headline: 'x' } }] })[0]).toMatch(/before/)
    expect(timelineErrors({ events: [{ start_date: { year: 2021, month: 2, day: 30 }, text: { headline: 'x' } }] })[0]).toMatch(/no day 30/)
  })
})

describe('TimelineJS slide text from a Markdown note', () => {
  it('is the note as sanitized HTML: emphasis, breaks and lists kept, no script, heading or unsafe link', () => {
    const note = '**13 March** <script>alert(1)</script>\nsecond line\n\n# Heading\n\n- [link](https://example.org/a) [bad](javascript:alert(1))\n\n![x](data:image/png;base64,AAAA)'
    const slide = buildTimeline({ chronology: null, events: [{ ...bare(1, '2021-08', 'T'), note }], options: {} }).events[0]!
    expect(slide.text.text).toContain('<strong>13 March</strong> &lt;script&gt;alert(1)&lt;/script&gt;<br>\nsecond line')
    expect(slide.text.text).toContain('<p>Heading</p>')
    expect(slide.text.text).toContain('<a href="https://example.org/a">link</a> [bad](javascript:alert(1))')
    expect(slide.text.text).not.toMatch(/<script|<h[1-6]|<img|href="(javascript|data):/)
  })
})
