import { Inflate } from 'fflate'
import { ImportError } from '../errors'
import { concatExact } from '../bytes'

/** Limits on what a ZIP container (.docx, .wacz) may unpack to. */
export interface ZipLimits {
  /** What the container is, for messages: "a Word document". */
  what: string
  /**
   * Bytes the inflated parts may add up to, counted as the inflater produces them (the sizes an
   * archive declares are never trusted: a 727 KB .docx declaring 4 KB inflated to 872 MB).
   */
  maxInflatedBytes: number
  maxEntries: number
}

/**
 * Default limits. mammoth's XML tree costs some 60 times the markup: in a worker with a 512 MB
 * heap, 8.8 MB of Word markup (4 million characters, MAX_ARTICLE_CHARS, lightly formatted) peaked
 * at 674 MB resident, 10.8 MB at 720 MB, and 13.4 MB ran out of heap. The budget refuses by count
 * what would otherwise die on the memory ceiling after a long parse.
 */
export const ZIP_LIMITS: ZipLimits = { what: 'a Word document', maxInflatedBytes: 10 * 1024 * 1024, maxEntries: 5000 }

/**
 * Compressed bytes handed to the inflater per step. DEFLATE expands at most 1,032×, so one step
 * produces at most about 8.3 MB: the count stops a bomb within that much past the limit.
 */
export const INFLATE_STEP_BYTES = 8 * 1024

/** Most bytes one inflate step can produce, for callers bounding the overshoot. */
export const MAX_STEP_OUTPUT = INFLATE_STEP_BYTES * 1032 + 32 * 1024

/** One entry of a ZIP central directory. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  method: number
  encrypted: boolean
  compressedSize: number
  /** As declared: used only to refuse early, never to accept. */
  uncompressedSize: number
  localHeaderOffset: number
}

/** Running count of real inflated bytes across one archive; tests read it to bound the work. */
export interface InflateMeter {
  produced: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const ZIP64 = 0xffffffff

/**
 * Reads a ZIP central directory without inflating anything. Throws `parse-failed` when there is
 * no valid directory, `too-large` past `maxEntries`.
 */
export function readZipDirectory(bytes: Uint8Array, fileName: string, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ImportError('parse-failed', `${fileName} is not a valid ZIP container (no central directory; truncated?)`)
  const count = view.getUint16(eocd + 10, true)
  const size = view.getUint32(eocd + 12, true)
  const offset = view.getUint32(eocd + 16, true)
  if (offset + size > eocd) throw new ImportError('parse-failed', `${fileName} has a damaged ZIP directory`)
  if (count > limits.maxEntries) {
    throw new ImportError('too-large', `${fileName} holds ${count} ZIP entries; the limit is ${limits.maxEntries}`)
  }
  const entries: ZipEntry[] = []
  let p = offset
  const decoder = new TextDecoder()
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) {
      throw new ImportError('parse-failed', `${fileName} has a damaged ZIP directory (entry ${n + 1} of ${count})`)
    }
    const nameLen = view.getUint16(p + 28, true)
    const extraLen = view.getUint16(p + 30, true)
    const commentLen = view.getUint16(p + 32, true)
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: view.getUint16(p + 10, true),
      encrypted: (view.getUint16(p + 8, true) & 1) === 1,
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true)
    })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry, fileName: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localHeaderOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
    throw new ImportError('parse-failed', `${fileName} is a damaged ZIP container (entry ${entry.name} has no local header)`)
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  // A lying compressed size can only shorten the input (the inflater then reports the stream as
  // truncated) or lengthen it to the end of the file: the input is bounded by the file either way.
  return bytes.subarray(Math.min(start, bytes.length), Math.min(start + entry.compressedSize, bytes.length))
}

function overBudget(fileName: string, limits: ZipLimits): ImportError {
  return new ImportError(
    'too-large',
    `${fileName} unpacks to more than ${limits.maxInflatedBytes} bytes (the limit for ${limits.what}); refused as a possible zip bomb`
  )
}

/**
 * Inflates one entry, counting every byte the inflater produces into `meter` and stopping at
 * the budget. Compressed input goes in small steps, so no step produces more than
 * MAX_STEP_OUTPUT bytes: the archive never unpacks far past the limit, whatever it declares.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, fileName: string, meter: InflateMeter, limits: ZipLimits = ZIP_LIMITS): Uint8Array {
  if (entry.encrypted) throw new ImportError('parse-failed', `${fileName} is encrypted (entry ${entry.name}); save it without a password`)
  if (entry.compressedSize === ZIP64 || entry.uncompressedSize === ZIP64) {
    throw new ImportError('too-large', `${fileName}: entry ${entry.name} uses ZIP64 sizes (over 4 GiB declared)`)
  }
  // A declared size past the budget is refused at once; a small one proves nothing.
  if (meter.produced + entry.uncompressedSize > limits.maxInflatedBytes) throw overBudget(fileName, limits)
  const data = entryData(bytes, entry, fileName)
  if (entry.method === 0) {
    meter.produced += data.length
    if (meter.produced > limits.maxInflatedBytes) throw overBudget(fileName, limits)
    return data
  }
  if (entry.method !== 8) {
    throw new ImportError('parse-failed', `${fileName}: entry ${entry.name} uses ZIP compression method ${entry.method}, which this reader does not take`)
  }
  const chunks: Uint8Array[] = []
  let length = 0
  const inflater = new Inflate((chunk) => {
    meter.produced += chunk.length
    if (meter.produced > limits.maxInflatedBytes) throw overBudget(fileName, limits)
    chunks.push(chunk)
    length += chunk.length
  })
  try {
    for (let i = 0; i < data.length; i += INFLATE_STEP_BYTES) {
      inflater.push(data.subarray(i, i + INFLATE_STEP_BYTES), i + INFLATE_STEP_BYTES >= data.length)
    }
    if (data.length === 0) inflater.push(data, true)
  } catch (err) {
    if (err instanceof ImportError) throw err
    throw new ImportError('parse-failed', `${fileName} is a damaged ZIP container (entry ${entry.name}: ${(err as Error).message})`)
  }
  return concatExact(chunks, length)
}
