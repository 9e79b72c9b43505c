import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { getArticle } from '../../../src/main/archive/repo/articles'
import type { SearchResult, Suggestion } from '../../../src/shared/search'
import { tempArchive } from '../../support/tmp'
import { seed } from './support'

function backend() {
  const archive = tempArchive()
  const ids = seed(archive)
  return { archive, ids, backend: createBackend(archive) }
}

describe('search API', () => {
  it('validates arguments and runs searches through the contract', async () => {
    const { backend: b } = backend()
    const ok = await b.invoke('search', { query: 'masood~', limit: 2 })
    expect(ok.ok).toBe(true)
    const value = (ok as { ok: true; value: SearchResult }).value
    expect(value.total).toBe(3)
    expect(value.hits).toHaveLength(2)
    const bad = await b.invoke('search', { query: 'x', sort: 'size' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('suggests words, outlets and titles for a prefix', async () => {
    const { backend: b } = backend()
    const words = (await b.api.suggest({ prefix: 'pan' })) as Suggestion[]
    expect(words[0]).toMatchObject({ kind: 'term', label: 'panjshir', count: 4 })
    expect(words.some((s) => s.kind === 'title' && s.label === 'Outpost attack repelled in Panjshir valley')).toBe(true)
    const outlets = await b.api.suggest({ prefix: 'ta' })
    expect(outlets).toContainEqual({ kind: 'outlet', label: 'TASS', insert: 'outlet:TASS', count: 2, articleId: null })
    const places = await b.api.suggest({ prefix: 'cai' })
    expect(places).toContainEqual({ kind: 'place', label: 'Cairo', insert: 'place:Cairo', count: null, articleId: null })
    const typo = await b.api.suggest({ prefix: 'masoood' })
    expect(typo.map((s) => s.label)).toContain('masood')
    expect(await b.api.suggest({ prefix: 'pan ' })).toEqual([])
  })

  it('gives highlight ranges in the article text for the Reader', async () => {
    const { backend: b, archive, ids } = backend()
    const { ranges } = await b.api.highlightArticle({ articleId: ids[1]!, query: 'baglan~ OR "news agency"' })
    const text = getArticle(archive.db, ids[1]!).text
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Baghlan', 'news agency'])
  })

  it('saves, lists, replaces and deletes saved searches', async () => {
    const { backend: b } = backend()
    const first = await b.api.saveSearch({ name: 'Names', query: 'masood~', sort: 'date' })
    expect(first).toMatchObject({ name: 'Names', query: 'masood~', fuzzy: false, sort: 'date' })
    const replaced = await b.api.saveSearch({ name: 'names', query: 'massoud', fuzzy: true })
    expect(replaced.id).toBe(first.id)
    expect(await b.api.listSavedSearches({})).toMatchObject([{ name: 'Names', query: 'massoud', fuzzy: true, sort: 'rank' }])
    expect(await b.api.deleteSavedSearch({ id: first.id })).toEqual({ deleted: true })
    expect(await b.api.listSavedSearches({})).toEqual([])
    const missing = await b.invoke('deleteSavedSearch', { id: first.id })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
