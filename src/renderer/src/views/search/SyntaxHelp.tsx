/** The query language, as the help popover shows it. */
export const QUERY_SYNTAX: { example: string; meaning: string }[] = [
  { example: 'panjshir resistance', meaning: 'both words, anywhere in the article' },
  { example: '"complete victory"', meaning: 'exactly this phrase' },
  { example: 'talks OR negotiations', meaning: 'either word' },
  { example: 'taliban -russia', meaning: 'leave out articles with a word' },
  { example: 'NEAR(saleh valley, 5)', meaning: 'words within 5 words of each other' },
  { example: 'negotiat*', meaning: 'words starting with…' },
  { example: 'masood~', meaning: 'this word and its spelling variants (Massoud, Masoud)' },
  { example: 'title:ceasefire', meaning: 'in the headline only' },
  { example: 'outlet:tass  byline:  place:  lang:en', meaning: 'filter by outlet, author, dateline place, language' },
  { example: 'after:2021-08-15 before:2021-09-01', meaning: 'published in a date range (honours month/year precision)' },
  { example: 'has:events  tag:verified', meaning: 'articles cited by events, or carrying a tag' }
]

/** Query syntax reference, shown from the "?" next to the search box. */
export function SyntaxHelp({ onClose }: { onClose(): void }): React.JSX.Element {
  return (
    <div
      className="popover syntax-help"
      role="dialog"
      aria-label="Search syntax"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <div className="modal-head">
        <h3>Search syntax</h3>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close search syntax" autoFocus>
          ✕
        </button>
      </div>
      <table>
        <tbody>
          {QUERY_SYNTAX.map((r) => (
            <tr key={r.example}>
              <td>
                <code>{r.example}</code>
              </td>
              <td>{r.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">The Fuzzy switch treats every word as word~. Anything the parser cannot read as syntax is searched literally, and it tells you how it read the query.</p>
    </div>
  )
}
