import { crc32, inflateRawSync } from 'node:zlib'
import { ImportError } from '../errors'
import { parseHeaders, type MimeHeaders } from './mime'

/**
 * Reads WARC records (ISO 28500) one at a time from a file in memory, plain or gzipped record by
 * record as crawlers write `.warc.gz`. A gzip member is inflated alone, its output bounded, its
 * checksum and length checked, and dropped before the next; a plain file is never copied.
 */

/** Limits on what a WARC may inflate to. */
export interface WarcLimits {
  /** Most bytes one gzip member may inflate to (one record, or a whole file gzipped at once). */
  maxMemberBytes: number
  /** Most bytes all members together may inflate to: the work a small file can cause. */
  maxInflatedBytes: number
}

/**
 * A member over 64 MB (a page larger than any file import takes) is a bomb or a video; all
 * members together may inflate to 1 GiB, a few seconds of inflating.
 */
export const WARC_LIMITS: WarcLimits = { maxMemberBytes: 64 * 1024 * 1024, maxInflatedBytes: 1024 * 1024 * 1024 }

/** One record: where it starts in the file, its named fields (lower-cased) and its block. */
export interface WarcRecord {
  /** Byte offset of the record in the file; in a `.warc.gz`, of the gzip member holding it (as CDX indexes count). */
  offset: number
  headers: MimeHeaders
  block: Uint8Array
}

/** Longest header block a record may have before its block starts. */
const MAX_HEADER_BYTES = 64 * 1024

const CRLF2 = Buffer.from('\r\n\r\n')

function isGzip(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x1f && bytes[at + 1] === 0x8b
}

/** Only CR, LF and NUL (padding some writers leave) remain from `at` on. */
function onlyPadding(bytes: Uint8Array, at: number): boolean {
  for (let i = at; i < bytes.length; i++) if (bytes[i] !== 0x0d && bytes[i] !== 0x0a && bytes[i] !== 0) return false
  return true
}

/** Reads the records of uncompressed WARC bytes; `base` is the offset reported for each, or null to report their own. */
function readPlain(bytes: Uint8Array, fileName: string, base: number | null, visit: (record: WarcRecord) => void): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let p = 0
  while (p < buf.length && !onlyPadding(buf, p)) {
    while (buf[p] === 0x0d || buf[p] === 0x0a) p++
    const at = base ?? p
    if (buf.toString('latin1', p, p + 5) !== 'WARC/') {
      throw new ImportError('parse-failed', `${fileName}: the record at byte ${at} does not start with "WARC/" (a length before it lied, or the file is not a WARC)`)
    }
    const end = buf.indexOf(CRLF2, p)
    if (end < 0 || end - p > MAX_HEADER_BYTES) {
      throw new ImportError('parse-failed', `${fileName}: the record at byte ${at} has no end to its header (truncated?)`)
    }
    const headers = parseHeaders(buf.toString('utf8', buf.indexOf(0x0a, p) + 1, end))
    const length = Number(headers.get('content-length'))
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new ImportError('parse-failed', `${fileName}: the record at byte ${at} has no valid Content-Length`)
    }
    const start = end + 4
    if (start + length > buf.length) {
      throw new ImportError('parse-failed', `${fileName}: the record at byte ${at} declares ${length} bytes but the file ends after ${buf.length - start} (truncated, or a lying length)`)
    }
    visit({ offset: at, headers, block: bytes.subarray(start, start + length) })
    p = start + length
  }
}

/** Offset of the deflate data in the gzip member at `at` (RFC 1952 header, optional fields skipped). */
function gzipDataStart(bytes: Uint8Array, at: number, fileName: string): number {
  if (bytes.length < at + 18 || bytes[at + 2] !== 8) throw new ImportError('parse-failed', `${fileName}: the gzip member at byte ${at} is damaged or truncated`)
  const flags = bytes[at + 3]!
  let p = at + 10
  if (flags & 4) p += 2 + (bytes[p]! | (bytes[p + 1]! << 8))
  for (const bit of [8, 16]) {
    if (flags & bit) {
      while (p < bytes.length && bytes[p] !== 0) p++
      p++
    }
  }
  if (flags & 2) p += 2
  if (p >= bytes.length) throw new ImportError('parse-failed', `${fileName}: the gzip member at byte ${at} is truncated`)
  return p
}

/** Inflates the member at `at`; returns its bytes and where the next member starts. */
function inflateMember(bytes: Uint8Array, at: number, fileName: string, limits: WarcLimits): { data: Buffer; next: number } {
  const start = gzipDataStart(bytes, at, fileName)
  let out: { buffer: Buffer; engine: { bytesWritten: number } }
  try {
    out = inflateRawSync(bytes.subarray(start), { info: true, maxOutputLength: limits.maxMemberBytes }) as unknown as typeof out
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ImportError('too-large', `${fileName}: the gzip member at byte ${at} inflates to more than ${limits.maxMemberBytes} bytes; refused as a possible gzip bomb`)
    }
    throw new ImportError('parse-failed', `${fileName}: the gzip member at byte ${at} is damaged (${(err as Error).message})`)
  }
  const trailer = start + out.engine.bytesWritten
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // Inflating a cut-off stream returns what it had without complaint: the trailer tells.
  if (trailer + 8 > bytes.length || view.getUint32(trailer, true) !== crc32(out.buffer) || view.getUint32(trailer + 4, true) !== out.buffer.length % 2 ** 32) {
    throw new ImportError('parse-failed', `${fileName}: the gzip member at byte ${at} is truncated or damaged (its checksum does not match)`)
  }
  return { data: out.buffer, next: trailer + 8 }
}

/**
 * Calls `visit` with each record in file order. Throws `parse-failed` (with the byte offset) at
 * the first truncated or damaged record, `too-large` when a member or the whole file inflates
 * past its limits; records visited before stay visited.
 */
export function readWarcRecords(bytes: Uint8Array, fileName: string, visit: (record: WarcRecord) => void, limits: WarcLimits = WARC_LIMITS): void {
  if (!isGzip(bytes, 0)) return readPlain(bytes, fileName, null, visit)
  let inflated = 0
  let p = 0
  while (p < bytes.length && !onlyPadding(bytes, p)) {
    if (!isGzip(bytes, p)) throw new ImportError('parse-failed', `${fileName}: expected a gzip member at byte ${p}`)
    const { data, next } = inflateMember(bytes, p, fileName, limits)
    inflated += data.length
    if (inflated > limits.maxInflatedBytes) {
      throw new ImportError('too-large', `${fileName} inflates to more than ${limits.maxInflatedBytes} bytes; refused as a possible gzip bomb`)
    }
    readPlain(data, fileName, p, visit)
    p = next
  }
}
