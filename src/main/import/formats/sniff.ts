/**
 * Recognises common binary file kinds by their leading magic bytes: the one table of signatures
 * the importer trusts over a file's extension.
 */

/** Binary containers a format parser reads, whatever the file is called. */
export type ReadableContainer = 'pdf' | 'zip'

/** Image kinds OCR reads (when the file is named as an image). */
export type OcrImageKind = 'png' | 'jpeg' | 'tiff'

interface Magic {
  kind: string
  offset: number
  bytes: readonly number[]
  /** Set when a parser reads this kind: a PDF named .txt is still a PDF. */
  reads?: ReadableContainer
  /** Set for the image kinds OCR decodes. */
  image?: OcrImageKind
}

/** What the magic bytes say a file is. */
export interface SniffedKind {
  /** Named for people: "PNG image". */
  kind: string
  reads: ReadableContainer | null
  image: OcrImageKind | null
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))

const MAGICS: readonly Magic[] = [
  { kind: 'PNG image', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47], image: 'png' },
  { kind: 'JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff], image: 'jpeg' },
  { kind: 'GIF image', offset: 0, bytes: ascii('GIF8') },
  { kind: 'WebP image', offset: 8, bytes: ascii('WEBP') },
  { kind: 'BMP image', offset: 0, bytes: ascii('BM') },
  { kind: 'TIFF image', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00], image: 'tiff' },
  { kind: 'TIFF image', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a], image: 'tiff' },
  { kind: 'ICO image', offset: 0, bytes: [0x00, 0x00, 0x01, 0x00] },
  { kind: 'PDF document', offset: 0, bytes: ascii('%PDF-'), reads: 'pdf' },
  { kind: 'ZIP archive', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04], reads: 'zip' },
  { kind: 'ZIP archive', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06], reads: 'zip' },
  { kind: 'gzip archive', offset: 0, bytes: [0x1f, 0x8b] },
  { kind: 'bzip2 archive', offset: 0, bytes: ascii('BZh') },
  { kind: 'xz archive', offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: '7-Zip archive', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'RAR archive', offset: 0, bytes: ascii('Rar!') },
  // The magic with its terminator (POSIX `ustar\0`, GNU `ustar  \0`): five letters alone are
  // words ("mustard", "custard"), and a story with one at byte 257 was refused as a tar archive.
  { kind: 'tar archive', offset: 257, bytes: [...ascii('ustar'), 0x00] },
  { kind: 'tar archive', offset: 257, bytes: [...ascii('ustar  '), 0x00] },
  { kind: 'ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'Windows executable', offset: 0, bytes: ascii('MZ') },
  { kind: 'Mach-O executable', offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { kind: 'Mach-O executable', offset: 0, bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { kind: 'WebAssembly module', offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { kind: 'SQLite database', offset: 0, bytes: ascii('SQLite format 3') },
  { kind: 'OLE2 document (legacy Office .doc/.xls)', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'RTF document', offset: 0, bytes: ascii('{\\rtf') },
  { kind: 'MP3 audio', offset: 0, bytes: ascii('ID3') },
  { kind: 'Ogg media', offset: 0, bytes: ascii('OggS') },
  { kind: 'FLAC audio', offset: 0, bytes: ascii('fLaC') },
  { kind: 'WAV audio', offset: 8, bytes: ascii('WAVE') },
  { kind: 'AVI video', offset: 8, bytes: ascii('AVI ') },
  { kind: 'MP4/QuickTime media', offset: 4, bytes: ascii('ftyp') },
  { kind: 'Matroska/WebM media', offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { kind: 'WOFF font', offset: 0, bytes: ascii('wOFF') },
  { kind: 'WOFF2 font', offset: 0, bytes: ascii('wOF2') },
  { kind: 'Java class file', offset: 0, bytes: [0xca, 0xfe, 0xba, 0xbe] }
]

function matches(bytes: Uint8Array, magic: Magic): boolean {
  if (bytes.length < magic.offset + magic.bytes.length) return false
  return magic.bytes.every((b, i) => bytes[magic.offset + i] === b)
}

/** The binary kind of a file from its magic bytes, or null when none is recognised. */
export function sniffBinary(bytes: Uint8Array): SniffedKind | null {
  // 'BM' and 'MZ' are two letters: a text file may start with them, so demand a binary byte too.
  for (const magic of MAGICS) {
    if (!matches(bytes, magic)) continue
    if (magic.bytes.length <= 2 && !looksBinary(bytes.subarray(0, 512))) continue
    return { kind: magic.kind, reads: magic.reads ?? null, image: magic.image ?? null }
  }
  return null
}

/** Names the binary kind of a file from its magic bytes, or null when none is recognised. */
export function sniffBinaryKind(bytes: Uint8Array): string | null {
  return sniffBinary(bytes)?.kind ?? null
}

/** True when a sample holds bytes that never occur in text (NUL and most C0 controls). */
export function looksBinary(sample: Uint8Array): boolean {
  if (sample.length === 0) return false
  let odd = 0
  for (const b of sample) {
    if (b === 0) return true
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) odd++
  }
  return odd / sample.length > 0.02
}
