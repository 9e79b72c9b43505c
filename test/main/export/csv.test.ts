import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderExport } from '../../../src/main/export'
import { CSV_COLUMNS, csvField } from '../../../src/main/export/csv'
import { fixtureChronology, fixtureEvents } from '../../fixtures/export/chronology'

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes, nothing else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  while (i < text.length) {
    let field = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        field += text[i++]
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote in unquoted field at ${i}`)
        field += text[i++]
      }
    }
    row.push(field)
    if (text[i] === ',') {
      i++
      continue
    }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`)
    i += 2
    rows.push(row)
    row = []
  }
  return rows
}

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
