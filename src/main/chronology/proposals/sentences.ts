/** Sentence spans of a clean text, for quoting the sentence around a date expression. Pure. */

export interface Span {
  start: number
  end: number
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

// ICU breaks after every abbreviation period; these never end an English news sentence.
const TITLES =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Cpt|St|Prof|Sen|Rep|Gov|Maj|Adm|Brig|Cmdr|Pres|Rev|Hon|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|approx|est|[A-Z])\.\s*$/
const ACRONYM = /(?:^|[\s(])(?:[A-Za-z]\.){2,}\s*$/

/** Trimmed sentence spans in text order; a sentence never crosses a paragraph break. */
export function sentenceSpans(text: string): Span[] {
  const raw: Span[] = []
  for (const seg of segmenter.segment(text)) raw.push({ start: seg.index, end: seg.index + seg.segment.length })
  const merged: Span[] = []
  for (const span of raw) {
    const prev = merged[merged.length - 1]
    if (prev) {
      const prevText = text.slice(prev.start, prev.end)
      const next = text.slice(span.start, span.end)
      const joinable = !prevText.includes('\n')
      if (joinable && (TITLES.test(prevText) || (ACRONYM.test(prevText) && /^[a-z0-9]/.test(next)))) {
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
