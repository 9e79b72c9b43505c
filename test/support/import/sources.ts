import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { makeDocx, forgeUncompressedSize, makeZip } from './make-docx'
import { makePdf } from './make-pdf'

/** Folder of the format fixtures: `input/` files and `golden/` expected outputs. */
export const FORMAT_FIXTURES = fileURLToPath(new URL('../../fixtures/import/formats/', import.meta.url))

/** The fixed modification time given to every fixture, so year inference is reproducible. */
export const FIXTURE_MTIME = new Date('2024-06-01T12:00:00Z')

/** Bytes of a committed input fixture. */
export function inputBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FORMAT_FIXTURES}input/${name}`))
}

/** Names of the committed input fixtures. */
export function inputNames(): string[] {
  return readdirSync(`${FORMAT_FIXTURES}input`).sort()
}

/** A UTF-8 fixture re-encoded into another encoding (optionally with a BOM). */
export function encoded(name: string, encoding: string, bom = false): Uint8Array {
  const text = readFileSync(`${FORMAT_FIXTURES}input/${name}`, 'utf8')
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }))
}

const DOCK_PARAGRAPHS = [
  'All news',
  'Dockworkers vote to accept new contract',
  'ANTWERP, June 9 (Belga) - Dockworkers voted on Friday to accept a new four-year contract, ending weeks of uncertainty at the port.',
  'The union said 71 percent of members backed the deal, which raises wages and limits night shifts.',
  'Share this article'
]

const PDF_PAGES = [
  {
    lines: [
      'Ceasefire talks resume in Geneva',
      'GENEVA, March 3 (Reuters) - Delegations from both sides returned to the',
      'negotiating table on Tuesday, officials said, after a week of inter-',
      'ruptions and mutual accusations.',
      'Mediators said the first session would deal with prisoner exchanges and',
      'the opening of humanitarian corridors for civilians leaving the'
    ],
    gapsBefore: [1, 4]
  },
  { lines: ['besieged towns.', 'A second session is planned for Thursday.', '2'], gapsBefore: [1] }
]

/** Fixtures built at test time: binary formats and damaged files that are better generated than committed. */
export function generatedFixtures(): Record<string, Uint8Array> {
  const docx = makeDocx(DOCK_PARAGRAPHS, 'Ines Maes')
  const pdf = makePdf(PDF_PAGES, { title: 'Microsoft Word - talks.docx', author: 'Wire Desk' })
  const tass = inputBytes('wire-tass.txt')
  const at = tass.indexOf(0x2e, 400)
  const strayByte = new Uint8Array([...tass.subarray(0, at), 0xff, ...tass.subarray(at)])
  const cp1251Mail = Buffer.concat([
    Buffer.from(
      'From: =?windows-1251?B?' + Buffer.from(iconv.encode('Редакция', 'windows-1251')).toString('base64') + '?= <desk@example.test>\r\n' +
        'Subject: =?windows-1251?B?' + Buffer.from(iconv.encode('Мост через реку откроют в мае', 'windows-1251')).toString('base64') + '?=\r\n' +
        'Date: Mon, 15 Apr 2019 09:30:00 +0300\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
    ),
    iconv.encode('КАЗАНЬ, 15 апреля. Строительство моста через реку завершится в мае, сообщили в понедельник в мэрии города.\r\n\r\nДвижение по мосту откроют после испытаний.\r\n', 'windows-1251')
  ])
  return {
    'two-pages.pdf': pdf,
    'scanned.pdf': makePdf([{}, {}]),
    'truncated.pdf': pdf.subarray(0, Math.floor(pdf.length / 3)),
    'article.docx': docx,
    'bomb.docx': forgeUncompressedSize(docx, 'word/document.xml', 3_000_000_000),
    'not-word.docx': makeZip('notes.txt', 'not a Word document'),
    'truncated.docx': docx.subarray(0, docx.length - 40),
    'cp1251.eml': new Uint8Array(cp1251Mail),
    'stray-byte.txt': strayByte,
    'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    'binary.txt': new Uint8Array(Array.from({ length: 256 }, (_, i) => (i * 37) % 256)),
    'photo.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]),
    'program.bin': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0])
  }
}
