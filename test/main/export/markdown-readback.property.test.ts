import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { ChronologyEvent, Citation } from '../../../src/shared/chronology'
import { renderMarkdown } from '../../../src/main/export/markdown'
import { READERS, normalizeSpace, plainText } from './markdown-readers'

// What smart punctuation, emphasis and escaping act on, next to plain and non-Latin text.
const PIECES = [
  '"', "'", '“', '”', '‘', '’', '«', '»', '„', '-', '--', '---', '–', '—', '.', '...', '. . .', '…', '(', ')', '[', ']', '{', '}',
  '<', '>', '\\', '\\\\', '*', '**', '_', '__', '`', '~', '^', '$', '@', '&', '&amp;', '#', '|', '!', '?', ':', ';', ',', '=', '+',
  '%', '1.', '2)', 'a.', ' ', ' ', '\u00a0', '\u2009', '\t', '\n', 'a', 'word', 'licence', 'Панджшер', 'ночь', 'don\'t', '1991'
]
// Block and inline Markdown a note may hold, including what must not break the document. Bare
// emphasis markers are left to the title test: where runs of them meet (`*a**b*`, `a._b_`) Pandoc
// and CommonMark pair them differently, whatever the writer does.
const NOTE_PIECES = [
  '\n\n', '# ', '## ', '- ', '1. ', '> ', '```\n', '    ', ' **bold** ', ' *em* ', ' _em_ ', '`code`', '[link](https://example.org/a_b)',
  '[js](javascript:alert(1))', '<b>', '<!--', '[^1]', '\n[^1]: ', '\n---\n', '\n===\n', '<https://example.org>', '![alt](x.png)', '  \n'
]

const NOTE_TEXT = PIECES.filter((p) => !/^[*_]+$/.test(p))
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''))

const ARTICLE = { id: 1, title: 'Source', outlet: 'Outlet', byline: null, published: null, url: null, fileName: null }

function oneEvent(title: string, note: string, quote: string | null, citationNote: string | null): ChronologyEvent {
  const citations: Citation[] =
    quote === null
      ? []
      : [
          {
            id: 1,
            eventId: 1,
            articleId: 1,
            anchor: { exact: quote, prefix: '', suffix: '', start: 0, end: 5 },
            textHash: 'h',
            stance: 'supports',
            orphaned: false,
            note: citationNote,
            paragraph: 2,
            page: null,
            article: ARTICLE,
            createdAt: '2021-10-01T00:00:00Z'
          }
        ]
  return {
    id: 1,
    title,
    note,
    date: { edtf: '2021-08-15', earliest: '2021-08-15', latest: '2021-08-15' },
    status: 'reported',
    tags: [],
    people: [],
    organisations: [],
    places: [],
    chronologyIds: [],
    citations,
    createdAt: '2021-10-01T00:00:00Z',
    updatedAt: '2021-10-01T00:00:00Z'
  }
}

function render(docTitle: string, event: ChronologyEvent): string {
  return renderMarkdown({ chronology: null, events: [event], options: { title: docTitle, group: 'none' } })
}

// How many documents go through each reader: Pandoc starts a process per document.
const RUNS: Record<string, number> = { 'pandoc -f markdown': 100 }

for (const reader of READERS) {
  const numRuns = RUNS[reader.name] ?? 500
  describe(`what the user typed reads back exactly in ${reader.name}`, () => {
    if (reader.missing) {
      it.skip(`skipped: ${reader.missing}`, () => {})
      return
    }

    it('the quotes, dashes and ellipses that changed in Pandoc, and a Markdown note', () => {
      const quote = 'the licence "to the letter" when -- as he put it... -- the \'deal\' ‘held’ and ‘Tis “so” ”'
      const note = '**13 March** is the date the agency gives.\nA second line -- not a new paragraph.\n\n# Not a heading\n\n[^1]: not a footnote'
      const doc = render('Quotes', oneEvent('Talks "resume" -- again...', note, quote, null))
      const [ref, def] = reader.footnotes ? ['', ''] : ['[^1]', '[^1]: ']
      const want = `Quotes 15 August 2021 — Talks "resume" -- again...${ref} 13 March is the date the agency gives. A second line -- not a new paragraph. Not a heading [^1]: not a footnote ${def}Outlet, “Source”, undated, para. 2: “${quote}”.`
      const html = reader.html(doc)
      expect(plainText(html)).toBe(normalizeSpace(want))
      expect(html).toMatch(/<strong>13 March<\/strong> is the date the agency gives\.<br ?\/?>\s*A second line/)
      expect(html).not.toMatch(/<h[2-6]/)
    })

    it('document title, event title, quote and citation note', () => {
      fc.assert(
        fc.property(text, text, text, text, (docTitle, title, quote, citationNote) => {
          const doc = render(docTitle, oneEvent(title, '', quote, citationNote))
          // Each text is written trimmed; inner whitespace is compared as HTML shows it.
          const stop = /[.!?…]$/.test(quote.trim()) ? '' : '.'
          const note = citationNote.trim() ? ` Note: ${citationNote.trim()}` : ''
          const [ref, def] = reader.footnotes ? ['', ''] : ['[^1]', '[^1]: ']
          const want = `${docTitle.trim() || 'Chronology'} 15 August 2021 — ${title.trim() || 'Untitled event'}${ref} ${def}Outlet, “Source”, undated, para. 2: “${quote.trim()}”${stop}${note}`
          expect(plainText(reader.html(doc))).toBe(normalizeSpace(want))
        }),
        { numRuns }
      )
    })

    // The reference is the note's own text as CommonMark reads it; a heading keeps its text (as
    // a strong paragraph) and a thematic break has none, so both compare as plain text.
    it('event notes, read as Markdown', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...NOTE_TEXT, ...NOTE_PIECES), { maxLength: 16 }), (parts) => {
          const note = parts.join('')
          const doc = render('T', oneEvent('E', note, null, null))
          expect(plainText(reader.html(doc))).toBe(normalizeSpace(`T 15 August 2021 — E (no source cited) ${noteText(note)}`))
        }),
        { numRuns }
      )
    })
  })
}

const reference = new MarkdownIt('commonmark', { html: false })

function noteText(note: string): string {
  const parts: string[] = []
  const walk = (tokens: ReturnType<typeof reference.parse>): void => {
    for (const t of tokens) {
      if (t.type === 'text') parts.push(t.content)
      else if (t.type === 'code_inline') parts.push(t.content.trim())
      else if (t.type === 'fence' || t.type === 'code_block') parts.push(` ${t.content} `)
      else if (t.type === 'image') walk(t.children ?? [])
      else if (t.children) walk(t.children)
      else if (t.type !== 'em_open' && t.type !== 'em_close' && t.type !== 'strong_open' && t.type !== 'strong_close' && t.type !== 'link_open' && t.type !== 'link_close') parts.push(' ')
    }
  }
  walk(reference.parse(note, {}))
  return parts.join('')
}
