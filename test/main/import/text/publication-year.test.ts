import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSourceFile } from '../../../../src/main/import/formats'

const DIR = join(__dirname, '../../../fixtures/import/dates')

async function published(name: string, mtime: Date | null) {
  const bytes = new Uint8Array(readFileSync(join(DIR, name)))
  return (await parseSourceFile({ name, bytes, mtime })).article.published
}

// Files whose dispatch gives a day and month; whether a year is claimed depends on what proves it.
describe('publication year of a dispatch datelined "PORTO, March 17."', () => {
  it('never takes an untied weekday for the dispatch day: the year is a marked guess from the file', async () => {
    // 17 March 2018 was a Saturday; the text's "Saturday morning" is a day near the dispatch.
    expect(await published('untied-weekday.txt', new Date('2024-04-02T09:00:00Z'))).toEqual({
      edtf: '2024-03-17?',
      precision: 'day',
      provenance: 'file'
    })
  })

  it('decides the year from a weekday tied to the date in the dateline', async () => {
    // Saturday 17 March: 2018 is the latest such year not after a file saved in April 2024.
    expect(await published('tied-weekday.txt', new Date('2024-04-02T09:00:00Z'))).toEqual({
      edtf: '2018-03-17',
      precision: 'day',
      provenance: 'weekday'
    })
  })

  it('keeps an explicit year at day precision whatever the weekdays say', async () => {
    expect(await published('explicit-year.txt', new Date('2024-04-02T09:00:00Z'))).toEqual({
      edtf: '2023-03-17',
      precision: 'day',
      provenance: 'dateline'
    })
  })
})
