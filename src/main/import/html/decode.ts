import { isUtf8 } from 'node:buffer'
import { iconv, jschardet } from '../codecs'

export interface DecodedHtml {
  text: string
  /** The encoding actually used, as an iconv-lite / WHATWG label. */
  charset: string
  /** How the charset was chosen. */
  source: 'bom' | 'declared' | 'utf8-valid' | 'detected' | 'fallback'
}

/** How far into the file a charset declaration is looked for (HTML says 1024; real pages are sloppier). */
const PRESCAN_BYTES = 8192

/** WHATWG maps these legacy labels to windows-1252, and real pages that declare them are usually 1252. */
const LATIN1_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'l1', 'cp819', 'iso_8859-1'])

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 }
  return null
}

/** Normalises a declared label to one iconv-lite knows, or null when it is unusable. */
export function usableCharset(label: string): string | null {
  const lower = label.trim().toLowerCase().replace(/^["']|["']$/g, '')
  if (lower === '') return null
  if (LATIN1_ALIASES.has(lower)) return 'windows-1252'
  // A page saved as bytes cannot really be UTF-16 if it declared that inside ASCII-compatible markup.
  if (lower.startsWith('utf-16')) return 'utf-8'
  if (lower === 'x-user-defined') return 'windows-1252'
  return iconv().encodingExists(lower) ? lower : null
}

/** Finds `<meta charset>`, `<meta http-equiv content="...charset=">` or an XML declaration's encoding. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1')
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  if (xml) return xml[1]!
  const metaRe = /<meta\b([^>]*)>/gi
  for (let m = metaRe.exec(head); m; m = metaRe.exec(head)) {
    const attrs = m[1]!
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(attrs)
    if (direct && !/\bcontent\s*=/i.test(attrs.slice(0, direct.index))) return direct[1]!
    if (/http-equiv\s*=\s*["']?content-type/i.test(attrs) || /\bcontent\s*=/i.test(attrs)) {
      const inContent = /\bcontent\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(attrs)
      if (inContent) return inContent[1]!
    }
  }
  return null
}

/**
 * Decodes a saved web page: BOM first, then the page's own declaration, then valid UTF-8, then a
 * statistical guess, then windows-1252 (which accepts any byte sequence).
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom = bomCharset(bytes)
  if (bom) return { text: iconv().decode(Buffer.from(bytes.subarray(bom.skip)), bom.charset), charset: bom.charset, source: 'bom' }
  const declared = declaredCharset(bytes)
  const usable = declared === null ? null : usableCharset(declared)
  // A view, not a copy: a saved page is often over 100 KB.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const declaredUtf8 = usable?.replace('-', '') === 'utf8'
  if (usable && !declaredUtf8) return { text: iconv().decode(buffer, usable), charset: usable, source: 'declared' }
  // Valid UTF-8 without a BOM reads the same through Node's own decoder as through iconv-lite's,
  // which streams it. A page that declares UTF-8 but is not valid UTF-8 was re-saved by a tool
  // that lied; guess instead.
  if (isUtf8(bytes)) {
    return declaredUtf8
      ? { text: buffer.toString('utf8'), charset: usable!, source: 'declared' }
      : { text: buffer.toString('utf8'), charset: 'utf-8', source: 'utf8-valid' }
  }
  const guess = jschardet().detect(buffer.subarray(0, 256 * 1024).toString('latin1'))
  const guessed = guess.encoding && guess.confidence >= 0.5 ? usableCharset(guess.encoding) : null
  if (guessed && guessed !== 'utf-8' && guessed !== 'ascii') {
    return { text: iconv().decode(buffer, guessed), charset: guessed, source: 'detected' }
  }
  return { text: iconv().decode(buffer, 'windows-1252'), charset: 'windows-1252', source: 'fallback' }
}
