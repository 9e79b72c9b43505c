import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseHtml } from '../../../src/main/import/formats/html'
import { ImportError } from '../../../src/main/import/errors'
import { parseSourceFile } from '../../../src/main/import/formats'

const FIXTURES = join(__dirname, '../../fixtures/import/html')
/** Fixed clock, so dates inferred from text do not drift with the calendar. */
const NOW = new Date('2026-01-01T12:00:00Z')

/** Compares the parse of a fixture with its committed `.expected.json`; UPDATE_GOLDEN=1 rewrites it. */
function expectGolden(fixture: string): ReturnType<typeof parseHtml> {
  const article = parseHtml(new Uint8Array(readFileSync(join(FIXTURES, fixture))), fixture, { now: NOW })
  const actual = `${JSON.stringify(article, null, 2)}\n`
  const golden = join(FIXTURES, fixture.replace(/\.html$/, '.expected.json'))
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual)
  else if (!existsSync(golden)) throw new Error(`${golden} is missing; run with UPDATE_GOLDEN=1 to create it`)
  else expect(actual).toBe(readFileSync(golden, 'utf8'))
  return article
}

function texts(article: ReturnType<typeof parseHtml>): string {
  return article.paragraphs.map((p) => p.text).join('\n')
}

describe('parseHtml golden files', () => {
  it('news page: JSON-LD metadata, furniture around the story removed', () => {
    const a = expectGolden('news-jsonld.html')
    expect(a.title).toBe('Harbour cranes return to Port Kelvin after strike ends')
    expect(a.byline).toBe('Imogen Tarrant, Rafael Okonjo')
    expect(a.outlet).toBe('The Coastal Ledger')
    expect(a.published).toEqual({ edtf: '2023-03-08', precision: 'day', provenance: 'meta' })
    expect(a.dek).toMatch(/^Dock workers accepted/)
    const body = texts(a)
    expect(body).toContain('Queues at the gates')
    for (const furniture of ['Share on', 'Related', 'newsletter', 'Advertisement', 'Follow us', 'business correspondent', 'Back to top', 'Leave a Reply', 'About time too', 'Most read', 'All rights reserved', 'Photo:', 'cookies', 'injected by script', 'Skip to']) {
      expect(body).not.toContain(furniture)
    }
  })

  it('blog post: metadata from meta tags only, list items kept as paragraphs', () => {
    const a = expectGolden('blog-meta-only.html')
    expect(a.published).toEqual({ edtf: '2022-10-27', precision: 'day', provenance: 'meta' })
    expect(a.byline).toBe('Hélène Marchetti')
    expect(a.language).toBe('fr-CA')
    expect(a.url).toBe('https://fieldnotes.example/2022/10/river-gauges/')
    expect(texts(a)).toContain('Town bridge: peak 3.55 m')
    expect(texts(a)).not.toMatch(/Share this|Popular posts|Leave a Reply|Posted on|dry summer/)
  })

  it('windows-1251 page declared by <meta charset> comes out as Cyrillic', () => {
    const a = expectGolden('cyrillic-1251.html')
    expect(a.title).toBe('Паводок на Северной реке: вода отступает')
    expect(a.outlet).toBe('Вестник долины')
    expect(a.language).toBe('ru-RU')
    expect(a.published?.edtf).toBe('2021-04-19')
    expect(texts(a)).toContain('посёлка Заречный')
    expect(texts(a)).not.toContain('Поделиться')
    // The headline is the title, not the first paragraph.
    expect(a.paragraphs[0]!.text).toMatch(/^Уровень воды/)
  })

  it('a bare fragment still yields its paragraph, titled after the file, dated from its text', () => {
    const a = expectGolden('short-note.html')
    expect(a.title).toBe('short-note')
    expect(a.paragraphs).toHaveLength(1)
    // "Thursday 14 November" fits 2024, the latest such year before the clock; the pair dates the
    // meeting, not the note, so only the year is claimed.
    expect(a.published).toMatchObject({ edtf: expect.stringMatching(/^2024\?$/), precision: 'year', provenance: 'weekday' })
    expect(a.language).toBe('en')
  })

  it('a page without an article fails with a clear "empty" error', () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'no-article.html')))
    expect(() => parseHtml(bytes, 'no-article.html')).toThrow(ImportError)
    try {
      parseHtml(bytes, 'no-article.html')
    } catch (err) {
      expect((err as ImportError).code).toBe('empty')
      expect((err as Error).message).toMatch(/^no-article\.html: no article text/)
    }
  })
})

