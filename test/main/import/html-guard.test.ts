import { describe, expect, it } from 'vitest'
import { parseHtml } from '../../../src/main/import/formats/html'
import { ImportError } from '../../../src/main/import/errors'
import { checkMarkup, HTML_LIMITS } from '../../../src/main/import/html/guard'

function failure(run: () => unknown): ImportError {
  try {
    run()
  } catch (err) {
    if (err instanceof ImportError) return err
    throw err
  }
  throw new Error('expected an ImportError')
}

const paragraph = `<p>${'A plain sentence of reporting that gives the page some body text. '.repeat(4)}</p>`

describe('HTML guards', () => {
  it('a million elements is too large, before any DOM is built', () => {
    const html = `<html><body>${'<p>x</p>'.repeat(1_000_000)}</body></html>`
    const err = failure(() => parseHtml(html, 'million.html'))
    expect(err.code).toBe('too-large')
    expect(err.message).toMatch(/^million\.html: more than 200000 HTML elements/)
  })

  it('100,000 nested elements fail as parse-failed instead of overflowing the stack', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}</body></html>`
    const err = failure(() => parseHtml(html, 'deep.html'))
    expect(err.code).toBe('parse-failed')
    expect(err.message).toMatch(/nested more than 1000 levels/)
  })

  it('unclosed inline tags nesting without end count toward the depth too', () => {
    const html = `<html><body>${'<span><b>'.repeat(5_000)}text</body></html>`
    expect(failure(() => parseHtml(html, 'spans.html')).code).toBe('parse-failed')
  })

  it('a flood of character references is too large, counted before parsing', () => {
    const err = failure(() => checkMarkup(`<html><body><p>${'&amp;'.repeat(400_000)}</p></body></html>`, 'entities.html'))
    expect(err.code).toBe('too-large')
    expect(err.message).toBe(`entities.html: more than ${HTML_LIMITS.maxCharRefs} character references (&…;) in its HTML`)
    // A long article written entirely in numeric references (old Cyrillic pages do) still passes, as do bare ampersands.
    const encoded = `<html><body><p>${'&#1040;&#1041; '.repeat(100_000)}</p><p>${'R&D & more '.repeat(50_000)}</p></body></html>`
    expect(() => checkMarkup(encoded, 'encoded.html')).not.toThrow()
  })

  it('pages at the edges of the limits still parse', () => {
    const nested = `<html><body>${'<div>'.repeat(200)}${paragraph.repeat(3)}${'</div>'.repeat(200)}</body></html>`
    expect(parseHtml(nested, 'nested.html').paragraphs.length).toBe(3)
    // Unclosed <p> and <li> are closed by their next sibling, as browsers do, so they do not nest.
    const sloppy = `<html><body><article>${'<p>Another line of plain reporting text for the record, long enough to count'.repeat(3000)}<ul>${'<li>item'.repeat(3000)}</ul></article></body></html>`
    expect(() => checkMarkup(sloppy, 'sloppy.html')).not.toThrow()
  })

  it('a deep, text-heavy page under the limits is extracted without Readability, in linear time', () => {
    const html = `<html><body>${'<div>'.repeat(900)}${paragraph.repeat(20_000)}${'</div>'.repeat(900)}</body></html>`
    expect(parseHtml(html, 'deep-text.html').paragraphs).toHaveLength(20_000)
  })

  it('a flood of unclosed tags is scanned in one pass', () => {
    const html = `<html><body>${paragraph}${'<a '.repeat(100_000)}</body></html>`
    expect(() => checkMarkup(html, 'unclosed.html')).not.toThrow()
    expect(parseHtml(html, 'unclosed.html').paragraphs.length).toBeGreaterThan(0)
  })

  it('div soup without paragraphs still yields its text', () => {
    // Nested deep enough to exceed the Readability budget, so the last-resort path is the one taken.
    const line = '<div><span>Line of text in a page built only from div and span elements.</span></div>'
    const html = `<html><body>${'<div>'.repeat(40)}${line.repeat(8_000)}${'</div>'.repeat(40)}</body></html>`
    expect(parseHtml(html, 'soup.html').paragraphs).toHaveLength(8_000)
  })

  it('150,000 <div/> nest as the parser nests them and are refused on their depth, before parsing', () => {
    const html = `<html><body>${'<div/>'.repeat(150_000)}text</body></html>`
    const err = failure(() => checkMarkup(html, 'slashes.html'))
    expect(err.code).toBe('parse-failed')
    expect(err.message).toBe('slashes.html: HTML nested more than 1000 levels deep')
  })

  it('elements inside <noscript>, <iframe> and <template>, which the parser builds, count toward the limit', () => {
    for (const tag of ['noscript', 'iframe', 'template']) {
      const html = `<html><body>${paragraph}<${tag}>${'<p>x</p>'.repeat(1_000_000)}</${tag}></body></html>`
      const err = failure(() => checkMarkup(html, `${tag}.html`))
      expect(err.code).toBe('too-large')
      expect(err.message).toBe(`${tag}.html: more than 200000 HTML elements`)
    }
  })

  it('a tag hidden in a quoted attribute does not start raw text or a comment', () => {
    for (const opener of ['<a title="<script>">', '<a title="<!--">']) {
      const html = `<html><body>${opener}${'<p>x</p>'.repeat(300_000)}</a><!-- --></script></body></html>`
      expect(failure(() => checkMarkup(html, 'hidden.html')).code).toBe('too-large')
    }
  })

  it('script and comment bodies are not counted as markup', () => {
    const script = `<script>${'<div>'.repeat(HTML_LIMITS.maxDepth * 2)}</script><!-- ${'<div>'.repeat(HTML_LIMITS.maxDepth * 2)} -->`
    expect(() => checkMarkup(`<html><head>${script}</head><body>${paragraph}</body></html>`, 'script.html')).not.toThrow()
  })

  it('the character limit applies before scanning', () => {
    const err = failure(() => checkMarkup('x'.repeat(101), 'big.html', { ...HTML_LIMITS, maxChars: 100 }))
    expect(err.code).toBe('too-large')
  })
})
