import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderExport } from '../../../src/main/export'
import { CSV_COLUMNS, csvField } from '../../../src/main/export/csv'
import { humanizeEdtfString } from '../../../src/shared/edtf'
import type { ExportOptions } from '../../../src/shared/export'
import { fixtureChronology, fixtureEvents } from '../../fixtures/export/chronology'
import { parseCsv } from './csv-read'

describe('CSV export (RFC 4180)', () => {
  const csv = renderExport('csv', fixtureEvents, fixtureChronology, { chronologyId: 1 }).content
  const rows = parseCsv(csv)

  it('has a header and one row per event-citation, one row for an event without citations', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    const events = fixtureEvents.filter((e) => e.chronologyIds.includes(1))
    expect(rows.length - 1).toBe(events.reduce((n, e) => n + Math.max(1, e.citations.length), 0))
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length)
    const uncited = rows.filter((r) => r[0] === '11')
    expect(uncited).toHaveLength(1)
    expect(uncited[0]![CSV_COLUMNS.indexOf('citation_id')]).toBe('')
  })

  it('keeps quotes, commas, line breaks and non-ASCII text intact', () => {
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name)
    const noted = rows.find((r) => r[col('citation_id')] === '107')!
    expect(noted[col('citation_note')]).toBe('The dispatch says "last week"; dated from its 1 September dateline.')
    const outpost = rows.find((r) => r[0] === '14')!
    expect(outpost[col('note')]).toBe(fixtureEvents.find((e) => e.id === 14)!.note)
    expect(rows.some((r) => r[col('outlet')] === 'Коммерсантъ')).toBe(true)
    expect(rows.find((r) => r[col('page')] === '4')![col('locator')]).toBe('p. 4')
    expect(rows.find((r) => r[col('stance')] === 'contradicts')![0]).toBe('16')
  })

  it('leaves quotes out when asked, and only then', () => {
    const quote = CSV_COLUMNS.indexOf('quote')
    expect(rows.slice(1).filter((r) => r[CSV_COLUMNS.indexOf('citation_id')] !== '').every((r) => r[quote] !== '')).toBe(true)
    const without = parseCsv(renderExport('csv', fixtureEvents, fixtureChronology, { chronologyId: 1, quotes: false }).content)
    expect(without.slice(1).every((r) => r[quote] === '')).toBe(true)
  })

  it('round-trips any field through a strict reader', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'Б', ',', '"', '\r', '\n', '\r\n', ' ', ';') }), { minLength: 1, maxLength: 6 }), (fields) => {
        expect(parseCsv(fields.map(csvField).join(',') + '\r\n')).toEqual([fields])
      })
    )
  })
})

describe('CSV export in spreadsheets', () => {
  const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name)
  const base = fixtureEvents.find((e) => e.id === 14)!
  const hostile = {
    ...base,
    title: '=SUM(A1:A9) was typed into the form',
    note: '-2 killed, says one source',
    citations: base.citations.map((c, i) => ({
      ...c,
      anchor: { ...c.anchor, exact: ['+7 (495) 123-45-67 was the number', '@cmd|/c calc'][i] ?? '\tindented' },
      note: '\rcarriage return first',
      article: { ...c.article, outlet: '@TASS' }
    }))
  }
  const render = (options: ExportOptions = {}) => parseCsv(renderExport('csv', [hostile], null, options).content.replace(/^\uFEFF/, ''))

  it('neutralises every cell that starts like a formula with a leading quote (OWASP)', () => {
    const rows = render().slice(1)
    expect(rows[0]![col('title')]).toBe("'=SUM(A1:A9) was typed into the form")
    expect(rows[0]![col('note')]).toBe("'-2 killed, says one source")
    expect(rows.map((r) => r[col('quote')])).toEqual(["'+7 (495) 123-45-67 was the number", "'@cmd|/c calc"])
    expect(rows.every((r) => r[col('outlet')] === "'@TASS" && r[col('citation_note')] === "'\rcarriage return first")).toBe(true)
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('writes cells as stored when the guard is turned off', () => {
    const rows = render({ formulaGuard: false }).slice(1)
    expect(rows[0]![col('title')]).toBe(hostile.title)
    expect(rows[1]![col('quote')]).toBe('@cmd|/c calc')
  })

  it('writes display dates with thin spaces, and the EDTF and day bounds as they are', () => {
    const rows = parseCsv(renderExport('csv', fixtureEvents, fixtureChronology, { chronologyId: 1 }).content).slice(1)
    for (const r of rows) {
      expect(r[col('date')]).not.toContain(' ')
      expect(r[col('date')]!.replace(/\u2009/g, ' ')).toBe(humanizeEdtfString(r[col('date_edtf')]!))
    }
    expect(rows.map((r) => r[col('date')])).toContain('August\u20092021')
  })

  it('starts with a UTF-8 byte-order mark only when asked', () => {
    expect(renderExport('csv', fixtureEvents, null, {}).content.startsWith('event_id,')).toBe(true)
    const withBom = renderExport('csv', fixtureEvents, null, { bom: true }).content
    expect(withBom.startsWith('\uFEFFevent_id,')).toBe(true)
    expect(Buffer.from(withBom, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  })
})
