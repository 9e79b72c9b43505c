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
})
