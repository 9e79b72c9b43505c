/**
 * The search box language: words (all must match), "exact phrase", OR, -exclude, NEAR(a b, 5),
 * prefix taliba*, fuzzy masood~, field filters (title: outlet: byline: place: person: org: lang: tag: has:)
 * and dates (after: before:). `parseQuery` never throws: whatever it cannot read as syntax it
 * reads literally and says so in `warnings`; `readAs` restates the query in words. Nor can any
 * input make it (or what runs the tree) costly: the limits in `search-limits.ts` hold for nesting,
 * words and expansions, and it reads without backtracking or recursion past MAX_QUERY_NESTING.
 */
import { edtfBounds } from './edtf'
import type { DateRange, FilterField, ParsedQuery, QueryFilter, QueryLeaf, QueryNode } from './search'
import {
  MAX_EXPAND_LENGTH,
  MAX_EXPANDED_WORDS,
  MAX_NEAR_WORDS,
  MAX_NOTICE_QUOTE,
  MAX_QUERY_NESTING,
  MAX_QUERY_NOTICES,
  MAX_QUERY_WORDS
} from './search-limits'
import { tokenize } from './tokens'

export interface ParseOptions {
  /** The global fuzzy toggle: every plain word becomes `word~`. */
  fuzzy?: boolean
}

/** Words shorter than this are never expanded by the global fuzzy toggle (the, of, a…). */
export const MIN_FUZZY_LENGTH = 4
const DEFAULT_NEAR = 10
const MAX_NEAR = 1000

const FIELD_ALIASES: Record<string, FilterField | 'title' | 'after' | 'before'> = {
  title: 'title',
  outlet: 'outlet',
  source: 'outlet',
  byline: 'byline',
  by: 'byline',
  place: 'place',
  person: 'person',
  org: 'org',
  organisation: 'org',
  organization: 'org',
  lang: 'lang',
  language: 'lang',
  tag: 'tag',
  has: 'has',
  after: 'after',
  before: 'before'
}

type Item =
  | { type: 'node'; node: QueryNode; negate: boolean }
  | { type: 'filter'; filter: QueryFilter }
  | { type: 'date'; which: 'after' | 'before'; day: string }

class Reader {
  i = 0
  readonly warnings: string[] = []
  private readonly said = new Set<string>()
  private unsaid = 0
  /** Words, filters and dates read so far, against MAX_QUERY_WORDS. */
  private words = 0
  /** Fuzzy and prefix words so far, against MAX_EXPANDED_WORDS. */
  private expanded = 0
  /** The word budget ran out: the rest of the input is ignored. */
  full = false
  /** `(` read without grouping (past MAX_QUERY_NESTING) whose `)` is still to come. */
  flatOpens = 0
  /** A NEAR( after the last `)` has no close; knowing where it is saves a scan per NEAR(. */
  readonly lastClose: number
  constructor(
    readonly s: string,
    readonly fuzzy: boolean
  ) {
    this.lastClose = s.lastIndexOf(')')
  }

