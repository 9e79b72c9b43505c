/**
 * FollowTheMoney export (the data model of Aleph and OpenAleph): line-delimited JSON, one entity
 * per line, `{id, schema, properties}` with every value a list of strings. Articles are
 * `Article`s, people `Person`s, organisations `Organization`s, places `Address`es (FTM's place
 * schema: a name, coordinates and a country), each spelling found in an article a `Mention`
 * (resolved to its Person or Organization; FTM resolves mentions to legal entities only, so a
 * place's mention carries its name and detected schema), and chronology events `Event`s with the
 * entities involved, their places and the cited articles as proof. Pure.
 */
import type { ChronologyEvent } from '../../shared/chronology'
import { edtfYearUnknown } from '../../shared/edtf'
import type { EntitySummary, NamedKind } from '../../shared/entities'
import type { ArticleForExport } from '../archive/repo/entities'

/** One spelling of one entity in one article. */
export interface FtmMention {
  articleId: number
  entityId: number
  text: string
}

export interface FtmInput {
  articles: readonly ArticleForExport[]
  entities: readonly EntitySummary[]
  mentions: readonly FtmMention[]
  events: readonly ChronologyEvent[]
}

interface FtmEntity {
  id: string
  schema: string
  properties: Record<string, string[]>
}

const SCHEMA: Record<NamedKind, string> = { person: 'Person', org: 'Organization', place: 'Address' }

/** FTM's longest text value (`bodyText`, `description`): longer article text is cut there. */
const MAX_TEXT = 65000

/** ISO 639-1 → the ISO 639-2/T codes FTM's language type takes, for the languages import detects. */
const LANGUAGES: Record<string, string> = {
  en: 'eng', fr: 'fra', de: 'deu', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', pl: 'pol', sv: 'swe', tr: 'tur', ro: 'ron',
  ru: 'rus', uk: 'ukr', bg: 'bul', ar: 'ara', fa: 'fas', zh: 'zho', ja: 'jpn', ko: 'kor', el: 'ell', he: 'heb', hi: 'hin'
}

const articleId = (id: number): string => `annalist-article-${id}`
const entityId = (e: Pick<EntitySummary, 'id' | 'kind'>): string => `annalist-${e.kind}-${e.id}`

/** An FTM date: EDTF's plain year, month or day; anything else (ranges, qualifiers, unknown year) has none. */
function ftmDate(edtf: string | null): string | null {
  return edtf && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(edtf) ? edtf : null
}

function props(entries: Record<string, (string | null | undefined)[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [key, values] of Object.entries(entries)) {
    const kept = [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))]
    if (kept.length) out[key] = kept
  }
  return out
}

function articleEntity(a: ArticleForExport, named: Map<NamedKind, string[]>): FtmEntity {
  return {
    id: articleId(a.id),
    schema: 'Article',
    properties: props({
      title: [a.title],
      name: [a.title],
      bodyText: [a.text.slice(0, MAX_TEXT)],
      publisher: [a.outlet],
      author: [a.byline],
      sourceUrl: [a.url],
      fileName: [a.fileName],
      publishedAt: [ftmDate(a.published)],
      language: [a.language ? LANGUAGES[a.language.slice(0, 2).toLowerCase()] : null],
      peopleMentioned: named.get('person') ?? [],
      companiesMentioned: named.get('org') ?? [],
      locationMentioned: named.get('place') ?? []
    })
  }
}

function namedEntity(e: EntitySummary): FtmEntity {
  const country = e.country?.toLowerCase() ?? null
  const common = { name: [e.name], alias: e.aliases.filter((a) => a !== e.name), country: [country] }
  const place: Record<string, (string | undefined)[]> =
    e.kind === 'place' ? { full: [e.name], latitude: [e.lat?.toString()], longitude: [e.lon?.toString()] } : {}
  return { id: entityId(e), schema: SCHEMA[e.kind], properties: props({ ...common, ...place }) }
}

function mentionEntity(m: FtmMention, e: EntitySummary): FtmEntity {
  return {
    id: `annalist-mention-${m.articleId}-${e.id}-${encodeURIComponent(m.text)}`,
    schema: 'Mention',
    properties: props({
      document: [articleId(m.articleId)],
      resolved: [e.kind === 'place' ? null : entityId(e)],
      name: [m.text],
      detectedSchema: [SCHEMA[e.kind]],
      contextCountry: [e.kind === 'place' ? (e.country?.toLowerCase() ?? null) : null]
    })
  }
}

/** Entities of a kind an event names, found by any of their spellings (case folded). */
function byAlias(entities: readonly EntitySummary[]): Map<string, EntitySummary> {
  const map = new Map<string, EntitySummary>()
  for (const e of entities) for (const a of e.aliases) map.set(`${e.kind}\u0000${a.toLowerCase()}`, e)
  return map
}

function eventEntity(ev: ChronologyEvent, aliases: Map<string, EntitySummary>): FtmEntity {
  const find = (kind: NamedKind, names: readonly string[]): EntitySummary[] =>
    names.flatMap((n) => aliases.get(`${kind}\u0000${n.toLowerCase()}`) ?? [])
  const plain = ftmDate(ev.date.edtf)
  const known = !edtfYearUnknown(ev.date.edtf)
  const places = find('place', ev.places)
  const cited = [...ev.citations].sort((a, b) => a.articleId - b.articleId)
  return {
    id: `annalist-event-${ev.id}`,
    schema: 'Event',
    properties: props({
      name: [ev.title],
      date: [plain],
      startDate: [plain || !known ? null : ev.date.earliest],
      endDate: [plain || !known ? null : ev.date.latest],
      description: [ev.note],
      summary: [ev.status === 'reported' ? null : ev.status],
      involved: [...find('person', ev.people), ...find('org', ev.organisations)].map(entityId),
      location: ev.places,
      addressEntity: places.map(entityId),
      country: places.map((p) => p.country?.toLowerCase()),
      proof: cited.map((c) => articleId(c.articleId)),
      sourceUrl: cited.map((c) => c.article.url)
    })
  }
}

/** The archive as FollowTheMoney entities, one JSON object per line, in a stable order. */
export function renderFtm(input: FtmInput): string {
  const entities = new Map(input.entities.map((e) => [e.id, e]))
  const namedIn = new Map<number, Map<NamedKind, string[]>>()
  for (const m of input.mentions) {
    const e = entities.get(m.entityId)
    if (!e) continue
    let kinds = namedIn.get(m.articleId)
    if (!kinds) namedIn.set(m.articleId, (kinds = new Map()))
    kinds.set(e.kind, [...(kinds.get(e.kind) ?? []), m.text])
  }
  const aliases = byAlias(input.entities)
  const out: FtmEntity[] = [
    ...input.articles.map((a) => articleEntity(a, namedIn.get(a.id) ?? new Map())),
    ...input.entities.map(namedEntity),
    ...input.mentions.flatMap((m) => {
      const e = entities.get(m.entityId)
      return e ? [mentionEntity(m, e)] : []
    }),
    ...input.events.map((ev) => eventEntity(ev, aliases))
  ]
  return out.map((e) => JSON.stringify(e)).join('\n') + (out.length ? '\n' : '')
}
