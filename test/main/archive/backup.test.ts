import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync, statSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import { openArchive } from '../../../src/main/archive/archive'
import { backupArchive } from '../../../src/main/archive/maintenance/backup'
import { checkArchive } from '../../../src/main/archive/maintenance/check'
import { restoreArchive } from '../../../src/main/archive/maintenance/restore'
import { listTar, TarWriter } from '../../../src/main/archive/maintenance/tar'
import { SCHEMA_VERSION } from '../../../src/main/archive/migrations'
import { originalPath, storeOriginal } from '../../../src/main/archive/originals'
import { insertFile } from '../../../src/main/archive/repo/files'
import { createChronology } from '../../../src/main/chronology/chronologies'
import { createEvent } from '../../../src/main/chronology/events'
import { runCli } from '../../../src/main/cli/run'
import { allRows, filesUnder } from '../../support/archive-compare'
import { seedArticles } from '../../support/archive-seed'
import { killHard, spawnScript, waitForLine } from '../../support/child'
import { tempDir } from '../../support/tmp'
import { open } from 'node:fs/promises'

const children: ChildProcess[] = []
afterEach(async () => {
  await Promise.all(children.splice(0).map(killHard))
})

function seededArchiveDir(n = 20): string {
  const dir = join(tempDir(), 'archive')
  const archive = openArchive(dir)
  seedArticles(archive, n)
  const chronology = createChronology(archive.db, { name: 'Timeline' })
  createEvent(archive.db, {
    title: 'Something happened',
    date: '2021-03',
    chronologyIds: [chronology.id],
    citations: [{ articleId: 1, start: 0, end: 5 }]
  })
  archive.db.exec(`INSERT INTO settings VALUES ('k', 'ü')`)
  archive.close()
  return dir
}

function captureIo(): { io: { out: (t: string) => void; err: (t: string) => void; isTTY: boolean }; out: () => string; err: () => string } {
  let out = ''
  let err = ''
  return { io: { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false }, out: () => out, err: () => err }
}

