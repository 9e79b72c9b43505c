import { useState } from 'react'
import type { ArticleDetail } from '../../../shared/types'
import { count } from '../lib/format'

/** Links shown before the rest are folded away: a wire story can share paragraphs with dozens. */
const SHOWN = 3

interface Props {
  nearDuplicates: ArticleDetail['nearDuplicates']
  onOpenArticle(id: number): void
}

/**
 * The articles an article shares paragraphs with, most shared first, under the Reader's headline.
 * Past the first few they fold behind a button: at 100,000 generated articles a story could share
 * a paragraph with 50 others, a list that pushed its text below the window.
 */
export function NearDuplicates({ nearDuplicates, onOpenArticle }: Props): React.JSX.Element | null {
  const [open, setOpen] = useState(false)
  if (nearDuplicates.length === 0) return null
  const shown = open ? nearDuplicates : nearDuplicates.slice(0, SHOWN)
  const folded = nearDuplicates.length - shown.length
  return (
    <div className="near-dups">
      <ul aria-label="Near-duplicates">
        {shown.map((n) => (
          <li key={n.articleId}>
            Shares {n.sharedParagraphs} paragraph{n.sharedParagraphs === 1 ? '' : 's'} with{' '}
            <button type="button" className="link-button" onClick={() => onOpenArticle(n.articleId)}>
              {n.title}
            </button>
            {n.outlet ? ` (${n.outlet})` : ''}
          </li>
        ))}
      </ul>
      {nearDuplicates.length > SHOWN && (
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show fewer' : `Show ${count(folded)} more ${folded === 1 ? 'article' : 'articles'} sharing paragraphs`}
        </button>
      )}
    </div>
  )
}
