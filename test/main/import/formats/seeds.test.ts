import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseSourceFile, type FormatResult } from '../../../../src/main/import/formats'

// The product's seed articles live next to the repository (../shared/seeds), not in it.
const SEEDS = fileURLToPath(new URL('../../../../../shared/seeds/', import.meta.url))
const present = existsSync(SEEDS)
if (!present) console.warn(`seed articles not found at ${SEEDS}: the seed import test is skipped`)

async function seed(prefix: string): Promise<FormatResult> {
  const name = ['000_d5daf718b92db9d3.txt', '001_d9dd581eb64c3c9e.txt', '002_9664b19b629e403e.txt', '003_de5aaf1152833b59.txt'].find((n) =>
    n.startsWith(prefix)
  )!
  const path = SEEDS + name
  // A pinned file time: the inferred year is bounded by it, and the copies' own mtime moves.
  return parseSourceFile({ name, bytes: new Uint8Array(readFileSync(path)), mtime: new Date('2024-06-01T00:00:00Z') })
}

describe.skipIf(!present)('the four seed articles', () => {
  it('000: title, KABUL dateline stripped, share block removed', async () => {
    const { article, removed } = await seed('000')
    expect(article.title).toBe('Afghanistan: Russia is not a factor, the resistance has killed 300 Taliban')
    expect(article.place).toBe('KABUL')
    expect(article.paragraphs[0]!.text.startsWith('Under the leadership')).toBe(true)
    expect(article.paragraphs.some((p) => /Follow us everywhere|Our standards/.test(p.text))).toBe(false)
    expect(removed!.map((r) => r.kind)).toContain('share')
    expect(article.language).toBe('en')
  })

  it('001: skips "All news", finds the dek, MOSCOW and TASS, dated 1 September with the year unknown', async () => {
    const { article } = await seed('001')
    expect(article.title).toBe('Clashes between resistance fighters, Taliban raging on in three Afghan provinces — media')
    expect(article.dek).toBe('At the moment, the number of casualties after the clashes is unknown')
    expect(article.place).toBe('MOSCOW')
    expect(article.outlet).toBe('TASS')
    // Nothing in the text proves a year ("reported on Wednesday" names a day near the dispatch),
    // and a guess from the file time would land decades after the only year it mentions (2001).
    expect(article.published).toEqual({ edtf: 'XXXX-09-01', precision: 'day', provenance: 'dateline' })
    expect(article.paragraphs[0]!.text.startsWith('Fighting between')).toBe(true)
  })

  it('002: skips "All news", finds the dek, CAIRO and TASS; "- source" is not an outlet', async () => {
    const { article } = await seed('002')
    expect(article.title).toBe('Panjshir resistance forces repel Taliban attack on its outpost - source')
    expect(article.dek).toBe('There are casualties among the Taliban fighters, several militants were taken prisoner')
    expect(article.place).toBe('CAIRO')
    expect(article.outlet).toBe('TASS')
    expect(article.published).toEqual({ edtf: 'XXXX-08-30', precision: 'day', provenance: 'dateline' })
  })

  it('003: outlet Al-Akhbar from the headline; embeds, teasers, bio and comment form removed', async () => {
    const { article, removed } = await seed('003')
    expect(article.title).toBe('The Taliban claims to have taken the last outpost of the resistance')
    expect(article.outlet).toBe('Al-Akhbar')
    expect(article.byline).toBe('Freddie Dawson')
    const text = article.paragraphs.map((p) => p.text).join('\n')
    for (const furniture of ['embed', 'see also', 'See also', 'Tension in the Middle East', 'Leave a Reply', 'Back to top', 'Beer specialist']) {
      expect(text).not.toContain(furniture)
    }
    expect(new Set(removed!.map((r) => r.kind))).toEqual(new Set(['embed', 'see-also', 'author-bio', 'comment-form', 'back-to-top']))
    expect(article.paragraphs.at(-1)!.text.startsWith('On the night of August 30-31')).toBe(true)
  })
})
