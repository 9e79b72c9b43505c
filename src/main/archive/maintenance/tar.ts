import { createHash } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { open } from 'node:fs/promises'

// A minimal ustar reader/writer: regular files only, names up to 100 bytes, sizes beyond the
// octal field's 8 GiB in GNU base-256. Entries are streamed in 1 MiB chunks.

const BLOCK = 512
const CHUNK = 1 << 20
const OCTAL_SIZE_LIMIT = 8 ** 11

/** One entry as written: its name, byte count and sha256 of its content. */
export interface TarEntry {
  name: string
  size: number
  sha256: string
}

function writeOctal(buf: Buffer, offset: number, length: number, value: number): void {
  buf.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'latin1')
}

function header(name: string, size: number, mtime: number): Buffer {
  const buf = Buffer.alloc(BLOCK)
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`)
  buf.write(name, 0, 100, 'utf8')
  writeOctal(buf, 100, 8, 0o644)
  writeOctal(buf, 108, 8, 0)
  writeOctal(buf, 116, 8, 0)
  if (size < OCTAL_SIZE_LIMIT) writeOctal(buf, 124, 12, size)
  else {
    buf[124] = 0x80
    buf.writeBigUInt64BE(BigInt(size), 124 + 4)
  }
  writeOctal(buf, 136, 12, Math.floor(mtime / 1000))
  buf.fill(0x20, 148, 156)
  buf.write('0', 156, 1, 'latin1')
  buf.write('ustar\u000000', 257, 8, 'latin1')
  let sum = 0
  for (const b of buf) sum += b
  buf.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1')
  return buf
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK
}

/** Writes a tar file entry by entry; nothing is buffered beyond one chunk. */
export class TarWriter {
  private position = 0

  private constructor(private readonly fh: FileHandle) {}

  /** Creates `path` (which must not exist yet) for writing. */
  static async create(path: string): Promise<TarWriter> {
    return new TarWriter(await open(path, 'wx'))
  }

  private async write(bytes: Uint8Array): Promise<void> {
    let done = 0
    while (done < bytes.length) {
      const { bytesWritten } = await this.fh.write(bytes, done, bytes.length - done, this.position)
      done += bytesWritten
      this.position += bytesWritten
    }
  }

  /** Adds bytes held in memory (small entries such as the manifest). */
  async addBytes(name: string, bytes: Uint8Array): Promise<TarEntry> {
    await this.write(header(name, bytes.length, Date.now()))
    await this.write(bytes)
    await this.write(Buffer.alloc(padding(bytes.length)))
    return { name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
  }

  /** Streams a file into the archive; fails if the file changes size while it is read. */
  async addFile(name: string, path: string): Promise<TarEntry> {
    const src = await open(path, 'r')
    try {
      const { size, mtimeMs } = await src.stat()
      await this.write(header(name, size, mtimeMs))
      const hash = createHash('sha256')
      const buf = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)))
      let copied = 0
      while (copied < size) {
        const { bytesRead } = await src.read(buf, 0, Math.min(buf.length, size - copied), copied)
        if (bytesRead === 0) throw new Error(`${path} shrank while it was being backed up`)
        const chunk = buf.subarray(0, bytesRead)
        hash.update(chunk)
        await this.write(chunk)
        copied += bytesRead
      }
      await this.write(Buffer.alloc(padding(size)))
      return { name, size, sha256: hash.digest('hex') }
    } finally {
      await src.close()
    }
  }

  /** Writes the end-of-archive blocks, flushes to disk and closes. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2))
    await this.fh.sync()
    await this.fh.close()
  }

  /** Closes without finishing (after an error; the caller deletes the file). */
  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined)
  }
}

/** Where an entry's content lies in a tar file. */
export interface TarListing {
  name: string
  size: number
  offset: number
}

function readOctal(buf: Buffer, offset: number, length: number): number {
  if (buf[offset]! & 0x80) return Number(buf.readBigUInt64BE(offset + length - 8))
  const text = buf.toString('latin1', offset, offset + length).replace(/\0.*$/s, '').trim()
  return text === '' ? 0 : parseInt(text, 8)
}

/** Lists the regular-file entries of a tar file, checking every header's checksum. */
export async function listTar(fh: FileHandle, label: string): Promise<TarListing[]> {
  const { size: total } = await fh.stat()
  const entries: TarListing[] = []
  const buf = Buffer.alloc(BLOCK)
  let position = 0
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, BLOCK, position)
    if (bytesRead < BLOCK) throw new Error(`${label} is truncated (no end-of-archive marker)`)
    if (buf.every((b) => b === 0)) return entries
    const stored = readOctal(buf, 148, 8)
    let sum = 0
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : buf[i]!
    if (sum !== stored) throw new Error(`${label} is damaged: bad header checksum at byte ${position}`)
    const name = buf.toString('utf8', 0, 100).replace(/\0.*$/s, '')
    const size = readOctal(buf, 124, 12)
    const type = String.fromCharCode(buf[156]!)
    if (type !== '0' && type !== '\0') throw new Error(`${label}: unexpected entry type ${JSON.stringify(type)} for ${name}`)
    const offset = position + BLOCK
    if (offset + size > total) throw new Error(`${label} is truncated inside ${name}`)
    entries.push({ name, size, offset })
    position = offset + size + padding(size)
  }
}

/** Streams one entry's content to `sink` in chunks, returning its sha256. */
export async function readTarEntry(fh: FileHandle, entry: TarListing, sink: (chunk: Buffer) => Promise<void>): Promise<string> {
  const hash = createHash('sha256')
  const buf = Buffer.alloc(Math.min(CHUNK, Math.max(entry.size, 1)))
  let done = 0
  while (done < entry.size) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, entry.size - done), entry.offset + done)
    if (bytesRead === 0) throw new Error(`unexpected end of file inside ${entry.name}`)
    const chunk = buf.subarray(0, bytesRead)
    hash.update(chunk)
    await sink(chunk)
    done += bytesRead
  }
  return hash.digest('hex')
}
