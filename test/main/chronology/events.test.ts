import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { addCitation, removeCitation, updateCitation } from '../../../src/main/chronology/citations'
import {
  createChronology,
  deleteChronology,
  listChronologies,
  renameChronology
} from '../../../src/main/chronology/chronologies'
import { entityNames, getEvent, listEvents } from '../../../src/main/archive/repo/events'
import { createEvent, deleteEvent, updateEvent } from '../../../src/main/chronology/events'
import { mergeEvents } from '../../../src/main/chronology/merge'
import { isDisputed } from '../../../src/shared/chronology'
import { tempArchive } from '../../support/tmp'
import { addArticle, span } from './helpers'

const PARAS = [
  'VALLEYTOWN, March 3. /Wire/. The northern pass was closed on Monday after heavy snow, officials said.',
  'Rebel spokesman Ivo Marek said the pass fell to his fighters. The garrison commander denied that the pass had fallen.'
]

describe('chronologies', () => {
  it('creates, renames, refuses duplicates and deletes without deleting events', () => {
    const { db } = tempArchive()
    const a = createChronology(db, { name: 'Valley, March 2024' })
    expect(() => createChronology(db, { name: 'valley, march 2024' })).toThrow(/already exists/)
    const b = createChronology(db, { name: 'Second' })
    const renamed = renameChronology(db, { id: b.id, name: 'Passes', description: 'mountain passes' })
    expect(renamed).toMatchObject({ name: 'Passes', description: 'mountain passes' })
    const e = createEvent(db, { title: 'Pass closed', date: '2024-03-04', chronologyIds: [a.id, b.id] })
    expect(listChronologies(db).map((c) => [c.name, c.eventCount])).toEqual([
      ['Passes', 1],
      ['Valley, March 2024', 1]
    ])
    deleteChronology(db, a.id)
    expect(getEvent(db, e.id).chronologyIds).toEqual([b.id])
  })
})

