import type { ArticleDetail } from '../../../shared/types'

/** Clean text of the selected article with paragraph numbers. */
export function Reader({ article }: { article: ArticleDetail | null }): React.JSX.Element {
  if (!article) {
    return (
      <section className="pane reader" aria-label="Reader">
        <p className="empty">Select an article to read it.</p>
      </section>
    )
  }
  return (
    <section className="pane reader" aria-label="Reader">
      <article>
        <h2 className="reader-title">{article.title}</h2>
        {article.dek && <p className="reader-dek">{article.dek}</p>}
        <p className="reader-meta">
          {[article.outlet, article.byline, article.place, article.published?.edtf].filter(Boolean).join(' · ')}
        </p>
        {article.paragraphs.map((p) => (
          <p key={p.ordinal} className="paragraph" data-ordinal={p.ordinal}>
            <span className="ordinal" aria-hidden="true">
              {p.ordinal}
            </span>
            {p.text}
          </p>
        ))}
      </article>
    </section>
  )
}
