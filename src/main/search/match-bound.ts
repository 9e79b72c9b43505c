import type { QueryNode } from '../../shared/search'
import type { Expand } from './compile'

/**
 * At most how many articles a query tree can match, from the vocabulary's article count of each
 * word (Infinity where it cannot tell: prefixes, phrases, NEAR groups). A word's count bounds
 * every column it is searched in; AND takes the smallest of its parts, OR adds them up.
 * The counts may trail the archive by the writes not yet folded into the vocabulary, so the
 * bound only decides what to try first: a ranked pass is capped and falls back when it overflows.
 */
export function matchBound(node: QueryNode, docs: (term: string) => number, expand: Expand): number {
  switch (node.kind) {
    case 'term': {
      if (node.prefix || node.text.includes(' ')) return Number.POSITIVE_INFINITY
      const variants = node.fuzzy ? new Set([node.text, ...expand(node.text)]) : [node.text]
      let sum = 0
      for (const v of variants) sum += docs(v)
      return sum
    }
    case 'phrase':
    case 'near':
      return Number.POSITIVE_INFINITY
    case 'or':
      return node.children.reduce((sum, c) => sum + matchBound(c, docs, expand), 0)
    case 'and':
      return node.children.reduce((min, c) => Math.min(min, matchBound(c, docs, expand)), Number.POSITIVE_INFINITY)
  }
}
