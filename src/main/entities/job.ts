/**
 * Extraction over articles already in the archive (`extractEntities`): in batches, each one
 * transaction, yielding between batches so other writes and `cancelEntityExtraction` run, with
 * progress after each batch. What a cancelled job stored stays.
 */
import type { Db } from '../archive/db'
import { articleCount, articleIdsFrom, articleTexts, entityIdsFrom, entityTotals, recountEntities } from '../archive/repo/entity-writes'
import { staleEntityArticleIds, staleEntityCount } from '../archive/repo/entity-rules'
import type { EntityExtractionProgress } from '../../shared/entities'
import { toErrorInfo } from '../../shared/errors'
import type { FoundMention } from './group'
import { loadDecisions, storeArticleMentions } from './store'

/** Articles per transaction: small enough that a write waiting behind one waits little. */
export const EXTRACTION_BATCH = 25

export type Extractor = (text: string, lang: string | null) => readonly FoundMention[]

export interface ExtractionJob {
  jobId: string
  /** Only these articles; all of them when absent. */
  articleIds?: readonly number[]
  /** Only the articles whose names were found by older rules (`archive/repo/entity-rules`). */
  onlyStale?: boolean
  signal: AbortSignal
  extract: Extractor
  onProgress(p: EntityExtractionProgress): void
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Runs the job to its end (or its cancellation); the last progress is also returned. */
export async function extractArchive(db: Db, job: ExtractionJob): Promise<EntityExtractionProgress> {
  const total = job.articleIds ? new Set(job.articleIds).size : job.onlyStale ? staleEntityCount(db) : articleCount(db)
  const chosen = job.articleIds ? [...new Set(job.articleIds)].sort((a, b) => a - b) : null
  let done = 0
  let after = 0
  const nextIds = (): number[] =>
    chosen ? chosen.slice(done, done + EXTRACTION_BATCH) : (job.onlyStale ? staleEntityArticleIds : articleIdsFrom)(db, after, EXTRACTION_BATCH)
  const progress = (state: EntityExtractionProgress['state']): EntityExtractionProgress => ({ jobId: job.jobId, state, done, total, ...entityTotals(db) })
  job.onProgress(progress('running'))
  try {
    for (;;) {
      await nextTurn()
      if (job.signal.aborted) break
      const ids = nextIds()
      if (ids.length === 0) break
      const articles = articleTexts(db, ids)
      db.transaction(() => {
        const decisions = loadDecisions(db)
        for (const a of articles) storeArticleMentions(db, a.id, job.extract(a.text, a.language), decisions)
      })()
      done += ids.length
      after = ids[ids.length - 1]!
      job.onProgress(progress('running'))
    }
  } catch (err) {
    const failed = { ...progress('failed'), error: toErrorInfo(err) }
    job.onProgress(failed)
    return failed
  }
  if (!chosen && !job.onlyStale && !job.signal.aborted) await recountAll(db)
  const end = progress(job.signal.aborted ? 'cancelled' : 'done')
  job.onProgress(end)
  return end
}

/**
 * Counts are kept per article as articles are stored; undoing a correction restores the counts
 * it changed as they were then, though articles stored since may have moved them. A run over the
 * whole archive ends by recounting every entity from its mentions, in batches like the rest.
 */
async function recountAll(db: Db): Promise<void> {
  for (let after = 0; ; ) {
    await nextTurn()
    const ids = entityIdsFrom(db, after, EXTRACTION_BATCH * 20)
    if (ids.length === 0) return
    db.transaction(() => recountEntities(db, ids))()
    after = ids[ids.length - 1]!
  }
}
