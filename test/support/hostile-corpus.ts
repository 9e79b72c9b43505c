import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { writeHostileFiles } from './hostile-files'
import { writeStoryFiles } from './story-files'

/** A path the import must account for: as added, duplicate, a coded failure, or skipped. */
export interface CorpusEntry {
  path: string
  kind: string
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

/**
 * The hostile corpus of the hardening issue: every kind of broken, lying or trick file we know
 * of (the unit-test hostile set, plus file-system tricks, formats in disguise, markup and text
 * built to exhaust a parser), next to a folder of `tiny` small stories. Returns every path the
 * import report must name, with its kind. Linux only (named pipes, /proc links).
 */
export function writeHostileCorpus(root: string, tiny: number): CorpusEntry[] {
  const entries: CorpusEntry[] = []
  const dir = join(root, 'hostile')
  for (const c of writeHostileFiles(join(dir, 'unit-set'))) entries.push({ path: join(dir, 'unit-set', c.file), kind: `unit-set ${c.file}` })
  const add = (name: string, data: string | Uint8Array, kind: string): void => {
    writeFileSync(join(dir, name), data)
    entries.push({ path: join(dir, name), kind })
  }
  const outside = join(root, 'outside')
  mkdirSync(outside, { recursive: true })
  writeFileSync(join(outside, 'secret.txt'), 'Outside headline\n\nNot chosen by the user.')
  const link = (target: string, name: string, kind: string): void => {
    symlinkSync(target, join(dir, name))
    entries.push({ path: join(dir, name), kind })
  }

  // File-system tricks.
  link('/proc/self/pagemap', 'pagemap.txt', 'link to a /proc file that never ends')
  link('/proc/self/status', 'status.txt', 'link to a /proc file that claims size 0')
  link('/dev/zero', 'zero.txt', 'link to an endless device')
  link('/dev/urandom', 'random.txt', 'link to a random device')
  link(join(outside, 'secret.txt'), 'leak.txt', 'link to a file outside the chosen folder')
  link(outside, 'outside-folder', 'link to a folder outside')
  link('..', 'parent', 'link to the parent folder')
  link(join(dir, 'missing-target.txt'), 'broken.txt', 'broken link')
  link(join(dir, 'loop-b.txt'), 'loop-a.txt', 'link loop (a)')
  link(join(dir, 'loop-a.txt'), 'loop-b.txt', 'link loop (b)')
  execFileSync('mkfifo', [join(dir, 'pipe.txt')])
  entries.push({ path: join(dir, 'pipe.txt'), kind: 'named pipe' })
  add('.hidden.txt', 'Hidden headline\n\nA hidden file.', 'hidden file')
  mkdirSync(join(dir, '.hidden-folder'))
  writeFileSync(join(dir, '.hidden-folder', 'inside.txt'), 'Inside a hidden folder.')
  entries.push({ path: join(dir, '.hidden-folder'), kind: 'hidden folder' })
  const latin1Name = Buffer.concat([Buffer.from(join(dir, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')])
  writeFileSync(latin1Name, 'A Latin-1 name\n\nThe file name is not UTF-8.')
  entries.push({ path: latin1Name.toString('utf8'), kind: 'name that is not UTF-8' })
  add('rtl-\u202etxt.exe.txt', 'Right-to-left name\n\nA name with a direction override.', 'name with a direction override')
  mkdirSync(join(dir, 'folder.txt'))
  add('folder.txt/inside.txt', 'Folder named like a file\n\nIts file imports.', 'folder named like a file')
  const deep = join(dir, ...Array.from({ length: 40 }, (_, i) => `level-${i}`))
  mkdirSync(deep, { recursive: true })
  writeFileSync(join(deep, 'deep.txt'), 'Forty folders down\n\nA file at the bottom of a deep tree.')
  entries.push({ path: join(deep, 'deep.txt'), kind: 'file forty folders deep' })
  add('locked.txt', 'Locked headline\n\nNobody may read this file.', 'file without read permission')
  chmodSync(join(dir, 'locked.txt'), 0)

  // Formats in disguise.
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)])
  add('image.html', png, 'PNG named .html')
  add('photo.txt', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 3)]), 'JPEG named .txt')
  add('elf.md', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(4096, 1)]), 'program named .md')
  add('gzip.txt', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(1024, 9)]), 'gzip named .txt')
  add('notzip.docx', 'Plain text pretending to be a Word document.', 'text named .docx')
  add('nodocument.docx', zipSync({ 'readme.txt': enc('no word/document.xml here') }), 'zip without a document')
  add('empty.pdf', '', 'empty PDF')
  add('header-only.pdf', '%PDF-1.7\n', 'PDF header only')
  add('empty.docx', '', 'empty docx')
  add('empty.eml', '', 'empty e-mail')
  add('empty.html', '', 'empty page')
  add('NOEXT', 'A file without extension\n\nIts text is plain.', 'no extension')
  add('UPPER.TXT', 'Upper-case extension\n\nPlain text all the same.', 'upper-case extension')

  // Markup built to exhaust a parser.
  add('frames.html', '<html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>', 'frameset page')
  add('selfclosing.html', `<html><body>${'<div/>'.repeat(150_000)}text</body></html>`, '150k <div/>')
  add('noscript.html', `<html><body><p>Visible text.</p><noscript>${'<b>x</b>'.repeat(1_000_000)}</noscript></body></html>`, 'a million elements in <noscript>')
  add('attributes.html', `<html><body><p ${Array.from({ length: 100_000 }, (_, i) => `a${i}="v"`).join(' ')}>Many attributes.</p></body></html>`, '100k attributes on one element')
  add('script.html', `<html><head><script>${'var x = 1;'.repeat(2_000_000)}</script></head><body><p>After a 20 MB script.</p></body></html>`, '20 MB script block')
  add('entities.html', `<html><body><p>${'&amp;'.repeat(2_000_000)}</p></body></html>`, 'two million entities')
  add('comment.html', `<html><body><p>Before.</p><!-- ${'never closed '.repeat(100_000)}</body></html>`, 'unclosed comment')
  add('charset.html', Buffer.from('<html><head><meta charset="utf-16"></head><body><p>Actually Latin-1: caf\xe9.</p></body></html>', 'latin1'), 'lying charset')
  add('quotes.md', `${'> '.repeat(100_000)}deep quote`, '100k nested quotes in Markdown')
  add('frontmatter.md', `---\n${Array.from({ length: 100_000 }, (_, i) => `key${i}: value`).join('\n')}\n---\n\nBody after a huge front matter.`, 'huge front matter')

  // Text built to exhaust a parser.
  add('paragraphs.txt', 'Two million paragraphs\n\n' + 'a\n\n'.repeat(2_000_000), 'two million tiny paragraphs')
  add('longline.txt', 'x'.repeat(10_000_000), 'one line of ten million letters')
  add('lines.txt', `${'a line of ordinary words, wrapped at eighty columns like an old text file\n'.repeat(600_000)}`, '600k lines without a blank one')
  add('nul.txt', Buffer.concat([Buffer.from('Headline\n\nText with '), Buffer.alloc(64, 0), Buffer.from(' NUL bytes.')]), 'NUL bytes in text')
  add('crlf.txt', 'CRLF headline\r\n\r\nWindows line ends throughout.\r\n', 'CRLF line ends')
  add('whitespace.txt', ' \n\t\n   \n', 'only white space')
  add('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('BOM headline\n\nText after a byte-order mark.')]), 'UTF-8 with BOM')
  add('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('UTF-16 BE headline\n\nBig-endian text.', 'utf16le').swap16()]), 'UTF-16 BE with BOM')
  add('koi8.txt', Buffer.from([0xeb, 0xc9, 0xd2, 0xc9, 0xcc, 0xcc, 0xc9, 0xc3, 0xc1, 0x0a, 0x0a, 0xf4, 0xc5, 0xcb, 0xd3, 0xd4]), 'KOI8-R Cyrillic')

  // E-mail built to exhaust a parser.
  const nested = Array.from({ length: 1000 }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`).join('')
  add('nested.eml', `Subject: Nested\r\nMIME-Version: 1.0\r\n${nested}Content-Type: text/plain\r\n\r\nInnermost text.\r\n`, '1,000 nested multiparts')
  add('headers.eml', `Subject: Headers only\r\n${'X-Filler: value\r\n'.repeat(100_000)}`, '100k headers, no body')
  add(
    'attachment.eml',
    `Subject: Big attachment\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="z"\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\nA message with a large attachment.\r\n--z\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${'QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n'.repeat(300_000)}--z--\r\n`,
    '20 MB base64 attachment'
  )

  // Copies: one file many times, and a pair sharing paragraphs.
  const copy = 'A copied headline\n\nThe same bytes in many files, which must be stored once.'
  mkdirSync(join(dir, 'copies'))
  for (let i = 0; i < 200; i++) add(`copies/copy-${i}.txt`, copy, 'copy of one file')

  const stories = join(root, 'tiny')
  writeStoryFiles(stories, tiny, 11)
  for (let i = 0; i < tiny; i++) {
    entries.push({ path: join(stories, `batch-${String(Math.floor(i / 250)).padStart(2, '0')}`, `story-${String(i).padStart(5, '0')}.txt`), kind: 'tiny story' })
  }
  return entries
}
