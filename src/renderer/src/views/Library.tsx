import type { ArticleSummary } from '../../../shared/types'

interface Props {
  articles: ArticleSummary[]
  total: number
  selected: number | null
  onSelect(id: number): void
}

/** The list of imported articles. */
export function Library({ articles, total, selected, onSelect }: Props): React.JSX.Element {
  return (
    <section className="pane library" aria-label="Library">
      <h2 className="pane-title">
        Library <span className="count">{total}</span>
      </h2>
      {articles.length === 0 ? (
        <p className="empty">Drop text files, web pages, PDFs or e-mails anywhere in this window.</p>
      ) : (
        <ul className="article-list" role="listbox" aria-label="Articles">
          {articles.map((a) => (
            <li key={a.id} role="option" aria-selected={a.id === selected}>
              <button type="button" className="article-row" onClick={() => onSelect(a.id)}>
                <span className="article-title">{a.title}</span>
                <span className="article-meta">
                  {[a.outlet, a.published?.edtf, `${a.words} words`].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
