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
}
