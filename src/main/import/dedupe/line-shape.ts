import { MIN_REUSE_WORDS } from '../../text/shingles'

/**
 * What a short repeated line looks like: site furniture (share bars, newsletter pitches,
 * copyright lines, "Read more", bylines set as lines) or a piece of copy (a sentence of news:
 * a background paragraph, a spokeswoman's quote) that an agency repeats across a few dispatches.
 *
 * Why these signals. Repetition alone cannot tell the two apart: two dispatches of one agency
 * repeat their background paragraph word for word exactly as three pages of a site repeat their
 * share bar. What differs is the line itself. Copy is a real sentence (at least MIN_REUSE_WORDS
 * words, mostly lower-case words, closing punctuation or a quotation) that carries something a
 * researcher cites: a quotation, a number, or a name inside the sentence. Furniture is a
 * fragment (no sentence end, Title Case link labels, separators such as "|" or "•"), points
 * elsewhere (a URL, an e-mail address, a @handle or #tag), claims rights (©), or speaks to the
 * reader ("your inbox", "follow us") outside any quotation, which news copy does not do.
 * Position is not used: a background paragraph closes a dispatch as often as a newsletter pitch.
 *
 * The shape decides how many articles of an outlet must carry a line before it counts as that
 * outlet's boilerplate (see BOILERPLATE_MIN_ARTICLES): furniture is learned quickly, copy only
 * when so many of the outlet's articles repeat it that it is a fixture of the outlet, not a
 * passage shared by a few stories.
 */
export type LineShape = 'furniture' | 'copy'

/** Pronouns addressing the reader (en, ru, de, fr, es, pt), compared in lower case outside quotations. */
const READER_ADDRESS = new Set(
  (
    'you your yours yourself our ours ' +
    'вы вас вам вами ваш ваша ваше ваши вашего вашей наш наша наше наши нашего нашей нас ' +
    'euch euer eure unser unsere unseren unserem ' +
    'vous votre vos notre nos ' +
    'usted ustedes vuestro vuestra nuestro nuestra nuestros nuestras ' +
    'você vocês nosso nossa nossos nossas'
  ).split(' ')
)

/** Quotations: text between paired quotation marks (straight, curly, guillemets, low-high). */
const QUOTATION = /"[^"\n]+"|“[^“”\n]+”|„[^„“”\n]+[“”]|«[^«»\n]+»|»[^«»\n]+«/gu
const POINTS_ELSEWHERE = /https?:\/\/|\bwww\.|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?:^|\s)[@#][\p{L}\p{N}_]{2,}/iu
const RIGHTS = /©|\(c\)\s*\d{4}|®|™/iu
const SEPARATORS = /\s[|•·▪►→]\s|>>|\s\/\s.*\s\/\s/u
/** A sentence end, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…。][\s"”»’')\]]*$/u
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

function quotationWords(text: string): number {
  let longest = 0
  for (const m of text.matchAll(QUOTATION)) longest = Math.max(longest, m[0].match(WORD)?.length ?? 0)
  return longest
}

/** Capitalised words that do not open a sentence: names of people, places, bodies. */
function namesInside(tokens: readonly { word: string; opensSentence: boolean }[]): boolean {
  return tokens.some((t) => !t.opensSentence && /^\p{Lu}[\p{Ll}\p{Lu}]/u.test(t.word))
}

/**
 * Furniture is a short line; past this many characters a "line" of few words is unspaced script
 * or a crafted run of letters. It is taken as copy, the slow-to-learn side, and the patterns
 * below never run over a long string (the e-mail pattern backtracks quadratically on one).
 */
const MAX_FURNITURE_CHARS = 1_000

export function lineShape(text: string): LineShape {
  const line = text.trim()
  if (line.length > MAX_FURNITURE_CHARS) return 'copy'
  if (POINTS_ELSEWHERE.test(line) || RIGHTS.test(line) || SEPARATORS.test(line)) return 'furniture'
  const quoted = quotationWords(line) >= 3
  const outside = line.replace(QUOTATION, ' ')
  const tokens: { word: string; opensSentence: boolean }[] = []
  for (const m of line.matchAll(WORD)) {
    const before = line.slice(0, m.index).trimEnd()
    tokens.push({ word: m[0], opensSentence: before === '' || /[.!?…:"“„«»]$/u.test(before) })
  }
  if (tokens.length < MIN_REUSE_WORDS) return 'furniture'
  for (const m of outside.matchAll(WORD)) if (READER_ADDRESS.has(m[0].toLowerCase()) || m[0] === 'us') return 'furniture'
  // Link labels and headings are Title Case; prose is mostly lower case (caseless scripts pass).
  const cased = tokens.filter((t) => /^[\p{Lu}\p{Ll}]/u.test(t.word))
  const lower = cased.filter((t) => /^\p{Ll}/u.test(t.word)).length
  if (cased.length >= tokens.length / 2 && lower < 0.4 * cased.length) return 'furniture'
  if (!quoted && !SENTENCE_END.test(line)) return 'furniture'
  const carries = quoted || /\p{N}/u.test(line) || namesInside(tokens)
  return carries ? 'copy' : 'furniture'
}
