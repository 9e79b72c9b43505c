import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { join } from 'node:path'
import type { Archive } from '../../../src/main/archive/archive'
import type { Db } from '../../../src/main/archive/db'
import { insertArticle } from '../../../src/main/archive/repo/articles'
import type { ParsedArticle } from '../../../src/main/archive/parsed-article'
import type { SearchResult } from '../../../src/shared/search'
import type { ArticleMeta } from '../../../src/main/search/meta'

interface FixtureArticle extends Omit<ParsedArticle, 'paragraphs' | 'url'> {
  paragraphs: string[]
}

/** The search fixture articles (own text, in the shapes of the seeds). */
export function fixtureArticles(): ParsedArticle[] {
  const file = join(__dirname, '../../fixtures/search/articles.json')
  const raw = JSON.parse(readFileSync(file, 'utf8')) as FixtureArticle[]
  return raw.map((a) => ({ ...a, url: null, paragraphs: a.paragraphs.map((text) => ({ text, page: null })) }))
}

/** Inserts the fixtures; returns their ids in fixture order. */
export function seed(archive: Archive, articles = fixtureArticles()): number[] {
  return archive.db.transaction(() => articles.map((a) => insertArticle(archive.db, a, null)))()
}

/** A result's expansions as the spellings only: word → other words searched (dropped ones left out). */
export function spellingsOf(result: SearchResult): Record<string, string[]> {
  return Object.fromEntries(Object.entries(result.expansions).map(([word, list]) => [word, list.filter((e) => !e.dropped).map((e) => e.term)]))
}

/** Every column of `meta` for ids up to the larger maxId, as plain rows (present ones only). */
export function metaColumns(meta: ArticleMeta, upTo: number): unknown[] {
  const out: unknown[] = []
  for (let id = 1; id <= upTo; id++) {
    if (!meta.present[id]) continue
    out.push([
      id,
      meta.sourceNames.get(meta.source[id]!) ?? null,
      meta.earliest[id],
      meta.latest[id],
      meta.months.values[meta.month[id]!],
      meta.places.values[meta.place[id]!],
      meta.languages.values[meta.language[id]!],
      meta.yearUnknown[id]
    ])
  }
  return out
}

/** The persisted vocabulary must equal what FTS5 itself holds (words gone keep a row with 0 until a rebuild). */
export function expectVocabularyInStep(db: Db): void {
  const vocab = db.prepare('SELECT term, docs FROM search_vocab WHERE docs > 0 ORDER BY term').raw().all()
  const fts = db.prepare('SELECT term, doc FROM search_terms ORDER BY term').raw().all()
  expect(vocab).toEqual(fts)
}
