/** Finding entities by what a user types (a search filter): any spelling, any script. */
import type { Db } from '../archive/db'
import { articleIdsMentioning } from '../archive/repo/entity-lookup'
import type { NamedKind } from '../../shared/entities'
import { decisionValue, placeKeysOf } from '../archive/repo/entity-writes'
import { resolveDecidedKey } from './decisions'
import { nameGroupKey } from './group'

/**
 * Articles mentioning an entity of `kind` named by `text`: its grouping key (so Masood finds
 * Massoud and Масуд), where the user's merges lead that key, a full name holding it as a word,
 * or a display name containing the text. A place's spelling first leads to the gazetteer place
 * it was seen naming, as when its mentions were stored: Baghlan finds the place the gazetteer
 * keys by its id, shown as Baglan.
 */
export function articlesMentioning(db: Db, kind: NamedKind, text: string): number[] {
  const key = nameGroupKey(kind, text)
  if (key === '') return articleIdsMentioning(db, kind, [], text.trim())
  const placed = kind === 'place' ? placeKeysOf(db, [key]).get(key) : undefined
  // The decisions on this name's way only: loading all of them cost 2.6 ms a search with 2,000.
  const resolved = resolveDecidedKey((k, a, s) => decisionValue(db, k, a, s), kind, placed ?? key, text)
  return articleIdsMentioning(db, kind, [...new Set([key, resolved])], text.trim())
}