describe('parseHtml inputs', () => {
  it('accepts a decoded string as well as bytes', () => {
    const html = readFileSync(join(FIXTURES, 'news-jsonld.html'), 'utf8')
    const fromString = parseHtml(html, 'news-jsonld.html')
    const fromBytes = parseHtml(new Uint8Array(Buffer.from(html)), 'news-jsonld.html')
    expect(fromString).toEqual(fromBytes)
  })

  it('never runs scripts and never fetches: event handlers and remote resources stay inert', () => {
    const html = `<html><head><script>globalThis.__annalistRan = true</script><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>
      <body onload="globalThis.__annalistRan = true"><article><p>${'An ordinary paragraph of reporting about the river and the town. '.repeat(6)}</p>
      <img src="http://127.0.0.1:9/pixel.gif" onerror="globalThis.__annalistRan = true"><iframe src="http://127.0.0.1:9/"></iframe></article></body></html>`
    const a = parseHtml(html, 'inert.html')
    expect((globalThis as Record<string, unknown>).__annalistRan).toBeUndefined()
    expect(a.paragraphs[0]!.text).toMatch(/^An ordinary paragraph/)
  })

  it('keeps the paragraphs of old-style pages: <br> runs, <pre> text, table layouts', () => {
    const s = 'The committee met on Tuesday to discuss the new bridge over the river, and agreed to publish its findings after a consultation.'
    const shapes = [
      `<html><body>${s}<br><br>${s}<br><br>${s}</body></html>`,
      `<html><body><pre>${s}\n\n${s}\n  \n${s}</pre></body></html>`,
      `<html><body><table><tr><td><a href="/">Home</a> | <a href="/n">News</a></td></tr><tr><td><font size="2">${s}<br><br>${s}<br><br>${s}</font></td></tr></table></body></html>`
    ]
    for (const html of shapes) expect(parseHtml(html, 'old.html').paragraphs.map((p) => p.text)).toEqual([s, s, s])
  })

  it('reads a dateline place from the first paragraph without cutting it', () => {
    const body = 'LISBON, May 4 (Reuters) - The central bank held its main rate steady on Thursday, citing a slowdown in services inflation over the spring. '
    const a = parseHtml(`<html><body><article><h1>Bank holds rates</h1><p>${body}</p><p>${'Analysts had expected the decision. '.repeat(5)}</p></article></body></html>`, 'd.html', { mtime: new Date('2023-05-05T10:00:00Z') })
    expect(a.place).toBe('LISBON')
    // No date metadata: the dateline's day and month; "on Thursday" proves no year, so the year
    // is the file's, marked as a guess.
    expect(a.published).toEqual({ edtf: '2023-05-04?', precision: 'day', provenance: 'file' })
    expect(a.paragraphs[0]!.text).toBe(body.trim())
  })
})

describe('import dispatch', () => {
  it('routes .html, .htm and .xhtml files to the HTML extractor', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'news-jsonld.html')))
    for (const [name, mediaType] of [['a.html', 'text/html'], ['b.HTM', 'text/html'], ['c.xhtml', 'application/xhtml+xml']] as const) {
      const result = await parseSourceFile({ name, bytes, mtime: null })
      expect(result.mediaType).toBe(mediaType)
      expect(result.article.outlet).toBe('The Coastal Ledger')
    }
  })
})

describe('parseHtml titles', () => {
  const page = (head: string): string =>
    `<html><head>${head}</head><body><article><p>${'Reporting from the quayside on the second day of the strike, with more to follow. '.repeat(4)}</p></article></body></html>`
  it('drops the outlet suffix of a document title but keeps inner separators', () => {
    const a = parseHtml(page('<title>Strike – day two: the quayside | The Coastal Ledger</title><meta property="og:site_name" content="The Coastal Ledger">'), 't.html')
    expect(a.title).toBe('Strike – day two: the quayside')
  })
  it('keeps a suffix that is not the outlet', () => {
    const a = parseHtml(page('<title>Strike – day two</title><meta property="og:site_name" content="The Coastal Ledger">'), 't.html')
    expect(a.title).toBe('Strike – day two')
  })
})