describe('backup and restore', () => {
  it('round-trips every table row and every original byte for byte', async () => {
    const dir = seededArchiveDir()
    const file = join(tempDir(), 'backup.tar')
    const { manifest } = await backupArchive(dir, file)
    expect(manifest.schemaVersion).toBe(SCHEMA_VERSION)
    expect(manifest.counts).toMatchObject({ articles: 20, files: 20, events: 1, chronologies: 1, citations: 1, originals: 20 })
    expect(manifest.entries).toHaveLength(21)
    expect(manifest.missingOriginals).toEqual([])
    // The snapshot is opened to read its counts; SQLite's sidecar files of it go with it.
    expect(readdirSync(dirname(file))).toEqual(['backup.tar'])

    const restored = join(tempDir(), 'restored')
    await restoreArchive(file, restored)
    expect(allRows(join(restored, 'archive.sqlite'))).toEqual(allRows(join(dir, 'archive.sqlite')))
    const originals = filesUnder(join(dir, 'originals'))
    expect(originals.size).toBe(20)
    expect(filesUnder(join(restored, 'originals'))).toEqual(originals)
    expect((await checkArchive(restored)).problems).toEqual([])
    const reopened = openArchive(restored)
    expect(reopened.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(20)
    reopened.close()
  })

  it('streams originals larger than its chunk size intact', async () => {
    const dir = seededArchiveDir(1)
    const archive = openArchive(dir)
    const big = Buffer.alloc(3 * 1024 * 1024 + 17)
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 11)) & 0xff
    const hash = storeOriginal(archive.originalsDir, big)
    insertFile(archive.db, { sha256: hash, size: big.length, name: 'big.bin', originalPath: null, mediaType: 'application/octet-stream' })
    archive.close()
    const file = join(tempDir(), 'big.tar')
    await backupArchive(dir, file)
    const restored = join(tempDir(), 'restored')
    await restoreArchive(file, restored)
    expect(readFileSync(originalPath(join(restored, 'originals'), hash)).equals(big)).toBe(true)
    expect((await checkArchive(restored)).healthy).toBe(true)
  })

  it('records originals that were already missing, and the CLI warns and exits 1', async () => {
    const dir = seededArchiveDir(2)
    const archive = openArchive(dir, { readonly: true })
    const lost = archive.db.prepare('SELECT sha256 FROM files WHERE id = 2').pluck().get() as string
    archive.close()
    rmSync(originalPath(join(dir, 'originals'), lost))
    const file = join(tempDir(), 'partial.tar')
    const io = captureIo()
    expect(await runCli(['backup', file, '--archive', dir], io.io)).toBe(1)
    expect(io.err()).toMatch(/1 original file\(s\) were already missing/)
    const restored = join(tempDir(), 'restored')
    const { manifest } = await restoreArchive(file, restored)
    expect(manifest.missingOriginals).toEqual([lost])
    expect((await checkArchive(restored)).problems.map((p) => p.kind)).toEqual(['original-missing'])
  })

  it('takes a consistent snapshot while another process keeps writing', async () => {
    const dir = seededArchiveDir(5)
    const writer = spawnScript('writer-child.ts', [dir])
    children.push(writer)
    await waitForLine(writer, /^ready$/)
    const file = join(tempDir(), 'online.tar')
    const { manifest } = await backupArchive(dir, file)
    const restored = join(tempDir(), 'restored')
    await restoreArchive(file, restored)
    await killHard(writer)
    const report = await checkArchive(restored)
    expect(report.problems).toEqual([])
    expect(report.notes).toEqual([])
    expect(report.counts.articles).toBe(manifest.counts.articles)
    expect(manifest.counts.articles).toBeGreaterThan(5)
    expect(report.counts.originals).toBe(manifest.counts.files)
  })

  it('refuses a folder that is not empty, and an existing backup file, changing nothing', async () => {
    const dir = seededArchiveDir(2)
    const file = join(tempDir(), 'b.tar')
    await backupArchive(dir, file)
    const before = readFileSync(file)
    await expect(backupArchive(dir, file)).rejects.toThrow(/already exists/)
    await expect(backupArchive(dir, tempDir())).rejects.toThrow(/is a folder; give a file name inside it/)
    expect(readFileSync(file)).toEqual(before)

    const busy = tempDir()
    writeFileSync(join(busy, 'notes.txt'), 'mine')
    await expect(restoreArchive(file, busy)).rejects.toThrow(`restore only goes into an empty folder, and ${busy} contains 1 entry (notes.txt); nothing was changed`)
    expect(readdirSync(busy)).toEqual(['notes.txt'])
    await expect(restoreArchive(file, dir)).rejects.toThrow(/restore only goes into an empty folder/)
  })

  it('rejects a damaged backup and leaves nothing behind', async () => {
    const dir = seededArchiveDir(3)
    const file = join(tempDir(), 'b.tar')
    await backupArchive(dir, file)
    const fh = await open(file, 'r')
    const entries = await listTar(fh, file)
    await fh.close()
    const original = entries.find((e) => e.name.startsWith('originals/'))!
    const bytes = readFileSync(file)
    bytes[original.offset + 3]! ^= 0xff
    const damaged = join(tempDir(), 'damaged.tar')
    writeFileSync(damaged, bytes)
    const target = join(tempDir(), 'restored')
    await expect(restoreArchive(damaged, target)).rejects.toThrow(`${original.name} does not match its sha256 in the manifest`)
    expect(existsSync(target)).toBe(false)

    const empty = tempDir()
    const truncated = join(tempDir(), 'truncated.tar')
    writeFileSync(truncated, readFileSync(file))
    truncateSync(truncated, Math.floor(statSync(file).size / 2))
    await expect(restoreArchive(truncated, empty)).rejects.toThrow(/truncated/)
    expect(readdirSync(empty)).toEqual([])
  })

  it('refuses entries that would land outside the archive folder', async () => {
    const file = join(tempDir(), 'evil.tar')
    const writer = await TarWriter.create(file)
    const evil = await writer.addBytes('../escaped.txt', Buffer.from('x'))
    const manifest = { format: 'annalist-backup', formatVersion: 1, schemaVersion: 1, counts: {}, entries: [evil], missingOriginals: [] }
    await writer.addBytes('manifest.json', Buffer.from(JSON.stringify(manifest)))
    await writer.finish()
    const root = tempDir()
    await expect(restoreArchive(file, join(root, 'target'))).rejects.toThrow('it contains an unexpected entry "../escaped.txt"')
    expect(readdirSync(root)).toEqual([])
  })

  it('refuses a backup made by a newer schema before writing anything', async () => {
    const dir = seededArchiveDir(1)
    const file = join(tempDir(), 'b.tar')
    await backupArchive(dir, file)
    const bytes = readFileSync(file)
    const text = bytes.toString('latin1')
    const at = text.lastIndexOf(`"schemaVersion": ${SCHEMA_VERSION}`)
    expect(at).toBeGreaterThan(0)
    // Same length, so the tar layout stays valid; only the manifest's version changes (the space
    // gives way to a digit: a newer version at any schema number).
    const newer = SCHEMA_VERSION * 10 + 9
    bytes.write(`"schemaVersion":${newer}`, at, 'latin1')
    const forged = join(tempDir(), 'forged.tar')
    writeFileSync(forged, bytes)
    const target = join(tempDir(), 'restored')
    mkdirSync(target)
    await expect(restoreArchive(forged, target)).rejects.toMatchObject({
      code: 'archive-too-new',
      message: expect.stringContaining(`schema ${newer}`)
    })
    expect(readdirSync(target)).toEqual([])
  })
})

describe('annalist backup / restore', () => {
  it('backs up and restores through the CLI, verifying the result', async () => {
    const dir = seededArchiveDir(4)
    const file = join(tempDir(), 'cli.tar')
    const b = captureIo()
    expect(await runCli(['backup', file, '--archive', dir], b.io)).toBe(0)
    expect(b.out()).toMatch(/^backed up 4 articles, 1 events and 4 originals \(.* MB\) to .*cli\.tar\n$/)
    const target = join(tempDir(), 'restored')
    const r = captureIo()
    expect(await runCli(['restore', file, '--archive', target], r.io)).toBe(0)
    expect(r.out()).toMatch(/^restored 4 articles/)
    const missing = captureIo()
    expect(await runCli(['restore', file], missing.io)).toBe(1)
    expect(missing.err()).toMatch(/needs --archive DIR/)
  })
})
