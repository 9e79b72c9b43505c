/** Archive-level types shared by the backend, the CLI and the UI. */

/** What kind of damage `check` found; every kind except notes makes the archive unhealthy. */
export type CheckProblemKind =
  | 'integrity'
  | 'foreign-key'
  | 'original-missing'
  | 'original-corrupt'
  | 'fts-drift'
  | 'paragraph-offsets'
  | 'text-hash'
  | 'citation-drift'
  | 'citation-hash'
  | 'event-date'
  | 'unreadable'

/** One finding of `check`, with a message that names the row or file. */
export interface CheckProblem {
  kind: CheckProblemKind
  message: string
}

/** The result of checking an archive; `healthy` is false when any problem was found. */
export interface CheckReport {
  /** Absolute path of the archive directory. */
  path: string
  healthy: boolean
  schemaVersion: number
  counts: { articles: number; paragraphs: number; files: number; originals: number }
  problems: CheckProblem[]
  /** Harmless findings, e.g. originals no row points at (left by an interrupted import). */
  notes: string[]
  elapsedMs: number
}

/** An archive the user opened before, most recent first. */
export interface RecentArchive {
  path: string
  openedAt: string
  /** False when the folder or its database is gone (moved, unmounted drive). */
  exists: boolean
  /** True for the archive open right now. */
  current: boolean
  /** True for the separate sample archive (the one removeSampleArchive removes). */
  sample: boolean
}

/** One entry of a backup file: its name, byte count and sha256 of its content. */
export interface BackupEntry {
  name: string
  size: number
  sha256: string
}

/** The last entry of every backup: what it holds and how to verify it. */
export interface BackupManifest {
  format: 'annalist-backup'
  formatVersion: 1
  createdAt: string
  appVersion: string
  schemaVersion: number
  counts: { articles: number; paragraphs: number; files: number; events: number; chronologies: number; citations: number; originals: number }
  /** Every entry except the manifest itself, with its size and sha256. */
  entries: BackupEntry[]
  /** Originals a files row points at that were absent when the backup was made. */
  missingOriginals: string[]
}

/** What a backup wrote: the file, its size and its manifest. */
export interface BackupResult {
  file: string
  bytes: number
  manifest: BackupManifest
}
