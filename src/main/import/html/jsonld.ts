import type { PageElements } from './page-elements'

/** A JSON-LD node as found in the page: an open-ended object. */
export type LdNode = Record<string, unknown>

const ARTICLE_TYPE = /(Article|BlogPosting|Posting|NewsArticle|Report|Review)$/

function typesOf(node: LdNode): string[] {
  const t = node['@type']
  if (typeof t === 'string') return [t]
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string')
  return []
}

function isObject(v: unknown): v is LdNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Flattens arrays and `@graph` containers into a list of nodes. */
function collect(value: unknown, into: LdNode[], depth = 0): void {
  // JSON-LD in the wild is shallow; the bound guards against hostile nesting.
  if (depth > 8) return
  if (Array.isArray(value)) {
    for (const v of value) collect(v, into, depth + 1)
  } else if (isObject(value)) {
    into.push(value)
    if (Array.isArray(value['@graph'])) collect(value['@graph'], into, depth + 1)
  }
}

function parseLenient(raw: string): unknown {
  const text = raw.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, '').trim()
  try {
    return JSON.parse(text)
  } catch {
    // Control characters inside strings are the usual defect of hand-built JSON-LD.
    try {
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '))
    } catch {
      return null
    }
  }
}

export interface JsonLd {
  /** The node describing the article itself, when the page has one. */
  article: LdNode | null
  /** Every node, for resolving `{"@id": ...}` references. */
  byId: Map<string, LdNode>
}

/** Reads the page's JSON-LD blocks and picks the article node (never throws on malformed blocks). */
export function readJsonLd(page: PageElements): JsonLd {
  const nodes: LdNode[] = []
  for (const script of page.all('script', 'script[type="application/ld+json"]')) collect(parseLenient(script.textContent ?? ''), nodes)
  const byId = new Map<string, LdNode>()
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n)
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t)))
  // A page can list teasers as Articles too; the one with a body or a headline and date is the page's own.
  const score = (n: LdNode): number =>
    (typeof n.articleBody === 'string' ? 4 : 0) + (n.headline ? 2 : 0) + (n.datePublished ? 1 : 0)
  const article = articles.sort((a, b) => score(b) - score(a))[0] ?? null
  return { article, byId }
}

/** Resolves a value that may be an `{"@id"}` reference to the node it names. */
export function deref(value: unknown, ld: JsonLd): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return ld.byId.get(value['@id']) ?? value
  }
  return value
}

/** Names from a person/organisation value: a string, an object with `name`, or a list of those. */
export function ldNames(value: unknown, ld: JsonLd): string[] {
  const out: string[] = []
  const list = Array.isArray(value) ? value : [value]
  for (const item of list.slice(0, 20)) {
    const v = deref(item, ld)
    if (typeof v === 'string') out.push(v)
    else if (isObject(v) && typeof v.name === 'string') out.push(v.name)
  }
  return out.map((s) => s.trim()).filter((s) => s.length > 0 && !/^https?:\/\//i.test(s))
}

/** A string field of a JSON-LD node, or null. */
export function ldString(node: LdNode | null, key: string): string | null {
  const v = node?.[key]
  if (typeof v === 'string' && v.trim() !== '') return v.trim()
  if (Array.isArray(v) && typeof v[0] === 'string' && v[0].trim() !== '') return v[0].trim()
  return null
}
