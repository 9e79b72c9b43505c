import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { gzipSync } from 'node:zlib'
import { makeLyingBomb } from './import/make-docx'
import { makeWarc } from './import/make-captures'

export interface HostileCase {
  file: string
  /** Codes acceptable for this file, or 'added' when it must import cleanly. */
  expect: ('added' | 'skipped' | string)[]
}

function minimalPdf(pageContent: string | null): Buffer {
  // A one-page PDF; with null content the page has no text layer (like a scan).
  const stream = pageContent === null ? '' : `BT /F1 12 Tf 72 720 Td (${pageContent}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** Writes the hostile and broken files of the hardening issue (plus good ones) into `dir`. */
export function writeHostileFiles(dir: string): HostileCase[] {
  mkdirSync(dir, { recursive: true })
  const cases: HostileCase[] = []
  const add = (name: string, data: string | Buffer | Uint8Array, expect: HostileCase['expect']): void => {
    writeFileSync(join(dir, name), data)
    cases.push({ file: name, expect })
  }
  add('good-1.txt', 'A good headline\n\nKABUL, (Agency) – A good first paragraph of text.\n\nAnother paragraph.', ['added'])
  add('empty.txt', '', ['empty'])
  const huge = join(dir, 'huge.txt')
  writeFileSync(huge, '')
  truncateSync(huge, 200 * 1024 * 1024) // sparse: 200 MB on paper, nothing on disk
  cases.push({ file: 'huge.txt', expect: ['too-large'] })
  // Real text, under the byte limit but far over what one article may hold.
  add('book-length.txt', `Book-length headline\n\n${'A paragraph of ordinary words about a long report. '.repeat(20).concat('\n\n').repeat(5000)}`, ['too-large'])
  const binary = Buffer.alloc(4096)
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919 + 13) & 0xff
  add('binary.txt', binary, ['decode-failed', 'unsupported-type'])
  add('latin1.txt', Buffer.from('Caf\xe9 headline\n\nThe caf\xe9 was closed on Monday, the r\xe9sum\xe9 said.', 'latin1'), ['added'])
  const utf16 = Buffer.from('UTF-16 headline\n\nThis body has no byte order mark at all.', 'utf16le')
  add('utf16-nobom.txt', utf16, ['added'])
  add('deep.html', '<html><body>' + '<div>'.repeat(100_000) + 'deep text' + '</div>'.repeat(100_000) + '</body></html>', ['parse-failed', 'too-large'])
  add('million.html', '<html><body>' + '<p>x</p>'.repeat(1_000_000) + '</body></html>', ['parse-failed', 'too-large'])
  // The parser nests <div/> (the slash is ignored in HTML) and builds what <noscript> holds.
  add('slashes.html', `<html><body>${'<div/>'.repeat(150_000)}text</body></html>`, ['parse-failed'])
  add('noscript-million.html', `<html><body><noscript>${'<p>x</p>'.repeat(1_000_000)}</noscript></body></html>`, ['too-large'])
  const png = Buffer.alloc(4096)
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  for (let i = 8; i < png.length; i++) png[i] = 32 + ((i * 37) % 90)
  add('image.html', png, ['unsupported-type'])
  add('frameset.html', '<html><head><title>Frames</title></head><frameset cols="30%,70%"><frame src="menu.html"><frame src="story.html"></frameset></html>', ['empty'])
  add(
    'frameset-noframes.html',
    `<html><head><title>Framed flood report</title></head><frameset cols="30%,70%"><frame src="menu.html"><noframes>${'<p>The river rose by two metres overnight and the old bridge stayed closed, the council said.</p>'.repeat(3)}</noframes></frameset></html>`,
    ['added']
  )
  const bomb = zipSync({
    '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
    'word/document.xml': new Uint8Array(300 * 1024 * 1024)
  }, { level: 9 })
  add('bomb.docx', bomb, ['too-large'])
  // Declares 4 KB, inflates to 200 MB: only counting the real output stops it.
  add('bomb-lying.docx', makeLyingBomb(200 * 1024 * 1024), ['too-large'])
  add('scan.pdf', minimalPdf(null), ['empty', 'parse-failed'])
  const pdf = minimalPdf('Truncated document text')
  add('truncated.pdf', pdf.subarray(0, Math.floor(pdf.length / 3)), ['parse-failed'])
  add(
    'malformed.eml',
    'Content-Type: multipart/mixed; boundary="never-closed"\r\nSubject\r\nFrom: \r\n\r\n--never-closed\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!',
    ['parse-failed', 'empty']
  )
  // Web archives and mailboxes: a gzip bomb, a zip bomb, a lying length, a cut-off member, a 100 MB message.
  add('bomb.warc.gz', gzipSync(Buffer.alloc(200 * 1024 * 1024)), ['too-large'])
  add('bomb.wacz', zipSync({ 'archive/data.warc': new Uint8Array(200 * 1024 * 1024) }, { level: 9 }), ['too-large'])
  const warc = Buffer.from(makeWarc()).toString('latin1')
  add('lying.warc', Buffer.from(warc.replace(/Content-Length: (\d+)/, (_, n: string) => `Content-Length: ${Number(n) + 40}`), 'latin1'), ['parse-failed'])
  add('truncated.warc.gz', makeWarc({ gzip: true }).subarray(0, 60), ['parse-failed'])
  const mbox = join(dir, 'huge-message.mbox')
  writeFileSync(mbox, 'From a@b.example Tue Aug 31 07:00:00 2021\nSubject: Huge\n\n')
  truncateSync(mbox, 100 * 1024 * 1024)
  cases.push({ file: 'huge-message.mbox', expect: ['too-large'] })
  add('name with\nnewline.txt', 'Newline name\n\nBody of the newline file.', ['added'])
  add('emoji-📰-name.txt', 'Emoji name\n\nBody of the emoji file.', ['added'])
  add(`${'l'.repeat(251)}.txt`, 'Long name\n\nBody of the long-name file.', ['added'])
  mkdirSync(join(dir, 'loop'))
  symlinkSync('..', join(dir, 'loop', 'back'))
  // /proc/self/mem stats as an empty regular file but fails to read (EIO), even for root; a link
  // into /proc is never followed: reported as skipped, with its reason.
  symlinkSync('/proc/self/mem', join(dir, 'unreadable.txt'))
  cases.push({ file: 'unreadable.txt', expect: ['skipped'] })
  return cases
}
