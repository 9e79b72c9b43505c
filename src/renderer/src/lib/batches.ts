/** Splitting dropped files into upload batches. Pure. */
import type { BlobFile } from '../../../shared/types'

/** Dropped bytes go to the backend in batches of at most this many files or bytes. */
export const BATCH_FILES = 20
export const BATCH_BYTES = 8 * 1024 * 1024

/** Splits dropped files so progress shows between batches and little waits on the server (browser mode) at once. */
export function batchBlobs(files: BlobFile[], maxFiles = BATCH_FILES, maxBytes = BATCH_BYTES): BlobFile[][] {
  const out: BlobFile[][] = []
  let cur: BlobFile[] = []
  let size = 0
  for (const f of files) {
    if (cur.length > 0 && (cur.length >= maxFiles || size + f.bytes.length > maxBytes)) {
      out.push(cur)
      cur = []
      size = 0
    }
    cur.push(f)
    size += f.bytes.length
  }
  if (cur.length) out.push(cur)
  return out
}

