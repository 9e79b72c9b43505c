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
 * A phrase the caller can rank itself once it has all its ids (phrase-rank.ts) may be read to
 * the end instead: at the point where the pass would stop, `readOn(projected, share)` is asked,
 * with the matches projected to all ids and the share of the ids passed, and the pass goes on to
 * the end (asking nothing more) when it says so.
 */
export function positionalIds(
  rows: Iterator<number>,
  maxId: number,
  rankLimit: number,
  readOn: (projected: number, share: number) => boolean = () => false
): number[] | null {
  const ids: number[] = []
  let judging = true
  for (let next = rows.next(); !next.done; next = rows.next()) {
    const id = next.value
    ids.push(id)
    if (judging && ids.length <= rankLimit && id >= maxId * PROJECT_AFTER && ids.length * maxId <= rankLimit * id) {
      if (readOn((ids.length * maxId) / id, id / maxId)) {
        judging = false
        continue
      }
      rows.return?.()
      return null
    }
  }
  return ids
}
