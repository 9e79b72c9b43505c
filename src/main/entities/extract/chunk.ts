import type { Token } from './tokens'

/** A run of capitalised words that may be one name: "Bank of America", "Procter & Gamble", "Taro Aso". */
export interface Chunk {
  /** Indices into the token list, first and last inclusive. */
  first: number
  last: number
}

/** Lower-case words that stay inside a name between two capitalised ones. */
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'del', 'della', 'di', 'dos', 'al', 'el', 'bin', 'ibn', 'ben', 'y'])

/** Longer runs are lists or shouting, not one name; the cap keeps per-run work linear in the text. */
const MAX_NAME_WORDS = 8

const SPACE_ONLY = /^[ \t\u00a0]+$/
const AMPERSAND = /^[ \t\u00a0]*&[ \t\u00a0]*$/
const HAS_DIGIT = /\p{N}/u

/**
 * Cuts capitalised runs. A run ends at punctuation, a line break, a new sentence, a possessive,
 * or a word with digits (a model number: "Airbus A380" keeps "Airbus"). "of" joins only after
 * a word that heads an organisation's or a place's name; other particles join two capitals.
 * "for" and "for the" join after a body's word ("Front for the Salvation of Afghanistan",
 * "Committee for the Protection of Journalists"), and the run's next "of" joins then too.
 */
export function chunks(tokens: Token[], ofHeads: (word: string) => boolean, forHeads: (word: string) => boolean): Chunk[] {
  const out: Chunk[] = []
  const nameWord = (t: Token | undefined): t is Token => !!t && t.cap && !HAS_DIGIT.test(t.text)
  let i = 0
  while (i < tokens.length) {
    if (!nameWord(tokens[i])) {
      i++
      continue
    }
    let j = i
    let afterFor = false
    for (;;) {
      const cur = tokens[j]!
      if (cur.closes || j - i + 1 >= MAX_NAME_WORDS) break
      const next = tokens[j + 1]
      if (nameWord(next) && !next.sentStart && (SPACE_ONLY.test(next.gap) || AMPERSAND.test(next.gap))) {
        j++
        continue
      }
      const after = tokens[j + 2]
      if (next && SPACE_ONLY.test(next.gap) && !next.cap && after && SPACE_ONLY.test(after.gap)) {
        const word = next.text
        if (nameWord(after) && ((word === 'of' && (afterFor || ofHeads(cur.text))) || PARTICLES.has(word))) {
          j += 2
          continue
        }
        if (word === 'for' && !afterFor && forHeads(cur.text)) {
          const name = after.text === 'the' ? tokens[j + 3] : after
          if (nameWord(name) && SPACE_ONLY.test(name.gap) && j + (name === after ? 2 : 3) - i + 1 <= MAX_NAME_WORDS) {
            j += name === after ? 2 : 3
            afterFor = true
            continue
          }
        }
      }
      break
    }
    out.push({ first: i, last: j })
    i = j + 1
  }
  return out
}
