import { describe, expect, it } from 'vitest'
import { readFrontMatter } from '../../../../src/main/import/formats/frontmatter'
import { frontMatterMeta, markdownBlocks } from '../../../../src/main/import/formats/markdown'

describe('readFrontMatter', () => {
  it('reads quoted values, comments, block lists and inline lists; a list keeps its first item', () => {
    const fm = readFrontMatter(
      '---\ntitle: \'It\'\'s "quoted"\'\n# a comment\nauthors:\n  - Ann Lee\n  - Bo Ray\ntags: [a, b]\ndate: "2022-02-03T10:00:00Z" # saved\n---\nBody\n'
    )
    expect(Object.fromEntries(fm.fields)).toEqual({ title: 'It\'s "quoted"', authors: 'Ann Lee', tags: 'a', date: '2022-02-03T10:00:00Z' })
    expect(fm.body).toBe('Body\n')
  })

  it('reads TOML front matter', () => {
    const fm = readFrontMatter('+++\ntitle = "Budget passes"\ndate = 2020-12-01\n+++\nText')
    expect(fm.fields.get('title')).toBe('Budget passes')
    expect(frontMatterMeta(fm).published).toEqual({ edtf: '2020-12-01', precision: 'day', provenance: 'meta' })
  })

  it('leaves a document without front matter whole', () => {
    expect(readFrontMatter('# Title\n\n---\n\ntext').body).toBe('# Title\n\n---\n\ntext')
  })

  it('maps a source that is a URL to the url, not the outlet', () => {
    const meta = frontMatterMeta(readFrontMatter('---\nsource: https://example.org/a\nlanguage: pt-BR\n---\n'))
    expect(meta.outlet).toBeNull()
    expect(meta.url).toBe('https://example.org/a')
    expect(meta.language).toBe('pt')
  })
})

describe('markdownBlocks', () => {
  it('keeps code as text without blank lines or outer whitespace', () => {
    expect(markdownBlocks('```\n  first line\n\n\n  second line  \n```\n')).toEqual(['first line\n  second line'])
  })

  it('strips markup, keeps link text and code, drops images and HTML tags', () => {
    expect(
      markdownBlocks('## Sub *head*\n\nA [link](http://x) and `code` and ![img](a.png).\n\n1. one\n2. two\n\n<div>raw <b>html</b></div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
    ).toEqual(['Sub head', 'A link and code and .', 'one', 'two', 'raw html', 'a | b', '1 | 2'])
  })
})