describe('events', () => {
  it('stores title, note, honest date, status, tags, people, places and citations', () => {
    const archive = tempArchive()
    const { db } = archive
    const articleId = addArticle(archive, PARAS)
    const text = getArticle(db, articleId).text
    const quote = span(text, 'The northern pass was closed on Monday after heavy snow')
    const e = createEvent(db, {
      title: '  Pass closed ',
      date: '2024-03-04',
      note: 'Snow, *heavy*.',
      status: 'confirmed',
      tags: ['weather', 'Weather', ' roads '],
      people: [],
      places: ['Northern pass'],
      citations: [{ articleId, ...quote }]
    })
    expect(e).toMatchObject({
      title: 'Pass closed',
      note: 'Snow, *heavy*.',
      status: 'confirmed',
      date: { edtf: '2024-03-04', earliest: '2024-03-04', latest: '2024-03-04' },
      tags: ['roads', 'weather'],
      places: ['Northern pass']
    })
    const c = e.citations[0]!
    expect(c.anchor).toMatchObject({ exact: 'The northern pass was closed on Monday after heavy snow', start: quote.start })
    expect(c.anchor.prefix).toBe(text.slice(Math.max(0, quote.start - 32), quote.start))
    expect(c.anchor.suffix).toBe(text.slice(quote.end, quote.end + 32))
    expect(c.textHash).toMatch(/^[0-9a-f]{64}$/)
    expect(c).toMatchObject({ paragraph: 1, orphaned: false, stance: 'supports', article: { outlet: 'Test Wire' } })
    expect(() => createEvent(db, { title: 'x', date: '2024-02-30' })).toThrow(/has no day 30/)
    expect(() => createEvent(db, { title: ' ', date: '2024' })).toThrow(/needs a title/)
    expect(() => createEvent(db, { title: 'x', date: '2024', citations: [{ articleId, start: 5, end: 99999 }] })).toThrow(
      /outside the article text/
    )
  })

  it('edits fields and lists, and deletes', () => {
    const { db } = tempArchive()
    const e = createEvent(db, { title: 'A', date: '2024-03', tags: ['x'], people: ['Ivo Marek'] })
    const u = updateEvent(db, { id: e.id, title: 'B', date: '2024-03-02?', status: 'disputed', tags: [], places: ['Pass'] })
    expect(u).toMatchObject({ title: 'B', status: 'disputed', tags: [], people: ['Ivo Marek'], places: ['Pass'] })
    expect(u.date).toEqual({ edtf: '2024-03-02?', earliest: '2024-03-02', latest: '2024-03-02' })
    deleteEvent(db, e.id)
    expect(() => getEvent(db, e.id)).toThrow(/no event/)
  })

  it('shows a dispute when citations disagree', () => {
    const archive = tempArchive()
    const { db } = archive
    const articleId = addArticle(archive, PARAS)
    const text = getArticle(db, articleId).text
    const e = createEvent(db, {
      title: 'Pass falls',
      date: '2024-03-03',
      citations: [{ articleId, ...span(text, 'the pass fell to his fighters') }]
    })
    expect(isDisputed(getEvent(db, e.id))).toBe(false)
    const denial = addCitation(db, { eventId: e.id, articleId, ...span(text, 'The garrison commander denied that the pass had fallen'), stance: 'contradicts' })
    expect(denial.stance).toBe('contradicts')
    const disputed = getEvent(db, e.id)
    expect(disputed.citations.map((c) => c.stance)).toEqual(['supports', 'contradicts'])
    expect(isDisputed(disputed)).toBe(true)
    updateCitation(db, { id: denial.id, stance: 'supports', note: 'rephrased' })
    expect(isDisputed(getEvent(db, e.id))).toBe(false)
    removeCitation(db, denial.id)
    expect(getEvent(db, e.id).citations).toHaveLength(1)
  })

  it('lists in chronological order and filters by every field', () => {
    const archive = tempArchive()
    const { db } = archive
    addArticle(archive, ['Text.'], { place: 'Panjshir' })
    const chron = createChronology(db, { name: 'C' })
    const mk = (title: string, date: string, extra: Partial<Parameters<typeof createEvent>[1]> = {}): number =>
      createEvent(db, { title, date, ...extra }).id
    const day = mk('day', '2024-03-01', { tags: ['snow'], people: ['Ivo Marek'], chronologyIds: [chron.id] })
    const month = mk('month', '2024-03', { places: ['Pass'], status: 'denied' })
    const year = mk('year', '2024')
    const timed = mk('timed', '2024-03-01T08:00+01:00', { chronologyIds: [chron.id] })
    const range = mk('range', '2024-02-28/2024-03-02')
    const later = mk('later', '2024-04-10~')
    const yearless = mk('yearless', 'XXXX-03-15')
    // Unknown year: listed last, in no date range.
    expect(listEvents(db, {}).map((e) => e.id)).toEqual([year, range, month, day, timed, later, yearless])
    expect(listEvents(db, { chronologyId: chron.id }).map((e) => e.id)).toEqual([day, timed])
    expect(listEvents(db, { tag: 'SNOW' }).map((e) => e.id)).toEqual([day])
    expect(listEvents(db, { person: 'ivo marek' }).map((e) => e.id)).toEqual([day])
    expect(listEvents(db, { place: 'Pass' }).map((e) => e.id)).toEqual([month])
    expect(listEvents(db, { status: 'denied' }).map((e) => e.id)).toEqual([month])
    expect(listEvents(db, { from: '2024-03-02', to: '2024-03-31' }).map((e) => e.id)).toEqual([year, range, month])
    expect(listEvents(db, { from: '2024-04-01' }).map((e) => e.id)).toEqual([year, later])
    expect(entityNames(db, 'person', 'iv')).toEqual(['Ivo Marek'])
    expect(entityNames(db, 'place', '%')).toEqual([])
    expect(entityNames(db, 'place', 'p')).toEqual(['Panjshir', 'Pass'])
  })
})

describe('mergeEvents', () => {
  it('moves citations, tags, people, places and memberships, keeping one event', () => {
    const archive = tempArchive()
    const { db } = archive
    const articleId = addArticle(archive, PARAS)
    const text = getArticle(db, articleId).text
    const c1 = createChronology(db, { name: 'One' })
    const c2 = createChronology(db, { name: 'Two' })
    const shared = span(text, 'the pass fell to his fighters')
    const target = createEvent(db, {
      title: 'Pass falls',
      date: '2024-03-03',
      tags: ['pass'],
      people: ['Ivo Marek'],
      chronologyIds: [c1.id],
      citations: [{ articleId, ...shared }]
    })
    const source = createEvent(db, {
      title: 'Pass taken',
      date: '2024-03-03~',
      note: 'From the rebels.',
      tags: ['rebels', 'pass'],
      people: ['ivo marek', 'Ana Holt'],
      places: ['Northern pass'],
      chronologyIds: [c2.id],
      citations: [
        { articleId, ...shared },
        { articleId, ...span(text, 'The garrison commander denied that the pass had fallen'), stance: 'contradicts' }
      ]
    })
    const merged = mergeEvents(db, { targetId: target.id, sourceId: source.id })
    expect(merged).toMatchObject({
      id: target.id,
      title: 'Pass falls',
      date: { edtf: '2024-03-03' },
      note: 'From the rebels.',
      tags: ['pass', 'rebels'],
      people: ['Ana Holt', 'Ivo Marek'],
      places: ['Northern pass'],
      chronologyIds: [c1.id, c2.id]
    })
    expect(merged.citations.map((c) => c.stance)).toEqual(['supports', 'contradicts'])
    expect(() => getEvent(db, source.id)).toThrow(/no event/)
    expect(() => mergeEvents(db, { targetId: target.id, sourceId: target.id })).toThrow(/itself/)
  })
})
