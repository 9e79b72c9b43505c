import type { Expansion } from '../../../../shared/search'
import { count } from '../../lib/format'
import { useApiMutation, useQueryClient } from '../../data/hooks'

interface Props {
  /** The query text the expansions answer: dropped spellings are remembered for it. */
  query: string
  expansions: Record<string, Expansion[]>
}

/**
 * The other spellings a query also matched, each with its article count; a fuzzy word's spelling
 * can be dropped (and taken back) with a click, remembered for this query in the archive.
 */
export function AlsoMatched({ query, expansions }: Props): React.JSX.Element | null {
  const qc = useQueryClient()
  const setDropped = useApiMutation('setDroppedSpellings', { onSuccess: () => void qc.invalidateQueries({ queryKey: ['search'] }) })
  const words = Object.entries(expansions).filter(([, list]) => list.length > 0)
  if (words.length === 0) return null
  const dropped = words.flatMap(([, list]) => list.filter((e) => e.dropped).map((e) => e.term))
  const toggle = (e: Expansion): void => {
    const next = e.dropped ? dropped.filter((t) => t !== e.term) : [...dropped, e.term]
    void setDropped.run({ query, spellings: next })
  }
  return (
    <div className="also-matched" data-testid="also-matched" role="group" aria-label="Also matched">
      {'also matched: '}
      {words.map(([word, list]) => (
        <span key={word} className="also-word">
          {list.map((e) =>
            e.kind === 'completion' ? (
              <span key={e.term} className="chip chip-static">
                {e.term} <span className="chip-count">{count(e.articles)}</span>
              </span>
            ) : (
              <button
                key={e.term}
                type="button"
                className={`chip chip-${e.kind}${e.dropped ? ' chip-dropped' : ''}`}
                aria-pressed={!e.dropped}
                title={e.dropped ? `Match ${e.term} again for this query` : `Stop matching ${e.term} (${e.kind === 'typo' ? 'a possible typo' : 'a spelling variant'} of ${word}) for this query`}
                onClick={() => toggle(e)}
              >
                {e.term} <span className="chip-count">{count(e.articles)}</span>
                {e.kind === 'typo' && <span className="chip-kind"> typo</span>} <span aria-hidden="true">{e.dropped ? '+' : '×'}</span>
              </button>
            )
          )}
        </span>
      ))}
    </div>
  )
}
