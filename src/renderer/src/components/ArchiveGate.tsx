import { useEffect, type ReactNode } from 'react'
import { AnnalistError } from '../../../shared/errors'
import type { ArchiveInfo } from '../../../shared/types'
import { useApi, useConnection } from '../data/context'
import { errorMessage } from '../data/errors'
import { useApiQuery, useQueryClient } from '../data/hooks'
import { apiKey } from '../data/keys'
import { PersistScope } from '../lib/persist'
import { ConnectionBanner } from './ConnectionBanner'
import { TokenScreen } from './TokenScreen'

/** What keys the UI state of one archive: its id, or its folder for an archive that has none yet. */
export function archiveScope(info: ArchiveInfo): string {
  return info.id ?? `path:${info.path}`
}

/**
 * Shows the workbench only once the backend has answered who it is: the token screen when it
 * refuses this page, never an empty-looking archive. The workbench is mounted per archive
 * (keyed by its id) with that archive's remembered UI state.
 */
export function ArchiveGate({ children }: { children: ReactNode }): React.JSX.Element {
  const client = useApi()
  const qc = useQueryClient()
  const connection = useConnection()
  const info = useApiQuery('getArchiveInfo', {}, { meta: { inline: true } })
  // The event names the new archive at once, so the old workbench never reads the new archive
  // under the old archive's remembered state. Every cached answer belonged to the old archive: a
  // "not found" for its open article must not greet that archive's workbench when it comes back.
  useEffect(
    () =>
      client.onArchiveChanged((next) => {
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'getArchiveInfo' })
        qc.setQueryData(apiKey('getArchiveInfo', {}), next)
      }),
    [client, qc]
  )

  const refused = connection.kind === 'unauthorized' || (info.error instanceof AnnalistError && info.error.code === 'unauthorized')
  if (refused) return <TokenScreen tokenGiven={connection.kind === 'unauthorized' ? connection.tokenGiven : true} />
  if (!info.data) {
    return (
      <main className="gate-waiting" aria-busy={!info.error}>
        <ConnectionBanner />
        <p role={info.error ? 'alert' : undefined}>{info.error ? `The archive could not be opened: ${errorMessage(info.error)}` : 'Opening the archive…'}</p>
      </main>
    )
  }
  const scope = archiveScope(info.data)
  return (
    <PersistScope.Provider key={scope} value={scope}>
      {children}
    </PersistScope.Provider>
  )
}
