import { describe, expect, it } from 'vitest'
import { insertArticle } from '../../../src/main/archive/repo/articles'
import { setDroppedSpellings } from '../../../src/main/search/dropped'
import { searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import { spellingRankKeys } from '../../../src/main/search/spelling-rank'
import { parsedArticle } from '../../support/parsed-article'
import { tempArchive } from '../../support/tmp'

const FILLER = 'The council met again on Thursday to discuss the road, the schools and the water supply of the valley.'

function setup() {
  const archive = tempArchive()
  const add = (title: string, body: string): number => insertArticle(archive.db, parsedArticle([body], { title }), null)
  const ids = {
    // The typo and variant articles say the name in the headline and often: bm25 alone would put them first.
    typo: add('Panjshr Panjshr', `Panjshr. ${'Panjshr again. '.repeat(6)}`),
    variant: add('Panjsher Panjsher', `Panjsher. ${'Panjsher again. '.repeat(6)}`),
    twoVariants: add('A valley report', `Panjsher and Panjsheer. ${FILLER}`),
    oneVariant: add('A valley report', `Panjsher and the valley. ${FILLER}`),
    exact: add('A valley report', `${FILLER} Panjshir was mentioned once. ${FILLER} ${FILLER}`)
  }
  for (let i = 0; i < 5; i++) add('Other news', `Panjshir and ${FILLER}`)
  const engine = searchEngine(archive.db)
  return { archive, ids, engine }
}

describe('ranking of fuzzy matches', () => {
  it('puts the exact spelling above variants and variants above typos; several variants in one article raise it', () => {
    const { ids, engine } = setup()
    const r = runSearch(engine, { query: 'panjshir~', limit: 20 })
    expect(r.ranking).toBe('relevance')
    const kinds = Object.fromEntries(r.expansions.panjshir!.map((e) => [e.term, e.kind]))
    expect(kinds).toEqual({ panjsher: 'variant', panjsheer: 'variant', panjshr: 'typo' })
    const order = r.hits.map((h) => h.articleId)
    const at = (id: number): number => order.indexOf(id)
    expect(at(ids.exact)).toBeLessThan(6)
    expect(at(ids.exact)).toBeLessThan(at(ids.variant))
    expect(order.slice(6)).toEqual([ids.variant, ids.twoVariants, ids.oneVariant, ids.typo].sort((a, b) => at(a) - at(b)))
    expect(at(ids.variant)).toBeLessThan(at(ids.typo))
    expect(at(ids.twoVariants)).toBeLessThan(at(ids.oneVariant))
    expect(order[order.length - 1]).toBe(ids.typo)
  })

  it('orders equal bm25 scores by tier, and raises an article using several spellings', () => {
    const { archive, ids } = setup()
    const scores = new Map([ids.typo, ids.oneVariant, ids.twoVariants, ids.exact].map((id) => [id, -5]))
    const spellings = [
      { term: 'panjsher', articles: 3, kind: 'variant' as const },
      { term: 'panjsheer', articles: 1, kind: 'variant' as const },
      { term: 'panjshr', articles: 1, kind: 'typo' as const }
    ]
    const keys = spellingRankKeys(archive.db, scores, [{ word: 'panjshir', spellings }])
    const order = [...keys].sort((a, b) => a[1] - b[1]).map(([id]) => id)
    expect(order).toEqual([ids.exact, ids.twoVariants, ids.oneVariant, ids.typo])
  })

  it('leaves out a spelling the user dropped for that query, and lists it as dropped', () => {
    const { archive, ids, engine } = setup()
    setDroppedSpellings(archive.db, 'panjshir~', ['panjshr'])
    const r = runSearch(engine, { query: 'panjshir~', limit: 20 })
    expect(r.hits.map((h) => h.articleId)).not.toContain(ids.typo)
    expect(r.expansions.panjshir!.find((e) => e.term === 'panjshr')).toMatchObject({ dropped: true, kind: 'typo' })
    // Another query text keeps it.
    expect(runSearch(engine, { query: 'panjshir~ valley', limit: 20 }).expansions.panjshir!.every((e) => !e.dropped)).toBe(true)
    setDroppedSpellings(archive.db, 'panjshir~', [])
    expect(runSearch(engine, { query: 'panjshir~', limit: 20 }).hits.map((h) => h.articleId)).toContain(ids.typo)
  })
})
