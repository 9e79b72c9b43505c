import { hasCyrillic } from '../../text/cyrillic'
import { chunks } from './chunk'
import { coherentPlaces } from './coherence'
import { classifyEnglish } from './classify-en'
import { classifyRussian } from './classify-ru'
import { makeContext, type Candidate, type Context } from './context'
import { FOR_HEADS, FUNCTION_WORDS, ORG_HEADS, PLACE_HEADS, TITLES, TITLE_ONLY } from './lexicon-en'
import { RU_FUNCTION_WORDS, RU_LEGAL_FORMS, RU_ORG_CUE_STEMS } from './lexicon-ru'
import { propagate } from './propagate'
import { foldYo } from './ru-forms'
import { tokenize } from './tokens'
import { windowStarts } from './windows'
import type { NamedKind, RawMention } from './types'

export type { NamedKind, RawMention } from './types'

const isFunctionWord = (w: string): boolean =>
  w.length > 1 && (FUNCTION_WORDS.has(w.toLowerCase()) || RU_FUNCTION_WORDS.has(foldYo(w.toLowerCase())))
// Titles take "of" too: "Secretary of State", "Minister of Finance".
const ofHead = (w: string): boolean => ORG_HEADS.has(w) || PLACE_HEADS.has(w) || (TITLES.has(w) && !TITLE_ONLY.has(w))

/**
 * People, organisations and places named in `text`, in order, never overlapping; offsets are JS
 * string indices into `text`. English and Russian rules run by each word's script, whatever `lang`
 * says, so a Russian name in an English article is read too. `lang` decides only the «quoted name»
 * rule (guillemets mark organisations in Russian, quotations elsewhere): on for Russian, and for a
 * text of unknown language that holds Cyrillic. A text longer than a window is read a window at a
 * time (see windows.ts).
 */
export function extractMentions(text: string, lang: string | null): RawMention[] {
  const starts = windowStarts(text)
  if (starts.length === 1) return extractWindow(text, lang)
  const out: RawMention[] = []
  starts.forEach((start, i) => {
    const piece = text.slice(start, starts[i + 1] ?? text.length)
    for (const m of extractWindow(piece, lang)) out.push({ ...m, start: m.start + start, end: m.end + start })
  })
  return out
}

function extractWindow(text: string, lang: string | null): RawMention[] {
  const tokens = tokenize(text, isFunctionWord)
  const ctx = makeContext(text, tokens)
  const cands: Candidate[] = []
  for (const c of chunks(tokens, ofHead, (w) => FOR_HEADS.has(w))) {
    const cyr = tokens[c.first]!.cyr
    cands.push(...(cyr ? classifyRussian(ctx, c.first, c.last) : classifyEnglish(ctx, c.first, c.last)))
  }
  const russian = lang === null ? hasCyrillic(text) : lang.startsWith('ru')
  const mentions = coherentPlaces(ctx, propagate(ctx, cands)).map((c) => toMention(ctx, c))
  return withoutOverlaps(russian ? [...quotedOrgs(ctx), ...mentions] : mentions)
}

/** Paragraphs are joined so for the document-level rules; no name spans a blank line. */
const PARAGRAPH_BREAK = '\n\n'

/**
 * extractMentions over an article given as paragraphs, with each paragraph's mentions apart and
 * offsets into that paragraph. The whole article is read at once: a surname, a bare company name or
 * a sentence-initial name in one paragraph is known from the others, which paragraph-by-paragraph
 * calls would lose (on MEANTIME that costs relaxed F1; see bench:entities --paragraphs).
 */
export function extractParagraphMentions(paragraphs: readonly string[], lang: string | null): RawMention[][] {
  const out: RawMention[][] = paragraphs.map(() => [])
  const starts: number[] = []
  let at = 0
  for (const p of paragraphs) {
    starts.push(at)
    at += p.length + PARAGRAPH_BREAK.length
  }
  let i = 0
  for (const m of extractMentions(paragraphs.join(PARAGRAPH_BREAK), lang)) {
    while (i + 1 < starts.length && m.start >= starts[i + 1]!) i++
    const base = starts[i]!
    // A paragraph holding blank lines of its own still keeps each name inside it.
    if (m.end - base <= paragraphs[i]!.length) out[i]!.push({ ...m, start: m.start - base, end: m.end - base })
  }
  return out
}

function toMention(ctx: Context, c: Candidate): RawMention {
  const start = ctx.tokens[c.first]!.start
  const end = ctx.tokens[c.last]!.end
  return {
    start,
    end,
    text: ctx.text.slice(start, end),
    kind: c.kind as NamedKind,
    place: c.kind === 'place' ? (c.place?.place ?? null) : null,
    canonical: c.kind === 'place' ? (c.place?.canonical ?? null) : null,
    ...(c.guessed ? { guessed: true as const } : {})
  }
}

/** «Газпром», компания «Российские железные дороги»: names in guillemets after a legal form or organisation word. */
function quotedOrgs(ctx: Context): RawMention[] {
  const out: RawMention[] = []
  for (const m of ctx.text.matchAll(/«([^«»\n]{1,80})»/gu)) {
    const inner = m[1]!
    if (!/^\p{Lu}/u.test(inner)) continue
    const before = ctx.text.slice(Math.max(0, m.index - 40), m.index).trim().split(/\s+/).pop() ?? ''
    const cue = foldYo(before.toLowerCase())
    if (!RU_LEGAL_FORMS.has(before) && !RU_ORG_CUE_STEMS.some((s) => cue.startsWith(s))) continue
    const start = m.index + 1
    out.push({ start, end: start + inner.length, text: inner, kind: 'org', place: null, canonical: null })
  }
  return out
}

/** Sorted by start; where two overlap, the longer (then the earlier) stays. */
function withoutOverlaps(ms: RawMention[]): RawMention[] {
  const sorted = [...ms].sort((x, y) => x.start - y.start || y.end - x.end)
  const out: RawMention[] = []
  for (const m of sorted) {
    const prev = out[out.length - 1]
    if (prev && m.start < prev.end) {
      if (m.end - m.start > prev.end - prev.start) out[out.length - 1] = m
      continue
    }
    out.push(m)
  }
  return out
}
