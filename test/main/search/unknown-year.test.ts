import { describe, expect, it } from 'vitest'
import { listArticles } from '../../../src/main/archive/repo/articles'
import type { ParsedArticle } from '../../../src/main/archive/parsed-article'
import { searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import type { PublishedDate } from '../../../src/shared/types'
import { parsedArticle } from '../../support/parsed-article'
import { tempArchive } from '../../support/tmp'
import { seed } from './support'

function dispatch(title: string, published: PublishedDate | null): ParsedArticle {
  return parsedArticle([`${title}: the reservoir gates stayed open through the night.`], { title, outlet: 'River Wire', place: 'PORTO', published })
}

function setup() {
  const archive = tempArchive()
  const ids = seed(archive, [
    dispatch('Known year', { edtf: '2021-03-16', precision: 'day', provenance: 'dateline' }),
    dispatch('Unknown year', { edtf: 'XXXX-03-17', precision: 'day', provenance: 'dateline' }),
    dispatch('Guessed year', { edtf: '2024-03-18?', precision: 'day', provenance: 'file' }),
    dispatch('Undated', null)
  ])
  const engine = searchEngine(archive.db)
  const titles = (query: string, sort: 'date' | 'date-asc' = 'date') => runSearch(engine, { query, sort }).hits.map((h) => h.title)
  return { archive, ids, engine, titles }
}

describe('articles whose publication year is unknown or guessed', () => {
  it('never pass after:/before:, whatever the day and month', () => {
    const { titles } = setup()
    expect(titles('reservoir after:2020')).toEqual(['Guessed year', 'Known year'])
    expect(titles('reservoir before:2030')).toEqual(['Guessed year', 'Known year'])
    expect(titles('reservoir after:0001 before:9998')).not.toContain('Unknown year')
  })

  it('sort after every dated article in both directions, in search and in the Library', () => {
    const { archive, titles } = setup()
    expect(titles('reservoir', 'date').slice(0, 2)).toEqual(['Guessed year', 'Known year'])
    expect(titles('reservoir', 'date-asc').slice(0, 2)).toEqual(['Known year', 'Guessed year'])
    for (const order of ['asc', 'desc'] as const) {
      const page = listArticles(archive.db, { sort: 'published', order })
      expect(page.items.slice(2).map((a) => a.title).sort()).toEqual(['Undated', 'Unknown year'])
    }
  })

  it('have their own facet bucket after the months, and has:unknown-year selects them', () => {
    const { titles, engine } = setup()
    expect(runSearch(engine, { query: 'reservoir' }).facets.month).toEqual([
      { value: '2021-03', count: 1 },
      { value: '2024-03', count: 1 },
      { value: 'XXXX', count: 1 }
    ])
    expect(titles('has:unknown-year')).toEqual(['Unknown year'])
    expect(titles('reservoir -has:unknown-year').sort()).toEqual(['Guessed year', 'Known year', 'Undated'])
    expect(runSearch(engine, { query: 'reservoir has:unknown-year OR has:events' }).total).toBe(1)
  })

  it('keep the doubt in what search returns', () => {
    const { engine } = setup()
    const hits = runSearch(engine, { query: 'reservoir' }).hits
    expect(hits.map((h) => h.published?.edtf).sort()).toEqual(['2021-03-16', '2024-03-18?', 'XXXX-03-17', undefined].sort())
    expect(hits.find((h) => h.title === 'Guessed year')!.published).toEqual({ edtf: '2024-03-18?', precision: 'day', provenance: 'file' })
  })
})
