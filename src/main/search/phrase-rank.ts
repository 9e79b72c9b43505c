import type { Db } from '../archive/db'
import { unpackText } from '../archive/article-body'
import { rankRows, searchIndexTotals } from '../archive/repo/search-rank'
import { ASCII_WORDS, isAsciiToken, isAsciiWordChar, tokenize } from '../../shared/tokens'
import { phraseAt, tokenSpans, type Span } from './highlight'

/**
 * CPU time of ranking one article here, in ms: reading and inflating its text and counting the
 * phrase in it took 70–90 µs an article at 101,335 articles (94 matches 9 ms, 450 35 ms, 1,416
 * 100 ms, 5,635 404 ms), whatever the archive's size.
 */
const MS_AN_ARTICLE = 0.08

/**
 * Whether ranking `matches` articles here, after reading the rest of the phrase's ids (`share`
 * of one evaluation of `evaluationMs` read so far), costs less than stopping the read and letting
 * FTS5 rank it, which evaluates it twice (its IDF count, then the ranking). One evaluation of a
 * phrase of common words grows with the archive (53 ms for "was from the" at 101,335 articles,
 * about a tenth of that at 10,000, ten times it at 1,000,000) while ranking here grows only with
 * its matches, so which is cheaper depends on both, and on the phrase.
 */
export function cheaperHere(matches: number, evaluationMs: number, share: number): boolean {
  return matches * MS_AN_ARTICLE + (1 - share) * evaluationMs < 2 * evaluationMs
}

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
 * Text of the ASCII_WORDS kind (most news) is read in place for an ASCII phrase; any other is cut
 * into the index's words by `tokenSpans`, which folds them as the index's tokenizer does. A count
 * that disagrees with FTS5's match (none found in an article it matched) hands the whole ranking
 * back to FTS5.
 */
export function rankPhrase(db: Db, phrase: string, ids: readonly number[]): [number, number][] | null {
  const tokens = tokenize(phrase)
  if (tokens.length === 0) return null
  const asciiTokens = tokens.every(isAsciiToken)
  const totals = searchIndexTotals(db)
  if (!totals || totals.rows === 0 || totals.columnTokens.length !== WEIGHTS.length) return null
  const avgdl = totals.columnTokens.reduce((a, b) => a + b, 0) / totals.rows
  let idf = Math.log((totals.rows - ids.length + 0.5) / (ids.length + 0.5))
  if (idf <= 0.0) idf = 1e-6
  const first = asciiTokens ? new RegExp(`(?<![A-Za-z0-9])${tokens[0]}(?![A-Za-z0-9])`, 'gi') : null
  const scores = new Map<number, number>()
  for (const row of rankRows(db, ids)) {
    const columns = [row.title, row.dek, unpackText(row.body)]
    let freq = 0
    for (const [c, text] of columns.entries()) {
      if (!text) continue
      const count = first && ASCII_WORDS.test(text) ? phraseCount(text, tokens, first) : tokenRunCount(tokenSpans(text), tokens)
      freq += WEIGHTS[c]! * count
    }
    if (freq === 0) return null
    const score = idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + (B * row.tokens) / avgdl)))
    scores.set(row.id, -1.0 * score)
  }
  if (scores.size !== ids.length) return null
  return ids.map((id) => [id, scores.get(id)!])
}

/** Where `tokens` occur one after another among a text's tokens (`tokenSpans`), counted. */
function tokenRunCount(spans: readonly Span[], tokens: readonly string[]): number {
  let n = 0
  for (let i = 0; i + tokens.length <= spans.length; i++) if (phraseAt(spans, i, tokens)) n++
  return n
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
