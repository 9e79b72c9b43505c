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
  deleteEntityRow,
  entityIdByKey,
  entityIdsByKey,
  entitySlot,
  fillEntityPlace,
  insertEntity,
  insertMentions,
  moveEntityMentions,
  placeKeysOf,
  putPlaceKey,
  recountEntities,
  type NewMention,
  type SpellingCount
} from '../archive/repo/entity-writes'
import { clearStaleEntities } from '../archive/repo/entity-rules'
import { Decisions } from './decisions'
import { articleGroupKeys, gazetteerKey, nameGroupKey, spellingKey, type FoundMention } from './group'

/** The user's decisions as they stand, for storing many articles. */
export function loadDecisions(db: Db): Decisions {
  return new Decisions(allDecisions(db))
}

/**
 * Replaces an article's mentions with `found`, taking the old ones off their entities' counts and
 * adding the new; returns how many mentions were stored. Mentions with nothing to key are dropped.
 * `found` comes from this build's rules, so the article is no longer stale.
 */
export function storeArticleMentions(db: Db, articleId: number, found: readonly FoundMention[], decisions = loadDecisions(db)): number {
  const before = articleSpellingCounts(db, articleId)
  if (before.length > 0) {
    countArticleMentions(db, before, -1)
    deleteArticleMentions(db, articleId)
  }
  const mentions = knownKinds(db, found, decisions)
  const keys = articleGroupKeys(mentions)
  // Every spelling the gazetteer placed is learnt before any is looked up, so "the province of
  // Baglan" finds the Baghlan named further down the same article.
  const learnt = new Set<string>()
  for (const m of mentions) {
    const geo = gazetteerKey(m)
    if (!geo) continue
    for (const k of [spellingKey(m), nameGroupKey('place', m.text)]) {
      if (!learnt.has(k)) putPlaceKey(db, k, geo)
      learnt.add(k)
    }
  }
  // A place the gazetteer did not place takes the place its spelling was seen naming.
  const byPlaceKey = (m: FoundMention, i: number): boolean => m.kind === 'place' && keys[i] !== '' && !gazetteerKey(m)
  const placed = placeKeysOf(db, mentions.flatMap((m, i) => (byPlaceKey(m, i) ? [keys[i]!] : [])))
  const resolved = mentions.map((m, i) => {
    const extracted = keys[i]!
    if (extracted === '') return ''
    return decisions.resolve(m.kind, byPlaceKey(m, i) ? (placed.get(extracted) ?? extracted) : extracted, m.text)
  })
  // The entities named are looked up at once; those the article brings are added as it names them.
  const ids = entityIdsByKey(
    db,
    mentions.flatMap((m, i) => (resolved[i] === '' ? [] : [[m.kind, resolved[i]!] as const]))
  )
  const rows: NewMention[] = []
  const located = new Set<number>()
  const newPeople = new Map<number, string>()
  mentions.forEach((m, i) => {
    const key = resolved[i]!
    if (key === '') return
    const slot = entitySlot(m.kind, key)
    let id = ids.get(slot)
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
      if (m.kind === 'person' && key.includes(' ')) newPeople.set(id, m.text)
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
  for (const [id, text] of newPeople) adoptEarlierGuess(db, id, text, decisions)
  clearStaleEntities(db, articleId)
  return rows.length
}

/**
 * A person named in full for the first time takes the organisation an earlier article guessed
 * under the same name ("Ashraf Ghani" bare in one article, "President Ashraf Ghani" in the next),
 * as `knownKinds` turns later guesses into the person: the archive's answer does not depend on
 * which article came in first. A stored guess keeps no mark of being one, so only an organisation
 * keyed by the full name itself is taken, and none the user has made any decision about.
 */
function adoptEarlierGuess(db: Db, personId: number, text: string, decisions: Decisions): void {
  const key = nameGroupKey('org', text)
  if (decisions.touches('org', key)) return
  const orgId = entityIdByKey(db, 'org', key)
  if (orgId !== undefined) absorbEntity(db, orgId, personId)
}

/** Moves every mention of one entity to another, recounts both and deletes the one emptied. */
export function absorbEntity(db: Db, fromId: number, intoId: number): void {
  moveEntityMentions(db, fromId, intoId)
  recountEntities(db, [fromId, intoId])
  deleteEntityRow(db, fromId)
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
function knownKinds(db: Db, found: readonly FoundMention[], decisions: Decisions): readonly FoundMention[] {
  const guessed = [...new Set(found.filter(guessedOrg).map((m) => m.text))]
  if (guessed.length === 0) return found
  const spellings = guessed.map((text) => nameGroupKey('place', text))
  const placed = placeKeysOf(db, spellings)
  const candidates = guessed.map((text, i) => {
    const person = nameGroupKey('person', text)
    return {
      person: person.includes(' ') ? decisions.resolve('person', person, text) : null,
      place: decisions.resolve('place', placed.get(spellings[i]!) ?? spellings[i]!, text)
    }
  })
  const known = entityIdsByKey(db, [
    ...candidates.flatMap((c) => (c.person === null ? [] : [['person', c.person] as const])),
    ...candidates.map((c) => ['place', c.place] as const)
  ])
  const kindOf = new Map<string, FoundMention['kind']>()
  guessed.forEach((text, i) => {
    const c = candidates[i]!
    if (c.person !== null && known.has(entitySlot('person', c.person))) kindOf.set(text, 'person')
    else if (known.has(entitySlot('place', c.place))) kindOf.set(text, 'place')
  })
  // A lone surname the article guessed too follows its full name there ("Amrullah Saleh fled …
  // led by Saleh"); `articleGroupKeys` then joins it to the one full name ending with it.
  const surnames = new Set<string>()
  for (const [text, kind] of kindOf) {
    const key = nameGroupKey('person', text)
    if (kind === 'person') surnames.add(key.slice(key.lastIndexOf(' ') + 1))
  }
  for (const text of guessed) if (!kindOf.has(text) && !text.includes(' ') && surnames.has(nameGroupKey('person', text))) kindOf.set(text, 'person')
  return found.map((m) => {
    const kind = guessedOrg(m) ? kindOf.get(m.text) : undefined
    return kind ? { ...m, kind } : m
  })
}

/** A name the extractor took for an organisation only as a last resort. */
function guessedOrg(m: FoundMention): boolean {
  return m.guessed === true && m.kind === 'org'
}
