import type { PublishedDate } from '../../../shared/types'
import type { ParsedArticle } from '../../archive/parsed-article'
import { authorFromBio, markBoilerplate, normaliseLineForRepetition, type BoilerplateKind } from './boilerplate'
import type { TextBlock } from './blocks'
import { parseDateline, type Dateline } from './dateline'
import { isDek, isHeadlineLike, parseByline, splitHeadlineOutlet } from './headline'
import { detectLanguage } from './language'
import { monthNumber, weekdayNumber } from './months'
import { inferPublished, parseWrittenDate, toPublished } from './published'

/** Metadata a format already knows (front matter, mail headers); it wins over text heuristics. */
export interface ArticleMeta {
  title?: string | null
  dek?: string | null
  author?: string | null
  outlet?: string | null
  url?: string | null
  published?: PublishedDate | null
  language?: string | null
}

/** What the analyser may know beyond the paragraphs themselves. */
export interface AnalyseOptions {
  meta?: ArticleMeta
  /** File modification time: the weakest hint for the publication year. */
  mtime?: Date | null
  /** Clock for files without an mtime; defaults to the current time. */
  now?: Date
}

/** A paragraph left out of the clean text, and why. */
export interface RemovedParagraph {
  text: string
  kind: BoilerplateKind | 'byline' | 'date-stamp'
}

/** The article, and the paragraphs that were left out of its clean text. */
export interface AnalysedArticle {
  article: ParsedArticle
  removed: RemovedParagraph[]
}

const sameText = (a: string, b: string): boolean => normaliseLineForRepetition(a) === normaliseLineForRepetition(b)

// A mail subject or page title often wraps the headline ("Morning briefing: <headline>").
function repeatsTitle(paragraph: string, title: string): boolean {
  const p = normaliseLineForRepetition(paragraph)
  const t = normaliseLineForRepetition(title)
  return p === t || (p.length >= 12 && isHeadlineLike(paragraph) && paragraph.length <= 200 && t.includes(p))
}

function firstSentence(text: string): string {
  const m = /^(.{20,200}?[.!?])(?:\s|$)/u.exec(text)
  const s = m ? m[1]! : text
  return s.length <= 200 ? s : `${s.slice(0, 199).replace(/\s+\S*$/, '')}…`
}

const STAMP_WORDS = new Set(
  'published updated posted last modified date on at am pm gmt utc est edt cet cest msk bst pst pdt by st nd rd th of опубликовано обновлено обновлено: publié le mis à jour veröffentlicht aktualisiert am um uhr'.split(' ')
)

// A stamp like "Published: 1 September 2021, 10:00" is metadata: besides the date and time it
// holds only stamp words ("Updated", "GMT", a weekday). A tweet's "— Name (@handle) May 2, 2019" is not one.
function dateStamp(text: string): ReturnType<typeof parseWrittenDate> {
  if (text.length > 80) return null
  const date = parseWrittenDate(text.replace(/^[^\d\p{L}]*(?:published|updated|posted|date|опубликовано|обновлено|publié le|mis à jour)?\s*(?:on|:)?\s*/iu, ''))
  if (date === null || date.day === null) return null
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
  return words.every((w) => STAMP_WORDS.has(w) || monthNumber(w) !== null || weekdayNumber(w) !== null) ? date : null
}

/**
 * Turns the paragraphs of one article into clean text and metadata: drops boilerplate, picks
 * the headline (skipping navigation) and dek, reads the byline and dateline (its prefix is cut
 * from the first paragraph, which stays), the outlet (metadata, else a headline suffix, else
 * the dateline's agency), the publication date (metadata, else a dateline with its year, else
 * a date stamp, else the dateline's day with a year only when something proves it, see
 * `inferPublished`, else weekday-and-date pairs) and the language.
 */
