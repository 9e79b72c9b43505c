/**
 * Property tests of the parsers that read untrusted text: the plain-text and dateline parsers,
 * the query parser and tokenizer, and the EDTF parser. Whatever comes in, they do not throw
 * outside their contract, offsets stay inside the text, and what comes out is well formed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { layoutParagraphs } from '../../../src/main/archive/parsed-article'
import { ImportError } from '../../../src/main/import/errors'
import { parsePlainText } from '../../../src/main/import/formats/text'
import { PARAGRAPH_SEPARATOR } from '../../../src/main/archive/parsed-article'
import { splitBlocks } from '../../../src/main/import/text/blocks'
import { parseDateline } from '../../../src/main/import/text/dateline'
import { tokenSpans } from '../../../src/main/search/highlight'
import { EdtfError, edtfBounds, formatEdtf, parseEdtf } from '../../../src/shared/edtf'
import { allLeaves, parseQuery } from '../../../src/shared/query'
import type { QueryNode } from '../../../src/shared/search'
import { IMPORT_FAILURE_CODES } from '../../../src/shared/types'

const CITIES = ['MOSCOW', 'KABUL', 'NEW YORK', 'SAN JOSE', 'BEIRUT', 'МОСКВА', 'HERAT', 'ST. PETERSBURG']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const OUTLETS = ['Reuters', 'AP', 'AFP', 'Wire']

/** Pieces real article files are made of, with the debris web copies carry. */
const PIECES = [
  'MOSCOW, March 3 (Reuters) – ', 'KABUL (AP) — ', 'WASHINGTON, D.C. -- ', 'МОСКВА, 1 сен — РИА Новости. ', 'Published: 2021-09-01 10:00',
  'Updated March 4, 2021', 'By Jane Doe', 'Share this article', 'Advertisement', '© 2021 All rights reserved', 'https://example.org/a?b=c',
  'The ministry said the pass was reopened.', 'Officials said on Tuesday that talks would resume.', '“We will not comment,” he said.',
  'ЗАГОЛОВОК НОВОСТИ', 'Headline Of The Day', '\n', '\n\n', '\r\n', '\r\n\r\n', '\t', '\u00a0', '\u200b', '\u202e', '\ufeff', '\u0000',
  '-\n', '—', '¶', '👩‍👩‍👧', '𝔘𝔫𝔦', 'é', 'e\u0301', '  ', '...', '(', ')', '/TASS/', 'May 45', '31 February 2021', '2021'
]
const articleText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 30 })), { maxLength: 25 }).map((p) => p.join(' ')),
  fc.string({ unit: 'binary', maxLength: 300 })
)

describe('parseDateline', () => {
  it('never throws; a dateline it finds lies inside the paragraph, leaves text after it, and has fields in range', () => {
    const datelineish = fc
      .tuple(fc.constantFrom(...CITIES, 'Q', 'DEAR', 'UPDATE', 'A.B.'), fc.string({ maxLength: 12 }), fc.constantFrom(...MONTHS, 'Sept.', 'сен'), fc.integer({ min: 0, max: 99 }), fc.string({ maxLength: 60 }))
      .map(([place, mid, month, day, rest]) => `${place}${mid}, ${month} ${day}${rest}`)
    fc.assert(
      fc.property(fc.oneof(datelineish, articleText, fc.string({ maxLength: 250 })), (paragraph) => {
        const d = parseDateline(paragraph)
        if (d === null) return
        expect(d.length).toBeGreaterThan(0)
        expect(d.length).toBeLessThan(paragraph.length)
        expect(d.length).toBeLessThanOrEqual(200)
        expect(d.place.trim().length).toBeGreaterThan(0)
        expect(paragraph.slice(0, d.length)).toContain(d.place.split(/[\s,]/)[0]!)
        if (d.month !== null) expect(d.month).toBeGreaterThanOrEqual(1)
        if (d.month !== null) expect(d.month).toBeLessThanOrEqual(12)
        if (d.day !== null) expect(Number.isInteger(d.day) && d.day >= 0 && d.day <= 99).toBe(true)
        if (d.year !== null) expect(d.year).toBeGreaterThanOrEqual(1000)
        if (d.outlet !== null) expect(d.outlet.length).toBeLessThanOrEqual(60)
      }),
      { numRuns: 3000 }
    )
  })

  it('reads every generated agency dateline with its place, month, day and outlet', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CITIES.filter((c) => /^[A-Z]/.test(c))),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom(...OUTLETS),
        fc.constantFrom(' – ', ' - ', ' — ', ' -- '),
        fc.constantFrom('Officials said talks would resume.', 'The pass was reopened on Sunday.'),
        (city, month, day, outlet, dash, body) => {
          const d = parseDateline(`${city}, ${MONTHS[month]} ${day} (${outlet})${dash}${body}`)
          expect(d).toMatchObject({ place: city, month: month + 1, day, outlet })
          expect(d!.length).toBe(`${city}, ${MONTHS[month]} ${day} (${outlet})${dash}`.length)
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe('plain-text parser', () => {
  it('on any text: a documented ImportError, or an article whose paragraphs lay out within bounds with a valid date', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        let article
        try {
          article = parsePlainText(text, 'property.txt', { now: new Date('2026-01-01T00:00:00Z') }).article
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError)
          expect(IMPORT_FAILURE_CODES).toContain((err as ImportError).code)
          return
        }
        expect(article.title.trim().length).toBeGreaterThan(0)
        expect(article.paragraphs.length).toBeGreaterThan(0)
        for (const p of article.paragraphs) {
          expect(p.text.length).toBeGreaterThan(0)
          expect(p.text).toBe(p.text.trim())
          expect(p.text.includes(PARAGRAPH_SEPARATOR)).toBe(false)
        }
        const laid = layoutParagraphs(article.paragraphs)
        let previousEnd = -PARAGRAPH_SEPARATOR.length
        for (const p of laid.paragraphs) {
          expect(p.start).toBe(previousEnd + PARAGRAPH_SEPARATOR.length)
          expect(p.end).toBeLessThanOrEqual(laid.text.length)
          expect(laid.text.slice(p.start, p.end)).toBe(p.text)
          previousEnd = p.end
        }
        expect(previousEnd).toBe(laid.text.length)
        if (article.published) {
          const bounds = edtfBounds(article.published.edtf)
          expect(bounds, article.published.edtf).not.toBeNull()
          expect(bounds!.earliest <= bounds!.latest).toBe(true)
        }
      }),
      { numRuns: 1500 }
    )
  })

  it('splitBlocks keeps every letter and digit of the text, in order', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const alnum = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '')
        const joined = splitBlocks(text).map((b) => b.text).join(' ')
        // Only hyphenation joins ("imple-\nmentation") drop characters, and only hyphens.
        expect(alnum(joined)).toBe(alnum(text))
      }),
      { numRuns: 1500 }
    )
  })
})

