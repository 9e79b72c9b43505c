import type { EntitySummary } from '../../../../shared/entities'
import { useApiMutation, useQueryClient } from '../../data/hooks'
import { invalidateEntities } from '../../data/invalidation'

export interface EntityEdits {
  rename(name: string): Promise<void>
  setHidden(hidden: boolean): Promise<void>
  /** Folds `ids` into this entity, which stays. */
  merge(ids: number[]): Promise<void>
  /** Moves the mentions written in `aliases` to a new entity; resolves to it. */
  split(aliases: string[]): Promise<EntitySummary | undefined>
}

/**
 * The user's corrections to one entity. Each is one undoable action in the backend, so the
 * chronology's Undo (and Ctrl+Z) takes it back; the entity answers are asked again here as well,
 * since a correction touches no event and names no article the change event could point at.
 */
export function useEntityEdits(id: number): EntityEdits {
  const qc = useQueryClient()
  const refresh = (): void => void invalidateEntities(qc)
  const renameEntity = useApiMutation('renameEntity', { onSuccess: refresh })
  const hide = useApiMutation('setEntityHidden', { onSuccess: refresh })
  const mergeEntities = useApiMutation('mergeEntities', { onSuccess: refresh })
  const splitEntity = useApiMutation('splitEntity', { onSuccess: refresh })
  return {
    rename: async (name) => void (await renameEntity.run({ id, name })),
    setHidden: async (hidden) => void (await hide.run({ id, hidden })),
    merge: async (ids) => void (await mergeEntities.run({ into: id, ids })),
    split: async (aliases) => (await splitEntity.run({ id, aliases }))?.created
  }
}
