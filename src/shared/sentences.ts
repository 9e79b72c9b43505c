/** Sentence spans of a clean text, for quoting the sentence around a date expression. Pure. */

export interface Span {
  start: number
  end: number
}

// Made on first use: building ICU's sentence rules costs about 14 ms, paid by every backend
// thread at start-up otherwise, though only imports and proposals split sentences.
let segmenter: Intl.Segmenter | null = null

// ICU breaks after every abbreviation period. Titles never end an English news sentence; a month
// ("Jan.") or an acronym ("U.S.") does sometimes, so those join only where the next word shows
// the sentence goes on: a lower-case word, a number, or a capitalised word that is not one news
// sentences usually start with ("the U.S. Army" goes on, "to the U.S. The next day" does not).
const TITLES = /(?:^|[\s("“])(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Cpt|St|Prof|Sen|Rep|Gov|Maj|Adm|Brig|Cmdr|Pres|Rev|Hon|No|vs|approx|est|[A-Z])\.\s*$/
const MONTHS = /(?:^|[\s(])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/
const ACRONYM = /(?:^|[\s(])(?:[A-Za-z]\.){2,}\s*$/
const STARTERS = new Set(
  'The A An This That These Those He She It They We I You His Her Its Their Our There Then But And Yet So Some Many Most All No On In At By For From After Before When While As If Although However Meanwhile Later Earlier Still Now Officials Police'.split(' ')
)

function goesOn(next: string): boolean {
  const word = /^["“'‘(]*([\p{L}\p{N}]+)/u.exec(next)?.[1]
  if (!word) return false
  return !/^\p{Lu}/u.test(word) || !STARTERS.has(word)
}

/**
 * Trimmed sentence spans in text order; a sentence never crosses a paragraph break. The one
 * sentence rule of the app: proposals quote by it, the Reader moves and selects by it, and
 * event titles are made from its first sentence.
 */
export function sentenceSpans(text: string): Span[] {
  const raw: Span[] = []
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })
  for (const seg of segmenter.segment(text)) raw.push({ start: seg.index, end: seg.index + seg.segment.length })
  const merged: Span[] = []
  for (const span of raw) {
    const prev = merged[merged.length - 1]
    if (prev) {
      const prevText = text.slice(prev.start, prev.end)
      const next = text.slice(span.start, span.end)
      const joinable = !prevText.includes('\n')
      if (joinable && (TITLES.test(prevText) || ((ACRONYM.test(prevText) || MONTHS.test(prevText)) && goesOn(next)))) {
        prev.end = span.end
        continue
      }
    }
    merged.push({ ...span })
  }
  return merged.flatMap((s) => {
    let { start, end } = s
    while (start < end && /\s/.test(text[start]!)) start++
    while (end > start && /\s/.test(text[end - 1]!)) end--
    return end > start ? [{ start, end }] : []
  })
}

/** The sentence containing offset `at`, or null when `at` falls between sentences. */
export function sentenceAt(spans: readonly Span[], at: number): Span | null {
  let lo = 0
  let hi = spans.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = spans[mid]!
    if (at < s.start) hi = mid - 1
    else if (at >= s.end) lo = mid + 1
    else return s
  }
  return null
}

/** The clause (between , ; : or dashes) of `sentence` that contains `[start, end)`. */
export function clauseAround(text: string, sentence: Span, start: number, end: number): Span {
  const body = text.slice(sentence.start, sentence.end)
  const rel = start - sentence.start
  const relEnd = end - sentence.start
  const boundary = /[;:]|,\s|\s[–—-]\s/g
  let from = 0
  let to = body.length
  for (const m of body.matchAll(boundary)) {
    const bEnd = m.index + m[0].length
    if (bEnd <= rel) from = bEnd
    // A clause that is little more than the date itself ("In 2019,") says nothing: run on to the next boundary.
    else if (m.index >= relEnd && m.index - from - (relEnd - rel) >= 12) {
      to = m.index
      break
    }
  }
  let s = sentence.start + from
  let e = sentence.start + to
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /[\s,;:]/.test(text[e - 1]!)) e--
  return { start: s, end: e }
}
