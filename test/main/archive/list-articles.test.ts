import { describe, expect, it } from 'vitest'
import { insertArticle, listArticles } from '../../../src/main/archive/repo/articles'
import { tempArchive } from '../../support/tmp'

describe('listArticles', () => {
  it('sorts by each column, undated and outlet-less articles last, and pages consistently', () => {
    const archive = tempArchive()
    const add = (title: string, outlet: string | null, edtf: string | null, words: number): number =>
      insertArticle(
        archive.db,
        {
          title,
          dek: null,
          outlet,
          byline: null,
          place: null,
          url: null,
          published: edtf ? { edtf, precision: 'day', provenance: 'meta' } : null,
          language: 'en',
          paragraphs: [{ text: Array.from({ length: words }, (_, i) => `w${i}`).join(' '), page: null }]
        },
        null
      )
    const b = add('bravo', 'Zeta News', '2021-05-02', 3)
    const a = add('Alpha', null, null, 9)
    const c = add('charlie', 'alpha wire', '2021-05-01', 5)
    const titles = (q: Parameters<typeof listArticles>[1]): string[] => listArticles(archive.db, q).items.map((x) => x.title)
    expect(titles({ sort: 'title' })).toEqual(['Alpha', 'bravo', 'charlie'])
    expect(titles({ sort: 'title', order: 'desc' })).toEqual(['charlie', 'bravo', 'Alpha'])
    expect(titles({ sort: 'published', order: 'asc' })).toEqual(['charlie', 'bravo', 'Alpha'])
    expect(titles({ sort: 'published', order: 'desc' })).toEqual(['bravo', 'charlie', 'Alpha'])
    expect(titles({ sort: 'outlet' })).toEqual(['charlie', 'bravo', 'Alpha'])
    expect(titles({ sort: 'outlet', order: 'desc' })).toEqual(['bravo', 'charlie', 'Alpha'])
    expect(titles({ sort: 'words' })).toEqual(['Alpha', 'charlie', 'bravo'])
    expect(listArticles(archive.db, { sort: 'imported', order: 'asc' }).items.map((x) => x.id)).toEqual([b, a, c])
    const page2 = listArticles(archive.db, { sort: 'title', limit: 2, offset: 2 })
    expect(page2.total).toBe(3)
    expect(page2.items.map((x) => x.title)).toEqual(['charlie'])
  })

  it('pages by date as sorting every article would, across the dated and the undated, both ways', () => {
    const archive = tempArchive()
    const dates = ['2021-03-01', null, '2020-12-31', '2021-03-01', null, '2019-07-04', null, '2021-01-15', '2020-12-31', null, '2022-02-02']
    const added = dates.map((edtf, i) =>
      insertArticle(
        archive.db,
        {
          title: `Report ${i}`,
          dek: null,
          outlet: null,
          byline: null,
          place: null,
          url: null,
          published: edtf ? { edtf, precision: 'day', provenance: 'meta' } : null,
          language: 'en',
          paragraphs: [{ text: `Words of report ${i}.`, page: null }]
        },
        null
      )
    )
    const rows = added.map((id, i) => ({ id, date: dates[i]! }))
    for (const order of ['asc', 'desc'] as const) {
      const sign = order === 'asc' ? 1 : -1
      const expected = [...rows]
        .sort((x, y) => (x.date === null ? 1 : 0) - (y.date === null ? 1 : 0) || sign * (x.date ?? '').localeCompare(y.date ?? '') || sign * (x.id - y.id))
        .map((r) => r.id)
      for (const [limit, offset] of [[11, 0], [3, 0], [3, 5], [4, 6], [2, 7], [5, 9], [3, 11], [20, 2]] as const) {
        const page = listArticles(archive.db, { sort: 'published', order, limit, offset })
        expect(page.items.map((x) => x.id), `${order} ${limit}@${offset}`).toEqual(expected.slice(offset, offset + limit))
        expect(page.total).toBe(dates.length)
      }
    }
  })
})
