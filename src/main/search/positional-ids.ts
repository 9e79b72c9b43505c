/**
 * Share of the archive's ids a pass reads before it judges, from the matches met so far, that a
 * phrase will stay under the rank limit.
 */
export const PROJECT_AFTER = 1 / 16

/**
 * The articles a phrase or NEAR group matches, read from `rows` (its matches in ascending id
 * order) when they are more than `rankLimit`; null once the matches met put it under the limit,
 * the rest of `rows` left unread.
 *
 * Why: ranking a phrase evaluates it in full however few rows are asked for, since bm25 first
 * counts the articles it matches (its IDF), and a phrase of common words is costly to evaluate.
 * Ranking first, as plain words are, cost a phrase over the limit that count, the start of the
 * ranked read, and a read of its ids (at 100,000 articles "of the of", in 23,000 of them: 760 ms
 * against 330 for its ids alone); a phrase matching nothing cost the count and a read. Read in id
 * order, the matches tell early how many there will be: under the limit, the pass stops once it
 * is past `PROJECT_AFTER` of the ids and the count so far, scaled to all of them, is under it,
 * and the caller ranks as before. Either way the caller ends with the same answer; a phrase whose
 * matches crowd at the end of the archive costs one pass more than before.
 *
 * A phrase the caller can rank itself once it has all its ids (phrase-rank.ts) is read to the
 * end while its matches project to `readAllUnder` or fewer: one pass instead of FTS5's two.
 */
export function positionalIds(rows: Iterator<number>, maxId: number, rankLimit: number, readAllUnder = 0): number[] | null {
  const ids: number[] = []
  for (let next = rows.next(); !next.done; next = rows.next()) {
    const id = next.value
    ids.push(id)
    const projected = (ids.length * maxId) / id
    if (ids.length <= rankLimit && id >= maxId * PROJECT_AFTER && projected <= rankLimit && projected > readAllUnder) {
      rows.return?.()
      return null
    }
  }
  return ids
}
