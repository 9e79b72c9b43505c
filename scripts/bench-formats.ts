/**
 * Single-threaded parse throughput of the non-HTML formats (decode, extract, analyse; no
 * storage), on the committed format fixtures and generated PDF/.docx files. Prints files/s and
 * MB/s per format. Run: `npm run bench:formats` (or `npx tsx scripts/bench-formats.ts`).
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { parseSourceFile } from '../src/main/import/formats'
import { makeDocx } from '../test/support/import/make-docx'
import { makePdf } from '../test/support/import/make-pdf'

const input = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'import', 'formats', 'input')
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(input, name)))
const russian = readFileSync(resolve(input, 'russian.txt'), 'utf8')
const wire = readFileSync(resolve(input, 'wire-tass.txt'), 'utf8')
const paragraphs = wire.split(/\n\s*\n/)

const cases: [label: string, name: string, bytes: Uint8Array][] = [
  ['text, UTF-8 (1 KB)', 'a.txt', read('wire-tass.txt')],
  ['text, UTF-8 (40 KB)', 'a.txt', new TextEncoder().encode(wire.repeat(40))],
  ['text, Windows-1251 (2 KB)', 'a.txt', new Uint8Array(iconv.encode(russian, 'windows-1251'))],
  ['text, Windows-1252 (1 KB)', 'a.txt', new Uint8Array(iconv.encode(readFileSync(resolve(input, 'french.txt'), 'utf8'), 'windows-1252'))],
  ['Markdown with front matter', 'a.md', read('front-matter.md')],
  ['.eml, quoted-printable', 'a.eml', read('plain.eml')],
  ['.eml, HTML body', 'a.eml', read('html-only.eml')],
  ['.docx (5 paragraphs)', 'a.docx', makeDocx(paragraphs)],
  ['PDF (2 pages)', 'a.pdf', makePdf([{ lines: paragraphs.slice(0, 4) }, { lines: paragraphs.slice(4) }])]
]

const mtime = new Date('2024-06-01T00:00:00Z')
for (const [label, name, bytes] of cases) {
  for (let i = 0; i < 20; i++) await parseSourceFile({ name, bytes, mtime })
  let n = 0
  const start = performance.now()
  while (performance.now() - start < 1500) {
    await parseSourceFile({ name, bytes, mtime })
    n++
  }
  const seconds = (performance.now() - start) / 1000
  console.log(`${label.padEnd(30)} ${(n / seconds).toFixed(0).padStart(6)} files/s  ${((n * bytes.length) / 1e6 / seconds).toFixed(2).padStart(6)} MB/s`)
}

// Pathological inputs: each must stay roughly linear (a quadratic step shows up as seconds).
const hostile: [name: string, text: string][] = [
  ['one 1 MB line', 'A'.repeat(1_000_000)],
  ['50k " - " separators', 'Title - '.repeat(50_000)],
  ['100k caps words', 'MOSCOW, '.repeat(100_000)],
  ['20k weekday pairs', 'Headline\n\n' + 'Saturday, August 21 and Monday, '.repeat(20_000)],
  ['50k share lines', 'Headline\n\n' + 'Share\n\nBody paragraph here.\n\n'.repeat(50_000)],
  ['100k wrapped lines', ('word '.repeat(14) + '\n').repeat(100_000)],
  ['100k hyphenated lines', 'wordy word wordy word wordy word wordy word wordy wo-\n'.repeat(100_000)],
  ['100k list items (.md)', '# T\n\n' + '- item\n'.repeat(100_000)]
]
console.log('\npathological inputs (one parse each):')
for (const [label, text] of hostile) {
  const name = label.endsWith('(.md)') ? 'a.md' : 'a.txt'
  const start = performance.now()
  await parseSourceFile({ name, bytes: new TextEncoder().encode(text), mtime })
  console.log(`${label.padEnd(30)} ${(performance.now() - start).toFixed(0).padStart(6)} ms  (${(text.length / 1e6).toFixed(1)} MB)`)
}
