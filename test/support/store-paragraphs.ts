import type { Archive } from '../../src/main/archive/archive'
import type { ParsedArticle } from '../../src/main/archive/parsed-article'
import { storeParsedArticle, type StoreOutcome } from '../../src/main/import/store'
import { boilerplateKey, paragraphFingerprints, wordsKey } from '../../src/main/text/shingles'
import { parsedArticle } from './parsed-article'

let serial = 0

/**
 * Stores paragraphs as the import stores a text file's article: a new file each call (its own
 * bytes' hash, with an `e` so that no test's own decimal hashes equal it), titled "Story N", with
 * the analysis the parse worker would send.
 */
export function storeParagraphs(
  archive: Archive,
  paragraphs: readonly string[],
  extra: Partial<ParsedArticle> = {},
  fingerprints = paragraphFingerprints
): StoreOutcome {
  serial++
  return storeParsedArticle(archive, {
    name: `story-${serial}.txt`,
    path: null,
    sha256: `e${serial}`.padStart(64, '0'),
    size: 100,
    mediaType: 'text/plain',
    article: parsedArticle(paragraphs, { title: `Story ${serial}`, ...extra }),
    analysis: paragraphs.map((p) => ({ fingerprints: fingerprints(p), boilerplateKey: boilerplateKey(p), wordsKey: wordsKey(p), mentions: [] }))
  })
}
