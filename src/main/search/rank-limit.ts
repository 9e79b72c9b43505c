/** Above this many matches, bm25 is computed for headline matches only (see SearchRanking). */
export const RANK_LIMIT = 5_000
