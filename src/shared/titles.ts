/**
 * Event titles suggested from a passage (a cited selection or a proposal's sentence). Pure.
 *
 * A chronology reads as a list of who did what, so the title keeps the start of the passage's
 * first sentence, where English news puts the subject and verb, after dropping what only
 * repeats the date or the source ("On 14 October,", ", officials said"). A long sentence is cut
 * at a clause or a word, never mid-word, and no ellipsis is added: the title is the user's text
 * to keep or change, and a "…" they did not type would end up in print.
 */
import { sentenceSpans } from './sentences'

/** Titles longer than this are cut; a chronology row shows about this much on one line. */
export const TITLE_MAX = 72
/** A cut at a clause boundary earlier than this would lose the verb's object. */
const CLAUSE_MIN = 28

// A leading adverbial of time, place or source, ended by a comma: "On Tuesday,", "In 2019,",
// "Late on 14 October,", "According to the ministry,". Conjunctions that open a sentence go too.
const LEADING = /^(?:(?:on|in|at|by|late|early|earlier|later|last|during|since|around|shortly after|just after|before|after|according to|meanwhile|however)\b[^,;:]{0,60},\s+|(?:but|and|so|yet)\s+)/i
// A trailing attribution: ", the ministry said", ", officials told reporters", ", according to AP".
const ATTRIBUTION = /,\s+(?:[^,]{0,40}\s)?(?:said|says|told [^,]{1,30}|reported|added|according to [^,]{1,50})$/i
const CLAUSE_BREAK = /[,;:]\s|\s[–—-]\s|\s(?=(?:who|which|that|after|because|when|while|as|although|despite|following|amid)\s)/g
// The verb a long subject can hide past the cut ("A convoy of eleven trucks carrying flour … was turned back").
const AUXILIARY = /\s(?:was|were|is|are|has|have|had|will|would|could|can|did|does|must|should|may|might)\s/i
// Where a subject's own modifier starts: a participle, a relative clause, a place or a parenthesis.
const MODIFIER = /\s(?:carrying|including|with|for|from|in|on|at|near|who|which|that|whose)\s|\s\(|,\s/i
const DANGLING = /\s+(?:the|a|an|of|to|in|on|at|and|or|but|for|with|by|from|that|as|its|their|his|her|this|these|those|was|were|is|are|has|have|had)$/i

function trimEnd(s: string): string {
  let out = s.replace(/[\s.,;:!?–—-]+$/, '')
  // Dropping a dangling word can expose another ("to the"): repeat until the end is a content word.
  for (let prev = ''; prev !== out; ) {
    prev = out
    out = out.replace(DANGLING, '').replace(/[\s,;:–—-]+$/, '')
  }
  return out
}

/** Keeps a quotation mark only when the title still holds its partner. */
function balanceQuotes(s: string): string {
  const straight = (s.match(/"/g) ?? []).length
  let out = straight % 2 === 1 ? s.replace(/"(?=[^"]*$)/, '') : s
  const open = (out.match(/“/g) ?? []).length
  const close = (out.match(/”/g) ?? []).length
  if (open > close) out = out.replace(/“(?=[^“]*$)/, '')
  else if (close > open) out = out.replace(/”(?=[^”]*$)/, '')
  return out.trim()
}

/**
 * When the first auxiliary verb lies past the cut, the subject is too long to keep whole: it is
 * cut before its first modifier so the verb makes it into the title. Anything else stays as written.
 */
function shortenSubject(s: string, max: number): string {
  const verb = AUXILIARY.exec(s)
  if (!verb || verb.index < max - 12) return s
  const subject = s.slice(0, verb.index)
  const words = subject.split(' ')
  const modifier = MODIFIER.exec(words.slice(2).join(' '))
  if (!modifier) return s
  const keep = words.slice(0, 2).join(' ').length + 1 + modifier.index
  // A verb before the modifier ("Fadel said on Wednesday that … had") means the auxiliary is not the main verb.
  if (/\b(?:\w+ed|said|says|told|met|took|made|began|left)\b/i.test(subject.slice(0, keep))) return s
  return `${subject.slice(0, keep)}${s.slice(verb.index)}`
}

/** The title suggested for an event made from `passage`; empty only when the passage is. */
export function suggestTitle(passage: string, max = TITLE_MAX): string {
  const flat = passage.replace(/\s+/g, ' ').trim()
  const first = sentenceSpans(flat)[0]
  let s = first ? flat.slice(first.start, first.end) : flat
  s = s.replace(/[.!?]+(["”’]?)$/, '$1')
  const core = s.replace(ATTRIBUTION, '')
  if (core.split(' ').length >= 3) s = core
  const rest = s.replace(LEADING, '')
  if (rest !== s && rest.split(' ').length >= 3) s = rest
  s = shortenSubject(s, max)
  if (s.length > max) {
    const head = s.slice(0, max + 1)
    let cut = -1
    for (const m of head.matchAll(CLAUSE_BREAK)) if (m.index >= CLAUSE_MIN && m.index <= max) cut = m.index
    s = cut > 0 ? head.slice(0, cut) : head.slice(0, head.lastIndexOf(' ') > 0 ? head.lastIndexOf(' ') : max)
  }
  s = balanceQuotes(trimEnd(s))
  return s.charAt(0).toUpperCase() + s.slice(1)
}
