import { useMutationState } from '@tanstack/react-query'
import type { BackupResult } from '../../../shared/archive'
import { baseName, bytes } from '../lib/format'

/**
 * The state of the latest File > Backup… of this session, read from the query cache's mutations
 * (the desktop menu starts it; a failure goes to the problem bar like any other write).
 */
export function BackupStatus(): React.JSX.Element | null {
  const states = useMutationState({ filters: { mutationKey: ['backupArchive'] }, select: (m) => m.state })
  const last = states[states.length - 1]
  if (!last || last.status === 'idle' || last.status === 'error') return null
  if (last.status === 'pending') {
    return (
      <span className="archive-stats" role="status">
        Backing up…
      </span>
    )
  }
  const result = last.data as BackupResult
  return (
    <span className="archive-stats" role="status" title={result.file}>
      Last backup: {baseName(result.file)} ({bytes(result.bytes)})
    </span>
  )
}
