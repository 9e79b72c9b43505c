import { describe, expect, it } from 'vitest'
import { baseName, bytes, monthHeading, refusalMessage, shortDate } from '../../src/renderer/src/lib/format'

describe('display formatting', () => {
  it('writes dates at their precision, keeping qualifiers', () => {
    expect(shortDate('2023-10-14')).toBe('14 Oct 2023')
    expect(shortDate('2023-10')).toBe('Oct 2023')
    expect(shortDate('2023')).toBe('2023')
    expect(shortDate('2023-10-14?')).toBe('14 Oct 2023 ?')
    expect(shortDate('not a date')).toBe('not a date')
  })

  it('names month headings, sizes and file names', () => {
    expect(monthHeading('2023-11')).toBe('November 2023')
    expect(monthHeading('2023')).toBe('2023')
    expect(bytes(512)).toBe('512 B')
    expect(bytes(1536)).toBe('1.5 KB')
    expect(bytes(5 * 1024 * 1024)).toBe('5.0 MB')
    expect(baseName('C:\\\\docs\\\\a.txt')).toBe('a.txt')
    expect(baseName('/tmp/x/b.html')).toBe('b.html')
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
})
