import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { readFileSync, statSync } from 'node:fs'
import type { Archive } from '../archive/archive'
import { sha256 } from '../archive/originals'
import type { BlobFile, ImportProgress, ImportReport } from '../../shared/types'
import { ImportError } from './errors'
import { MAX_FILE_BYTES, parseSourceFile, type SourceFile } from './formats'
import { findByBytes, storeArticle } from './store'
import { collectFiles } from './walk'

/** One thing to import: a path on disk, or bytes that arrived without one. */
export type ImportInput = { kind: 'path'; path: string } | { kind: 'blob'; blob: BlobFile }

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void
  signal?: AbortSignal
}

function readInput(path: string): SourceFile {
  let size: number
  let mtime: Date
  try {
    const st = statSync(path)
    size = st.size
    mtime = st.mtime
  } catch (err) {
    throw new ImportError('unreadable', `${path} cannot be read: ${(err as Error).message}`)
  }
  if (size > MAX_FILE_BYTES) {
    throw new ImportError('too-large', `${path} is ${size} bytes; the limit is ${MAX_FILE_BYTES}`)
  }
  try {
    return { name: basename(path), bytes: readFileSync(path), mtime }
  } catch (err) {
    throw new ImportError('unreadable', `${path} cannot be read: ${(err as Error).message}`)
  }
}

/**
 * Imports a batch. One bad file never aborts the batch: it is reported with a code and a
 * message, and nothing of it is stored. Each stored file is its own transaction.
 */
export function runImport(archive: Archive, inputs: readonly ImportInput[], options: ImportOptions = {}): ImportReport {
  const started = Date.now()
  const batchId = randomUUID()
  const paths = inputs.flatMap((i) => (i.kind === 'path' ? [i.path] : []))
  const walked = collectFiles(paths)
  const items: ({ kind: 'path'; path: string } | { kind: 'blob'; blob: BlobFile })[] = [
    ...walked.files.map((path) => ({ kind: 'path' as const, path })),
    ...inputs.filter((i): i is { kind: 'blob'; blob: BlobFile } => i.kind === 'blob')
  ]
  const report: ImportReport = {
    batchId,
    added: [],
    duplicates: [],
    failed: [],
    nearDuplicates: [],
    skipped: walked.skipped,
    cancelled: false,
    elapsedMs: 0
  }
  const total = items.length
  options.onProgress?.({ batchId, done: 0, total, current: null })
  items.forEach((item, index) => {
    if (report.cancelled) return
    if (options.signal?.aborted) {
      report.cancelled = true
      return
    }
    const label = item.kind === 'path' ? item.path : item.blob.name
    try {
      const source: SourceFile =
        item.kind === 'path' ? readInput(item.path) : { name: item.blob.name, bytes: item.blob.bytes, mtime: null }
      const existing = findByBytes(archive, sha256(source.bytes))
      if (existing !== undefined) {
        report.duplicates.push({ path: label, duplicateOf: existing, reason: 'bytes' })
      } else {
        const parsed = parseSourceFile(source)
        const outcome = storeArticle(archive, {
          name: source.name,
          path: item.kind === 'path' ? item.path : null,
          bytes: source.bytes,
          mediaType: parsed.mediaType,
          article: parsed.article
        })
        if (outcome.status === 'added') report.added.push({ id: outcome.id, path: label, title: outcome.title })
        else report.duplicates.push({ path: label, duplicateOf: outcome.duplicateOf, reason: outcome.reason })
      }
    } catch (err) {
      if (err instanceof ImportError) report.failed.push({ path: label, code: err.code, message: err.message })
      else report.failed.push({ path: label, code: 'storage-failed', message: `${label}: ${(err as Error).message}` })
    }
    options.onProgress?.({ batchId, done: index + 1, total, current: label })
  })
  report.elapsedMs = Date.now() - started
  return report
}
