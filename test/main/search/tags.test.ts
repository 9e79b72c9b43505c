import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { tempArchive } from '../../support/tmp'
import { seed } from './support'

describe('tag: filter', () => {
  it('follows tag changes between searches on the same engine', async () => {
    const archive = tempArchive()
    const ids = seed(archive)
    const b = createBackend(archive)
    const found = async (query: string): Promise<number[]> =>
      (await b.api.search({ query, limit: 100 })).hits.map((h) => h.articleId).sort((x, y) => x - y)

    expect(await found('tag:ferry')).toEqual([])
    // Warm every cache (filter columns, facets, vocabulary) before the tags change.
    await found('panjshir')
    await b.api.tagArticles({ ids: [ids[0]!, ids[2]!], add: ['Ferry crossing'] })
    expect(await found('tag:"ferry crossing"')).toEqual([ids[0], ids[2]])
    expect(await found('-tag:"ferry crossing"')).toEqual(ids.filter((id) => id !== ids[0] && id !== ids[2]))

    await b.api.setArticleTags({ id: ids[0]!, tags: [] })
    expect(await found('tag:"Ferry Crossing"')).toEqual([ids[2]])

    await b.api.undo({})
    expect(await found('tag:"ferry crossing"')).toEqual([ids[0], ids[2]])

    await b.api.tagArticles({ ids: [ids[2]!], remove: ['FERRY CROSSING'] })
    expect(await found('tag:"ferry crossing"')).toEqual([ids[0]])
  })
})
