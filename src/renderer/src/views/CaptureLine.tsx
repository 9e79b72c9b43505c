import { CAPTURE_TOOL_NAMES, captureClause } from '../../../shared/capture'
import type { ArticleDetail } from '../../../shared/types'

interface Props {
  article: Pick<ArticleDetail, 'capture' | 'attachedTo' | 'file'>
  onOpenArticle(id: number): void
}

/**
 * Where a captured article came from, under the Reader's headline: when and from which address
 * it was captured, with what, and where in the imported file the record sits; an attachment
 * links to the message it came with.
 */
export function CaptureLine({ article, onOpenArticle }: Props): React.JSX.Element | null {
  const { capture, attachedTo } = article
  if (!capture) return null
  const clause = captureClause(capture)
  const tool = capture.software ? `${CAPTURE_TOOL_NAMES[capture.tool]} (${capture.software})` : CAPTURE_TOOL_NAMES[capture.tool]
  const place = [
    capture.member !== null ? capture.member : null,
    capture.offset !== null ? `byte ${capture.offset}` : null,
    article.file ? `of ${article.file.name}` : null
  ].filter(Boolean)
  return (
    <p className="reader-capture" aria-label="Capture provenance">
      {clause ? `${clause[0]!.toUpperCase()}${clause.slice(1)}` : 'Captured'} · {tool}
      {capture.offset !== null || capture.member !== null ? ` · ${place.join(' ')}` : ''}
      {attachedTo !== null && (
        <>
          {' · '}
          <button type="button" className="link-button" onClick={() => onOpenArticle(attachedTo)}>
            attached to its message
          </button>
        </>
      )}
    </p>
  )
}
