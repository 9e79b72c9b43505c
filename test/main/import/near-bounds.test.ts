import { describe, expect, it } from 'vitest'
import { insertArticle } from '../../../src/main/archive/repo/articles'
import { insertFile } from '../../../src/main/archive/repo/files'
import type { Db } from '../../../src/main/archive/db'
import { linkNearDuplicates, NEAR_LIMITS, type NearWork } from '../../../src/main/import/dedupe/near'
import { boilerplateKey, paragraphFingerprints, wordsKey, type ParagraphFingerprints } from '../../../src/main/text/shingles'
import type { ParsedArticle } from '../../../src/main/archive/parsed-article'
import { storeParagraphs } from '../../support/store-paragraphs'
import { parsedArticle } from '../../support/parsed-article'
import { tempArchive } from '../../support/tmp'
import { FINGERPRINT_ROWS } from '../../support/fingerprints'

const WIRE = 'Rescue teams reached the flooded villages along the northern river late on Tuesday after the water began to fall'

const article = (title: string, paragraphs: string[]): ParsedArticle => parsedArticle(paragraphs, { title })

let files = 0
function store(db: Db, parsed: ParsedArticle): { id: number; paragraphs: { ordinal: number; text: string; fingerprints: ParagraphFingerprints; wordsKey: number; furnitureKey: number | null }[] } {
  const fileId = insertFile(db, { sha256: `${++files}`.padStart(64, '0'), size: 1, name: `${parsed.title}.txt`, originalPath: null, mediaType: 'text/plain' })
  const id = insertArticle(db, parsed, fileId)
  return {
    id,
    paragraphs: parsed.paragraphs.map((p, i) => ({ ordinal: i + 1, text: p.text, fingerprints: paragraphFingerprints(p.text), wordsKey: wordsKey(p.text), furnitureKey: boilerplateKey(p.text) }))
  }
}

describe('near-duplicate matching is bounded per file', () => {
  it('a crafted file whose every paragraph shares fingerprints with 60 stored ones costs bounded, counted work', () => {
    const archive = tempArchive()
    // Sixty earlier stories carry the same wire paragraph: each of its fingerprints is rare
    // enough (≤ 64 holders) to count as evidence of reuse.
    for (let i = 0; i < 60; i++) {
      storeParagraphs(archive, [WIRE, `Story number ${i} adds its own local reporting about the flood and the rescue.`])
    }
    // 40,000 paragraphs (3.5 MB), each the wire paragraph with its own ending: 2.4 million
    // candidate pairs unbounded.
    const crafted = store(archive.db, article('Crafted', Array.from({ length: 40_000 }, (_, i) => `${WIRE} and paragraph ${i} ends here`)))
    const work: NearWork = { fingerprints: 0, rows: 0, pairs: 0, verbatim: 0, chars: 0 }
    const found = linkNearDuplicates(archive.db, crafted.id, null, crafted.paragraphs, work)
    expect(work.fingerprints).toBeLessThanOrEqual(NEAR_LIMITS.maxFingerprints)
    expect(work.rows).toBeLessThanOrEqual(NEAR_LIMITS.maxRows)
    expect(work.pairs).toBe(NEAR_LIMITS.maxPairs)
    expect(work.chars).toBeLessThanOrEqual(NEAR_LIMITS.maxPairs * 2 * NEAR_LIMITS.maxVerifyChars)
    // Still found within the bound, and only the budgeted fingerprints are indexed.
    expect(found.length).toBeGreaterThan(0)
    const indexed = archive.db.prepare(`SELECT count(*) AS n FROM ${FINGERPRINT_ROWS} WHERE article_id = ?`).get(crafted.id) as { n: number }
    expect(indexed.n).toBeLessThanOrEqual(NEAR_LIMITS.maxFingerprints)
  }, 120_000)
})