  eof(): boolean {
    return this.i >= this.s.length
  }
  skipWs(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++
  }
  warn(message: string): void {
    if (this.said.has(message)) return
    this.said.add(message)
    if (this.warnings.length < MAX_QUERY_NOTICES) this.warnings.push(message)
    else this.unsaid++
  }
  /** The notices, the ones past MAX_QUERY_NOTICES counted in a last one. */
  notices(): string[] {
    return this.unsaid ? [...this.warnings, `…and ${this.unsaid} more notices`] : this.warnings
  }
  /** How many of `n` more words fit in MAX_QUERY_WORDS; when not all do, the rest of the query is dropped. */
  take(n: number): number {
    const taken = Math.min(n, MAX_QUERY_WORDS - this.words)
    this.words += taken
    if (taken < n) {
      this.full = true
      this.warn(`only the first ${MAX_QUERY_WORDS} words and filters were read; the rest of the query was ignored`)
    }
    return taken
  }
  /** Whether one more word may be fuzzy or a prefix (MAX_EXPANDED_WORDS). */
  expandOne(): boolean {
    if (this.expanded >= MAX_EXPANDED_WORDS) return false
    this.expanded++
    return true
  }
  /** The bare word starting here (up to whitespace, a parenthesis or a quote). */
  peekWord(): string {
    const m = /^[^\s()"]+/.exec(this.s.slice(this.i))
    return m ? m[0] : ''
  }
}

function isOperatorWord(r: Reader, word: string): boolean {
  return r.peekWord() === word
}

/** Typed text as a notice quotes it: a pasted page is not echoed back whole. */
function clip(text: string): string {
  return text.length > MAX_NOTICE_QUOTE ? `${text.slice(0, MAX_NOTICE_QUOTE)}…` : text
}

function termNode(r: Reader, raw: string, field: 'title' | null): QueryNode | null {
  let end = raw.length
  let prefix = false
  let fuzzy = false
  for (; end > 0 && (raw[end - 1] === '*' || raw[end - 1] === '~'); end--) {
    if (raw[end - 1] === '*') prefix = true
    else fuzzy = true
  }
  let tokens = tokenize(raw.slice(0, end))
  if (tokens.length === 0) {
    r.warn(`ignored ${JSON.stringify(clip(raw))}: it has no letters or digits`)
    return null
  }
  if (prefix && fuzzy) {
    r.warn(`${clip(raw)}: a word is either a prefix (*) or fuzzy (~); read as the prefix ${clip(tokens.join(' '))}*`)
    fuzzy = false
  }
  if (fuzzy && tokens.length > 1) {
    r.warn(`${clip(raw)}: ~ applies to single words; read as the exact phrase "${clip(tokens.join(' '))}"`)
    fuzzy = false
  }
  const taken = r.take(tokens.length)
  if (taken === 0) return null
  if (taken < tokens.length) {
    // Cut short, the last word is no longer the one typed with *.
    tokens = tokens.slice(0, taken)
    prefix = false
  }
  if ((prefix || fuzzy) && tokens[tokens.length - 1]!.length > MAX_EXPAND_LENGTH) {
    r.warn(`${clip(raw)}: words longer than ${MAX_EXPAND_LENGTH} letters are matched exactly, without ${prefix ? '*' : '~'}`)
    prefix = fuzzy = false
  }
  const text = tokens.join(' ')
  if (tokens.length > 1 && !prefix) return { kind: 'phrase', text, field }
  let globalFuzzy = r.fuzzy && !prefix && text.length >= MIN_FUZZY_LENGTH && text.length <= MAX_EXPAND_LENGTH
  if ((prefix || fuzzy || globalFuzzy) && !r.expandOne()) {
    r.warn(`only the first ${MAX_EXPANDED_WORDS} fuzzy and prefix words (~, * or the Fuzzy switch) are expanded; later ones are matched exactly`)
    prefix = fuzzy = globalFuzzy = false
    if (tokens.length > 1) return { kind: 'phrase', text, field }
  }
  return { kind: 'term', text, prefix, fuzzy: fuzzy || globalFuzzy, field }
}

function quotedNode(r: Reader, inner: string, field: 'title' | null): QueryNode | null {
  let tokens = tokenize(inner)
  if (tokens.length === 0) {
    r.warn(`ignored the phrase "${clip(inner)}": it has no letters or digits`)
    return null
  }
  const taken = r.take(tokens.length)
  if (taken === 0) return null
  tokens = tokens.slice(0, taken)
  const text = tokens.join(' ')
  // A quoted single word is an explicit request for that exact word: no fuzzy expansion.
  if (tokens.length === 1) return { kind: 'term', text, prefix: false, fuzzy: false, field }
  return { kind: 'phrase', text, field }
}

function readNear(r: Reader): QueryNode | null {
  const start = r.i
  const close = start + 5 > r.lastClose ? -1 : r.s.indexOf(')', start + 5)
  if (close < 0) {
    r.warn('NEAR( has no closing ")"; read as plain words')
    r.i = start + 5
    return null
  }
  r.i = close + 1
  let body = r.s.slice(start + 5, close)
  let distance = DEFAULT_NEAR
  // The last comma by index: a regex for "comma, spaces, the rest" backtracks on long runs of spaces.
  const comma = body.lastIndexOf(',')
  if (comma >= 0) {
    const given = body.slice(comma + 1).trim()
    body = body.slice(0, comma)
    const n = Number(given)
    if (Number.isInteger(n) && n >= 0) distance = Math.min(n, MAX_NEAR)
    else r.warn(`NEAR distance "${clip(given)}" is not a whole number; used ${DEFAULT_NEAR}`)
  }
  const words = body
    .split(/\s+/)
    .map((w) => tokenize(w))
    .filter((t) => t.length > 0)
  if (words.length === 0) {
    r.warn('NEAR() with no words ignored')
    return null
  }
  // Cut to MAX_NEAR_WORDS tokens: a hyphenated run (a-b-c-…) is one typed word but many tokens.
  const terms: string[] = []
  let room = MAX_NEAR_WORDS
  for (const tokens of words) {
    if (room === 0) break
    const kept = tokens.slice(0, room)
    room -= kept.length
    terms.push(kept.join(' '))
  }
  if (terms.length < words.length || words[terms.length - 1]!.length > terms[terms.length - 1]!.split(' ').length) {
    r.warn(`NEAR() takes up to ${MAX_NEAR_WORDS} words; the rest were dropped`)
  }
  if (terms.length === 1) {
    if (words.length === 1) r.warn(`NEAR() needs two or more words; read as ${clip(terms[0]!)}`)
    return quotedNode(r, terms[0]!, null)
  }
  if (r.take(MAX_NEAR_WORDS - room) < MAX_NEAR_WORDS - room) return null
  return { kind: 'near', terms, distance }
}

function readQuoted(r: Reader): string | null {
  const close = r.s.indexOf('"', r.i + 1)
  if (close < 0) return null
  const inner = r.s.slice(r.i + 1, close)
  r.i = close + 1
  return inner
}

function readField(r: Reader, name: string, negate: boolean): Item | null {
  const field = FIELD_ALIASES[name.toLowerCase()]!
  let value: string
  let quoted = false
  if (r.s[r.i] === '"') {
    const inner = readQuoted(r)
    if (inner === null) {
      r.warn(`${name}: has an unmatched quote; read the rest as its value`)
      value = r.s.slice(r.i + 1)
      r.i = r.s.length
    } else {
      value = inner
      quoted = true
    }
  } else {
    value = r.peekWord()
    r.i += value.length
  }
  value = value.trim()
  if (!value) {
    r.warn(`${name}: with nothing after it ignored`)
    return null
  }
  if (field !== 'title' && r.take(1) === 0) return null
  if (field === 'title') {
    const node = quoted ? quotedNode(r, value, 'title') : termNode(r, value, 'title')
    return node ? { type: 'node', node, negate } : null
  }
  if (field === 'after' || field === 'before') {
    const bounds = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) ? edtfBounds(value) : null
    if (!bounds) {
      r.warn(`${name}:${clip(value)} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); ignored`)
      return null
    }
    if (negate) r.warn(`-${name}: read as ${name}: (dates cannot be excluded)`)
    return { type: 'date', which: field, day: field === 'after' ? bounds.earliest : bounds.latest }
  }
  if (field === 'has') {
    const known = /^events?$/i.test(value) ? 'events' : /^(?:unknown-year|year-unknown)$/i.test(value) ? 'unknown-year' : null
    if (known === null) {
      r.warn(`has:${clip(value)} is not known (only has:events and has:unknown-year); ignored`)
      return null
    }
    return { type: 'filter', filter: { field, values: [known], negate } }
  }
  return { type: 'filter', filter: { field, values: [field === 'lang' ? value.toLowerCase() : value], negate } }
}

