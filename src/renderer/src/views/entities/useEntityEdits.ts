import type { EntitySummary } from '../../../../shared/entities'
import { useApiMutation } from '../../data/hooks'

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
 * chronology's Undo (and Ctrl+Z) takes it back; each announces a `chronologyChanged` naming
 * nothing, which refreshes everything shown.
 */
export function useEntityEdits(id: number): EntityEdits {
  const renameEntity = useApiMutation('renameEntity')
  const hide = useApiMutation('setEntityHidden')
  const mergeEntities = useApiMutation('mergeEntities')
  const splitEntity = useApiMutation('splitEntity')
  return {
    rename: async (name) => void (await renameEntity.run({ id, name })),
    setHidden: async (hidden) => void (await hide.run({ id, hidden })),
    merge: async (ids) => void (await mergeEntities.run({ into: id, ids })),
    split: async (aliases) => (await splitEntity.run({ id, aliases }))?.created
  }
}
