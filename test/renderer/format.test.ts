import { describe, expect, it } from 'vitest'
import { baseName, bytes, monthHeading, shortDate } from '../../src/renderer/src/lib/format'

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
})
