import { mkdirSync, readdirSync, rmSync, existsSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { AnnalistError } from '../../../shared/errors'
import { SCHEMA_VERSION } from '../migrations'
import { isAllowedEntry, MANIFEST_NAME, parseManifest, type BackupManifest } from './manifest'
import { eachLimited } from './pool'
import { listTar, readTarEntry } from './tar'

/** Entries extracted at once; each is fsynced, and parallel fsyncs overlap. */
const EXTRACT_WIDTH = 8

/** What `restoreArchive` put where. */
export interface RestoreResult {
  dir: string
  manifest: BackupManifest
}

/**
 * Restores a backup into an empty (or not yet existing) folder. Every entry is checked against
 * the manifest (names, sizes, sha256) while it is written; on any mismatch everything written
 * is removed again, so a damaged backup never leaves a half archive behind.
 */
export async function restoreArchive(backupFile: string, targetDir: string): Promise<RestoreResult> {
  const file = resolve(backupFile)
  const dir = resolve(targetDir)
  if (!existsSync(file)) throw new AnnalistError('not-found', `backup ${file} does not exist`)
  const created = !existsSync(dir)
  if (!created) {
    const present = readdirSync(dir)
    if (present.length > 0) {
      throw new AnnalistError(
        'conflict',
        `restore only goes into an empty folder, and ${dir} contains ${present.length} entr${present.length === 1 ? 'y' : 'ies'} (${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}); nothing was changed`
      )
    }
  }
  const fh = await open(file, 'r')
  let wrote = false
  try {
    const damaged = (why: string): AnnalistError => new AnnalistError('archive-invalid', `${file} cannot be restored: ${why}`)
    let listing
    try {
      listing = await listTar(fh, file)
    } catch (err) {
      throw damaged((err as Error).message)
    }
    const manifestEntry = listing.find((e) => e.name === MANIFEST_NAME)
    if (!manifestEntry) throw damaged('it has no manifest (an incomplete or foreign file)')
    if (manifestEntry.size > 64 << 20) throw damaged('its manifest is implausibly large')
    const chunks: Buffer[] = []
    await readTarEntry(fh, manifestEntry, async (c) => void chunks.push(Buffer.from(c)))
    let manifest: BackupManifest
    try {
      manifest = parseManifest(Buffer.concat(chunks).toString('utf8'))
    } catch (err) {
      throw damaged((err as Error).message)
    }
    if (manifest.schemaVersion > SCHEMA_VERSION) {
      throw new AnnalistError(
        'archive-too-new',
        `${file} holds an archive of schema ${manifest.schemaVersion}, written by Annalist ${manifest.appVersion}; this build understands up to ${SCHEMA_VERSION}. Update Annalist to restore it; nothing was changed.`
      )
    }
    const expected = new Map(manifest.entries.map((e) => [e.name, e]))
    const contents = listing.filter((e) => e.name !== MANIFEST_NAME)
    for (const e of contents) {
      if (!isAllowedEntry(e.name)) throw damaged(`it contains an unexpected entry ${JSON.stringify(e.name)}`)
      if (!expected.has(e.name)) throw damaged(`${e.name} is not in the manifest`)
    }
    if (contents.length !== expected.size || new Set(contents.map((e) => e.name)).size !== contents.length) {
      throw damaged(`it holds ${contents.length} entries, the manifest lists ${expected.size}`)
    }

    // Sizes first: a mismatch is known before anything is written.
    for (const entry of contents) {
      const want = expected.get(entry.name)!
      if (entry.size !== want.size) throw damaged(`${entry.name} is ${entry.size} bytes, the manifest says ${want.size}`)
    }
    mkdirSync(dir, { recursive: true })
    wrote = true
    await eachLimited(contents, EXTRACT_WIDTH, async (entry) => {
      const target = join(dir, entry.name)
      mkdirSync(dirname(target), { recursive: true })
      const out = await open(target, 'wx')
      let hash: string
      try {
        let position = 0
        hash = await readTarEntry(fh, entry, async (chunk) => {
          let done = 0
          while (done < chunk.length) {
            const { bytesWritten } = await out.write(chunk, done, chunk.length - done, position)
            done += bytesWritten
            position += bytesWritten
          }
        })
        await out.sync()
      } finally {
        await out.close()
      }
      if (hash !== expected.get(entry.name)!.sha256) throw damaged(`${entry.name} does not match its sha256 in the manifest`)
    })
    return { dir, manifest }
  } catch (err) {
    if (wrote) {
      if (created) rmSync(dir, { recursive: true, force: true })
      else for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true })
    }
    throw err
  } finally {
    await fh.close()
  }
}
