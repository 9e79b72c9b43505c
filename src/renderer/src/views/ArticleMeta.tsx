import { useState } from 'react'
import type { ArticleDetail } from '../../../shared/types'
import { humanizeEdtfString, tryParseEdtf } from '../../../shared/edtf'
import { api } from '../api/client'

interface Props {
  article: ArticleDetail
  onSaved(a: ArticleDetail): void
}

/** Edits an article's title, outlet, byline, place and publication date (EDTF, any precision). */
export function ArticleMeta({ article, onSaved }: Props): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState(article.title)
  const [outlet, setOutlet] = useState(article.outlet ?? '')
  const [byline, setByline] = useState(article.byline ?? '')
  const [place, setPlace] = useState(article.place ?? '')
  const [date, setDate] = useState(article.published?.edtf ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!open) {
    return (
      <button type="button" className="link-button edit-meta" onClick={() => setOpen(true)}>
        Edit details
      </button>
    )
  }
  const dateOk = date.trim() === '' || tryParseEdtf(date.trim()) !== null
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date.trim())
  const save = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (!dateOk) return
    setBusy(true)
    setError(null)
    try {
      const blank = (s: string): string | null => (s.trim() === '' ? null : s.trim())
      let next = (await api.updateArticle({ id: article.id, title: title.trim() || article.title, outlet: blank(outlet), byline: blank(byline), place: blank(place) })).article
      const newDate = blank(date)
      if (newDate !== (article.published?.edtf ?? null)) next = await api.setArticleDate({ id: article.id, edtf: newDate })
      onSaved(next)
      setOpen(false)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="meta-editor" aria-label="Article details" onSubmit={(e) => void save(e)}>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Outlet <input value={outlet} onChange={(e) => setOutlet(e.target.value)} />
      </label>
      <label>
        Byline <input value={byline} onChange={(e) => setByline(e.target.value)} />
      </label>
      <label>
        Place <input value={place} onChange={(e) => setPlace(e.target.value)} />
      </label>
      <label>
        Published (EDTF) <input value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={!dateOk} placeholder="2023-10-14, 2023-10 or 2023" />
      </label>
      <span className="precision-buttons" role="group" aria-label="Date precision">
        {(['day', 'month', 'year'] as const).map((p) => {
          const value = m ? (p === 'year' ? m[1]! : p === 'month' && m[2] ? `${m[1]}-${m[2]}` : m[3] ? `${m[1]}-${m[2]}-${m[3]}` : '') : ''
          return (
            <button key={p} type="button" disabled={!value} aria-pressed={date.trim() === value} onClick={() => setDate(value)}>
              {p}
            </button>
          )
        })}
        <span className="date-read">{date.trim() && dateOk ? humanizeEdtfString(date.trim()) : ''}</span>
      </span>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !dateOk}>
          Save details
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