export function analyseArticle(blocks: readonly TextBlock[], options: AnalyseOptions = {}): AnalysedArticle {
  const meta = options.meta ?? {}
  const now = options.now ?? new Date()
  const texts = blocks.map((b) => b.text)
  const marks = markBoilerplate(texts)
  // `at` is the paragraph's position in the file, so that removals can be reported in order.
  const removed: (RemovedParagraph & { at: number })[] = []
  let body: (TextBlock & { at: number })[] = []
  blocks.forEach((b, i) => {
    const kind = marks[i]
    if (kind === null || kind === undefined) body.push({ ...b, at: i })
    else removed.push({ text: b.text, kind, at: i })
  })

  // Date stamps go first, so that a "Published: …" line above the headline is not taken for it.
  let stamp: ReturnType<typeof parseWrittenDate> = null
  const stampAt = [0, 1, 2, body.length - 1, body.length - 2].filter((i, k, all) => i >= 0 && i < body.length && all.indexOf(i) === k)
  for (const i of stampAt) {
    if (body.length <= 2) break
    const d = dateStamp(body[i]!.text)
    if (d === null) continue
    stamp = d
    removed.push({ text: body[i]!.text, kind: 'date-stamp', at: body[i]!.at })
    body.splice(i, 1)
    break
  }

  let title: string
  if (meta.title) {
    title = meta.title.slice(0, 500)
    if (body.length > 1 && repeatsTitle(body[0]!.text, title)) body = body.slice(1)
  } else if (body.length > 1 && isHeadlineLike(body[0]!.text) && parseDateline(body[0]!.text) === null) {
    title = body[0]!.text
    body = body.slice(1)
  } else {
    // No headline line: the story's first sentence stands in, without its dateline.
    const first = body[0]?.text ?? ''
    title = firstSentence(first.slice(parseDateline(first)?.length ?? 0))
  }
  const split = splitHeadlineOutlet(title)
  title = split.title

  let dek = meta.dek ?? null
  if (dek !== null && body.length > 1 && sameText(body[0]!.text, dek)) body = body.slice(1)
  /** Whether the first paragraph is a dek; with `datelineNext`, only one a dateline follows. */
  const dekFirst = (datelineNext: boolean): boolean => {
    if (body.length < 2 || parseDateline(body[0]!.text) !== null || parseByline(body[0]!.text) !== null) return false
    const next = parseDateline(body[1]!.text) !== null
    return (next || !datelineNext) && isDek(body[0]!.text, next, true)
  }
  if (dek === null && dekFirst(false)) {
    dek = body[0]!.text
    body = body.slice(1)
  }

  let byline = meta.author ?? null
  for (let i = 0; i < Math.min(2, body.length - 1); i++) {
    const author = parseByline(body[i]!.text)
    if (author === null) continue
    byline ??= author
    removed.push({ text: body[i]!.text, kind: 'byline', at: body[i]!.at })
    body.splice(i, 1)
    break
  }
  byline ??= authorFromBio(texts, marks)
  // A dek ending in a full stop is known by the dateline after it, and a byline line may stand
  // between the two ("Headline / Standfirst. / By … / CITY, date — …"): asked again without it,
  // or the standfirst would open the story and its dateline (date, place, outlet) go unread.
  if (dek === null && dekFirst(true)) {
    dek = body[0]!.text
    body = body.slice(1)
  }

  let dateline: Dateline | null = null
  let lead: string | null = null
  if (body.length > 0) {
    dateline = parseDateline(body[0]!.text)
    if (dateline !== null) {
      lead = body[0]!.text
      body[0] = { ...body[0]!, text: body[0]!.text.slice(dateline.length).trim() }
    }
  }
  body = body.filter((b) => b.text.length > 0)
  if (body.length === 0 && title.length > 0) body = [{ text: title, page: blocks[0]?.page ?? null, at: 0 }]

  // Date evidence sits near the top of a story; a book-length file need not be scanned whole.
  const cleanText = body.map((b) => b.text).join('\n').slice(0, 30000)
  const mtime = options.mtime ?? null
  // The dateline itself may tie a weekday to its date ("PORTO, Saturday, March 17."), so it is evidence too.
  const evidenceText = lead === null ? cleanText : `${lead}\n${cleanText}`
  // A stamp printed on the page is more direct than a year inferred for a dateline's day.
  let published: PublishedDate | null = meta.published ?? null
  if (published === null && dateline?.year != null && dateline.month != null && dateline.day != null) {
    published = toPublished({ year: dateline.year, month: dateline.month, day: dateline.day }, 'dateline')
  }
  if (published === null && stamp !== null) published = toPublished(stamp, 'text')
  if (published === null && dateline?.month != null && dateline.day != null) {
    const dl = { month: dateline.month, day: dateline.day, year: dateline.year }
    published = inferPublished({ dateline: dl, text: evidenceText, mtime, now })
  }
  published ??= inferPublished({ dateline: null, text: evidenceText, mtime, now })

  removed.sort((a, b) => a.at - b.at)
  return {
    article: {
      title: title.slice(0, 500),
      dek,
      outlet: meta.outlet ?? split.outlet ?? dateline?.outlet ?? null,
      byline,
      place: dateline?.place ?? null,
      url: meta.url ?? null,
      published,
      language: meta.language ?? detectLanguage(`${title}\n${cleanText}`),
      paragraphs: body.map((b) => ({ text: b.text, page: b.page }))
    },
    removed: removed.map(({ text, kind }) => ({ text, kind }))
  }
}
