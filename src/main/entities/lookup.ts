/** Finding entities by what a user types (a search filter): any spelling, any script. */
import type { Db } from '../archive/db'
import { articleIdsMentioning } from '../archive/repo/entities'
import type { NamedKind } from '../../shared/entities'
import { nameGroupKey } from './group'
import { loadDecisions } from './store'

/**
 * Articles mentioning an entity of `kind` named by `text`: its grouping key (so Masood finds
 * Massoud and Масуд), where the user's merges lead that key, a full name holding it as a word,
 * or a display name containing the text.
 */
export function articlesMentioning(db: Db, kind: NamedKind, text: string): number[] {
  const key = nameGroupKey(kind, text)
  const keys = key === '' ? [] : [...new Set([key, loadDecisions(db).resolve(kind, key, text)])]
  return articleIdsMentioning(db, kind, keys, text.trim())
}
