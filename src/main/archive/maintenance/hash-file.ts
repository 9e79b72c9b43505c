import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'

/** Files up to this size are read in one call; larger ones are streamed. */
const WHOLE_READ_LIMIT = 8 << 20

/** sha256 and size of a file; large files are read in chunks so they never sit in memory whole. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256')
  if ((await stat(path)).size <= WHOLE_READ_LIMIT) {
    const bytes = await readFile(path)
    return { sha256: hash.update(bytes).digest('hex'), size: bytes.length }
  }
  let size = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer)
    size += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), size }
}
