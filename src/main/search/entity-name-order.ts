import type { Db } from '../archive/db'
import { entitiesByName, entityNamesStamp } from '../archive/repo/entities'

/** What `place` says of a hidden entity. */
export const HIDDEN = -1
/** What `place` says of an entity absent when the order was read (made since, or put back by an undo). */
export const UNKNOWN = -2

/**
 * The visible entities in order of shown name, held by a search reader so that entity facets
 * break ties by name without reading the tied names: a medium word's search looked up 182 names
 * on average for the twenty or thirty it shows (0.3–0.9 ms of a 6–10 ms search at 100,000
 * articles). Read with the stamp migration 037 moves on every change of a shown name or hidden
 * flag and every deleted entity, and used only while the archive's stamp is still the same
 * (`EntityNameOrder.current`). Inserts do not move it: an entity absent when the order was read
 * (made since, or a deleted one an undo put back under its old id) is UNKNOWN to it.
 */
export class EntityNameOrder {
  private constructor(
    /** By entity id: its place in name order, HIDDEN or UNKNOWN. */
    private readonly places: Int32Array,
    /** By place: the visible entity's id. */
    private readonly ids: Int32Array,
    readonly stamp: number
  ) {}

  /** Reads the order; call inside a read transaction, so that the stamp goes with the names. */
  static load(db: Db): EntityNameOrder {
    const stamp = entityNamesStamp(db)
    const { visible, hidden } = entitiesByName(db)
    let maxId = 0
    for (const id of visible) maxId = Math.max(maxId, id)
    for (const id of hidden) maxId = Math.max(maxId, id)
    const places = new Int32Array(maxId + 1).fill(UNKNOWN)
    visible.forEach((id, place) => (places[id] = place))
    for (const id of hidden) places[id] = HIDDEN
    return new EntityNameOrder(places, Int32Array.from(visible), stamp)
  }

  /** Whether the archive's names are still those read. */
  current(db: Db): boolean {
    return entityNamesStamp(db) === this.stamp
  }

  /** The visible entity at a place in name order. */
  idAt(place: number): number {
    return this.ids[place]!
  }

  /** An entity's place in name order, HIDDEN, or UNKNOWN. */
  place(entityId: number): number {
    return entityId < this.places.length ? this.places[entityId]! : UNKNOWN
  }
}
