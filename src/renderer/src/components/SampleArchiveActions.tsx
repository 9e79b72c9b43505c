import { useState } from 'react'
import type { RecentArchive } from '../../../shared/archive'
import type { ArchiveInfo } from '../../../shared/types'
import { useApiMutation, useQueryClient } from '../data/hooks'
import { count } from '../lib/format'

/** The label the sample archive goes by wherever an archive is named. */
export const SAMPLE_ARCHIVE_LABEL = 'Sample archive'

interface Props {
  /** The open archive. */
  info: ArchiveInfo
  /** The sample archive's row of the recent list, when it exists. */
  sample: RecentArchive | undefined
  onOpen(path: string): void
  /** After the sample was removed (and, if it was open, the app went back to the user's archive). */
  onRemoved(): void
}

/**
 * The archive menu's part for the separate sample archive: one click to open it, one action
 * (confirmed) to remove it. Removal names no folder: the backend removes only the marked sample.
 */
export function SampleArchiveActions({ info, sample, onOpen, onRemoved }: Props): React.JSX.Element | null {
  const [confirming, setConfirming] = useState(false)
  const qc = useQueryClient()
  const remove = useApiMutation('removeSampleArchive', {
    onSuccess: () => {
      setConfirming(false)
      void qc.invalidateQueries({ queryKey: ['listRecentArchives'] })
      onRemoved()
    }
  })
  if (!sample) return null
  const what = info.sample ? ` (${count(info.articleCount)} articles, ${count(info.eventCount)} events)` : ''
  return (
    <div className="sample-actions" role="group" aria-label={SAMPLE_ARCHIVE_LABEL}>
      {!sample.current && (
        <button type="button" onClick={() => onOpen(sample.path)}>
          Open the {SAMPLE_ARCHIVE_LABEL.toLowerCase()}
        </button>
      )}
      {confirming ? (
        <div className="sample-confirm" role="alertdialog" aria-labelledby="sample-confirm-text">
          <p id="sample-confirm-text">
            Remove the sample archive and everything in it{what}? {info.sample ? 'You go back to your own archive; it' : 'Your own archive'} is not
            touched.
          </p>
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => void remove.run({})}>
            Remove sample archive
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="link-button" onClick={() => setConfirming(true)}>
          Remove the sample archive…
        </button>
      )}
    </div>
  )
}
