import { iconv, jschardet } from '../codecs'
import { ImportError } from '../errors'
import { looksBinary, sniffBinaryKind } from './sniff'
import { scoreDecoding } from './decode-score'

/** Text decoded from bytes, with the encoding that was used. */
export interface DecodedText {
  text: string
  /** Lower-case encoding label as iconv-lite knows it, e.g. `utf-8`, `windows-1251`, `utf-16le`. */
  encoding: string
  /** True when invalid UTF-8 sequences were replaced by U+FFFD. */
  lossy: boolean
}

// Legacy encodings always tried alongside the detector's guesses: the detector often confuses
// the Cyrillic code pages (and Latin-1 relatives) on short articles, which the scorer resolves.
const ALWAYS_TRY = ['windows-1251', 'koi8-r', 'maccyrillic', 'iso-8859-5', 'cp866', 'windows-1252', 'iso-8859-2']

// DOS and Mac Latin pages fit typographic quotes as accented letters; news files almost never use them.
const RARE_LATIN = /^(?:cp|ibm)(?!866)\d+$|^mac(?!cyrillic)/

const SAMPLE_BYTES = 64 * 1024
// Enough text for stable statistics; the detector and the scorer cost time in proportion.
const DETECT_BYTES = 8 * 1024
const SCORE_BYTES = 16 * 1024

/**
 * UTF-16 without a BOM: in one byte of each pair (the high byte) nearly all values are one or
 * two (0x00 for Latin, 0x04 for Cyrillic, 0x06 for Arabic, …) including some NULs, while the
 * other byte is almost never NUL. Binary data has NULs on both sides or high bytes all over.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  // Both tests below need a NUL among the high bytes: a sample without one (any UTF-8 or
  // single-byte text) is answered by one native scan instead of two histograms.
  if (n < 8 || bytes.subarray(0, n).indexOf(0) < 0) return null
  const pairs = n / 2
  const looksLike = (high: number): boolean => {
    const hist = new Map<number, number>()
    let lowNul = 0
    for (let i = 0; i < n; i += 2) {
      const h = bytes[i + high]!
      hist.set(h, (hist.get(h) ?? 0) + 1)
      if (bytes[i + 1 - high] === 0) lowNul++
    }
    const top = [...hist.values()].sort((a, b) => b - a)
    const topTwo = (top[0] ?? 0) + (top[1] ?? 0)
    return (hist.get(0) ?? 0) > 0 && lowNul / pairs < 0.05 && topTwo / pairs > 0.9
  }
  if (looksLike(1)) return 'utf-16le'
  if (looksLike(0)) return 'utf-16be'
  return null
}

interface Utf8Census {
  multibyte: number
  invalid: number
}

function utf8Census(bytes: Uint8Array): Utf8Census {
  let multibyte = 0
  let invalid = 0
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = len > 0 && i + len <= bytes.length
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80
    if (ok) {
      multibyte++
      i += len
    } else {
      invalid++
      i++
    }
  }
  return { multibyte, invalid }
}

function canonicalEncoding(name: string): string | null {
  const lower = name.toLowerCase()
  if (lower === 'ascii' || lower === 'us-ascii') return 'utf-8'
  const aliases: Record<string, string> = { ibm866: 'cp866', 'iso-8859-1': 'windows-1252', iso88591: 'windows-1252' }
  const mapped = aliases[lower] ?? lower
  return iconv().encodingExists(mapped) ? mapped : null
}

// Cyrillic code pages, in the order that wins ties (Russian text reads alike in KOI8-R and KOI8-U).
const CYRILLIC = ['windows-1251', 'koi8-r', 'koi8-u', 'maccyrillic', 'iso-8859-5', 'cp866']
// Real Russian or Ukrainian prose scores about 1.5 in its own code page and below 0.5 in the
// others: above this, the letter statistics have decided and the detector (several
// milliseconds a file) is not consulted.
const CYRILLIC_CONFIDENT = 1.0

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const sample = Buffer.from(bytes.subarray(0, SCORE_BYTES))
  const scores = new Map<string, number>()
  const score = (encoding: string): number => {
    let s = scores.get(encoding)
    if (s === undefined) {
      s = scoreDecoding(iconv().decode(sample, encoding))
      scores.set(encoding, s)
    }
    return s
  }
  let chosen = CYRILLIC[0]!
  for (const encoding of CYRILLIC) if (score(encoding) > score(chosen)) chosen = encoding
  if (score(chosen) < CYRILLIC_CONFIDENT) {
    // Only the detector's top guess is used (detectAll costs several times more): it leads the
    // candidates so that it wins ties (Turkish 1254 and 1252 score alike).
    const top = jschardet().detect(bytes.subarray(0, DETECT_BYTES)).encoding
    const guess = top === null ? null : canonicalEncoding(top)
    const candidates = [...new Set([...(guess !== null && guess !== 'utf-8' && !RARE_LATIN.test(guess) ? [guess] : []), ...ALWAYS_TRY])]
    chosen = candidates[0]!
    // Strictly greater: on a tie the earlier candidate wins.
    for (const encoding of candidates) if (score(encoding) > score(chosen)) chosen = encoding
  }
  return { text: iconv().decode(Buffer.from(bytes), chosen), encoding: chosen, lossy: false }
}

/**
 * Decodes the bytes of a text file. BOMs win; UTF-16 without a BOM is recognised by its NUL
 * pattern; valid UTF-8 is taken as is; UTF-8 with a few stray bytes is decoded with
 * replacement characters; anything else goes to a legacy code page chosen by jschardet's
 * guesses re-scored on letter statistics. Binary data is refused.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), fileName)
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', lossy: false }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', lossy: false }
  }
  const utf16 = utf16WithoutBom(bytes)
  if (utf16 !== null) return { text: iconv().decode(Buffer.from(bytes), utf16), encoding: utf16, lossy: false }
  const kind = sniffBinaryKind(bytes)
  if (kind !== null) {
    throw new ImportError('unsupported-type', `${fileName} is not text: its content is a ${kind}`)
  }
  if (looksBinary(bytes.subarray(0, SAMPLE_BYTES))) {
    throw new ImportError('decode-failed', `${fileName} is not text: it contains NUL or control bytes (binary data)`)
  }
  return decodeUtf8(bytes, fileName)
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true })

function decodeUtf8(bytes: Uint8Array, fileName: string): DecodedText {
  try {
    return { text: STRICT_UTF8.decode(bytes), encoding: 'utf-8', lossy: false }
  } catch {
    // Not valid UTF-8: the census below tells damaged UTF-8 from a legacy code page.
  }
  const census = utf8Census(bytes)
  // Valid multi-byte sequences almost never occur by accident in legacy-encoded prose, so a few
  // bad bytes beside them mark a damaged UTF-8 file rather than a legacy one.
  if (census.multibyte >= 1 && census.invalid <= Math.max(1, census.multibyte / 10)) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', lossy: true }
  }
  try {
    return decodeLegacy(bytes)
  } catch (err) {
    throw new ImportError('decode-failed', `${fileName}: no text encoding fits its bytes (${(err as Error).message})`)
  }
}
