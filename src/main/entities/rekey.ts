/**
 * Stored keys brought to this build's rules. Extracting again re-keys every mention, but an
 * entity row keeps its key and the user's decisions keep theirs: left as they were, a rename or a
 * hide made under the old key would no longer find its entity, and the entity would be made
 * again under a new id. Each change of rules that rewrites keys says here how to rewrite a
 * stored one; it runs once per archive, when a writable backend first opens it.
 */
import type { Db } from '../archive/db'
import { entityKeysVersion, setEntityKeysVersion } from '../archive/repo/entity-rules'
import {
  allDecisions,
  deleteDecision,
  entityIdByKey,
  entityKeysOfKind,
  hasDecision,
  putDecision,
  setEntityHiddenColumn,
  setEntityKey,
  setEntityUserName
} from '../archive/repo/entity-writes'
import type { NamedKind } from '../../shared/entities'
import { foldPersonKey, placeKeyWithoutDivision } from './group'
import { absorbEntity, loadDecisions } from './store'

export function rekeyStoredEntities(db: Db, version: number): void {
  const from = entityKeysVersion(db)
  if (from === version) return
  db.transaction(() => {
    // Version 2 dropped a place's division word ("parwan pruvinki" → "parwan") and folded a
    // person's a, e and i after each first letter ("ahmad masud" → "ahmid misud").
    if (from === undefined || from < 2) {
      rekeyKind(db, 'place', placeKeyWithoutDivision)
      rekeyKind(db, 'person', foldPersonKey)
    }
    setEntityKeysVersion(db, version)
  })()
}

/** Every stored key of one kind, and every decision naming one, through `next`. */
function rekeyKind(db: Db, kind: NamedKind, next: (key: string) => string): void {
  const touched = new Map<number, string>()
  for (const { id, key } of entityKeysOfKind(db, kind)) {
    const to = next(key)
    if (to === key) continue
    // Two spellings may meet ("Parwan" beside "Parwan Province", Ahmad and Ahmed): one entity.
    const existing = entityIdByKey(db, kind, to)
    if (existing === undefined) setEntityKey(db, id, to)
    else absorbEntity(db, id, existing)
    touched.set(existing ?? id, to)
  }
  for (const d of allDecisions(db)) {
    if (d.kind !== kind) continue
    // A split's subject is a spelling, not a key; rename and hide keep a name or a flag as value.
    const subject = d.action === 'split' ? d.subject : next(d.subject)
    const value = d.action === 'merge' || d.action === 'split' ? next(d.value) : d.value
    if (subject === d.subject && value === d.value) continue
    deleteDecision(db, d.kind, d.action, d.subject)
    // What the user decided about the key arrived at stands; a merge of the two into each other is moot.
    if (subject !== d.subject && hasDecision(db, d.kind, d.action, subject)) continue
    if (d.action === 'merge' && subject === value) continue
    putDecision(db, { ...d, subject, value })
  }
  // An entity's own name and hidden mark are its key's decisions: one absorbed may have brought them.
  const decisions = loadDecisions(db)
  for (const [id, key] of touched) {
    setEntityUserName(db, id, decisions.get(kind, 'rename', key) ?? null)
    setEntityHiddenColumn(db, id, decisions.get(kind, 'hide', key) !== undefined)
  }
}
