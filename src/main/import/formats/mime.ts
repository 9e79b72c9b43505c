import { iconv } from '../codecs'
import { decodeHtml, usableCharset } from '../html/decode'

/**
 * A small MIME reader for saved pages (MHTML): header blocks, multipart bodies and transfer
 * decoding. Everything works on bytes already in memory and bounded by the file limit; nothing
 * here allocates more than a copy of the part it decodes.
 */

/** Header fields of one entity, names lower-cased, continuation lines unfolded; first wins. */
export type MimeHeaders = Map<string, string>

/** One entity: its headers and its still-encoded body bytes. */
export interface MimePart {
  headers: MimeHeaders
  body: Uint8Array
}

const CR = 0x0d
const LF = 0x0a

/** Offset just past the blank line ending a header block, or -1 when there is none. */
function headerEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] !== LF) continue
    if (bytes[i + 1] === LF) return i + 2
    if (bytes[i + 1] === CR && bytes[i + 2] === LF) return i + 3
  }
  return -1
}

/** Parses a header block ("Name: value" lines, folded lines continuing the previous one). */
export function parseHeaders(text: string): MimeHeaders {
  const headers: MimeHeaders = new Map()
  let last: string | null = null
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last !== null) {
      headers.set(last, `${headers.get(last)!} ${line.trim()}`)
      continue
    }
    const m = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line)
    if (!m) continue
    last = m[1]!.toLowerCase()
    if (!headers.has(last)) headers.set(last, m[2]!.trim())
    else last = null
  }
  return headers
}

/** Splits an entity into its headers and body; null when the bytes hold no header block. */
export function readEntity(bytes: Uint8Array): MimePart | null {
  const end = headerEnd(bytes, 0)
  if (end < 0) return null
  return { headers: parseHeaders(Buffer.from(bytes.subarray(0, end)).toString('latin1')), body: bytes.subarray(end) }
}

/** A parameter of a structured header: `boundary` of `multipart/related; boundary="x"`. */
export function headerParam(value: string | undefined, name: string): string | null {
  if (value === undefined) return null
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)
  return m ? (m[1] ?? m[2]!) : null
}

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaTypeOf(value: string | undefined): string {
  return (value ?? 'text/plain').split(';')[0]!.trim().toLowerCase()
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).indexOf(needle, from)
}

/**
 * The parts of a multipart body, in order. A delimiter is `--boundary` at the start of a line;
 * the line break before it belongs to it. A body cut off before its closing delimiter yields
 * the parts seen so far (the last one ending where the bytes end).
 */
export function splitMultipart(body: Uint8Array, boundary: string): MimePart[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1')
  const starts: number[] = []
  let at = indexOfBytes(body, delimiter, 0)
  while (at >= 0) {
    if (at === 0 || body[at - 1] === LF) starts.push(at)
    at = indexOfBytes(body, delimiter, at + delimiter.length)
  }
  const parts: MimePart[] = []
  for (let i = 0; i < starts.length; i++) {
    const open = starts[i]! + delimiter.length
    if (body[open] === 0x2d && body[open + 1] === 0x2d) break // "--boundary--" closes the body
    const lineEnd = body.indexOf(LF, open)
    if (lineEnd < 0) break
    let close = i + 1 < starts.length ? starts[i + 1]! : body.length
    if (close > lineEnd + 1 && body[close - 1] === LF) close -= body[close - 2] === CR ? 2 : 1
    const entity = readEntity(body.subarray(lineEnd + 1, Math.max(lineEnd + 1, close)))
    if (entity) parts.push(entity)
  }
  return parts
}

const HEX = /^[0-9A-Fa-f]{2}$/

/** Quoted-printable to bytes: soft line breaks dropped, `=XX` decoded, anything else kept. */
export function decodeQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length)
  let n = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b !== 0x3d) {
      out[n++] = b
      continue
    }
    if (bytes[i + 1] === LF) {
      i += 1
    } else if (bytes[i + 1] === CR && bytes[i + 2] === LF) {
      i += 2
    } else {
      const hex = String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0)
      if (HEX.test(hex)) {
        out[n++] = parseInt(hex, 16)
        i += 2
      } else out[n++] = b
    }
  }
  return out.subarray(0, n)
}

/** A part's body with its Content-Transfer-Encoding undone. */
export function transferDecoded(part: MimePart): Uint8Array {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase()
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body)
  if (encoding === 'base64') return Buffer.from(Buffer.from(part.body).toString('latin1'), 'base64')
  return part.body
}

/**
 * A text part as a string: its declared charset when the label is known, else the page's own
 * declaration and detection, as a saved page is decoded.
 */
export function partText(part: MimePart): string {
  const bytes = transferDecoded(part)
  const declared = headerParam(part.headers.get('content-type'), 'charset')
  const charset = declared === null ? null : usableCharset(declared)
  return charset ? iconv().decode(Buffer.from(bytes), charset) : decodeHtml(bytes).text
}
