import { useMemo } from 'react'
import type { OriginalFile } from '../../../shared/originals'
import { isHtmlMediaType } from '../../../shared/originals'
import { errorMessage } from '../data/errors'
import { useApiQuery } from '../data/hooks'
import { INLINE } from '../data/meta'
import { bytes } from '../lib/format'
import { openLink } from '../lib/openLink'
import { sanitizeArticleHtml } from '../lib/sanitize'

const WITHHELD: Record<NonNullable<OriginalFile['withheld']>, string> = {
  binary: 'This original is a binary file (PDF, Word…); the clean text is what could be read from it.',
  'too-large': 'This original is too large to show here.',
  missing: 'The original file is missing from the archive folder.',
  undecodable: 'This original could not be decoded as text.'
}

/** The article's original file: HTML only sanitized inside a sandboxed frame, other text as text. */
export function OriginalView({ articleId }: { articleId: number }): React.JSX.Element {
  const asked = useApiQuery('getOriginal', { id: articleId }, { meta: INLINE })
  const original = asked.data ?? null
  const error = asked.error ? errorMessage(asked.error) : null

  const safe = useMemo(() => (original?.text != null && isHtmlMediaType(original.mediaType) ? sanitizeArticleHtml(original.text) : null), [original])

  if (error) return <p className="empty">{error}</p>
  if (!original) return <p className="empty">Opening the original…</p>
  return (
    <div className="original">
      <p className="muted">
        {original.name} · {original.mediaType} · {bytes(original.size)}
        {safe && ' · shown sanitized: no scripts, no images, nothing loaded from the internet'}
      </p>
      {original.text === null ? (
        <p className="empty">{WITHHELD[original.withheld ?? 'binary']}</p>
      ) : safe ? (
        <>
          <iframe className="original-frame" title={`Original of ${original.name} (sanitized)`} sandbox="" srcDoc={safe.document} referrerPolicy="no-referrer" data-testid="original-frame" />
          {safe.links.length > 0 && (
            <details className="original-links">
              <summary>Links in this page ({safe.links.length})</summary>
              <ul>
                {safe.links.map((l) => (
                  <li key={l.url}>
                    <button type="button" className="link-button" onClick={() => void openLink(l.url)} title={l.url}>
                      {l.text}
                    </button>{' '}
                    <span className="muted">{new URL(l.url).hostname}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      ) : (
        <pre className="original-text">{original.text}</pre>
      )}
    </div>
  )
}
