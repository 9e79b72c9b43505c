import { useCallback, useEffect, useState } from 'react'
import { useApi } from '../data/context'
import { useApiMutation, useReport } from '../data/hooks'
import { refusalMessage } from './format'

/** "Deleted 12 articles." with an Undo that reverses exactly that deletion. */
export interface DeleteNotice {
  text: string
  undo(): void
}

/**
 * Deletes articles as one undoable action and keeps the notice offering to undo it. The notice
 * goes with the next change in the archive: after that, its Undo would no longer mean "put back
 * what I just deleted", and the backend would refuse it anyway.
 */
export function useDeleteArticles(openId: number | null, onOpenDeleted: () => void): {
  deleteArticles(ids: number[]): Promise<void>
  notice: DeleteNotice | null
} {
  const client = useApi()
  const report = useReport()
  const [shown, setShown] = useState<{ actionId: number; text: string } | null>(null)
  const remove = useApiMutation('deleteArticles')
  const undo = useApiMutation('undo')

  useEffect(() => {
    const dismiss = (): void => setShown(null)
    // The delete's own change event may arrive after its answer; it must not take the notice away.
    const offChronology = client.onChronologyChanged((c) => setShown((n) => (n && c.actionId === n.actionId ? n : null)))
    const offImport = client.onImportProgress(dismiss)
    const offArchive = client.onArchiveChanged(dismiss)
    return () => {
      offChronology()
      offImport()
      offArchive()
    }
  }, [client])

  const { run: runDelete } = remove
  const deleteArticles = useCallback(
    async (ids: number[]) => {
      setShown(null)
      const r = await runDelete({ ids })
      if (!r) return
      if (openId !== null && r.deleted.some((a) => a.id === openId)) onOpenDeleted()
      if (r.refused.length > 0) report(refusalMessage(r.refused))
      const n = r.deleted.length
      if (r.actionId !== null) setShown({ actionId: r.actionId, text: `Deleted ${n} article${n === 1 ? '' : 's'}.` })
    },
    [runDelete, openId, onOpenDeleted, report]
  )

  const { run: runUndo } = undo
  const notice = shown && {
    text: shown.text,
    undo: () => {
      setShown(null)
      void runUndo({ actionId: shown.actionId })
    }
  }
  return { deleteArticles, notice }
}
