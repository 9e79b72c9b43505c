import { SearchX } from 'lucide-react'

interface Props {
  fuzzy: boolean
  /** The query narrows by outlet, date, place, tag or language as well as by words. */
  filtered: boolean
  onFuzzy(): void
  onHelp(): void
}

/** What a search that found nothing offers instead of a blank list: the next things to try. */
export function NoResults({ fuzzy, filtered, onFuzzy, onHelp }: Props): React.JSX.Element {
  return (
    <div className="empty-state" data-testid="no-results">
      <SearchX className="icon empty-icon" />
      <p className="empty-title">No article matches this search.</p>
      <ul className="empty-tips">
        {!fuzzy && (
          <li>
            Names are often spelled several ways.{' '}
            <button type="button" onClick={onFuzzy}>
              Turn on Fuzzy
            </button>{' '}
            to match spelling variants (Masood, Massoud).
          </li>
        )}
        {filtered && <li>The filters (outlet:, after:, tag:…) may leave nothing to match; remove one to widen the search.</li>}
        <li>
          Fewer words, a prefix (<code>taliba*</code>) or <code>OR</code> find more.{' '}
          <button type="button" onClick={onHelp}>
            Search syntax
          </button>
        </li>
      </ul>
    </div>
  )
}
