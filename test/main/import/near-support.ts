import type { Archive } from '../../../src/main/archive/archive'
import { insertArticle } from '../../../src/main/archive/repo/articles'
import { linkNearDuplicates, type NearDuplicate, type NearWork } from '../../../src/main/import/dedupe/near'
import { paragraphFingerprints, wordsKey } from '../../../src/main/text/shingles'
import { parsedArticle } from '../../support/parsed-article'
import { storeParagraphs as storeShared } from '../../support/store-paragraphs'

/** Stores an article of these paragraphs as an import does (near-duplicates matched and indexed); returns its id. */
export function storeParagraphs(archive: Archive, paragraphs: readonly string[]): number {
  const report = storeShared(archive, paragraphs)
  if (report.status !== 'added') throw new Error(`not added: ${report.status}`)
  return report.id
}

/** Inserts an article of these paragraphs and matches it against the archive, counting the work. */
export function matchParagraphs(archive: Archive, paragraphs: readonly string[]): { found: NearDuplicate[]; work: NearWork } {
  const id = insertArticle(archive.db, parsedArticle(paragraphs), null)
  const work: NearWork = { fingerprints: 0, rows: 0, pairs: 0, verbatim: 0, chars: 0 }
  const found = linkNearDuplicates(
    archive.db,
    id,
    null,
    paragraphs.map((text, i) => ({ ordinal: i + 1, text, fingerprints: paragraphFingerprints(text), wordsKey: wordsKey(text), furnitureKey: null })),
    work
  )
  return { found, work }
}
