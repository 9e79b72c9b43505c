import { ImportError } from '../errors'

/** Limits on what a ZIP container (.docx) may unpack to. */
export interface ZipLimits {
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number
  maxEntries: number
  /** Largest uncompressed/compressed ratio accepted for an entry bigger than 1 MiB. */
  maxRatio: number
}

/** Default limits: a real .docx of news text is far below them. */
export const ZIP_LIMITS: ZipLimits = { maxTotalBytes: 200 * 1024 * 1024, maxEntries: 5000, maxRatio: 200 }

/** One entry of a ZIP central directory. */
export interface ZipEntry {
  name: string
  compressedSize: number
  uncompressedSize: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50

/**
 * Reads a ZIP central directory without inflating anything. Throws `parse-failed` when there is
 * no valid directory. ZIP64 markers (0xFFFFFFFF sizes) are reported as such: no .docx needs them.
 */
export function readZipDirectory(bytes: Uint8Array, fileName: string): ZipEntry[] {
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
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen))
    })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

/** Refuses a ZIP whose entries would unpack beyond the limits (a zip bomb) with `too-large`. */
export function checkZipLimits(entries: readonly ZipEntry[], fileName: string, limits: ZipLimits = ZIP_LIMITS): void {
  if (entries.length > limits.maxEntries) {
    throw new ImportError('too-large', `${fileName} holds ${entries.length} ZIP entries; the limit is ${limits.maxEntries}`)
  }
  let total = 0
  for (const e of entries) {
    if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff) {
      throw new ImportError('too-large', `${fileName}: entry ${e.name} uses ZIP64 sizes (over 4 GiB declared)`)
    }
    total += e.uncompressedSize
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > Math.max(1, e.compressedSize) * limits.maxRatio) {
      throw new ImportError(
        'too-large',
        `${fileName}: entry ${e.name} would expand ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}× (${e.uncompressedSize} bytes); refused as a possible zip bomb`
      )
    }
  }
  if (total > limits.maxTotalBytes) {
    throw new ImportError('too-large', `${fileName} would unpack to ${total} bytes; the limit is ${limits.maxTotalBytes}`)
  }
}
