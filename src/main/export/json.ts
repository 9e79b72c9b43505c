/** JSON export: the whole chronology with its citations; schema in docs/export-json-schema.md. */
import type { CitedArticle, Citation, ChronologyEvent } from '../../shared/chronology'
import { humanizeEdtfString } from '../../shared/edtf'
import { annalistLink, locator } from './footnotes'
import { exportedCitations, resolveOptions, type ExportInput, type ResolvedOptions } from './model'

/** Names the document type, so a reader can tell an Annalist export from other JSON. */
export const JSON_EXPORT_FORMAT = 'annalist-chronology'
/** Bumped on any change that could break a reader of the format. */
export const JSON_EXPORT_VERSION = 1

function citationJson(c: Citation, o: ResolvedOptions): Record<string, unknown> {
  return {
    id: c.id,
    articleId: c.articleId,
    stance: c.stance,
    passage: {
      exact: o.quotes ? c.anchor.exact : null,
      prefix: o.quotes ? c.anchor.prefix : null,
      suffix: o.quotes ? c.anchor.suffix : null,
      start: c.anchor.start,
      end: c.anchor.end
    },
    textHash: c.textHash,
    orphaned: c.orphaned,
    paragraph: c.paragraph,
    page: c.page,
    locator: locator(c),
    note: c.note,
    link: o.links ? annalistLink(c) : null,
    createdAt: c.createdAt
  }
}

function eventJson(e: ChronologyEvent, o: ResolvedOptions): Record<string, unknown> {
  return {
    id: e.id,
    title: e.title,
    note: e.note,
    date: { edtf: e.date.edtf, earliest: e.date.earliest, latest: e.date.latest, display: humanizeEdtfString(e.date.edtf) },
    status: e.status,
    tags: e.tags,
    people: e.people,
    organisations: e.organisations,
    places: e.places,
    chronologyIds: e.chronologyIds,
    citations: exportedCitations(e, o).map((c) => citationJson(c, o)),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt
  }
}

function articleJson(a: CitedArticle): Record<string, unknown> {
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    byline: a.byline,
    published: a.published ? { ...a.published, display: humanizeEdtfString(a.published.edtf) } : null,
    url: a.url,
    fileName: a.fileName,
    language: a.language ?? null,
    capture: a.capture ?? null
  }
}

/** Every article the exported citations point at, by id. */
export function citedArticles(events: ChronologyEvent[], o: Pick<ResolvedOptions, 'bothSides'>): CitedArticle[] {
  const byId = new Map<number, CitedArticle>()
  for (const e of events) for (const c of exportedCitations(e, o)) if (!byId.has(c.articleId)) byId.set(c.articleId, c.article)
  return [...byId.values()].sort((a, b) => a.id - b.id)
}

/** Renders the chronology as versioned JSON (two-space indent, trailing newline). */
export function renderJson(input: ExportInput): string {
  const o = resolveOptions(input)
  const opts = input.options
  const doc = {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    title: o.title,
    preamble: o.preamble,
    generatedAt: o.generatedAt,
    chronology: input.chronology ? { id: input.chronology.id, name: input.chronology.name, description: input.chronology.description } : null,
    selection: {
      from: opts.from ?? null,
      to: opts.to ?? null,
      tags: opts.tags ?? [],
      statuses: opts.statuses ?? [],
      quotes: o.quotes,
      bothSides: o.bothSides
    },
    events: input.events.map((e) => eventJson(e, o)),
    articles: citedArticles(input.events, o).map(articleJson)
  }
  return JSON.stringify(doc, null, 2) + '\n'
}
