import type { Db } from '../archive/db'
import { unpackText } from '../archive/article-body'
import { rankRows, searchIndexTotals } from '../archive/repo/search-rank'
import { ASCII_WORDS, isAsciiWordChar, tokenize } from '../../shared/tokens'

/**
 * Matches of a phrase at most that are ranked here rather than by FTS5. Reading, inflating and
 * counting costs 70–90 µs an article; FTS5's ranked pass over a phrase of common words cost about
 * two reads of its ids, so at 101,335 articles the two met near 1,500 matches (450: 35 against
 * 108 ms; 1,416: 100 against 122; 5,635: 404 against 199).
 */
export const PHRASE_RANKED_HERE = 1000

/** The index's rank (migration 004, `bm25(8.0, 3.0, 1.0)`): a column's weight, and bm25's constants as FTS5 fixes them. */
const WEIGHTS = [8, 3, 1] as const
const K1 = 1.2
const B = 0.75

/**
 * bm25 of one phrase for the articles it matches (`ids`, all of them), as FTS5 computes it:
 * [id, score] in the order of `ids`, or null when FTS5 must rank them after all.
 *
 * Why: FTS5's bm25 first counts the articles the phrase matches (its IDF) by evaluating it over
 * the whole index again, so ranking a phrase of common words cost two full evaluations after
 * the read of its ids, each reading every position of every word (at 101,335 articles, "was
 * from the": 53 ms for its 450 ids, 106 more to rank them). With the ids read, the count is
 * known; each article's phrase frequency is counted in its own columns, and its size is the one
 * the index stored. The arithmetic is FTS5's (fts5_aux.c), step by step, so the scores are the
 * same numbers (a test holds them to FTS5's).
 *
 * Only text of the ASCII_WORDS kind is counted here, where the index's words are plainly runs of
 * ASCII letters and digits; an article with any other word, a phrase with one, or a count that
 * disagrees with FTS5's match (none found), hands the whole ranking back to FTS5.
 */
export function rankPhrase(db: Db, phrase: string, ids: readonly number[]): [number, number][] | null {
  const tokens = tokenize(phrase)
  if (tokens.length === 0 || !tokens.every((t) => /^[a-z0-9]+$/.test(t))) return null
  const totals = searchIndexTotals(db)
  if (!totals || totals.rows === 0 || totals.columnTokens.length !== WEIGHTS.length) return null
  const avgdl = totals.columnTokens.reduce((a, b) => a + b, 0) / totals.rows
  let idf = Math.log((totals.rows - ids.length + 0.5) / (ids.length + 0.5))
  if (idf <= 0.0) idf = 1e-6
  const first = new RegExp(`(?<![A-Za-z0-9])${tokens[0]}(?![A-Za-z0-9])`, 'gi')
  const scores = new Map<number, number>()
  for (const row of rankRows(db, ids)) {
    const columns = [row.title, row.dek, unpackText(row.body)]
    let freq = 0
    for (const [c, text] of columns.entries()) {
      if (!text) continue
      if (!ASCII_WORDS.test(text)) return null
      freq += WEIGHTS[c]! * phraseCount(text, tokens, first)
    }
    if (freq === 0) return null
    const score = idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + (B * row.tokens) / avgdl)))
    scores.set(row.id, -1.0 * score)
  }
  if (scores.size !== ids.length) return null
  return ids.map((id) => [id, scores.get(id)!])
}

/**
 * Where in ASCII_WORDS text `tokens` occur one after another, counted: `first` finds the first
 * token as a whole word, the words after it are read in place. Overlapping occurrences count
 * apart, as FTS5 counts a phrase once per position it starts at.
 */
export function phraseCount(text: string, tokens: readonly string[], first: RegExp): number {
  let n = 0
  first.lastIndex = 0
  for (let found = first.exec(text); found; found = first.exec(text)) {
    let at = found.index + found[0].length
    let whole = true
    for (let k = 1; whole && k < tokens.length; k++) {
      while (at < text.length && !isAsciiWordChar(text.charCodeAt(at))) at++
      const start = at
      while (at < text.length && isAsciiWordChar(text.charCodeAt(at))) at++
      whole = at - start === tokens[k]!.length && text.slice(start, at).toLowerCase() === tokens[k]
    }
    if (whole) n++
  }
  return n
}
