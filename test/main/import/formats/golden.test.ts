import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parseSourceFile, type FormatResult } from '../../../../src/main/import/formats'
import { ImportError } from '../../../../src/main/import/errors'
import { expectGolden } from '../../../support/import/golden'
import { encoded, FIXTURE_MTIME, FORMAT_FIXTURES, generatedFixtures, inputBytes, inputNames } from '../../../support/import/sources'

type Outcome = FormatResult | { error: { code: string; message: string } }

async function parse(name: string, bytes: Uint8Array): Promise<Outcome> {
  try {
    return await parseSourceFile({ name, bytes, mtime: FIXTURE_MTIME })
  } catch (err) {
    if (!(err instanceof ImportError)) throw err
    return { error: { code: err.code, message: err.message } }
  }
}

const golden = (name: string): string => `${FORMAT_FIXTURES}golden/${name}.json`

describe('format parsers: golden files', () => {
  for (const name of inputNames()) {
    it(`parses ${name}`, async () => {
      expectGolden(golden(name), await parse(name, inputBytes(name)))
    })
  }
  for (const [name, bytes] of Object.entries(generatedFixtures())) {
    it(`parses generated ${name}`, async () => {
      expectGolden(golden(name), await parse(name, bytes))
    })
  }
})

describe('format parsers: every failure names the file and a documented code', () => {
  it('reports failures with the file name in the message', async () => {
    for (const [name, bytes] of Object.entries(generatedFixtures())) {
      const outcome = await parse(name, bytes)
      if ('error' in outcome) expect(outcome.error.message).toContain(name)
    }
  })
})

describe('encodings decode to the same article as the UTF-8 original', () => {
  const variants: [source: string, encoding: string, bom: boolean][] = [
    ['russian.txt', 'windows-1251', false],
    ['russian.txt', 'koi8-r', false],
    ['russian.txt', 'iso-8859-5', false],
    ['russian.txt', 'maccyrillic', false],
    ['russian.txt', 'cp866', false],
    ['russian.txt', 'utf-8', true],
    ['russian.txt', 'utf-16le', true],
    ['russian.txt', 'utf-16be', true],
    ['french.txt', 'windows-1252', false],
    ['french.txt', 'iso-8859-15', false],
    ['french.txt', 'utf-16le', false],
    ['french.txt', 'utf-16be', false],
    ['german.txt', 'windows-1252', false],
    ['german.txt', 'iso-8859-1', false],
    ['polish.txt', 'iso-8859-2', false],
    ['polish.txt', 'windows-1250', false],
    ['front-matter.md', 'utf-16le', true]
  ]
  for (const [source, encoding, bom] of variants) {
    it(`${source} as ${encoding}${bom ? ' with BOM' : ''}`, async () => {
      const bytes = encoded(source, encoding, bom)
      // Compare with what the encoding can carry: KOI8-R has no em dash, for one.
      const carried = iconv.decode(Buffer.from(bytes), encoding)
      const original = (await parse(source, new TextEncoder().encode(carried))) as FormatResult
      const result = await parse(source, bytes)
      expect('error' in result).toBe(false)
      expect((result as FormatResult).article).toEqual(original.article)
    })
  }

  it('reads Windows-1251 Cyrillic as Cyrillic, and says so', async () => {
    const result = (await parse('russian.txt', encoded('russian.txt', 'windows-1251'))) as FormatResult
    expect(result.encoding).toBe('windows-1251')
    expect(result.article.place).toBe('МОСКВА')
    expect(result.article.title).toBe('Переговоры о зерновом коридоре зашли в тупик — СМИ')
  })

  it('normalises CRLF, NBSP, tabs, soft hyphens and zero-width characters', async () => {
    const text = new TextDecoder().decode(inputBytes('wire-afp.txt'))
    const odd = text
      .replace(/\n/g, '\r\n')
      .replace(/ambassador/g, 'ambas\u00adsa\u200bdor')
      .replace(/ the /g, '\u00a0the\t')
      .replace(/said/g, 'sa\ufeffid')
      .replace(/\r\n/g, '  \r\n')
    const original = (await parse('wire-afp.txt', inputBytes('wire-afp.txt'))) as FormatResult
    const result = (await parse('wire-afp.txt', new TextEncoder().encode(odd))) as FormatResult
    expect(result.article).toEqual(original.article)
  })
})
