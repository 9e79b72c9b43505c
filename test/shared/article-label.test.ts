import { describe, expect, it } from 'vitest'
import { articleLabel, NO_SOURCE, publisherName, sourceLabel, urlHost } from '../../src/shared/article-label'

const day = { edtf: '2024-03-19', precision: 'day' as const, provenance: 'meta' as const }

describe('naming an article', () => {
  it('takes the host of an http(s) address, without www., and nothing from other schemes or junk', () => {
    expect(urlHost('https://www.example-news.org/2024/03/story.html')).toBe('example-news.org')
    expect(urlHost('http://wire.example.com')).toBe('wire.example.com')
    expect(urlHost('file:///home/me/h1-wire.txt')).toBeNull()
    expect(urlHost('not a url')).toBeNull()
    expect(urlHost('  ')).toBeNull()
    expect(urlHost(null)).toBeNull()
  })

  it('fills the source slot with the outlet, else the host, else the byline, else a dash', () => {
    expect(sourceLabel({ outlet: 'TASS', url: 'https://example.org/a', byline: 'By A. Writer' })).toBe('TASS')
    expect(sourceLabel({ outlet: null, url: 'https://www.example.org/a', byline: 'By A. Writer' })).toBe('example.org')
    expect(sourceLabel({ outlet: '  ', url: null, byline: 'By A. Writer' })).toBe('By A. Writer')
    expect(sourceLabel({ outlet: null, url: null, byline: null })).toBe(NO_SOURCE)
    expect(publisherName({ outlet: null, url: null })).toBeNull()
  })

  it('names an article by title, source and date', () => {
    expect(articleLabel({ title: 'Pass taken', outlet: 'TASS', published: day })).toBe('“Pass taken” (TASS, 19 Mar 2024)')
    expect(articleLabel({ title: ' ', outlet: null, url: 'https://news.example.net/x', published: null })).toBe('“Untitled” (news.example.net, undated)')
    expect(articleLabel({ title: 'Notes', outlet: null, byline: null, url: null, published: null })).toBe('“Notes” (undated)')
  })
})
