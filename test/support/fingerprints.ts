/** Every stored fingerprint row, recent or merged (`archive/repo/fingerprints.ts`), as one table expression for tests. */
export const FINGERPRINT_ROWS =
  '(SELECT hash, article_id, ordinal FROM paragraph_fingerprints UNION ALL SELECT j.value ->> 0, r.article_id, j.value ->> 1 FROM paragraph_fingerprints_recent r, json_each(r.pairs) j)'
