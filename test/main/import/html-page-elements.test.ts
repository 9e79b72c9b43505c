import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseDocument, startTags, type DomElement } from '../../../src/main/import/html/dom'
import { PageElements } from '../../../src/main/import/html/page-elements'

const TAGS = ['meta', 'script', 'link', 'title', 'h1', 'time', 'template', 'svg', 'article', 'div', 'span', 'p'] as const
const ATTRIBUTES = [
  'itemprop="author"', 'itemprop="name"', 'itemprop="datePublished"', 'itemprop="datepublished"', 'rel="author"', 'rel="AUTHOR"',
  'rel="canonical"', 'class="byline"', 'class="ByLine"', 'class="x-byline-y"', 'class="author-name extra"', 'class="author"',
  'type="application/ld+json"', 'type="APPLICATION/LD+JSON"', 'datetime="2020-01-02"', 'pubdate', 'property="og:title"', 'content="c"'
] as const

interface Node {
  tag: (typeof TAGS)[number]
  attributes: string[]
  children: Node[]
}

const node: fc.Memo<Node> = fc.memo((depth) =>
  fc.record({
    tag: fc.constantFrom(...TAGS),
    attributes: fc.subarray([...ATTRIBUTES], { maxLength: 3 }),
    children: depth > 1 ? fc.array(node(depth - 1), { maxLength: 4 }) : fc.constant([])
  })
)

function markup(n: Node): string {
  const open = [n.tag, ...n.attributes].join(' ')
  if (n.tag === 'meta' || n.tag === 'link') return `<${open}>`
  return `<${open}>${n.tag === 'script' ? '{}' : n.children.map(markup).join('')}</${n.tag}>`
}

/** What metadata asks for: a tag's elements, or the elements with the attributes it names. */
const BY_TAG = [
  ['meta', 'meta'],
  ['script', 'script[type="application/ld+json"]'],
  ['link', 'link[rel="canonical"]'],
  ['title', 'title'],
  ['h1', 'h1'],
  ['time', 'time[pubdate][datetime], article time[datetime], time[datetime]']
] as const
const BY_ATTRIBUTE = ['[itemprop="datePublished"]', '[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], .byline, .author-name']

describe('PageElements', () => {
  it('finds what querySelector on the document finds, for every lookup metadata makes', () => {
    fc.assert(
      fc.property(fc.array(node(4), { maxLength: 6 }), fc.array(node(2), { maxLength: 3 }), (body, head) => {
        const doc = parseDocument(`<!DOCTYPE html><html><head>${head.map(markup).join('')}</head><body>${body.map(markup).join('')}</body></html>`)
        const page = new PageElements(doc)
        for (const [tag, selector] of BY_TAG) {
          expect(page.first(tag, selector)).toBe(doc.querySelector(selector))
          expect(page.all(tag, selector)).toEqual(Array.from(doc.querySelectorAll(selector) as ArrayLike<DomElement>))
        }
        for (const selector of BY_ATTRIBUTE) expect(page.firstAttributed(selector)).toBe(doc.querySelector(selector))
      }),
      { numRuns: 300 }
    )
  })

  it('passes over what a template holds, as querySelector does', () => {
    const doc = parseDocument('<html><head></head><body><template><h1>Hidden</h1><meta name="x" content="y"></template><h1>Shown</h1></body></html>')
    const page = new PageElements(doc)
    expect(page.first('h1')?.textContent).toBe('Shown')
    expect(page.all('meta')).toEqual([])
  })
})

describe('startTags', () => {
  it('counts start tags whatever their case, up to the number asked', () => {
    expect(startTags('<HTML lang="en"><html/><html\n><htmlx><html', 'html', 9)).toBe(3)
    expect(startTags('<html><html><html>', 'html', 2)).toBe(2)
    expect(startTags('</html><p>html</p>', 'html', 2)).toBe(0)
  })

  it('counts at least the elements the parser builds of that name', () => {
    fc.assert(
      fc.property(fc.array(node(3), { maxLength: 5 }), (nodes) => {
        const html = nodes.map(markup).join('')
        const doc = parseDocument(html)
        for (const tag of ['h1', 'time', 'svg']) {
          const built = (doc.querySelectorAll(tag) as ArrayLike<DomElement>).length
          expect(startTags(html, tag, Infinity)).toBeGreaterThanOrEqual(built)
        }
      })
    )
  })
})
