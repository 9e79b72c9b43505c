/**
 * What one typed query may cost, whatever it holds. Search runs on the thread that answers every
 * call and the box searches as you type, so each limit turns an input that grew the work without
 * bound (a 10,000-letter fuzzy word, 2,000 nested parentheses, a pasted book) into a query read
 * a little differently, with a notice saying how. docs/SECURITY.md lists them with their tests.
 */

/** Parentheses nested deeper than this are read without their grouping (the parser recurses per level). */
export const MAX_QUERY_NESTING = 32

/** Words, filters and dates read from one query; the rest is ignored. Every later stage is linear in this. */
export const MAX_QUERY_WORDS = 256

/** Words longer than this are matched exactly: their `~` or `*` is dropped (no real word is this long). */
export const MAX_EXPAND_LENGTH = 40

/** Fuzzy and prefix words expanded per query (the Fuzzy switch included); later ones are matched exactly. */
export const MAX_EXPANDED_WORDS = 16

/** Words in one NEAR group; later ones are dropped. */
export const MAX_NEAR_WORDS = 8

/** Spellings one fuzzy word may expand into (the FTS5 OR stays small). */
export const MAX_VARIANTS = 16

/** Of those, spellings that are typos rather than transliterations (each is a guess). */
export const MAX_TYPO_VARIANTS = 4

/**
 * Vocabulary look-ups and entries examined to find one word's variants. A word of
 * MAX_EXPAND_LENGTH letters needs about 2,000 (its key's one-edit neighbours) plus the keys of
 * its shape it compares for two edits; the cap holds even if that length is raised.
 */
export const MAX_VARIANT_PROBES = 6_000

/** Vocabulary words examined to complete one prefix (the most frequent of them are kept). */
export const MAX_PREFIX_SCAN = 10_000

/** Notices one parse reports; past this, one last notice counts the rest. */
export const MAX_QUERY_NOTICES = 12

/** Typed text quoted back in a notice is cut to this many characters. */
export const MAX_NOTICE_QUOTE = 40

/**
 * Postings (a word's article count, summed over the words a prefix matches) that the prefixes of
 * one query may make FTS5 read; a prefix past what is left is matched as the exact word. `a*`
 * in a 10,000-article archive reads ~325,000 and took ~70 ms per pass over the index.
 */
export const MAX_PREFIX_POSTINGS = 200_000