function nodes(node: QueryNode | null): QueryNode[] {
  if (node === null) return []
  if (node.kind === 'and') return [node, ...node.children.flatMap(nodes), ...node.exclude.flatMap(nodes)]
  if (node.kind === 'or') return [node, ...node.children.flatMap(nodes)]
  return [node]
}

describe('query parser and tokenizer', () => {
  const queryText = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'ab c"()-*~:, 5é'.split(''), 'OR', 'NOT', 'AND', 'NEAR(', 'title:', 'outlet:', 'after:', 'before:2021-02-30', 'has:', '"'), maxLength: 50 }),
    fc.string({ unit: 'grapheme', maxLength: 40 })
  )

  it('gives a well-formed tree: no empty words, no empty groups, sane NEAR distances and YYYY-MM-DD dates', () => {
    fc.assert(
      fc.property(queryText, fc.boolean(), (input, fuzzy) => {
        const q = parseQuery(input, { fuzzy })
        for (const n of nodes(q.root)) {
          if (n.kind === 'term' || n.kind === 'phrase') expect(n.text.trim().length).toBeGreaterThan(0)
          if (n.kind === 'near') {
            expect(n.terms.length).toBeGreaterThanOrEqual(2)
            expect(Number.isInteger(n.distance) && n.distance >= 0).toBe(true)
          }
          if (n.kind === 'and') expect(n.children.length + n.exclude.length).toBeGreaterThan(0)
          if (n.kind === 'or') expect(n.children.length).toBeGreaterThan(1)
        }
        for (const leaf of allLeaves(q.root)) expect(['term', 'phrase', 'near']).toContain(leaf.kind)
        for (const day of [q.dates.after, q.dates.before]) if (day !== null) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        for (const f of q.filters) expect(f.values.every((v) => v.trim().length > 0)).toBe(true)
      }),
      { numRuns: 3000 }
    )
  })

  it('tokenSpans gives ordered, non-overlapping spans inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(articleText, fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        let last = 0
        for (const s of tokenSpans(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last)
          expect(s.end).toBeGreaterThan(s.start)
          expect(s.end).toBeLessThanOrEqual(text.length)
          expect(s.token.length).toBeGreaterThan(0)
          last = s.end
        }
      }),
      { numRuns: 2000 }
    )
  })
})

describe('EDTF parser on arbitrary input', () => {
  it('throws only EdtfError; what it accepts formats to a fixed point with earliest ≤ latest', () => {
    const edtfish = fc.string({ unit: fc.constantFrom(...'0123456789-/:.?~%XTZ+ ', '..', '2021', '-21', 'S'), maxLength: 30 })
    fc.assert(
      fc.property(fc.oneof(edtfish, fc.string({ maxLength: 20 })), (input) => {
        let value
        try {
          value = parseEdtf(input)
        } catch (err) {
          expect(err).toBeInstanceOf(EdtfError)
          expect((err as Error).message.length).toBeGreaterThan(0)
          return
        }
        const s = formatEdtf(value)
        expect(formatEdtf(parseEdtf(s))).toBe(s)
        const bounds = edtfBounds(s)
        if (bounds) expect(bounds.earliest <= bounds.latest).toBe(true)
      }),
      { numRuns: 5000 }
    )
  })
})
