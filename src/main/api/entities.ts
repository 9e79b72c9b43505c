import type { AnnalistApi } from '../../shared/api'
import { articleLabel } from '../../shared/article-label'
import { NAMED_KINDS, type EntityPassage, type EntityPage, type EntitySummary } from '../../shared/entities'
import { AnnalistError } from '../../shared/errors'
import { sentenceAt, sentenceSpans } from '../../shared/sentences'
import {
  articleMentionList,
  entityEventRefs,
  entityIdsInPassage,
  entityPassageRows,
  entitySummaries,
  mapPlaceCounts,
  type PassageRow
} from '../archive/repo/entities'
import { listEntityIds } from '../archive/repo/entity-lookup'
import { companionsOf, pairWeights } from '../entities/companions'
import { mergeEntities, renameEntity, setEntityHidden, splitEntity } from '../entities/corrections'
import { nameGroupKey } from '../entities/group'
import { extractMentions } from '../entities/extract'
import { extractArchive, type Extractor } from '../entities/job'
import { rekeyStoredEntities } from '../entities/rekey'
import type { Archive } from '../archive/archive'
import { ENTITY_RULES_VERSION } from '../version'
import type { BackendContext } from './context'

type EntityMethods =
  | 'listEntities'
  | 'getEntity'
  | 'entityGraph'
  | 'articleMentions'
  | 'passageEntities'
  | 'mapPlaces'
  | 'mergeEntities'
  | 'splitEntity'
  | 'renameEntity'
  | 'setEntityHidden'
  | 'extractEntities'
  | 'cancelEntityExtraction'

/** The sentence around a mention, from the text read around it. */
function passageOf(r: PassageRow): EntityPassage {
  const at = r.start - r.windowStart
  const len = r.end - r.start
  const sentence = sentenceAt(sentenceSpans(r.window), at) ?? { start: at, end: at + len }
  return {
    articleId: r.articleId,
    label: articleLabel(r),
    published: r.published?.edtf ?? null,
    start: r.start,
    end: r.end,
    text: r.text,
    snippet: { text: r.window.slice(sentence.start, sentence.end), start: at - sentence.start, end: at - sentence.start + len }
  }
}

/** Brings a writable archive's stored entity keys to this build's rules (`entities/rekey.ts`). */
export function prepareEntities(archive: Archive): void {
  if (!archive.readonly) rekeyStoredEntities(archive.db, ENTITY_RULES_VERSION)
}

/**
 * Named entities: reads answer from any reader; corrections are undoable actions announced as
 * `chronologyChanged` (the event undo already refreshes on); extraction reports `entitiesProgress`.
 */
export function entitiesApi(ctx: BackendContext, extract: Extractor = extractMentions): Pick<AnnalistApi, EntityMethods> {
  const db = () => ctx.archive.db
  const running = new Map<string, AbortController>()
  const require = (id: number): EntitySummary => {
    const e = entitySummaries(db(), [id])[0]
    if (!e) throw new AnnalistError('not-found', `no entity with id ${id}`)
    return e
  }
  const announce = (action: string, actionId: number | null): void =>
    ctx.emit('chronologyChanged', { action, eventIds: [], articleIds: [], ...(actionId === null ? {} : { actionId }) })
  return {
    async listEntities({ kind, prefix, includeHidden, limit, offset }) {
      const { ids, total } = listEntityIds(db(), {
        ...(kind ? { kind } : {}),
        ...(prefix ? { prefix, keyPrefixes: Object.fromEntries((kind ? [kind] : NAMED_KINDS).map((k) => [k, nameGroupKey(k, prefix)])) } : {}),
        includeHidden: includeHidden ?? false,
        limit: limit ?? 50,
        offset: offset ?? 0
      })
      return { entities: entitySummaries(db(), ids), total }
    },
    async getEntity({ id, passageLimit, passageOffset }): Promise<EntityPage> {
      const entity = require(id)
      const { rows, total } = entityPassageRows(db(), id, passageLimit ?? 20, passageOffset ?? 0)
      const { companions } = companionsOf(db(), id, 12)
      const summaries = new Map(entitySummaries(db(), companions.map((c) => c.id)).map((s) => [s.id, s]))
      return {
        entity,
        passages: rows.map(passageOf),
        passageTotal: total,
        events: entityEventRefs(db(), id),
        related: companions.flatMap((c) => {
          const s = summaries.get(c.id)
          return s ? [{ entity: s, together: c.together }] : []
        })
      }
    },
    async entityGraph({ id, limit }) {
      require(id)
      const { companions, articles } = companionsOf(db(), id, limit ?? 20)
      const ids = [id, ...companions.map((c) => c.id)]
      return { nodes: entitySummaries(db(), ids), edges: pairWeights(articles, ids) }
    },
    async articleMentions({ articleId }) {
      return articleMentionList(db(), articleId)
    },
    async passageEntities({ articleId, start, end }) {
      if (end < start) throw new AnnalistError('invalid-argument', `passage ${start}–${end} of article ${articleId} ends before it starts`)
      return entitySummaries(db(), entityIdsInPassage(db(), articleId, start, end))
    },
    async mapPlaces({ chronologyId, from, to, limit }) {
      const counts = mapPlaceCounts(db(), {
        ...(chronologyId !== undefined ? { chronologyId } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        limit: limit ?? 500
      })
      const summaries = new Map(entitySummaries(db(), counts.map((c) => c.id)).map((s) => [s.id, s]))
      return counts.flatMap((c) => {
        const entity = summaries.get(c.id)
        return entity ? [{ entity, articles: c.articles, events: entityEventRefs(db(), c.id, 20) }] : []
      })
    },
    async mergeEntities({ into, ids }) {
      const { value, actionId } = mergeEntities(db(), into, ids)
      announce('mergeEntities', actionId)
      return value
    },
    async splitEntity({ id, aliases }) {
      const { value, actionId } = splitEntity(db(), id, aliases)
      announce('splitEntity', actionId)
      return value
    },
    async renameEntity({ id, name }) {
      const { value, actionId } = renameEntity(db(), id, name)
      announce('renameEntity', actionId)
      return value
    },
    async setEntityHidden({ id, hidden }) {
      const { value, actionId } = setEntityHidden(db(), id, hidden)
      announce('setEntityHidden', actionId)
      return value
    },
    async extractEntities({ jobId, articleIds, stale }) {
      if (articleIds && stale) throw new AnnalistError('invalid-argument', 'extractEntities: give articleIds or stale, not both')
      if (running.has(jobId)) throw new AnnalistError('conflict', `entity extraction ${jobId} is already running`)
      const controller = new AbortController()
      running.set(jobId, controller)
      try {
        return await extractArchive(db(), {
          jobId,
          ...(articleIds ? { articleIds } : {}),
          onlyStale: stale === true,
          signal: controller.signal,
          extract,
          onProgress: (p) => ctx.emit('entitiesProgress', p)
        })
      } finally {
        running.delete(jobId)
      }
    },
    async cancelEntityExtraction({ jobId }) {
      const controller = running.get(jobId)
      controller?.abort()
      return { cancelled: controller !== undefined }
    }
  }
}
