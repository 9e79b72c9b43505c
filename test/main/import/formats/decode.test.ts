import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../../src/main/import/formats/decode'
import { ImportError } from '../../../../src/main/import/errors'

const failure = (fn: () => unknown): { code: string; message: string } => {
  try {
    fn()
  } catch (err) {
    if (err instanceof ImportError) return { code: err.code, message: err.message }
    throw err
  }
  throw new Error('expected an ImportError')
}

describe('decodeText', () => {
  it('tells the Cyrillic code pages apart on short text', () => {
    for (const text of ['Мир', 'Новости дня', 'ПРИВЕТ МИР. Новости дня', 'Київ, 24 лютого. Україна отримала допомогу.']) {
      for (const encoding of ['windows-1251', 'koi8-r', 'koi8-u', 'maccyrillic', 'iso-8859-5', 'cp866']) {
        const bytes = iconv.encode(text, encoding)
        if (iconv.decode(bytes, encoding) !== text) continue
        expect(decodeText(bytes, 'x.txt').text, `${text} in ${encoding}`).toBe(text)
      }
    }
  })

  it.each([
    ['Η κυβέρνηση δήλωσε τη Δευτέρα ότι δεν θα αλλάξει το σχέδιο και ότι οι συνομιλίες έχουν τελειώσει.', ['iso-8859-7', 'windows-1253']],
    ['Hükümet pazartesi günü planı değiştirmeyeceğini ve sendikalarla görüşmelerin sona erdiğini söyledi.', ['windows-1254', 'iso-8859-9']],
    ['قال المتحدث باسم الحكومة في مؤتمر صحفي إن الحكومة لن تغير الخطة', ['windows-1256', 'iso-8859-6']],
    ['הממשלה הודיעה ביום שני כי לא תשנה את התוכנית וכי השיחות עם האיגודים הסתיימו.', ['windows-1255', 'iso-8859-8']],
    ['Vláda v pondělí uvedla, že plán nezmění a že jednání s odbory skončila. Příliš žluťoučký kůň.', ['windows-1250', 'iso-8859-2']],
    ['A kormány hétfőn közölte, hogy nem változtat a terven, és a tárgyalások befejeződtek. Győr, Szőlő, űrhajó.', ['windows-1250']],
    ['Vyriausybė pirmadienį pareiškė, kad nekeis plano ir kad derybos su profsąjungomis baigtos. Žmonės džiaugiasi.', ['windows-1257']],
    ['Regjeringen sa mandag at den ikke vil endre planen, og at forhandlingene er avsluttet. Blåbær og rødgrøt.', ['windows-1252']]
  ])('decodes legacy code pages of other scripts: %s', (text, encodings) => {
    for (const encoding of encodings) expect(decodeText(iconv.encode(text, encoding), 'x.txt').text, encoding).toBe(text)
  })

  it('keeps typographic quotes in Windows-1252 rather than reading a DOS code page', () => {
    expect(decodeText(iconv.encode('Smart “quotes” – and a dash…', 'windows-1252'), 'q.txt').text).toBe('Smart “quotes” – and a dash…')
  })

  it('recognises UTF-16 without a BOM by its NUL pattern, in both byte orders', () => {
    const text = 'Plain English text in UTF-16, no byte order mark.'
    expect(decodeText(iconv.encode(text, 'utf-16le'), 'le.txt')).toEqual({ text, encoding: 'utf-16le', lossy: false })
    expect(decodeText(iconv.encode(text, 'utf-16be'), 'be.txt')).toEqual({ text, encoding: 'utf-16be', lossy: false })
  })

  it('recognises Cyrillic and Arabic UTF-16 without a BOM', () => {
    for (const text of ['Переговоры в Вене зашли в тупик, сообщили 2 участника.', 'قال المتحدث باسم الحكومة إن الخطة لن تتغير في 2024.']) {
      for (const encoding of ['utf-16le', 'utf-16be']) expect(decodeText(iconv.encode(text, encoding), 'u.txt').text).toBe(text)
    }
  })

  it('replaces a stray byte in otherwise valid UTF-8 instead of switching code page', () => {
    const bytes = new Uint8Array([...Buffer.from('Ce n’est pas ça'), 0xff, ...Buffer.from(' — fin')])
    expect(decodeText(bytes, 'fr.txt')).toEqual({ text: 'Ce n’est pas ça\ufffd — fin', encoding: 'utf-8', lossy: true })
  })

  it('refuses binary data named .txt, naming the file and why', () => {
    expect(failure(() => decodeText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]), 'report.txt'))).toEqual({
      code: 'unsupported-type',
      message: 'report.txt is not text: its content is a PDF document'
    })
    const noise = new Uint8Array(300).map((_, i) => (i * 101) % 256)
    expect(failure(() => decodeText(noise, 'noise.txt')).code).toBe('decode-failed')
  })

  it('does not take text starting with "MZ" or "BM" for a binary', () => {
    expect(decodeText(Buffer.from('MZ Kazakh news agency reports'), 'mz.txt').text).toBe('MZ Kazakh news agency reports')
  })
})
