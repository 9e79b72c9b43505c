/**
 * Word tokens the way the archive's FTS5 tokenizer (`unicode61 remove_diacritics 2`) sees them:
 * runs of letters, digits and private-use characters, lower-cased, diacritics removed. Used to
 * decide whether a query word can match anything and to keep the variant vocabulary in step.
 */

const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu
/** FTS5's remove_diacritics folds Latin letters only: й, ё and Greek accents stay in the index. */
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu

const ASCII = /^[\x00-\x7f]*$/
const ASCII_TOKEN = /[a-z0-9]+/g

/** Lower-cases and strips diacritics from Latin letters (é→e, ō→o; й stays) so terms compare as FTS5 stores them. */
export function foldTerm(text: string): string {
  return text.normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC').toLowerCase()
}

/** The folded tokens of `text`, in order. */
export function tokenize(text: string): string[] {
  // Most archive text is ASCII; skipping Unicode normalisation there keeps bulk indexing cheap.
  if (ASCII.test(text)) return text.toLowerCase().match(ASCII_TOKEN) ?? []
  return foldTerm(text).match(TOKEN) ?? []
}

/** The distinct tokens of several texts (an article's title, dek and body), as the vocabulary counts an article once per word. */
export function distinctTokens(...texts: (string | null)[]): Set<string> {
  const seen = new Set<string>()
  for (const text of texts) if (text) for (const t of tokenize(text)) seen.add(t)
  return seen
}
