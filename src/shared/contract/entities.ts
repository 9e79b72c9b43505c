/** Contract rows of named entities: lists, pages, mentions, the map, and the user's corrections. */
import * as z from 'zod/mini'
import {
  NAMED_KINDS,
  type EntityExtractionProgress,
  type EntityGraph,
  type EntityPage,
  type EntitySummary,
  type MapPlace,
  type Mention
} from '../entities'
import { method, returns } from './method'
import { flag, id, list, name, offset, prefix, text, whole } from './schemas'

const kind = z.optional(z.enum(NAMED_KINDS))
const day = z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')))

export const entityMethods = {
  /** Entities by most articles first, filtered by kind and by a prefix of any alias (any script). */
  listEntities: method({
    args: z.strictObject({
      kind,
      prefix: z.optional(prefix),
      includeHidden: flag,
      limit: z.optional(whole(1, 1000)),
      offset: z.optional(whole(0, 10_000_000))
    }),
    result: returns<{ entities: EntitySummary[]; total: number }>(),
    access: 'read'
  }),
  /** One entity with its passages (paged), events and most frequent companions. */
  getEntity: method({
    args: z.strictObject({ id, passageLimit: z.optional(whole(1, 500)), passageOffset: z.optional(whole(0, 10_000_000)) }),
    result: returns<EntityPage>(),
    access: 'read'
  }),
  /** The co-occurrence graph around one entity. */
  entityGraph: method({
    args: z.strictObject({ id, limit: z.optional(whole(1, 100)) }),
    result: returns<EntityGraph>(),
    access: 'read'
  }),
  /** Every mention in one article, in text order, for the Reader. */
  articleMentions: method({
    args: z.strictObject({ articleId: id }),
    result: returns<Mention[]>(),
    access: 'read'
  }),
  /** The entities mentioned inside a passage: the actors offered for an event citing it. */
  passageEntities: method({
    args: z.strictObject({ articleId: id, start: offset, end: offset }),
    result: returns<EntitySummary[]>(),
    access: 'read'
  }),
  /** Places with coordinates, with their articles and events, limited to a date range and/or a chronology. */
  mapPlaces: method({
    args: z.strictObject({ chronologyId: z.optional(id), from: day, to: day, limit: z.optional(whole(1, 5000)) }),
    result: returns<MapPlace[]>(),
    access: 'read'
  }),
  /** Merges entities into `into` (kept); the decision survives re-extraction. Undoable. */
  mergeEntities: method({
    args: z.strictObject({ into: id, ids: list(id, 1, 1000) }),
    result: returns<EntitySummary>(),
    access: 'write'
  }),
  /** Moves the mentions written in `aliases` to a new entity. Survives re-extraction. Undoable. */
  splitEntity: method({
    args: z.strictObject({ id, aliases: list(name, 1, 1000) }),
    result: returns<{ kept: EntitySummary; created: EntitySummary }>(),
    access: 'write'
  }),
  /** Sets the display name. Undoable. */
  renameEntity: method({
    args: z.strictObject({ id, name: text(1, 500) }),
    result: returns<EntitySummary>(),
    access: 'write'
  }),
  /** Hides an entity from lists, facets and the Reader (or shows it again). Undoable. */
  setEntityHidden: method({
    args: z.strictObject({ id, hidden: z.boolean() }),
    result: returns<EntitySummary>(),
    access: 'write'
  }),
  /**
   * Extracts entities over the whole archive again (or only the given articles, or with `stale`
   * only those whose names were found by an earlier version's rules: `ArchiveInfo.staleEntityArticles`),
   * keeping the user's merges, splits, renames and hides. Progress arrives as `entitiesProgress`.
   */
  extractEntities: method({
    args: z.strictObject({ jobId: text(1, 100), articleIds: z.optional(list(id, 1, 1_000_000)), stale: flag }),
    result: returns<EntityExtractionProgress>(),
    access: 'write'
  }),
  /** Stops a running extraction; what was stored stays. */
  cancelEntityExtraction: method({
    args: z.strictObject({ jobId: text(1, 100) }),
    result: returns<{ cancelled: boolean }>(),
    access: 'write'
  })
}
