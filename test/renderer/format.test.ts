import { describe, expect, it } from 'vitest'
import { baseName, bytes, languageName, monthHeading, publishedTitle, refusalMessage, reportName } from '../../src/renderer/src/lib/format'

describe('display formatting', () => {
  it('names month headings, sizes and file names', () => {
    expect(monthHeading('2023-11')).toBe('November 2023')
    expect(monthHeading('2023')).toBe('2023')
    expect(monthHeading('XXXX')).toBe('Year unknown')
    expect(bytes(512)).toBe('512 B')
    expect(bytes(1536)).toBe('1.5 KB')
    expect(bytes(5 * 1024 * 1024)).toBe('5.0 MB')
    expect(baseName('C:\\\\docs\\\\a.txt')).toBe('a.txt')
    expect(baseName('/tmp/x/b.html')).toBe('b.html')
    // An article of a container keeps where it sits in the file, whose path is shortened alone.
    expect(reportName('/tmp/x/crawl.warc.gz › https://example.org/a/b (record at byte 12)')).toBe('crawl.warc.gz › https://example.org/a/b (record at byte 12)')
    expect(reportName('/tmp/x/b.html')).toBe('b.html')
  })

  it('names refused deletions by title in one sentence, counting those past the third', () => {
    const refused = (n: number): { id: number; title: string; reason: string }[] =>
      Array.from({ length: n }, (_, i) => ({ id: i + 1, title: `T${i}`, reason: `“T${i}” is cited by event “E${i}”` }))
    expect(refusalMessage(refused(1))).toBe('Not deleted: “T0” is cited by event “E0”.')
    expect(refusalMessage(refused(3))).toBe('Not deleted: “T0” is cited by event “E0”; “T1” is cited by event “E1”; “T2” is cited by event “E2”.')
    expect(refusalMessage(refused(5))).toBe(
      'Not deleted: “T0” is cited by event “E0”; “T1” is cited by event “E1”; “T2” is cited by event “E2”; and 2 more articles.'
    )
  })

  it('says where a publication date came from and what is in doubt', () => {
    expect(publishedTitle({ edtf: '2024-03-17?', precision: 'day', provenance: 'file' })).toBe(
      "Year guessed from the file's modification time, not stated in the article. Confirm or correct it."
    )
    expect(publishedTitle({ edtf: '2024-03-17?', precision: 'day', provenance: 'import' })).toMatch(/^Year guessed from the day of import/)
    expect(publishedTitle({ edtf: 'XXXX-03-17', precision: 'day', provenance: 'dateline' })).toBe(
      'Year unknown: nothing in the article proves it (day and month from the dateline). Set the date to give one.'
    )
    expect(publishedTitle({ edtf: '2018-03-17', precision: 'day', provenance: 'weekday' })).toBe('day precision, from a weekday written with the date')
    expect(publishedTitle(null)).toBe('no publication date found')
  })

  it('names the language an article is read in', () => {
    expect(languageName('pt')).toBe('Portuguese (pt)')
    expect(languageName(null)).toBe('language unknown')
    expect(languageName('not a tag!')).toBe('not a tag!')
  })
})
