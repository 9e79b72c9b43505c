/**
 * Word tokens the way the archive's FTS5 tokenizer (`unicode61 remove_diacritics 2`) sees them:
 * runs of letters, digits and private-use characters, lower-cased, diacritics removed. Used to
 * decide whether a query word can match anything and to keep the variant vocabulary in step.
 */

const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu
/** FTS5's remove_diacritics folds Latin letters only: й, ё and Greek accents stay in the index. */
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu

export const ASCII = /^[\x00-\x7f]*$/
/**
 * Text whose only characters outside ASCII are spaces, punctuation and symbols of Latin-1 and
 * General Punctuation: curly quotes, dashes, ellipses, no-break spaces, « », °, §. None is a
 * letter, digit or mark (FTS5's unicode61 splits words on them), none changes case and none
 * decomposes into a mark, so the text is cut into words and folded as ASCII. Real news is mostly
 * like this: of the seed articles' 65 paragraphs 37 are ASCII and all 65 are of this kind; the
 * full fold (NFD, a Unicode regex, NFC) is several times dearer.
 */
export const ASCII_WORDS = /^[\x00-\x7f\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u2000-\u206f]*$/
const ASCII_TOKEN = /[a-z0-9]+/g
/** A folded token that ASCII_WORDS text can hold: lower-case ASCII letters and digits only. */
export const isAsciiToken = (token: string): boolean => /^[a-z0-9]+$/.test(token)

/** An ASCII letter, by character code: in text of ASCII_WORDS the only letters there are. */
export const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
/** An ASCII letter or digit, by character code: what a word of ASCII_WORDS text is made of. */
export const isAsciiWordChar = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57)

/** Lower-cases and strips diacritics from Latin letters (é→e, ō→o; й stays) so terms compare as FTS5 stores them. */
export function foldTerm(text: string): string {
  return text.normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC').toLowerCase()
}

/** The folded tokens of `text`, in order. */
export function tokenize(text: string): string[] {
  // Most archive text has only ASCII words; skipping Unicode normalisation there keeps bulk indexing cheap.
  if (ASCII_WORDS.test(text)) return text.toLowerCase().match(ASCII_TOKEN) ?? []
  return foldTerm(text).match(TOKEN) ?? []
}

/** The distinct tokens of several texts (an article's title, dek and body), as the vocabulary counts an article once per word. */
export function distinctTokens(...texts: (string | null)[]): Set<string> {
  const seen = new Set<string>()
  for (const text of texts) if (text) for (const t of tokenize(text)) seen.add(t)
  return seen
}
