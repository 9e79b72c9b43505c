import { isUtf8 } from 'node:buffer'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeHtml, declaredCharset } from '../../../src/main/import/html/decode'

const cyrillic = 'Уровень воды в реке снизился за сутки на сорок сантиметров.'

describe('decodeHtml', () => {
  it('takes an undeclared page as UTF-8 exactly when a strict UTF-8 decoder accepts its bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true })
    const valid = (bytes: Uint8Array): boolean => {
      try {
        strict.decode(bytes)
        return true
      } catch {
        return false
      }
    }
    // Text in several scripts, and the sequences UTF-8 refuses: a lone continuation byte, an
    // overlong NUL, an encoded surrogate, a code point past U+10FFFF, a sequence cut short.
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }).map((t) => [...Buffer.from(t)]),
      fc.constantFrom([0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xff])
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const bytes = new Uint8Array([...Buffer.from('<p>'), ...pieces.flat()])
        expect(decodeHtml(bytes).source === 'utf8-valid').toBe(valid(bytes))
      }),
      { numRuns: 1000 }
    )
  })

  it('reads a page that declares UTF-8 as iconv-lite decodes it, a view of the bytes whatever their offset', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }).map((t) => [...Buffer.from(t)]),
      fc.constantFrom([0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xef, 0xbb, 0xbf])
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(7), (pieces, offset) => {
        const page = [...Buffer.from('<meta charset="UTF-8"><p>'), ...pieces.flat()]
        // Bytes that sit inside a larger buffer, as a worker's message hands them over.
        const bytes = new Uint8Array([...new Array<number>(offset).fill(0x41), ...page]).subarray(offset)
        const decoded = decodeHtml(bytes)
        expect(decoded.source === 'declared').toBe(isUtf8(bytes))
        if (decoded.source === 'declared') expect(decoded.text).toBe(iconv.decode(Buffer.from(page), 'utf-8'))
      }),
      { numRuns: 1000 }
    )
  })

  it('honours a UTF-8 BOM over a contrary declaration', () => {
    const body = Buffer.from(`<meta charset="windows-1251"><p>${cyrillic}</p>`)
    const d = decodeHtml(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body])))
    expect(d.source).toBe('bom')
    expect(d.text).toContain(cyrillic)
  })

  it('decodes UTF-16 LE with a BOM', () => {
    const d = decodeHtml(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<p>${cyrillic}</p>`, 'utf16le')])))
    expect(d.charset).toBe('utf-16le')
    expect(d.text).toBe(`<p>${cyrillic}</p>`)
  })

  it('reads <meta charset>, http-equiv and XML declarations', () => {
    const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'))
    expect(declaredCharset(bytes('<html><head><meta charset="windows-1251">'))).toBe('windows-1251')
    expect(declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">'))).toBe('KOI8-R')
    expect(declaredCharset(bytes('<meta content="text/html; charset=iso-8859-2" http-equiv="content-type">'))).toBe('iso-8859-2')
    expect(declaredCharset(bytes('<?xml version="1.0" encoding="ISO-8859-15"?><html>'))).toBe('ISO-8859-15')
    expect(declaredCharset(bytes('<html><head><title>none</title>'))).toBeNull()
  })

  it('decodes KOI8-R declared by http-equiv', () => {
    const html = `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>${cyrillic}</p>`
    const d = decodeHtml(new Uint8Array(iconv.encode(html, 'koi8-r')))
    expect(d.source).toBe('declared')
    expect(d.text).toContain(cyrillic)
  })

  it('treats a declared ISO-8859-1 as windows-1252, as browsers do', () => {
    const d = decodeHtml(new Uint8Array(Buffer.from([...Buffer.from('<meta charset="iso-8859-1"><p>'), 0x93, 0x68, 0x69, 0x94, 0x20, 0x80])))
    expect(d.text).toContain('“hi” €')
  })

  it('undeclared valid UTF-8 is UTF-8', () => {
    const d = decodeHtml(new Uint8Array(Buffer.from(`<p>${cyrillic} — café</p>`)))
    expect(d.source).toBe('utf8-valid')
    expect(d.text).toContain('café')
  })

  it('a page that claims UTF-8 but is not falls back to a guess instead of mojibake', () => {
    const latin = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>Caf'), Buffer.from([0xe9]), Buffer.from(' de la gare, d'), Buffer.from([0xe9]), Buffer.from('j' + 'euner servi tous les jours.</p>')])
    const d = decodeHtml(new Uint8Array(latin))
    expect(d.text).toContain('Café de la gare, déjeuner')
  })
})
