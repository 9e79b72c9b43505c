import type { BackupManifest } from '../../../shared/archive'

export type { BackupManifest }

export const MANIFEST_NAME = 'manifest.json'
export const DATABASE_ENTRY = 'archive.sqlite'
const ORIGINAL_ENTRY = /^originals\/([0-9a-f]{2})\/([0-9a-f]{64})$/

/** Whether `name` is an entry a backup may contain (anything else, e.g. `../x`, is refused). */
export function isAllowedEntry(name: string): boolean {
  if (name === DATABASE_ENTRY) return true
  const m = ORIGINAL_ENTRY.exec(name)
  return m !== null && m[2]!.startsWith(m[1]!)
}

/** The tar entry name of an original. */
export function originalEntryName(hash: string): string {
  return `originals/${hash.slice(0, 2)}/${hash}`
}

/** Parses and shape-checks a manifest; throws with the reason when it is not one. */
export function parseManifest(text: string): BackupManifest {
  let m: Partial<BackupManifest>
  try {
    m = JSON.parse(text) as Partial<BackupManifest>
  } catch {
    throw new Error('its manifest is not valid JSON')
  }
  if (m.format !== 'annalist-backup') throw new Error('it is not an Annalist backup (no annalist-backup manifest)')
  if (m.formatVersion !== 1) throw new Error(`its backup format ${String(m.formatVersion)} is newer than this build understands`)
  if (typeof m.schemaVersion !== 'number' || !Array.isArray(m.entries) || typeof m.counts !== 'object') {
    throw new Error('its manifest is incomplete')
  }
  for (const e of m.entries) {
    if (typeof e?.name !== 'string' || typeof e.size !== 'number' || typeof e.sha256 !== 'string') throw new Error('its manifest lists a malformed entry')
  }
  return m as BackupManifest
}
