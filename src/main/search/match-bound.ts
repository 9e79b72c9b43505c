import type { QueryNode } from '../../shared/search'
import { tokenize } from '../../shared/tokens'
import type { Expand } from './compile'

/** What the bounds read of the vocabulary. */
export interface ArticleCounts {
  /** Articles a word occurs in, 0 when absent. */
  docCount(term: string): number
  /** The article counts of the words starting with `prefix`, summed (null: too many words to tell). */
  prefixPostings(prefix: string): number | null
  /** The words starting with `prefix`, most frequent first. */
  completions(prefix: string, limit: number): readonly { docs: number }[]
}

/** Between how many articles a query tree matches, as far as the vocabulary can tell. */
export interface MatchBounds {
  lower: number
  upper: number
}

const UNKNOWN: MatchBounds = { lower: 0, upper: Number.POSITIVE_INFINITY }

/**
 * How many articles a query tree can match, from the vocabulary's article count of each word:
 * at most (`upper`) and at least (`lower`). A word's count bounds every column it is searched in
 * from above, and from below only when it is searched in all of them; an AND is at most its
 * smallest part, an OR at least its largest part and at most their sum; a phrase or NEAR group
 * at most its rarest word. The counts may trail the archive by the writes not yet folded into the
 * vocabulary, so the bounds only decide what search tries first, and it checks the outcome.
 */
export function matchBounds(node: QueryNode, counts: ArticleCounts, expand: Expand): MatchBounds {
  switch (node.kind) {
    case 'term': {
      if (node.text.includes(' ')) {
        // Several words searched as a phrase: spellings of it may match elsewhere, and a prefix
        // stands for its last word's completions.
        if (node.fuzzy) return UNKNOWN
        const words = tokenize(node.text)
        return { lower: 0, upper: allOf(node.prefix ? words.slice(0, -1) : words, counts) }
      }
      let lower = 0
      let upper = 0
      if (node.prefix) {
        const postings = counts.prefixPostings(node.text)
        if (postings === null) return UNKNOWN
        upper = postings
        lower = counts.completions(node.text, 1)[0]?.docs ?? 0
      } else {
        for (const v of node.fuzzy ? new Set([node.text, ...expand(node.text)]) : [node.text]) {
          const docs = counts.docCount(v)
          upper += docs
          lower = Math.max(lower, docs)
        }
      }
      return { lower: node.field === null ? lower : 0, upper }
    }
    case 'phrase':
      return { lower: 0, upper: allOf(tokenize(node.text), counts) }
    case 'near':
      return { lower: 0, upper: allOf(node.terms.flatMap(tokenize), counts) }
    case 'or': {
      const parts = node.children.map((c) => matchBounds(c, counts, expand))
      return { lower: Math.max(0, ...parts.map((p) => p.lower)), upper: parts.reduce((sum, p) => sum + p.upper, 0) }
    }
    case 'and': {
      const parts = node.children.map((c) => matchBounds(c, counts, expand))
      const upper = Math.min(...parts.map((p) => p.upper))
      // One part alone, with nothing excluded, is that part.
      const lower = parts.length === 1 && node.exclude.length === 0 ? parts[0]!.lower : 0
      return { lower, upper }
    }
  }
}

/** At most the articles of its rarest word, for words that must all occur (a phrase, a NEAR group). */
function allOf(words: readonly string[], counts: ArticleCounts): number {
  return words.length === 0 ? UNKNOWN.upper : Math.min(...words.map((w) => counts.docCount(w)))
}