function readPrimary(r: Reader, negate: boolean, depth: number): Item | null {
  const c = r.s[r.i]!
  if (c === '(') {
    r.i++
    const items = readSeq(r, depth + 1)
    const node = buildAnd(r, items, 'group')
    return node ? { type: 'node', node, negate } : null
  }
  if (c === '"') {
    const start = r.i
    const inner = readQuoted(r)
    if (inner === null) {
      r.warn('unmatched quote: read the words after it as plain words')
      r.i = start + 1
      return null
    }
    const node = quotedNode(r, inner, null)
    return node ? { type: 'node', node, negate } : null
  }
  if (r.s.startsWith('NEAR(', r.i)) {
    const node = readNear(r)
    return node ? { type: 'node', node, negate } : null
  }
  const field = /^([A-Za-z]+):/.exec(r.s.slice(r.i))
  if (field && FIELD_ALIASES[field[1]!.toLowerCase()] !== undefined) {
    r.i += field[0].length
    return readField(r, field[1]!, negate)
  }
  const word = r.peekWord()
  r.i += word.length
  const node = termNode(r, word, null)
  return node ? { type: 'node', node, negate } : null
}

function readUnary(r: Reader, depth: number): Item | null {
  // Loops rather than recursing: past MAX_QUERY_NESTING a "(" is skipped and what follows it is
  // read here as if the parenthesis were not there, however many "-(" follow.
  for (;;) {
    let negate = false
    if (r.s[r.i] === '-') {
      const next = r.s[r.i + 1]
      if (next === undefined || /\s/.test(next)) {
        r.warn('a "-" on its own was ignored')
        r.i++
        return null
      }
      negate = true
      r.i++
    } else if (isOperatorWord(r, 'NOT')) {
      r.i += 3
      r.skipWs()
      if (r.eof() || r.s[r.i] === ')') {
        r.warn('NOT at the end read as the word "not"')
        return literalWord(r, 'not')
      }
      negate = true
    }
    if (r.s[r.i] === ')') return null
    if (r.s[r.i] !== '(' || depth < MAX_QUERY_NESTING) return readPrimary(r, negate, depth)
    r.warn(`parentheses nested deeper than ${MAX_QUERY_NESTING} levels were ignored; the words inside were read without them`)
    if (negate) r.warn(`a "-" or NOT before a group nested deeper than ${MAX_QUERY_NESTING} levels was ignored`)
    r.i++
    r.flatOpens++
    r.skipWs()
    if (r.eof()) return null
  }
}

