import { useCallback, useEffect, useState } from 'react'
import { api } from '../api/client'
import { refusalMessage } from './format'

/** "Deleted 12 articles." with an Undo that reverses exactly that deletion. */
export interface DeleteNotice {
  text: string
  undo(): void
}

interface Options {
  openId: number | null
  /** The open article was deleted. */
  onOpenDeleted(): void
  /** Something the views show changed. */
  onChanged(): void
  onError(message: string): void
  /** Runs a call, reporting its error; resolves to undefined when it failed. */
  attempt<T>(fn: () => Promise<T>): Promise<T | undefined>
}

/**
 * Deletes articles as one undoable action and keeps the notice offering to undo it. The notice
 * goes with the next change in the archive: after that, its Undo would no longer mean "put back
 * what I just deleted", and the backend would refuse it anyway.
 */
export function useDeleteArticles({ openId, onOpenDeleted, onChanged, onError, attempt }: Options): {
  deleteArticles(ids: number[]): Promise<void>
  notice: DeleteNotice | null
} {
  const [shown, setShown] = useState<(DeleteNotice & { actionId: number }) | null>(null)

  useEffect(() => {
    const dismiss = (): void => setShown(null)
    // The delete's own change event may arrive after its answer; it must not take the notice away.
    const offChronology = api.onChronologyChanged((c) => setShown((n) => (n && c.actionId === n.actionId ? n : null)))
    const offImport = api.onImportProgress(dismiss)
    const offArchive = api.onArchiveChanged(dismiss)
    return () => {
      offChronology()
      offImport()
      offArchive()
    }
  }, [])

  const deleteArticles = useCallback(
    async (ids: number[]) => {
      setShown(null)
      const r = await attempt(() => api.deleteArticles({ ids }))
      if (!r) return
      if (openId !== null && r.deleted.some((a) => a.id === openId)) onOpenDeleted()
      onChanged()
      if (r.refused.length > 0) onError(refusalMessage(r.refused))
      const { actionId } = r
      if (actionId === null) return
      const n = r.deleted.length
      setShown({
        actionId,
        text: `Deleted ${n} article${n === 1 ? '' : 's'}.`,
        undo: () => {
          setShown(null)
          void attempt(() => api.undo({ actionId })).then(onChanged)
        }
      })
    },
    [openId, onOpenDeleted, onChanged, onError, attempt]
  )

  return { deleteArticles, notice: shown }
}
