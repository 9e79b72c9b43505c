import { SEARCH_SORTS as SORTS, type SearchResult, type SearchSort, type Snippet } from '../../../shared/search'
import { AnnalistError } from '../../../shared/errors'
import { wholeNumber } from '../args'
import { printJson, type CliIO, type CommandSpec } from '../command'

function marked(s: Snippet, io: CliIO): string {
  const [open, close] = io.isTTY ? ['\u001b[7m', '\u001b[27m'] : ['«', '»']
  let out = ''
  let at = 0
  for (const [start, end] of s.highlights) {
    out += s.text.slice(at, start) + open + s.text.slice(start, end) + close
    at = end
  }
  out += s.text.slice(at)
  return `${s.clippedStart ? '…' : ''}${out}${s.clippedEnd ? '…' : ''}`
}

/** The `--json` shape: exactly the fields scripts rely on. */
export function searchJson(result: SearchResult): unknown {
  return {
    query: { parsed: result.query.parsed },
    total: result.total,
    hits: result.hits.map((h) => ({
      articleId: h.articleId,
      title: h.title,
      outlet: h.outlet,
      published: h.published,
      score: h.score,
      snippets: h.snippets.map((s) => ({ text: s.text, highlights: s.highlights }))
    })),
    facets: result.facets,
    expansions: result.expansions
  }
}

function printText(io: CliIO, result: SearchResult): void {
  const { parsed } = result.query
  io.out(`Read as: ${parsed.readAs}\n`)
  for (const w of parsed.warnings) io.out(`Note: ${w}\n`)
  const also = Object.entries(result.expansions).map(
    ([word, list]) => `${word} → ${list.map((e) => `${e.term} (${e.articles}${e.kind === 'typo' ? ', typo' : ''}${e.dropped ? ', dropped' : ''})`).join(', ')}`
  )
  if (also.length) io.out(`Also matched: ${also.join('; ')}\n`)
  if (result.ranking === 'headline-then-date') {
    io.out('Too many matches to rank them all: headline matches first, then newest first.\n')
  }
  io.out('\n')
  for (const h of result.hits) {
    const meta = [h.outlet, h.published?.edtf, h.score ? `score ${h.score}` : null].filter(Boolean).join(' · ')
    io.out(`${String(h.articleId).padStart(6)}  ${h.title}\n`)
    if (meta) io.out(`        ${meta}\n`)
    for (const s of h.snippets) io.out(`        ${marked(s, io)}\n`)
    io.out('\n')
  }
  io.out(`${result.total} article${result.total === 1 ? '' : 's'} (${result.elapsedMs} ms)\n`)
}

/** `annalist search`: runs a query in the search-box language. */
export const searchCommand: CommandSpec = {
  name: 'search',
  summary: 'Search the archive (see "Search syntax" in the README)',
  args: [{ name: 'query', description: 'words in the search-box language; several arguments are joined with spaces', variadic: true }],
  json: true,
  options: [
    { name: 'limit', value: 'n', description: 'at most N hits, 1 to 1000 (default: 20)' },
    { name: 'offset', value: 'n', description: 'skip the first N hits' },
    { name: 'sort', value: 'order', choices: SORTS, description: 'order of the hits (default: rank)' },
    { name: 'fuzzy', description: 'also match words spelled a little differently' }
  ],
  async run(ctx) {
    const query = ctx.positionals.join(' ')
    if (!query.trim()) throw new AnnalistError('invalid-argument', 'give a query, e.g. annalist search "masood~ baghlan"')
    const sort = (ctx.values.sort as string | undefined) ?? 'rank'
    if (!(SORTS as readonly string[]).includes(sort)) throw new AnnalistError('invalid-argument', `unknown sort "${sort}"; use ${SORTS.join(', ')}`)
    const limit = wholeNumber(ctx.values, 'limit', 20, 1, 1000, 'a whole number from 1 to 1000')
    const offset = wholeNumber(ctx.values, 'offset', 0, 0)
    const result = await ctx.backend('read').api.search({ query, fuzzy: ctx.values.fuzzy === true, sort: sort as SearchSort, limit, offset })
    if (ctx.values.json) printJson(ctx.io, searchJson(result))
    else printText(ctx.io, result)
  }
}