/** An operator read as the plain word it spells. */
function literalWord(r: Reader, text: 'or' | 'not'): Item | null {
  if (r.take(1) === 0) return null
  return { type: 'node', node: { kind: 'term', text, prefix: false, fuzzy: false, field: null }, negate: false }
}

function mergeFilters(items: Item[]): Item | null {
  const filters = items.filter((i): i is Extract<Item, { type: 'filter' }> => i.type === 'filter')
  const first = filters[0]
  if (!first || filters.length !== items.length) return null
  if (filters.some((f) => f.filter.field !== first.filter.field || f.filter.negate !== first.filter.negate)) return null
  return {
    type: 'filter',
    filter: { ...first.filter, values: [...new Set(filters.flatMap((f) => f.filter.values))] }
  }
}

function readOr(r: Reader, depth: number): Item[] {
  if (isOperatorWord(r, 'OR')) {
    r.warn('OR with nothing before it read as the word "or"')
    r.i += 2
    const literal = literalWord(r, 'or')
    return literal ? [literal] : []
  }
  const first = readUnary(r, depth)
  const alternatives: Item[] = first ? [first] : []
  const trailing: Item[] = []
  while (!r.full) {
    let save = r.i
    r.skipWs()
    // The ")" of a group read without its parentheses: `(a OR b) OR c` there is a OR b OR c.
    while (r.flatOpens > 0 && r.s[r.i] === ')') {
      r.i++
      r.flatOpens--
      r.skipWs()
      save = r.i
    }
    if (!isOperatorWord(r, 'OR')) {
      r.i = save
      break
    }
    r.i += 2
    r.skipWs()
    while (isOperatorWord(r, 'OR')) {
      r.warn('a repeated OR was read as one')
      r.i += 2
      r.skipWs()
    }
    if (r.eof() || r.s[r.i] === ')') {
      r.warn('OR with nothing after it read as the word "or"')
      const literal = literalWord(r, 'or')
      if (literal) trailing.push(literal)
      break
    }
    const next = readUnary(r, depth)
    if (next) alternatives.push(next)
  }
  if (alternatives.length <= 1) return [...alternatives, ...trailing]
  const merged = mergeFilters(alternatives)
  if (merged) return [merged, ...trailing]
  const nodes: QueryNode[] = []
  const pulled: Item[] = []
  for (const a of alternatives) {
    if (a.type !== 'node') {
      r.warn('filters and dates inside OR apply to the whole query')
      pulled.push(a)
    } else if (isNegativeOnly(a.node)) {
      r.warn('an excluded group cannot be one side of OR; ignored')
    } else {
      if (a.negate) r.warn('"-" inside OR ignored (OR needs words to find)')
      nodes.push(a.node)
    }
  }
  const orNode = flattenOr(nodes)
  return orNode ? [{ type: 'node', node: orNode, negate: false }, ...pulled, ...trailing] : [...pulled, ...trailing]
}

