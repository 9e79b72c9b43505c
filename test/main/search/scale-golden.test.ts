import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../src/main/import/pipeline'
import { searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import type { SearchQuery } from '../../../src/shared/search'
import { newsArticle, writeNewsCorpus } from '../../../scripts/bench/news-corpus'
import { tempArchive, tempDir } from '../../support/tmp'

const ARTICLES = 240
const GOLDEN = join(__dirname, '../../fixtures/search/scale-golden.json')

/** Words and runs of words taken from fixed places of the generated corpus. */
function queries(): SearchQuery[] {
  const words = (i: number, p: number): string[] =>
    newsArticle(i).paragraphs[p]!.toLowerCase().replace(/[.,]/g, '').split(' ').filter((w) => /^[a-z]{4,}$/.test(w))
  const a = words(3, 1)
  const b = words(17, 2)
  const c = words(41, 0)
  const d = words(90, 1)
  const phrase = newsArticle(55).paragraphs[1]!.toLowerCase().replace(/[.,]/g, '').split(' ').slice(2, 5).join(' ')
  const texts = [
    'the',
    'said',
    'government',
    a[0]!,
    a[3]!,
    b[1]!,
    c[2]!,
    `${a[1]} the`,
    `${b[2]} ${c[3]}`,
    `"${phrase}"`,
    `${d[0]!.slice(0, 4)}*`,
    `${d[2]!.slice(0, 3)}*`,
    `${a[2]} OR ${b[3]}`,
    `the -${c[1]}`,
    `said after:2021-01-01 before:2022-12-31`,
    `${d[1]} after:2020-01-01`,
    'officials police',
    '"the government"',
    // Phrases of common words: over the rank limit of 40, under it, and matching nothing.
    '"of the"',
    '"said the"',
    '"the the the"',
    '"government the government the"'
  ]
  return texts.flatMap((query) => [{ query }, { query, sort: 'date' as const }])
}

describe('search results over a fixed generated corpus (issue 17 guard)', () => {
  it('keeps totals and top-10 ids of non-fuzzy queries, ranked fully and past the rank limit', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeNewsCorpus(dir, { to: ARTICLES })
    const report = await runImport(archive, [{ kind: 'path', path: dir }])
    expect(report.failed).toEqual([])
    const engine = searchEngine(archive.db)
    const actual = queries().flatMap((q) =>
      [undefined, 40].map((rankLimit) => {
        const r = runSearch(engine, q, rankLimit === undefined ? {} : { rankLimit })
        return { ...q, rankLimit: rankLimit ?? null, ranking: r.ranking, total: r.total, top: r.hits.slice(0, 10).map((h) => h.articleId) }
      })
    )
    const summary = {
      added: report.added.length,
      duplicates: report.duplicates.length,
      nearDuplicates: report.nearDuplicates.length,
      cleaned: report.cleaned.reduce((n, c) => n + c.cleanedIds.length, 0)
    }
    // One result per line, so a change shows as the queries it moved.
    const rendered = `{"summary": ${JSON.stringify(summary)},\n"results": [\n${actual.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, rendered)
    expect(JSON.parse(rendered)).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')))
    // The corpus must exercise what the guard is for: many hits, some not, wire copy linked.
    expect(actual.filter((r) => r.total >= 100).length).toBeGreaterThan(4)
    expect(actual.filter((r) => r.total > 0 && r.total < 20).length).toBeGreaterThan(4)
    expect(actual.some((r) => r.ranking === 'headline-then-date')).toBe(true)
    expect(summary.nearDuplicates).toBeGreaterThan(0)
    archive.close()
  }, 120_000)
})
