import { useEffect, useMemo, useState } from 'react'
import type { OriginalFile } from '../../../shared/originals'
import { isHtmlMediaType } from '../../../shared/originals'
import { api, host } from '../api/client'
import { bytes } from '../lib/format'
import { sanitizeArticleHtml } from '../lib/sanitize'

const WITHHELD: Record<NonNullable<OriginalFile['withheld']>, string> = {
  binary: 'This original is a binary file (PDF, Word…); the clean text is what could be read from it.',
  'too-large': 'This original is too large to show here.',
  missing: 'The original file is missing from the archive folder.',
  undecodable: 'This original could not be decoded as text.'
}

async function openLink(url: string): Promise<void> {
  if (host.kind === 'electron') {
    await host.openExternal(url)
    return
  }
  if (window.confirm(`Open this address in a new browser tab?\n\n${url}\n\nThe page will be loaded from the internet.`)) {
    window.open(url, '_blank', 'noopener,noreferrer')
  }
}

/** The article's original file: HTML only sanitized inside a sandboxed frame, other text as text. */
export function OriginalView({ articleId }: { articleId: number }): React.JSX.Element {
  const [original, setOriginal] = useState<OriginalFile | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let stale = false
    setOriginal(null)
    setError(null)
    api
      .getOriginal({ id: articleId })
      .then((o) => {
        if (!stale) setOriginal(o)
      })
      .catch((err: unknown) => {
        if (!stale) setError(err instanceof Error ? err.message : String(err))
      })
    return () => {
      stale = true
    }
  }, [articleId])

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
