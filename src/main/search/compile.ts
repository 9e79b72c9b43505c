import type { QueryNode } from '../../shared/search'

/** Variants of a fuzzy word to OR together (the word itself is always included). */
export type Expand = (term: string) => readonly string[]

/** What the parsed tree becomes in FTS5: a MATCH for wanted articles and one for excluded ones. */
export interface CompiledQuery {
  /** FTS5 expression articles must match, or null when only exclusions/filters were typed. */
  match: string | null
  /** FTS5 expression for articles to remove when there is no `match` to hang a NOT on. */
  exclude: string | null
}

/** An FTS5 string literal: every user word goes through here, so no input is read as syntax. */
export function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

function column(field: string | null, expr: string): string {
  return field ? `${field} : ${expr}` : expr
}

function leaf(node: QueryNode, expand: Expand): string {
  switch (node.kind) {
    case 'term': {
      if (node.prefix) return column(node.field, `${ftsString(node.text)}*`)
      if (node.fuzzy) {
        const variants = [...new Set([node.text, ...expand(node.text)])]
        if (variants.length > 1) return column(node.field, `(${variants.map(ftsString).join(' OR ')})`)
      }
      return column(node.field, ftsString(node.text))
    }
    case 'phrase':
      return column(node.field, ftsString(node.text))
    case 'near':
      return `NEAR(${node.terms.map(ftsString).join(' ')}, ${node.distance})`
    case 'or':
      return `(${node.children.map((c) => leaf(c, expand)).join(' OR ')})`
    case 'and': {
      const positive = node.children.map((c) => leaf(c, expand))
      const wanted = positive.length === 1 ? positive[0]! : `(${positive.join(' AND ')})`
      if (node.exclude.length === 0) return wanted
      return `(${wanted} NOT (${node.exclude.map((c) => leaf(c, expand)).join(' OR ')}))`
    }
  }
}

/** Compiles a parsed tree to FTS5; the result is always a valid expression (or null). */
export function compileQuery(root: QueryNode | null, expand: Expand): CompiledQuery {
  if (!root) return { match: null, exclude: null }
  if (root.kind === 'and' && root.children.length === 0) {
    return { match: null, exclude: root.exclude.map((c) => leaf(c, expand)).join(' OR ') || null }
  }
  return { match: leaf(root, expand), exclude: null }
}