function flattenOr(nodes: QueryNode[]): QueryNode | null {
  const flat = nodes.flatMap((n) => (n.kind === 'or' ? n.children : [n]))
  if (flat.length === 0) return null
  return flat.length === 1 ? flat[0]! : { kind: 'or', children: flat }
}

function isNegativeOnly(node: QueryNode): boolean {
  return node.kind === 'and' && node.children.length === 0
}

function readSeq(r: Reader, depth: number): Item[] {
  const items: Item[] = []
  for (;;) {
    r.skipWs()
    if (r.full) {
      r.i = r.s.length
      return items
    }
    if (r.eof()) {
      if (depth > 0) r.warn('a "(" was never closed; the group runs to the end')
      return items
    }
    if (r.s[r.i] === ')') {
      r.i++
      if (r.flatOpens > 0) {
        r.flatOpens--
        continue
      }
      if (depth > 0) return items
      r.warn('a ")" with no "(" before it was ignored')
      continue
    }
    if (isOperatorWord(r, 'AND')) {
      r.i += 3
      continue
    }
    const before = r.i
    items.push(...readOr(r, depth))
    if (r.i === before) r.i++
  }
}

/** Groups items into an AND node; filters and dates are lifted out to `lifted`. */
function buildAnd(r: Reader, items: Item[], where: 'group' | 'top', lifted?: Item[]): QueryNode | null {
  const children: QueryNode[] = []
  const exclude: QueryNode[] = []
  for (const item of items) {
    if (item.type !== 'node') {
      if (where === 'group') liftedItems(r).push(item)
      else lifted?.push(item)
      continue
    }
    const node = item.node
    if (isNegativeOnly(node) && node.kind === 'and') {
      if (item.negate) r.warn('a double exclusion -( -word ) was ignored')
      else exclude.push(...node.exclude)
      continue
    }
    if (item.negate) exclude.push(node)
    else if (node.kind === 'and' && node.exclude.length === 0) children.push(...node.children)
    else children.push(node)
  }
  if (children.length === 0 && exclude.length === 0) return null
  if (children.length === 1 && exclude.length === 0) return children[0]!
  return { kind: 'and', children, exclude }
}

// Filters typed inside parentheses still apply to the whole query; the reader carries them up.
const liftedByReader = new WeakMap<Reader, Item[]>()
function liftedItems(r: Reader): Item[] {
  let list = liftedByReader.get(r)
  if (!list) liftedByReader.set(r, (list = []))
  return list
}

