/**
 * Storing one article's mentions: grouped into entities by key, through the user's decisions,
 * replacing whatever was extracted from the article before. Runs inside the caller's transaction
 * (the import's, or an extraction batch's), never journaled: extraction is not a user action,
 * and the decisions it applies are what undo restores.
 */
import type { Db } from '../archive/db'
import {
  allDecisions,
  countArticleMentions,
  deleteArticleMentions,
  entityIdByKey,
  fillEntityPlace,
  insertEntity,
  insertMentions,
  placeKeyOf,
  putPlaceKey,
  type NewMention
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
  countArticleMentions(db, articleId, -1)
  deleteArticleMentions(db, articleId)
  const keys = articleGroupKeys(found)
  const rows: NewMention[] = []
  const ids = new Map<string, number>()
  found.forEach((m, i) => {
    let extracted = keys[i]!
    if (extracted === '') return
    const geo = gazetteerKey(m)
    if (geo) for (const k of new Set([spellingKey(m), nameGroupKey('place', m.text)])) putPlaceKey(db, k, geo)
    else if (m.kind === 'place') extracted = placeKeyOf(db, extracted) ?? extracted
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
    } else if (m.place && !ids.has(slot)) {
      fillEntityPlace(db, id, m.place.lat, m.place.lon, m.place.country)
    }
    ids.set(slot, id)
    rows.push({ entityId: id, start: m.start, end: m.end, text: m.text, key: extracted })
  })
  insertMentions(db, articleId, rows)
  countArticleMentions(db, articleId, 1)
  return rows.length
}
