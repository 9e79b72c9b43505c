/**
 * The user's corrections of entities: merge, split, rename, hide. Each is one undoable action
 * (the undo journal reverses exactly its rows) that changes the stored entities and records a
 * decision keyed by what re-extraction computes again (a grouping key or a spelling), so the
 * correction is applied again to mentions extracted later.
 */
import type { Db } from '../archive/db'
import { journaledAction } from '../archive/journal'
import { entityRecord, entitySummaries, type EntityRecord } from '../archive/repo/entities'
import {
  deleteDecision,
  deleteEntityRow,
  entityIdByKey,
  insertEntity,
  mentionSpellings,
  moveEntityMentions,
  moveMentions,
  putDecision,
  recountEntities,
  repointDecisions,
  setEntityHiddenColumn,
  setEntityUserName
} from '../archive/repo/entity-writes'
import { AnnalistError } from '../../shared/errors'
import type { EntitySummary } from '../../shared/entities'
import { spellingOf } from './group'

/** What a correction returns: its result and the undo action it was recorded as. */
export interface Corrected<T> {
  value: T
  actionId: number | null
}

function requireEntity(db: Db, id: number): EntityRecord {
  const e = entityRecord(db, id)
  if (!e) throw new AnnalistError('not-found', `no entity with id ${id}`)
  return e
}

function summary(db: Db, id: number): EntitySummary {
  return entitySummaries(db, [id])[0]!
}

/** Merges `ids` into `into`: their mentions, spellings and later extractions go to it. */
export function mergeEntities(db: Db, into: number, ids: readonly number[]): Corrected<EntitySummary> {
  const target = requireEntity(db, into)
  const sources = [...new Set(ids)].filter((id) => id !== into).map((id) => requireEntity(db, id))
  if (sources.length === 0) throw new AnnalistError('invalid-argument', `merge needs at least one entity other than ${into}`)
  for (const s of sources) {
    if (s.kind !== target.kind) {
      throw new AnnalistError('invalid-argument', `cannot merge ${s.kind} "${s.userName ?? s.name}" (id ${s.id}) into ${target.kind} "${target.userName ?? target.name}"`)
    }
  }
  const label = `Merge ${sources.map((s) => `"${s.userName ?? s.name}"`).join(', ')} into "${target.userName ?? target.name}"`
  return journaledAction(db, label, () => {
    for (const s of sources) {
      repointDecisions(db, s.kind, s.key, target.key)
      putDecision(db, { kind: s.kind, action: 'merge', subject: s.key, value: target.key })
      deleteDecision(db, s.kind, 'rename', s.key)
      deleteDecision(db, s.kind, 'hide', s.key)
      moveEntityMentions(db, s.id, target.id)
      deleteEntityRow(db, s.id)
    }
    recountEntities(db, [target.id])
    return summary(db, target.id)
  })
}

/** Moves the mentions written in `aliases` to an entity of their own, now and in later extractions. */
export function splitEntity(db: Db, id: number, aliases: readonly string[]): Corrected<{ kept: EntitySummary; created: EntitySummary }> {
  const source = requireEntity(db, id)
  const wanted = new Set(aliases.map(spellingOf))
  const spellings = mentionSpellings(db, id)
  const present = new Set(spellings.map((m) => spellingOf(m.text)))
  const missing = [...wanted].filter((a) => !present.has(a))
  if (missing.length > 0) {
    throw new AnnalistError('invalid-argument', `"${source.userName ?? source.name}" (id ${id}) is never written "${missing[0]}"`)
  }
  const moving = spellings.filter((m) => wanted.has(spellingOf(m.text)))
  if (moving.length === spellings.length) {
    throw new AnnalistError('invalid-argument', `splitting every spelling of "${source.userName ?? source.name}" (id ${id}) would leave nothing: rename it instead`)
  }
  // The new key is the split spellings', kept apart from any extracted key by its marker.
  const key = `${source.key}|${[...wanted].sort()[0]!}`
  const label = `Split ${[...wanted].map((a) => `"${a}"`).join(', ')} from "${source.userName ?? source.name}"`
  // The new entity's row is made outside the action: articles stored after the split may point at
  // it, and undo must not delete a row they use (undo takes its mentions and decision away).
  const created =
    entityIdByKey(db, source.kind, key) ??
    db.transaction(() =>
      insertEntity(db, { kind: source.kind, key, name: moving[0]!.text, userName: null, hidden: false, lat: null, lon: null, country: null })
    )()
  return journaledAction(db, label, () => {
    for (const spelling of wanted) putDecision(db, { kind: source.kind, action: 'split', subject: spelling, value: key })
    moveMentions(
      db,
      id,
      moving.map((m) => m.text),
      created
    )
    recountEntities(db, [id, created])
    return { kept: summary(db, id), created: summary(db, created) }
  })
}

/** Sets the name the entity is shown by, whatever spellings later extractions find. */
export function renameEntity(db: Db, id: number, name: string): Corrected<EntitySummary> {
  const e = requireEntity(db, id)
  const clean = name.trim().replace(/\s+/g, ' ')
  if (clean === '') throw new AnnalistError('invalid-argument', `entity ${id} needs a name`)
  return journaledAction(db, `Rename "${e.userName ?? e.name}" to "${clean}"`, () => {
    putDecision(db, { kind: e.kind, action: 'rename', subject: e.key, value: clean })
    setEntityUserName(db, id, clean)
    return summary(db, id)
  })
}

/** Hides an entity from lists, facets and the Reader, or shows it again. */
export function setEntityHidden(db: Db, id: number, hidden: boolean): Corrected<EntitySummary> {
  const e = requireEntity(db, id)
  return journaledAction(db, `${hidden ? 'Hide' : 'Show'} "${e.userName ?? e.name}"`, () => {
    if (hidden) putDecision(db, { kind: e.kind, action: 'hide', subject: e.key, value: '1' })
    else deleteDecision(db, e.kind, 'hide', e.key)
    setEntityHiddenColumn(db, id, hidden)
    return summary(db, id)
  })
}
