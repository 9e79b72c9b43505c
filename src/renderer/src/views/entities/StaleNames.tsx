import { RefreshCw } from 'lucide-react'
import { count } from '../../lib/format'
import type { EntityRefresh } from './useEntityRefresh'

const articles = (n: number): string => `${count(n)} article${n === 1 ? '' : 's'}`

/**
 * Tells the user that some articles' names come from an earlier version's rules, and finds them
 * again on request, with progress and a way to stop. Nothing shows when all are up to date.
 */
export function StaleNames({ refresh }: { refresh: EntityRefresh }): React.JSX.Element | null {
  const { stale, running, ended, start, stop } = refresh
  if (running) {
    return (
      <div className="stale-names" role="status" data-testid="stale-names">
        <span>
          Finding names again: {count(running.done)} of {articles(running.total)}
        </span>
        <progress max={Math.max(1, running.total)} value={running.done} />
        <button type="button" onClick={stop}>
          Stop
        </button>
      </div>
    )
  }
  if (stale === 0) return null
  return (
    <div className="stale-names" role="status" data-testid="stale-names">
      <span>
        Names in {articles(stale)} were found by an earlier version of Annalist
        {ended?.state === 'cancelled' ? ' (stopped: what was found so far is kept)' : ''}
        {ended?.state === 'failed' ? ` (failed: ${ended.error?.message ?? 'unknown error'})` : ''}. Finding them again keeps your merges,
        splits, renames and hides.
      </span>
      <button type="button" onClick={start}>
        <RefreshCw className="icon" aria-hidden /> Find names again
      </button>
    </div>
  )
}
