import type { QueryNode } from '../../shared/search'
import { MAX_PREFIX_POSTINGS } from '../../shared/search-limits'
import type { VariantIndex } from './variants'

/**
 * The tree as search runs it. FTS5 reads every posting of every word a prefix matches, so the
 * prefixes of one query share MAX_PREFIX_POSTINGS, counted from the vocabulary; a prefix past
 * what is left is matched as the exact word (a phrase ending in one, as the exact phrase), and
 * `notices` says so. Used by search and highlighting alike: what is highlighted was searched.
 * `vocab` is called only for a query with a prefix, so plain queries never load the vocabulary.
 */
export function boundPrefixes(root: QueryNode | null, vocab: () => VariantIndex, notices: string[]): QueryNode | null {
  let left = MAX_PREFIX_POSTINGS
  const walk = (node: QueryNode): QueryNode => {
    switch (node.kind) {
      case 'term': {
        if (!node.prefix) return node
        const last = node.text.slice(node.text.lastIndexOf(' ') + 1)
        const postings = vocab().prefixPostings(last)
        if (postings !== null && postings <= left) {
          left -= postings
          return node
        }
        const notice = `${node.text}*: the words starting with "${last}" are too common to search them all; matched "${node.text}" exactly`
        if (!notices.includes(notice)) notices.push(notice)
        return last === node.text ? { ...node, prefix: false } : { kind: 'phrase', text: node.text, field: node.field }
      }
      case 'phrase':
      case 'near':
        return node
      case 'or':
        return { kind: 'or', children: node.children.map(walk) }
      case 'and':
        return { kind: 'and', children: node.children.map(walk), exclude: node.exclude.map(walk) }
    }
  }
  return root ? walk(root) : null
}
