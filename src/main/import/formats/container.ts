import type { ImportFailureCode } from '../../../shared/types'
import { ImportError } from '../errors'
import type { FormatResult } from './source'

/**
 * Files that hold many articles (web archives, mailboxes): what one yields and the budget that
 * keeps it bounded. A container is parsed in one worker task, record by record; its articles
 * travel back together, so their text is limited in sum, not only one by one.
 */

/** Most articles one container may yield (a crawl of a whole site is several imports). */
export const MAX_CONTAINER_ARTICLES = 5_000

/**
 * Most clean text one container may yield, in characters: four long books. Its articles cross
 * the process boundary together and wait in the importer until committed.
 */
export const MAX_CONTAINER_CHARS = 16_000_000

/** One article of a container, named for the report by where it sits in the file. */
export interface ContainerPart {
  /** "https://example.org/a (record at byte 1200)": follows the file's path in the report. */
  label: string
  result: FormatResult
  /** Index in `parts` of the message this attachment came with. */
  attachedTo: number | null
}

/** A record that should have become an article and could not, with the reason. */
export interface ContainerFailure {
  label: string
  code: ImportFailureCode
  message: string
}

/** Everything a container yielded. */
export interface ContainerResult {
  mediaType: string
  parts: ContainerPart[]
  failed: ContainerFailure[]
  /** Records that are not articles, counted by kind ("redirect", "asset", "revisit" …). */
  passedOver: Record<string, number>
}

/** Called after each record with how many were read, so the importer can show progress. */
export type RecordProgress = (records: number) => void

/** A container's articles exceed their budget: the records from here on are not read. */
export class ContainerFull extends ImportError {}

/** Collects a container's articles and failures within its budget. */
export class ContainerBuilder {
  readonly parts: ContainerPart[] = []
  readonly failed: ContainerFailure[] = []
  readonly passedOver: Record<string, number> = {}
  private chars = 0
  private records = 0

  constructor(
    private readonly fileName: string,
    private readonly onRecord: RecordProgress | undefined
  ) {}

  /** One more record read (article or not). */
  tick(): void {
    this.records++
    this.onRecord?.(this.records)
  }

  passOver(kind: string): void {
    this.passedOver[kind] = (this.passedOver[kind] ?? 0) + 1
  }

  /**
   * Adds an article; throws `too-large` once the container's articles exceed their budget (the
   * caller reports the records left unread as one failure).
   */
  add(label: string, result: FormatResult, attachedTo: number | null = null): number {
    const chars = result.article.paragraphs.reduce((n, p) => n + p.text.length, 0)
    if (chars === 0) throw new ImportError('empty', `${this.fileName} › ${label} has no text after cleaning`)
    if (this.parts.length >= MAX_CONTAINER_ARTICLES || this.chars + chars > MAX_CONTAINER_CHARS) {
      throw new ContainerFull(
        'too-large',
        `${this.fileName} holds more than ${MAX_CONTAINER_ARTICLES} articles or ${MAX_CONTAINER_CHARS / 1e6} million characters of text (split the file); the records from ${label} on were not read`
      )
    }
    this.chars += chars
    this.parts.push({ label, result, attachedTo })
    return this.parts.length - 1
  }

  /** A record that failed: kept with its code, the rest of the file still read. */
  fail(label: string, err: unknown): void {
    const code = err instanceof ImportError ? err.code : 'parse-failed'
    const message = err instanceof Error ? err.message : String(err)
    this.failed.push({ label, code, message: message.includes(this.fileName) ? message : `${this.fileName} › ${label}: ${message}` })
  }

  result(mediaType: string): ContainerResult {
    return { mediaType, parts: this.parts, failed: this.failed, passedOver: this.passedOver }
  }
}
