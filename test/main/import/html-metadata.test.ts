import { describe, expect, it } from 'vitest'
import { metaDate } from '../../../src/main/import/html/dates'
import { normaliseLanguage, readMetadata } from '../../../src/main/import/html/metadata'
import { parseDocument } from '../../../src/main/import/html/dom'

const now = new Date('2026-01-01T00:00:00Z')

describe('metaDate', () => {
  it('keeps the publisher’s calendar day instead of shifting to UTC', () => {
    expect(metaDate('2019-11-18T23:04:00-05:00', now)).toEqual({ edtf: '2019-11-18', precision: 'day', provenance: 'meta' })
  })
  it('reads month and year precision, compact and epoch forms, and written dates with a year', () => {
    expect(metaDate('2021-09', now)?.precision).toBe('month')
    expect(metaDate('2021', now)).toEqual({ edtf: '2021', precision: 'year', provenance: 'meta' })
    expect(metaDate('20210901', now)?.edtf).toBe('2021-09-01')
    expect(metaDate('2021/09/01', now)?.edtf).toBe('2021-09-01')
    expect(metaDate('2021.09.01 10:00', now)?.edtf).toBe('2021-09-01')
    expect(metaDate('1630454400', now)?.edtf).toBe('2021-09-01')
    expect(metaDate('Wed, 01 Sep 2021 10:00:00 GMT', now)?.edtf).toBe('2021-09-01')
    expect(metaDate('November 19, 2019', now)?.edtf).toBe('2019-11-19')
    expect(metaDate('19.11.2019', now)?.edtf).toBe('2019-11-19')
  })
  it('rejects impossible and implausible dates', () => {
    expect(metaDate('2021-02-30', now)).toBeNull()
    expect(metaDate('2099-01-01', now)).toBeNull()
    expect(metaDate('yesterday', now)).toBeNull()
    expect(metaDate('', now)).toBeNull()
  })
})

describe('readMetadata', () => {
  it('falls back through parsely, Dublin Core and <time> when there is no JSON-LD', () => {
    const doc = parseDocument(`<html><head><meta name="parsely-author" content="By Ana Reyes"><meta name="dc.date" content="2020-05-06"></head><body><time datetime="2019-01-01">old</time></body></html>`)
    const m = readMetadata(doc)
    expect(m.byline).toBe('Ana Reyes')
    expect(m.published?.edtf).toBe('2020-05-06')
  })
  it('reads multi-valued itemprop and site-specific publish-date names', () => {
    const multi = readMetadata(parseDocument('<html><head><meta property="article:published" itemprop="datePublished dateCreated" content="2019-11-19T11:00:09.000Z"></head><body></body></html>'))
    expect(multi.published?.edtf).toBe('2019-11-19')
    const custom = readMetadata(parseDocument('<html><head><meta name="sn-last-updated" content="2020/01/01"><meta name="sn-post-date" content="2019/11/19"></head><body></body></html>'))
    expect(custom.published?.edtf).toBe('2019-11-19')
  })
  it('uses <time datetime> when nothing else dates the page', () => {
    const m = readMetadata(parseDocument('<html><body><article><time datetime="2018-07-15T08:00:00+02:00">15 July</time></article></body></html>'))
    expect(m.published).toEqual({ edtf: '2018-07-15', precision: 'day', provenance: 'meta' })
  })
  it('survives malformed JSON-LD and picks the article node over teasers', () => {
    const doc = parseDocument(`<html><head>
      <script type="application/ld+json">{ not json </script>
      <script type="application/ld+json">[{"@type":"Article","headline":"Teaser"},{"@type":["NewsArticle"],"headline":"Main story","datePublished":"2017-03-02","author":"Kai Brandt","publisher":{"name":"Daily Wire Copy"}}]</script>
      </head><body></body></html>`)
    const m = readMetadata(doc)
    expect(m.title).toBe('Main story')
    expect(m.byline).toBe('Kai Brandt')
    expect(m.outlet).toBe('Daily Wire Copy')
    expect(m.published?.edtf).toBe('2017-03-02')
  })
  it('takes the outlet from the canonical host when the page names none', () => {
    const m = readMetadata(parseDocument('<html><head><link rel="canonical" href="https://www.example-news.test/a/b"></head><body></body></html>'))
    expect(m.outlet).toBe('example-news.test')
    expect(m.url).toBe('https://www.example-news.test/a/b')
  })
  it('turns a site name given as an address into its host', () => {
    const m = readMetadata(parseDocument('<html><head><meta property="og:site_name" content="https://www.valley-news.test"></head><body></body></html>'))
    expect(m.outlet).toBe('valley-news.test')
  })
  it('takes a dek only from beside the headline, and only a sentence', () => {
    const doc = (extra: string) =>
      parseDocument(`<html><body><div class="sidebar"><p class="widget-dek">Readers are sharing these stories right now across the site</p></div><header><h1>Pay deal ends strike</h1>${extra}</header></body></html>`)
    expect(readMetadata(doc('')).dek).toBeNull()
    expect(readMetadata(doc('<p class="dek">Most Popular Today</p>')).dek).toBeNull()
    expect(readMetadata(doc('<p class="standfirst">Dock workers accepted a three-year deal on Tuesday night.</p>')).dek).toBe('Dock workers accepted a three-year deal on Tuesday night.')
  })
  it('normalises language tags', () => {
    expect(normaliseLanguage('en_us')).toBe('en-US')
    expect(normaliseLanguage('RU')).toBe('ru')
    expect(normaliseLanguage('es-419')).toBe('es-419')
    expect(normaliseLanguage('*')).toBeNull()
  })
})
