import { describe, expect, it } from 'vitest'
import { analyseArticle } from '../../../../src/main/import/text/analyse'

const blocks = (...texts: string[]) => texts.map((text) => ({ text, page: null }))
const mtime = new Date('2024-06-01T00:00:00Z')

describe('analyseArticle', () => {
  it('removes a date stamp and dates the article by it', () => {
    const { article, removed } = analyseArticle(blocks('Bridge reopens after repairs', 'Updated: Tuesday, 12 March 2024, 10:15 GMT', 'The bridge reopened to traffic on Tuesday.'), { mtime })
    expect(article.published).toEqual({ edtf: '2024-03-12', precision: 'day', provenance: 'text' })
    expect(removed).toEqual([{ text: 'Updated: Tuesday, 12 March 2024, 10:15 GMT', kind: 'date-stamp' }])
  })

  it('keeps the attribution line of an embedded post, which is content, not a stamp', () => {
    const line = '— Harbour Authority (@harbour) March 12, 2024'
    const { article } = analyseArticle(blocks('Bridge reopens after repairs', 'The bridge reopened to traffic on Tuesday.', '"The bridge is open," the authority wrote.', line), { mtime })
    expect(article.paragraphs.map((p) => p.text)).toContain(line)
  })

  it('does not take a kicker or a label under the headline for a dek', () => {
    for (const kicker of ['GIRLS BASKETBALL', 'Staff Reports', 'Pittsburgh']) {
      const { article } = analyseArticle(blocks('Late goal sends Tigers to the final', kicker, 'The Tigers beat the Hawks 2-1 on Friday night.'), { mtime })
      expect(article.dek).toBeNull()
    }
  })

  it('reads the dateline under a standfirst ending in a full stop and a byline, in either order', () => {
    const headline = 'Ferry service to the islands resumes'
    const standfirst = 'Operators restored two routes after the winter storms.'
    const lead = 'KIRKWALL, March 4, 2024 (The Island Courier) — The first ferry left at dawn, the operator said.'
    for (const top of [[standfirst, 'By Lena Okafor'], ['By Lena Okafor', standfirst]]) {
      const { article } = analyseArticle(blocks(headline, ...top, lead, 'More routes follow in April.'), { mtime })
      expect(article.dek).toBe(standfirst)
      expect(article.byline).toBe('Lena Okafor')
      expect(article.published).toEqual({ edtf: '2024-03-04', precision: 'day', provenance: 'dateline' })
      expect(article.outlet).toBe('The Island Courier')
      expect(article.place).toBe('KIRKWALL')
      expect(article.paragraphs.map((p) => p.text)).toEqual(['The first ferry left at dawn, the operator said.', 'More routes follow in April.'])
    }
  })

  it('keeps a first paragraph under a byline in the story when no dateline follows it', () => {
    const first = 'The first ferry left at dawn, the operator said.'
    const { article } = analyseArticle(blocks('Ferry service to the islands resumes', 'By Lena Okafor', first, 'More routes follow in April.'), { mtime })
    expect(article.dek).toBeNull()
    expect(article.paragraphs[0]!.text).toBe(first)
  })

  it('takes a "By" line as the byline and drops it from the text', () => {
    const { article, removed } = analyseArticle(blocks('Late goal sends Tigers to the final', 'By Ana María de la Cruz', 'The Tigers beat the Hawks 2-1.'), { mtime })
    expect(article.byline).toBe('Ana María de la Cruz')
    expect(removed).toEqual([{ text: 'By Ana María de la Cruz', kind: 'byline' }])
  })

  it('drops a first paragraph that repeats the metadata title, even inside a longer subject', () => {
    const { article } = analyseArticle(blocks('Parliament votes on budget', 'Members of parliament will vote today.'), {
      mtime,
      meta: { title: 'Morning briefing: parliament votes on budget' }
    })
    expect(article.paragraphs.map((p) => p.text)).toEqual(['Members of parliament will vote today.'])
  })

  it('takes the first sentence as the title when the text opens with a long paragraph', () => {
    const long = 'The council met on Monday to discuss the budget. ' + 'It lasted for hours and ended without a vote, officials said. '.repeat(6)
    const { article } = analyseArticle(blocks(long.trim(), 'A second paragraph.'), { mtime })
    expect(article.title).toBe('The council met on Monday to discuss the budget.')
    expect(article.paragraphs[0]!.text).toBe(long.trim())
  })

  it('does not take a dateline paragraph for the headline', () => {
    const { article } = analyseArticle(blocks('WASHINGTON (AP) — The Senate passed the bill on Friday.', 'The House votes next week.'), { mtime })
    expect(article.title).toBe('The Senate passed the bill on Friday.')
    expect(article.place).toBe('WASHINGTON')
    expect(article.paragraphs.map((p) => p.text)).toEqual(['The Senate passed the bill on Friday.', 'The House votes next week.'])
  })

  it('prefers a printed date stamp to a year inferred for the dateline', () => {
    const { article } = analyseArticle(
      blocks('Wind auction doubled', 'Published: 3 March 2021, 09:00 GMT', 'LONDON, March 3 (Reuters) - Britain will double the auction.', 'More follows.'),
      { mtime }
    )
    expect(article.published).toEqual({ edtf: '2021-03-03', precision: 'day', provenance: 'text' })
    expect(article.place).toBe('LONDON')
  })
})
