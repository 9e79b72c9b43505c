import { useState } from 'react'
import { LANGUAGE_TAG } from '../../../shared/chronology'
import type { ArticleDetail } from '../../../shared/types'
import { humanizeEdtfString, tryParseEdtf } from '../../../shared/edtf'
import { confirmedEdtf, publishedDoubt } from '../../../shared/published'
import { useApiMutation, useQueryClient } from '../data/hooks'
import { errorMessage } from '../data/errors'
import { apiKey } from '../data/keys'
import { INLINE } from '../data/meta'
import { NameListInput } from '../components/NameListInput'
import { TagChips } from '../components/TagChips'

interface Props {
  article: ArticleDetail
  /** Runs the search for a tag (a tag chip was clicked). */
  onTagSearch(name: string): void
}

/** The comma-separated tag field's names, trimmed, empty entries dropped. */
function splitTags(value: string): string[] {
  return value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
}

/**
 * Shows the article's tags and, when its publication year is a guess, a "Confirm year" action;
 * edits its title, outlet, byline, place, language, publication date (EDTF, any precision) and tags.
 */
export function ArticleMeta({ article, onTagSearch }: Props): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState(article.title)
  const [outlet, setOutlet] = useState(article.outlet ?? '')
  const [byline, setByline] = useState(article.byline ?? '')
  const [place, setPlace] = useState(article.place ?? '')
  const [language, setLanguage] = useState(article.language ?? '')
  const [date, setDate] = useState(article.published?.edtf ?? '')
  const [tags, setTags] = useState(article.tags.join(', '))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const qc = useQueryClient()
  // The form shows a refused edit itself; the change events refresh everything else.
  const setArticleDate = useApiMutation('setArticleDate', { meta: INLINE })
  const updateArticle = useApiMutation('updateArticle', { meta: INLINE })
  const setArticleTags = useApiMutation('setArticleTags', { meta: INLINE })
  // Shown at once, before the change event's refetch arrives.
  const onSaved = (a: ArticleDetail): void => {
    qc.setQueryData(apiKey('getArticle', { id: a.id }), a)
  }

  const confirmed = article.published ? confirmedEdtf(article.published) : null
  const confirmYear = async (): Promise<void> => {
    if (confirmed === null) return
    setBusy(true)
    setError(null)
    try {
      onSaved({ ...(await setArticleDate.mutateAsync({ id: article.id, edtf: confirmed })), tags: article.tags })
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  if (!open) {
    const unknownYear = article.published !== null && publishedDoubt(article.published) === 'unknown-year'
    return (
      <div className="article-tags-row">
        <TagChips tags={article.tags} onTag={onTagSearch} />
        {confirmed !== null && (
          <button
            type="button"
            className="link-button"
            disabled={busy}
            title={`Store ${humanizeEdtfString(confirmed)} as the publication date, no longer a guess (Edit details to correct it)`}
            onClick={() => void confirmYear()}
          >
            Confirm year {confirmed.slice(0, 4)}
          </button>
        )}
        {unknownYear && <span className="date-doubt">Year unknown: set it in Edit details</span>}
        {error && (
          <span className="form-error" role="alert">
            {error}
          </span>
        )}
        <button
          type="button"
          className="link-button edit-meta"
          onClick={() => {
            // Tags may have changed from the Library since this editor was made.
            setTags(article.tags.join(', '))
            setDate(article.published?.edtf ?? '')
            setLanguage(article.language ?? '')
            setOpen(true)
          }}
        >
          Edit details
        </button>
      </div>
    )
  }
  const dateOk = date.trim() === '' || tryParseEdtf(date.trim()) !== null
  const languageOk = LANGUAGE_TAG.test(language.trim()) || language.trim() === ''
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date.trim())
  const save = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (!dateOk || !languageOk) return
    setBusy(true)
    setError(null)
    try {
      const blank = (s: string): string | null => (s.trim() === '' ? null : s.trim())
      const wanted = splitTags(tags)
      // Tags first: they are the likelier to be refused, and then nothing else is half-saved.
      const stored = wanted.join('\n') === article.tags.join('\n') ? article.tags : (await setArticleTags.mutateAsync({ id: article.id, tags: wanted })).tags
      let next = (await updateArticle.mutateAsync({ id: article.id, title: title.trim() || article.title, outlet: blank(outlet), byline: blank(byline), place: blank(place), language: blank(language) })).article
      const newDate = blank(date)
      if (newDate !== (article.published?.edtf ?? null)) next = await setArticleDate.mutateAsync({ id: article.id, edtf: newDate })
      onSaved({ ...next, tags: stored })
      setOpen(false)
    } catch (err) {
      setError(errorMessage(err))
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
      <label title="Decides how dates in the text are read">
        Language <input value={language} onChange={(e) => setLanguage(e.target.value)} aria-invalid={!languageOk} placeholder="en, pt, ru, pt-BR" />
      </label>
      {/* The precision buttons share the date's cell, so the grid never sets them under another field. */}
      <div className="meta-date">
        <label>
          Published (EDTF) <input value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={!dateOk} placeholder="2023-10-14, 2023-10, 2023 or XXXX-10-14" />
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
      </div>
      <label htmlFor={`article-${article.id}-tags`}>
        Tags <NameListInput id={`article-${article.id}-tags`} value={tags} onChange={setTags} kind="article-tag" />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !dateOk || !languageOk}>
          Save details
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