function describeNode(node: QueryNode, nested: boolean): string {
  switch (node.kind) {
    case 'term': {
      const word = node.prefix ? `${node.text}…` : node.fuzzy ? `${node.text} (or a similar spelling)` : node.text
      return node.field ? `${word} in the title` : word
    }
    case 'phrase':
      return node.field ? `"${node.text}" in the title` : `"${node.text}"`
    case 'near':
      return `${node.terms.join(', ')} within ${node.distance} words of each other`
    case 'or': {
      const text = node.children.map((c) => describeNode(c, true)).join(' or ')
      return nested ? `(${text})` : text
    }
    case 'and': {
      const parts = node.children.map((c) => describeNode(c, true)).join(' and ')
      const not = node.exclude.map((c) => describeNode(c, true)).join(' or ')
      const text = parts ? (not ? `${parts} but not ${not}` : parts) : `not ${not}`
      return nested ? `(${text})` : text
    }
  }
}

const FILTER_WORDS: Record<FilterField, [string, string]> = {
  outlet: ['outlet is', 'outlet is not'],
  byline: ['byline contains', 'byline does not contain'],
  place: ['place contains', 'place does not contain'],
  person: ['mentions person', 'does not mention person'],
  org: ['mentions organisation', 'does not mention organisation'],
  lang: ['language is', 'language is not'],
  tag: ['tagged', 'not tagged'],
  has: ['has', 'has no']
}

function describe(root: QueryNode | null, filters: QueryFilter[], dates: DateRange): string {
  const parts: string[] = []
  if (root) parts.push(describeNode(root, false))
  for (const f of filters) {
    const [yes, no] = FILTER_WORDS[f.field]
    parts.push(`${f.negate ? no : yes} ${f.values.map((v) => (f.field === 'has' ? v : `"${v}"`)).join(' or ')}`)
  }
  if (dates.after) parts.push(`published on or after ${dates.after}`)
  if (dates.before) parts.push(`published on or before ${dates.before}`)
  return parts.length ? parts.join('; ') : 'nothing to search for'
}

/** Parses the search box; never throws. */
export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const r = new Reader(input, options.fuzzy === true)
  const items = readSeq(r, 0)
  const lifted: Item[] = []
  const root = buildAnd(r, items, 'top', lifted)
  lifted.push(...liftedItems(r))
  const filters: QueryFilter[] = []
  const dates: DateRange = { after: null, before: null }
  for (const item of lifted) {
    if (item.type === 'filter') filters.push(item.filter)
    else if (item.type === 'date') {
      const current = dates[item.which]
      // Two after: (or before:) filters narrow to the stricter one.
      if (item.which === 'after') dates.after = current && current > item.day ? current : item.day
      else dates.before = current && current < item.day ? current : item.day
    }
  }
  if (dates.after && dates.before && dates.after > dates.before) {
    r.warn(`after:${dates.after} is later than before:${dates.before}; nothing can match`)
  }
  return {
    root,
    filters,
    dates,
    fuzzy: options.fuzzy === true,
    readAs: describe(root, filters, dates),
    warnings: r.notices()
  }
}

/** Every word node the query looks for (not excluded), with the field it is limited to. */
export function positiveLeaves(node: QueryNode | null): QueryLeaf[] {
  if (!node) return []
  switch (node.kind) {
    case 'term':
    case 'phrase':
    case 'near':
      return [node]
    case 'or':
      return node.children.flatMap(positiveLeaves)
    case 'and':
      return node.children.flatMap(positiveLeaves)
  }
}

/** Every word node of the tree, excluded ones included. */
export function allLeaves(node: QueryNode | null): QueryLeaf[] {
  if (!node) return []
  if (node.kind === 'and') return [...node.children, ...node.exclude].flatMap(allLeaves)
  if (node.kind === 'or') return node.children.flatMap(allLeaves)
  return [node]
}
