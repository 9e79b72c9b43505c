import { useMutationState } from '@tanstack/react-query'
import { useConnection } from '../data/context'

/**
 * The app-wide "connection lost" state: shown while the browser-mode server cannot be reached.
 * Reads wait and run again on their own; changes started meanwhile wait too, and the banner
 * counts them so nobody thinks they were saved.
 */
export function ConnectionBanner(): React.JSX.Element | null {
  const state = useConnection()
  const waiting = useMutationState({ filters: { predicate: (m) => m.state.isPaused } }).length
  if (state.kind !== 'lost') return null
  return (
    <div className="connection-lost" role="status" aria-live="polite">
      <strong>Connection lost — retrying…</strong>{' '}
      <span>
        The Annalist server cannot be reached (was it stopped?). What you typed stays here, and everything carries on by itself once it is back
        {waiting > 0 ? ` — ${waiting === 1 ? '1 change waits' : `${waiting} changes wait`} to be saved until then.` : '; changes wait until then.'}
      </span>
    </div>
  )
}
