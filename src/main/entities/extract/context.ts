import { firstNames } from './first-names'
import { gazetteer, type PlaceEntry } from './gazetteer'
import { russianStem } from './ru-forms'
import type { Token } from './tokens'
import type { NamedKind } from './types'

/** What the rules know of one text: its tokens, the words it writes in lower case, the lists. */
export interface Context {
  text: string
  tokens: Token[]
  /** Words the text writes in lower case somewhere: capitalised at a sentence start, they are common words. */
  lower: Set<string>
  firstNames: Set<string>
  gaz: ReturnType<typeof gazetteer>
}

/**
 * A proposed span, by token indices. `sure` candidates come from the rules' own evidence (a title,
 * a suffix, a gazetteer); the others (kind null, or weak guesses) wait for document-level evidence.
 */
export interface Candidate {
  first: number
  last: number
  /** 'none': surely no person, organisation or place (an event, a law); it still teaches its acronym. */
  kind: NamedKind | 'none' | null
  sure: boolean
  place: PlaceEntry | null
  /** The kind is the last resort's (an unexplained name inside a sentence taken for an organisation). */
  guessed?: true
}

export function makeContext(text: string, tokens: Token[]): Context {
  const lower = new Set<string>()
  for (const t of tokens) if (!t.cap) lower.add(t.text.toLowerCase())
  return { text, tokens, lower, firstNames: firstNames(), gaz: gazetteer() }
}

/** The words of tokens first..last joined by single spaces (and "&" kept), as lists spell names. */
/** spanKey with Cyrillic words cut to their stems: the key under which a text's names meet again. */
export function recallKey(ctx: Context, first: number, last: number): string {
  let s = ''
  for (let i = first; i <= last; i++) {
    const t = ctx.tokens[i]!
    const w = t.cyr ? russianStem(t.text) : t.text
    s += i === first ? w : (t.gap.includes('&') ? ' & ' : ' ') + w
  }
  return s
}

export function spanKey(ctx: Context, first: number, last: number): string {
  let s = ctx.tokens[first]!.text
  for (let i = first + 1; i <= last; i++) {
    const t = ctx.tokens[i]!
    s += (t.gap.includes('&') ? ' & ' : ' ') + t.text
  }
  return s
}
