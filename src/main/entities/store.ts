/**
 * Storing one article's mentions: grouped into entities by key, through the user's decisions,
 * replacing whatever was extracted from the article before. Runs inside the caller's transaction
 * (the import's, or an extraction batch's), never journaled: extraction is not a user action,
 * and the decisions it applies are what undo restores.
 */
import type { Db } from '../archive/db'
import {
  allDecisions,
  articleSpellingCounts,
  countArticleMentions,
  deleteArticleMentions,
  entityIdByKey,
  fillEntityPlace,
  insertEntity,
  insertMentions,
  placeKeyOf,
  putPlaceKey,
  type NewMention,
  type SpellingCount
} from '../archive/repo/entity-writes'
import { Decisions } from './decisions'
import { articleGroupKeys, gazetteerKey, nameGroupKey, spellingKey, type FoundMention } from './group'

/** The user's decisions as they stand, for storing many articles. */
export function loadDecisions(db: Db): Decisions {
  return new Decisions(allDecisions(db))
}

/**
 * Replaces an article's mentions with `found`, taking the old ones off their entities' counts and
 * adding the new; returns how many mentions were stored. Mentions with nothing to key are dropped.
 */
export function storeArticleMentions(db: Db, articleId: number, found: readonly FoundMention[], decisions = loadDecisions(db)): number {
  const before = articleSpellingCounts(db, articleId)
  if (before.length > 0) {
    countArticleMentions(db, before, -1)
    deleteArticleMentions(db, articleId)
  }
  // A guessed name recurs through an article: each spelling is looked up once.
  const guessedAs = new Map<string, FoundMention['kind']>()
  const mentions = found.map((m) => {
    if (!m.guessed || m.kind !== 'org') return m
    let kind = guessedAs.get(m.text)
    if (kind === undefined) guessedAs.set(m.text, (kind = knownKind(db, m, decisions).kind))
    return kind === m.kind ? m : { ...m, kind }
  })
  const keys = articleGroupKeys(mentions)
  const rows: NewMention[] = []
  const ids = new Map<string, number>()
  const located = new Set<number>()
  // Every spelling the gazetteer placed is learnt before any is looked up, so "the province of
  // Baglan" finds the Baghlan named further down the same article.
  for (const m of mentions) {
    const geo = gazetteerKey(m)
    if (geo) for (const k of new Set([spellingKey(m), nameGroupKey('place', m.text)])) putPlaceKey(db, k, geo)
  }
  mentions.forEach((m, i) => {
    let extracted = keys[i]!
    if (extracted === '') return
    if (m.kind === 'place' && !gazetteerKey(m)) extracted = placeKeyOf(db, extracted) ?? extracted
    const key = decisions.resolve(m.kind, extracted, m.text)
    const slot = `${m.kind}\u0000${key}`
    let id = ids.get(slot) ?? entityIdByKey(db, m.kind, key)
    if (id === undefined) {
      id = insertEntity(db, {
        kind: m.kind,
        key,
        name: m.text,
        userName: decisions.get(m.kind, 'rename', key) ?? null,
        hidden: decisions.get(m.kind, 'hide', key) !== undefined,
        lat: m.place?.lat ?? null,
        lon: m.place?.lon ?? null,
        country: m.place?.country ?? null
      })
    } else if (m.place && !located.has(id)) {
      // The entity may have come from a spelling without coordinates, in this article or before.
      fillEntityPlace(db, id, m.place.lat, m.place.lon, m.place.country)
    }
    if (m.place) located.add(id)
    ids.set(slot, id)
    rows.push({ entityId: id, start: m.start, end: m.end, text: m.text })
  })
  insertMentions(db, articleId, rows)
  countArticleMentions(db, spellingCounts(rows), 1)
  return rows.length
}

/** The mentions about to be stored, counted by entity and spelling, as the stored ones are counted. */
function spellingCounts(rows: readonly NewMention[]): SpellingCount[] {
  const counts = new Map<number, Map<string, number>>()
  for (const r of rows) {
    let texts = counts.get(r.entityId)
    if (!texts) counts.set(r.entityId, (texts = new Map()))
    texts.set(r.text, (texts.get(r.text) ?? 0) + 1)
  }
  return [...counts].flatMap(([entityId, texts]) => [...texts].map(([text, n]) => ({ entityId, text, n })))
}

/**
 * A name the extractor took for an organisation only as a last resort is the person or place the
 * archive already knows under it ("Amrullah Saleh" named bare in one article, with his title in
 * another). Only a person's full name counts: a lone surname ("Ford") is too weak to outweigh a
 * company. Articles stored earlier keep their guess until extracted again (`entities --extract`).
 */
function knownKind(db: Db, m: FoundMention, decisions: Decisions): FoundMention {
  if (!m.guessed || m.kind !== 'org') return m
  const person = nameGroupKey('person', m.text)
  if (person.includes(' ') && entityIdByKey(db, 'person', decisions.resolve('person', person, m.text)) !== undefined) return { ...m, kind: 'person' }
  const spelling = nameGroupKey('place', m.text)
  const place = placeKeyOf(db, spelling) ?? spelling
  if (entityIdByKey(db, 'place', decisions.resolve('place', place, m.text)) !== undefined) return { ...m, kind: 'place' }
  return m
}
